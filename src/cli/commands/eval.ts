// `medcode eval <gold.jsonl> --db PATH [--k 1,3,5,10] [--json] [--setting inpatient|outpatient]`:
// runs the analyzer over a gold set and reports micro P/R/F1 of the returned set, P@k/R@k and
// MAP (CodiEsp definition), at code and 3-character category level.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { analyzeNote } from '../../core/analysis/index';
import { evaluate, stripSeventhCharacter, type EvalDocument, type LevelMetrics } from '../../core/suggest/evaluate';
import { evaluateOutpatient, type OutpatientGold, type OutpatientReport, type OutpatientRun } from '../../core/suggest/evaluateOutpatient';
import { icdDisplay } from '../../core/codes';
import { ALL_THRESHOLD, DEFAULT_THRESHOLD, type Setting } from '../../core/suggest/types';
import { flagDate, flagBool, flagString, UsageError, type CliCommand, type CliIO } from '../command';
import { dbPathFromArgs, openIndexForNotes, requireSetInForce } from '../openIndex';

const USAGE = `Usage: medcode eval <gold.jsonl> [--db PATH] [--k 1,3,5,10] [--json] [--setting inpatient|outpatient] [--threshold X] [--date YYYY-MM-DD]
                   [--notes FOLDER|CSV] [--hcc ra_dx_to_cc.csv] [--only-errors]

Two gold formats are read.
Outpatient gold (one {"id", "required", "acceptable", "principal", "em", "hcpcs", "wrong_if_suggested"}
per line, the aci-us-gold format): scored as a US coder judges a claim: precision of the default
suggestions, recall of required conditions, first-listed diagnosis, office E/M defensible and
offered, and (with --hcc, a CMS-HCC ra_dx_to_cc table) wrong suggestions carrying a V28 payment
HCC; then, per note, the wrong and missed codes and the E/M. Note texts come from "text",
"textFile", --notes (a folder of <id>.txt, or an ACI-Bench CSV with encounter_id and note
columns), else notes/<id>.txt beside the gold file. The setting defaults to outpatient.
CodiEsp-style gold: each line {"id", "textFile" (relative to the file's folder) or "text", "codes": [...]}.
Reports micro precision/recall/F1 of the codes returned at the default threshold, precision and
recall at each k and MAP over the full ranked list (--all threshold), at code and category level.
Gold codes the loaded release lacks count as misses. The default setting is inpatient: the gold
sets this is made for (CodiEsp) are hospital case reports. --date codes every note with the
code-set versions in force on that date (default: the latest), e.g. the release closest to the
edition the gold codes were assigned with.`;

interface GoldLine { id: string; text: string; codes: string[]; outpatient?: OutpatientGold }

type NoteSource = (id: string) => string | undefined;

/** Reads an ACI-Bench style CSV (quoted fields over line breaks) into id -> note text. */
function csvNotes(path: string): Map<string, string> {
  const raw = readFileSync(path, 'utf8');
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i]!;
    if (quoted) {
      if (ch === '"') {
        if (raw[i + 1] === '"') { field += '"'; i++; } else quoted = false;
      } else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(field); field = ''; }
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && raw[i + 1] === '\n') i++;
      row.push(field); field = '';
      rows.push(row); row = [];
    } else field += ch;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  const header = rows.shift() ?? [];
  const idCol = header.indexOf('encounter_id');
  const noteCol = header.indexOf('note');
  if (idCol < 0 || noteCol < 0) throw new UsageError(`${path} has no encounter_id and note columns (the ACI-Bench CSV layout).`);
  return new Map(rows.filter((r) => r.length > noteCol).map((r) => [r[idCol]!, r[noteCol]!]));
}

function noteSource(notes: string | undefined, goldPath: string): NoteSource {
  const folder = notes ?? join(dirname(goldPath), 'notes');
  if (notes && existsSync(notes) && statSync(notes).isFile()) {
    const byId = csvNotes(notes);
    return (id) => byId.get(id);
  }
  return (id) => {
    const p = join(folder, `${id}.txt`);
    return existsSync(p) ? readFileSync(p, 'utf8') : undefined;
  };
}

