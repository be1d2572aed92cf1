// Merges two independent coding passes of the same notes (the aci-us-gold protocol, one JSON
// object per note) into one gold file, the way ../shared/corpora/aci-us-gold was merged:
//   required    a condition both passes required stays required (its alternatives joined); a
//               condition only one pass required moves to acceptable
//   acceptable, principal, em, hcpcs   unions
//   wrong_if_suggested   union, less anything either pass accepted
//   agreement   {both, only_a, only_b} condition counts
// Two conditions are the same when their code lists share a code, else a 3-character category.
// Rationales are not carried over (they paraphrase the note text, which stays in ../shared).
//   node scripts/merge-gold.mjs passA.jsonl passB.jsonl > test/gold/aci-train-heldout.jsonl
import { readFileSync } from 'node:fs';

function read(path) {
  const out = new Map();
  readFileSync(path, 'utf8').split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    let rec;
    try {
      rec = JSON.parse(line);
    } catch {
      throw new Error(`${path}, line ${i + 1}: not valid JSON`);
    }
    if (typeof rec.id !== 'string' || !Array.isArray(rec.required)) throw new Error(`${path}, line ${i + 1}: needs "id" and "required"`);
    out.set(rec.id, rec);
  });
  return out;
}

const bare = (c) => String(c).replace('.', '').trim().toUpperCase();
const list = (v) => (Array.isArray(v) ? v.map(bare) : []);
const union = (...lists) => [...new Set(lists.flat())].sort();

function sameCondition(a, b) {
  if (a.some((c) => b.includes(c))) return true;
  return a.some((c) => b.some((d) => c.slice(0, 3) === d.slice(0, 3)));
}

function merge(a, b) {
  const ra = a.required.map(list);
  const rb = b.required.map(list);
  const usedB = new Set();
  const required = [];
  const acceptable = [...list(a.acceptable), ...list(b.acceptable)];
  let both = 0, onlyA = 0;
  for (const cond of ra) {
    const j = rb.findIndex((other, k) => !usedB.has(k) && sameCondition(cond, other));
    if (j >= 0) {
      usedB.add(j);
      required.push(union(cond, rb[j]));
      both++;
    } else {
      acceptable.push(...cond);
      onlyA++;
    }
  }
  let onlyB = 0;
  rb.forEach((cond, k) => {
    if (usedB.has(k)) return;
    acceptable.push(...cond);
    onlyB++;
  });
  const accepted = new Set([...required.flat(), ...acceptable, ...list(a.principal), ...list(b.principal)]);
  return {
    id: a.id,
    required,
    acceptable: union(acceptable).filter((c) => !required.flat().includes(c)),
    principal: union(list(a.principal), list(b.principal)),
    em: union(list(a.em), list(b.em)),
    hcpcs: union(list(a.hcpcs), list(b.hcpcs)),
    wrong_if_suggested: union(list(a.wrong_if_suggested), list(b.wrong_if_suggested)).filter((c) => !accepted.has(c)),
    agreement: { both, only_a: onlyA, only_b: onlyB },
  };
}

const [pathA, pathB] = process.argv.slice(2);
if (!pathA || !pathB) {
  console.error('usage: node scripts/merge-gold.mjs passA.jsonl passB.jsonl > merged.jsonl');
  process.exit(2);
}
const a = read(pathA);
const b = read(pathB);
const ids = [...a.keys()].filter((id) => b.has(id)).sort();
const missing = [...new Set([...a.keys(), ...b.keys()])].filter((id) => !(a.has(id) && b.has(id)));
if (missing.length) console.error(`left out (coded by one pass only): ${missing.join(', ')}`);
let both = 0, onlyA = 0, onlyB = 0;
for (const id of ids) {
  const m = merge(a.get(id), b.get(id));
  both += m.agreement.both;
  onlyA += m.agreement.only_a;
  onlyB += m.agreement.only_b;
  process.stdout.write(JSON.stringify(m) + '\n');
}
console.error(`${ids.length} notes merged; conditions: ${both} both passes, ${onlyA} pass A only, ${onlyB} pass B only`);
