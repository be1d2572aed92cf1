// `medcode eval <gold.jsonl> --db PATH [--k 1,3,5,10] [--json] [--setting inpatient|outpatient]`:
// runs the analyzer over a gold set and reports micro P/R/F1 of the returned set, P@k/R@k and
// MAP (CodiEsp definition), at code and 3-character category level.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { analyzeNote } from '../../core/analysis/index';
import { canonicalCode, evaluate, stripSeventhCharacter, type EvalDocument, type LevelMetrics } from '../../core/suggest/evaluate';
import { ALL_THRESHOLD, DEFAULT_THRESHOLD, type Setting } from '../../core/suggest/types';
import { flagDate, flagBool, flagString, UsageError, type CliCommand, type CliIO } from '../command';
import { openIndexFromArgs, requireSetInForce } from '../openIndex';

const USAGE = `Usage: medcode eval <gold.jsonl> [--db PATH] [--k 1,3,5,10] [--json] [--setting inpatient|outpatient] [--threshold X] [--date YYYY-MM-DD]

Each line of the gold file: {"id", "textFile" (relative to the file's folder) or "text", "codes": [...]}.
Reports micro precision/recall/F1 of the codes returned at the default threshold, precision and
recall at each k and MAP over the full ranked list (--all threshold), at code and category level.
Gold codes the loaded release lacks count as misses. The default setting is inpatient: the gold
sets this is made for (CodiEsp) are hospital case reports. --date codes every note with the
code-set versions in force on that date (default: the latest), e.g. the release closest to the
edition the gold codes were assigned with.`;

interface GoldLine { id: string; text: string; codes: string[] }

function readGold(path: string, shown: string): GoldLine[] {
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
    let rec: { id?: unknown; text?: unknown; textFile?: unknown; codes?: unknown };
    try {
      rec = JSON.parse(line) as typeof rec;
    } catch {
      throw new UsageError(`${shown}, line ${i + 1}: not valid JSON; each line must be one {"id", "textFile" or "text", "codes"} object.`);
    }
    if (!Array.isArray(rec.codes) || !rec.codes.every((c) => typeof c === 'string')) throw new UsageError(`${shown}, line ${i + 1}: "codes" must be an array of code strings.`);
    let text: string;
    if (typeof rec.text === 'string') text = rec.text;
    else if (typeof rec.textFile === 'string') {
      try {
        text = readFileSync(resolve(dirname(path), rec.textFile), 'utf8');
      } catch {
        throw new UsageError(`${shown}, line ${i + 1}: cannot read textFile "${rec.textFile}" (paths are relative to the gold file's folder).`);
      }
    } else throw new UsageError(`${shown}, line ${i + 1}: give the note as "text" or "textFile".`);
    out.push({ id: typeof rec.id === 'string' ? rec.id : String(i + 1), text, codes: rec.codes as string[] });
  });
  if (out.length === 0) throw new UsageError(`${shown} holds no gold lines.`);
  return out;
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
    const setting = (flagString(args, 'setting') ?? 'inpatient') as Setting;
    if (setting !== 'inpatient' && setting !== 'outpatient') throw new UsageError(`--setting takes inpatient or outpatient, not "${setting}".`);
    const thresholdText = flagString(args, 'threshold');
    const threshold = thresholdText === undefined ? DEFAULT_THRESHOLD : Number(thresholdText);
    if (!(threshold >= 0 && threshold <= 1)) throw new UsageError(`--threshold takes a number from 0 to 1, not "${thresholdText}".`);
    const date = flagDate(args);
    const gold = readGold(resolve(io.cwd, file), file);
    const index = await openIndexFromArgs(args, io);
    try {
      if (date) requireSetInForce(index, date);
      const docs: EvalDocument[] = [];
      let absent = 0;
      const started = Date.now();
      for (const g of gold) {
        const { suggestions } = await analyzeNote(index, g.text, undefined, date, { setting, threshold: Math.min(ALL_THRESHOLD, threshold) });
        const dx = suggestions.filter((s) => s.system === 'icd10cm');
        docs.push({ id: g.id, gold: g.codes, ranked: dx.map((s) => s.code), returned: dx.filter((s) => s.score >= threshold).map((s) => s.code) });
        for (const c of new Set(g.codes.map(canonicalCode))) if (!index.lookup(c, { system: 'icd10cm', ...(date ? { date } : {}) })) absent++;
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