function codeList(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((c): c is string => typeof c === 'string') : [];
}

function readGold(path: string, shown: string, notes: NoteSource): GoldLine[] {
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot read ${shown}: ${code === 'ENOENT' ? 'no such file' : (e as Error).message}.`);
  }
  const out: GoldLine[] = [];
  raw.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    let rec: { id?: unknown; text?: unknown; textFile?: unknown; codes?: unknown; required?: unknown; acceptable?: unknown; principal?: unknown; em?: unknown; hcpcs?: unknown; wrong_if_suggested?: unknown };
    try {
      rec = JSON.parse(line) as typeof rec;
    } catch {
      throw new UsageError(`${shown}, line ${i + 1}: not valid JSON; each line must be one {"id", "textFile" or "text", "codes"} object.`);
    }
    const id = typeof rec.id === 'string' ? rec.id : String(i + 1);
    if (Array.isArray(rec.required)) {
      if (!rec.required.every((alts) => Array.isArray(alts) && alts.every((c) => typeof c === 'string'))) throw new UsageError(`${shown}, line ${i + 1}: "required" must be a list of lists of codes (one inner list per condition).`);
      const text = typeof rec.text === 'string' ? rec.text : typeof rec.textFile === 'string' ? readTextFile(path, shown, i, rec.textFile) : notes(id);
      if (text === undefined) throw new UsageError(`${shown}, line ${i + 1}: no text for note ${id}: give --notes (a folder of <id>.txt or the ACI-Bench CSV), or put notes/${id}.txt beside the gold file.`);
      const outpatient: OutpatientGold = { id, required: rec.required as string[][], acceptable: codeList(rec.acceptable), principal: codeList(rec.principal), em: codeList(rec.em), hcpcs: codeList(rec.hcpcs), wrongIfSuggested: codeList(rec.wrong_if_suggested) };
      out.push({ id, text, codes: [...new Set([...outpatient.required.flat(), ...outpatient.principal])], outpatient });
      return;
    }
    if (!Array.isArray(rec.codes) || !rec.codes.every((c) => typeof c === 'string')) throw new UsageError(`${shown}, line ${i + 1}: "codes" must be an array of code strings.`);
    let text: string;
    if (typeof rec.text === 'string') text = rec.text;
    else if (typeof rec.textFile === 'string') text = readTextFile(path, shown, i, rec.textFile);
    else throw new UsageError(`${shown}, line ${i + 1}: give the note as "text" or "textFile".`);
    out.push({ id, text, codes: rec.codes as string[] });
  });
  if (out.length === 0) throw new UsageError(`${shown} holds no gold lines.`);
  if (out.some((g) => g.outpatient) && out.some((g) => !g.outpatient)) throw new UsageError(`${shown} mixes outpatient gold lines ("required") with CodiEsp-style lines ("codes"); keep one format per file.`);
  return out;
}

function readTextFile(path: string, shown: string, i: number, textFile: string): string {
  try {
    return readFileSync(resolve(dirname(path), textFile), 'utf8');
  } catch {
    throw new UsageError(`${shown}, line ${i + 1}: cannot read textFile "${textFile}" (paths are relative to the gold file's folder).`);
  }
}

/** The CMS-HCC V28 payment category of each diagnosis code, from a ra_dx_to_cc table. */
function readHccTable(path: string, shown: string): Map<string, string> {
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch {
    throw new UsageError(`cannot read the HCC table ${shown}.`);
  }
  const lines = raw.split(/\r?\n/);
  const header = (lines.shift() ?? '').split(',');
  const dx = header.indexOf('diagnosis_code'), cc = header.indexOf('cc'), model = header.indexOf('model_name');
  if (dx < 0 || cc < 0 || model < 0) throw new UsageError(`${shown} is not a ra_dx_to_cc table (columns diagnosis_code, cc, model_name).`);
  const out = new Map<string, string>();
  for (const line of lines) {
    const f = line.split(',');
    if (f[model] === 'CMS-HCC Model V28') out.set(f[dx]!, `HCC ${f[cc]}`);
  }
  return out;
}

