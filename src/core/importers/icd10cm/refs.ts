// Parses the code references written in Tabular List notes into normalized code ranges:
// "(E08.-)" -> [E08,E08]; "(O10-O11, O13-O16)" -> [O10,O11],[O13,O16]; "E10.1-" -> [E101,E101];
// "(S00.- to S09.-)" -> [S00,S09]; "(E08-E13 with .21)" -> [E0821,E0821] ... [E1321,E1321].
import type { CodeRange } from '../types';

// ICD-10-CM codes always start with a letter and a digit; requiring the digit keeps words
// such as NOS, NEC or HIV out. A trailing "-" or ".-" means "and the codes below".
const CODE = String.raw`[A-Z][0-9][0-9A-Z](?:\.[0-9A-Z]{0,4})?`;
const DASH = String.raw`(?:\.?-)?`;
const REF = new RegExp(
  String.raw`(?<![A-Za-z0-9.])(${CODE})${DASH}(?:\s*(?:-|\bto\b|\bthrough\b)\s*(${CODE})${DASH})?(?![0-9A-Za-z])`,
  'g',
);
// "with .21", "with .51-.52", "with .14, .24, .94", "with .61-"
const WITH_SUFFIXES = /^\s*,?\s*with\s+((?:\.[0-9A-Z]{1,4}(?:\s*-\s*\.[0-9A-Z]{1,4})?-?\s*(?:,\s*|\.\s+|and\s+|or\s+)?)+)/;
const SUFFIX = /\.([0-9A-Z]{1,4})(?:\s*-\s*\.([0-9A-Z]{1,4}))?-?/g;
const MAX_CATEGORY_SPAN = 40;

function clean(code: string): string {
  return code.replace(/[.\s-]/g, '');
}

/** Code ranges referenced by a note, in order of appearance, without duplicates. */
export function parseCodeRefs(text: string): CodeRange[] {
  const out: CodeRange[] = [];
  const seen = new Set<string>();
  const push = (r: CodeRange) => {
    const key = `${r[0]}|${r[1]}`;
    if (!seen.has(key)) { seen.add(key); out.push(r); }
  };
  // Codes listed before a "with .xx" phrase in the same clause share those suffixes:
  // "(F10, F13, F19 with .26, .96)". A parenthesis or semicolon ends a clause.
  let clause: CodeRange[] = [];
  let last = 0;
  for (const m of text.matchAll(REF)) {
    if (/[();]/.test(text.slice(last, m.index))) { clause.forEach(push); clause = []; }
    const from = clean(m[1]!);
    clause.push([from, m[2] !== undefined ? clean(m[2]) : from]);
    last = m.index + m[0].length;
    const suffixes = text.slice(last, last + 200).match(WITH_SUFFIXES);
    if (!suffixes) continue;
    for (const [a, b] of clause) withSuffixes(a, b, suffixes[1]!).forEach(push);
    clause = [];
    last += suffixes[0].length;
  }
  clause.forEach(push);
  return out;
}

function withSuffixes(from: string, to: string, suffixText: string): CodeRange[] {
  const out: CodeRange[] = [];
  const bases = expandCategories(from, to);
  for (const s of suffixText.matchAll(SUFFIX)) {
    const a = s[1]!;
    const b = s[2] ?? a;
    if (bases) for (const cat of bases) out.push([cat + a, cat + b]);
    else out.push([from + a, to + b]);
  }
  return out;
}

/** E08-E13 -> E08, E09, E10, E11, E12, E13 (categories only, same letter, bounded span). */
function expandCategories(from: string, to: string): string[] | undefined {
  if (from.length !== 3 || to.length !== 3 || from[0] !== to[0]) return undefined;
  const a = Number(from.slice(1));
  const b = Number(to.slice(1));
  if (!Number.isInteger(a) || !Number.isInteger(b) || b < a || b - a > MAX_CATEGORY_SPAN) return undefined;
  const cats: string[] = [];
  for (let n = a; n <= b; n++) cats.push(from[0] + String(n).padStart(2, '0'));
  return cats;
}