function printOutpatient(io: CliIO, r: OutpatientReport, notesOnly: boolean): void {
  for (const n of r.perNote) {
    const bad = n.wrong.length > 0 || n.missed.length > 0 || !n.firstListed.correct || !n.em.defensible;
    if (notesOnly && !bad) continue;
    io.stdout(`${n.id}: suggested ${n.suggested.join(' ') || '-'}\n`);
    if (n.wrong.length) io.stdout(`  wrong   ${n.wrong.map((w) => `${w.code}${w.hcc ? ` (${w.hcc})` : ''}${w.flagged ? ' [listed wrong]' : ''}`).join(', ')}\n`);
    if (n.missed.length) io.stdout(`  missed  ${n.missed.map((alts) => alts.join('|')).join(', ')}\n`);
    if (!n.firstListed.correct && n.firstListed.expected.length) io.stdout(`  first   ${n.firstListed.suggested ?? '-'} (expected ${n.firstListed.expected.join('|')})\n`);
    if (n.em.expected.length || n.em.suggested) io.stdout(`  E/M     ${n.em.suggested ?? '-'} ${n.em.defensible ? 'ok' : `(defensible ${n.em.expected.join('|') || 'none'})`}${n.em.reason ? `: ${n.em.reason}` : ''}\n`);
  }
  io.stdout(`\n${r.notes} notes: precision ${r.precision.toFixed(3)} (${r.counts.correct}/${r.counts.suggested})  recall ${r.recall.toFixed(3)} (${r.counts.found}/${r.counts.required})  F1 ${r.f1.toFixed(3)}\n`);
  io.stdout(`first-listed ${r.firstListed.toFixed(3)}  wrong with a V28 HCC ${r.wrongHcc}  E/M defensible ${r.emDefensible.toFixed(3)} (offered ${r.emOffered.toFixed(3)}, ${r.counts.emNotes} notes)  HCPCS ${r.counts.hcpcsCorrect}/${r.counts.hcpcsSuggested}\n`);
}

function parseKs(text: string | undefined): number[] {
  if (!text) return [1, 3, 5, 10];
  const ks = text.split(',').map((s) => Number(s.trim()));
  if (ks.some((k) => !Number.isInteger(k) || k < 1)) throw new UsageError(`--k takes positive whole numbers separated by commas (1,3,5,10), not "${text}".`);
  return ks;
}

function printLevel(io: CliIO, name: string, m: LevelMetrics): void {
  io.stdout(`${name}: P ${m.precision.toFixed(3)}  R ${m.recall.toFixed(3)}  F1 ${m.f1.toFixed(3)}  MAP ${m.map.toFixed(3)}  (tp ${m.truePositives}, fp ${m.falsePositives}, fn ${m.falseNegatives})\n`);
  io.stdout(`  ${Object.entries(m.atK).map(([k, v]) => `P@${k} ${v.precision.toFixed(3)} R@${k} ${v.recall.toFixed(3)}`).join('  ')}\n`);
}

export const command: CliCommand = {
  name: 'eval',
  summary: 'measure suggestion accuracy against a gold JSONL set (P/R/F1, P@k, MAP)',
  usage: USAGE,
  async run(args, io) {
    const file = args.positionals[0];
    if (!file) throw new UsageError(`give the gold JSONL file.\n${USAGE}`);
    const ks = parseKs(flagString(args, 'k'));
    const notesFlag = flagString(args, 'notes');
    const gold = readGold(resolve(io.cwd, file), file, noteSource(notesFlag === undefined ? undefined : resolve(io.cwd, notesFlag), resolve(io.cwd, file)));
    const outpatientGold = gold.some((g) => g.outpatient);
    const setting = (flagString(args, 'setting') ?? (outpatientGold ? 'outpatient' : 'inpatient')) as Setting;
    if (setting !== 'inpatient' && setting !== 'outpatient') throw new UsageError(`--setting takes inpatient or outpatient, not "${setting}".`);
    const hccFlag = flagString(args, 'hcc');
    const hcc = hccFlag === undefined ? undefined : readHccTable(resolve(io.cwd, hccFlag), hccFlag);
    const thresholdText = flagString(args, 'threshold');
    const threshold = thresholdText === undefined ? DEFAULT_THRESHOLD : Number(thresholdText);
    if (!(threshold >= 0 && threshold <= 1)) throw new UsageError(`--threshold takes a number from 0 to 1, not "${thresholdText}".`);
    const date = flagDate(args);
    const index = await openIndexForNotes(dbPathFromArgs(args, io));
    try {
      if (date) requireSetInForce(index, date);
      if (outpatientGold) {
        const runs: OutpatientRun[] = [];
        for (const g of gold) {
          const { suggestions } = await analyzeNote(index, g.text, undefined, date, { setting, threshold });
          const em = suggestions.find((s) => s.system === 'cpt' && /^99(?:20[2-5]|21[1-5]|38[1-7]|39[1-7]|024)$/.test(s.code));
          runs.push({
            gold: g.outpatient!,
            diagnoses: suggestions.filter((s) => s.system === 'icd10cm').map((s) => s.code),
            ...(em ? { em: em.code, emReason: em.reason } : {}),
            hcpcs: suggestions.filter((s) => s.system === 'hcpcs').map((s) => s.code),
          });
        }
        const report = evaluateOutpatient(runs, hcc ? (c) => hcc.get(c) : undefined);
        const icd = index.setFor('icd10cm', date);
        if (flagBool(args, 'json')) io.stdout(JSON.stringify({ gold: file, setting, ...(date ? { date } : {}), threshold, codeSet: icd ? `${icd.system} ${icd.version}` : undefined, hccTable: hccFlag ?? null, ...report }, null, 2) + '\n');
        else printOutpatient(io, report, flagBool(args, 'only-errors'));
        return 0;
      }
      const docs: EvalDocument[] = [];
      let absent = 0;
      const started = Date.now();
      for (const g of gold) {
        const { suggestions } = await analyzeNote(index, g.text, undefined, date, { setting, threshold: Math.min(ALL_THRESHOLD, threshold) });
        const dx = suggestions.filter((s) => s.system === 'icd10cm');
        docs.push({ id: g.id, gold: g.codes, ranked: dx.map((s) => s.code), returned: dx.filter((s) => s.score >= threshold).map((s) => s.code) });
        for (const c of new Set(g.codes.map(icdDisplay))) if (!index.lookup(c, { system: 'icd10cm', ...(date ? { date } : {}) })) absent++;
      }
      const report = evaluate(docs, ks, (c) => (index.seventhChars(c, { system: 'icd10cm', ...(date ? { date } : {}) }).length > 0 ? stripSeventhCharacter(c) : undefined));
      const icd = index.setFor('icd10cm', date);
      const out = { gold: file, setting, ...(date ? { date } : {}), threshold, rankedThreshold: Math.min(ALL_THRESHOLD, threshold), codeSet: icd ? `${icd.system} ${icd.version}` : undefined, goldCodesAbsentFromRelease: absent, seconds: Math.round((Date.now() - started) / 100) / 10, ...report };
      if (flagBool(args, 'json')) io.stdout(JSON.stringify(out, null, 2) + '\n');
      else {
        io.stdout(`${report.documents} documents, ${report.goldCodes} gold codes (${absent} absent from ${out.codeSet ?? 'the loaded release'}), setting ${setting}, threshold ${threshold}\n`);
        printLevel(io, 'code', report.code);
        printLevel(io, 'category', report.category);
      }
    } finally {
      index.close();
    }
    return 0;
  },
};
