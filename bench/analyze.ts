// Analyzer benchmark: throughput on MTSamples after the index is open, per-note latency on the
// ACI-Bench notes, and the naive baseline (every term scanned over the text) on the same notes
// in the same process, with both accuracies on a CodiEsp dev sample.
import { readFileSync } from 'node:fs';
import type { CodesetIndex } from '../src/core/codeset/api';
import { csvRecords } from '../src/core/importers/text';
import { analyzeNote } from '../src/core/suggest/analyze';
import { dictionaryFor } from '../src/core/suggest/dictionary';
import { engineFor } from '../src/core/suggest/engine';
import { evaluate, type EvalDocument } from '../src/core/suggest/evaluate';
import { buildNaivePhrases, naiveSuggest } from '../src/core/suggest/naive';
import { SpecificityResolver } from '../src/core/suggest/specificity';
import { ALL_THRESHOLD, DEFAULT_THRESHOLD } from '../src/core/suggest/types';
import { sharedPath } from '../test/support/shared';

const NAIVE_NOTES = 40;
const ACI_FILES = ['train.csv', 'valid.csv', 'clinicalnlp_taskB_test1.csv', 'clinicalnlp_taskC_test2.csv', 'clef_taskC_test3.csv'];

function column(path: string, name: string): string[] {
  const rows = csvRecords(new Uint8Array(readFileSync(path)));
  const first = rows.next();
  if (first.done) return [];
  const at = first.value[0].indexOf(name);
  const out: string[] = [];
  for (const [fields] of rows) if (fields[at]) out.push(fields[at]!);
  return out;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const ms = (x: number) => Math.round(x * 100) / 100;

export function aciNotes(): string[] {
  return ACI_FILES.flatMap((f) => column(sharedPath('corpora/aci-bench/challenge_data', f), 'note'));
}

function codiespSample(limit: number): { id: string; text: string; codes: string[] }[] {
  const base = sharedPath('corpora/codiesp');
  return readFileSync(`${base}/eval_dev_en.jsonl`, 'utf8').split('\n').filter(Boolean).slice(0, limit).map((l) => {
    const r = JSON.parse(l) as { id: string; textFile: string; codes: string[] };
    return { id: r.id, text: readFileSync(`${base}/${r.textFile}`, 'utf8'), codes: r.codes };
  });
}

export async function benchAnalyze(index: CodesetIndex): Promise<Record<string, unknown>> {
  let t = performance.now();
  dictionaryFor(index);
  engineFor(index);
  const warmupMs = performance.now() - t;

  const mtsamples = column(sharedPath('corpora/mtsamples/mtsamples_full.csv'), 'transcription');
  const bytes = mtsamples.reduce((n, s) => n + Buffer.byteLength(s), 0);
  t = performance.now();
  let suggestions = 0;
  for (const text of mtsamples) suggestions += analyzeNote(index, text).suggestions.length;
  const mtSeconds = (performance.now() - t) / 1000;

  const aci = aciNotes();
  const perNote: number[] = [];
  for (const text of aci) {
    const s = performance.now();
    analyzeNote(index, text);
    perNote.push(performance.now() - s);
  }
  perNote.sort((a, b) => a - b);

  // Naive baseline on the same ACI notes, same process.
  t = performance.now();
  const phrases = buildNaivePhrases(index);
  const naiveBuildMs = performance.now() - t;
  const resolver = new SpecificityResolver(index);
  // The baseline takes about a second per note, so it runs on the first NAIVE_NOTES notes and
  // the engine is timed again on exactly those.
  const subset = aci.slice(0, NAIVE_NOTES);
  let s0 = performance.now();
  for (const text of subset) naiveSuggest(phrases, resolver, text);
  const naiveTotal = performance.now() - s0;
  s0 = performance.now();
  for (const text of subset) analyzeNote(index, text);
  const engineTotal = performance.now() - s0;

  // Accuracy of both on a CodiEsp dev sample (inpatient, as `medcode eval` runs it).
  const sample = codiespSample(NAIVE_NOTES);
  const engineDocs: EvalDocument[] = [];
  const naiveDocs: EvalDocument[] = [];
  for (const d of sample) {
    const s = analyzeNote(index, d.text, { setting: 'inpatient', threshold: ALL_THRESHOLD }).suggestions.filter((x) => x.system === 'icd10cm');
    engineDocs.push({ id: d.id, gold: d.codes, ranked: s.map((x) => x.code), returned: s.filter((x) => x.score >= DEFAULT_THRESHOLD).map((x) => x.code) });
    const n = naiveSuggest(phrases, resolver, d.text);
    naiveDocs.push({ id: d.id, gold: d.codes, ranked: n, returned: n });
  }
  const engineAcc = evaluate(engineDocs).code;
  const naiveAcc = evaluate(naiveDocs).code;

  return {
    dictionaryBuildMs: ms(warmupMs),
    mtsamples: { notes: mtsamples.length, megabytes: ms(bytes / 1048576), seconds: ms(mtSeconds), mbPerSecond: ms(bytes / 1048576 / mtSeconds), suggestions },
    aciBench: { notes: aci.length, p50Ms: ms(percentile(perNote, 50)), p95Ms: ms(percentile(perNote, 95)), maxMs: ms(perNote[perNote.length - 1]!) },
    naiveBaseline: {
      phrases: phrases.length, buildMs: ms(naiveBuildMs), notes: subset.length, naiveTotalMs: ms(naiveTotal), engineTotalMs: ms(engineTotal),
      speedup: ms(naiveTotal / engineTotal),
      accuracyOnCodiespDevSample: { engine: { f1: engineAcc.f1, precision: engineAcc.precision, recall: engineAcc.recall }, naive: { f1: naiveAcc.f1, precision: naiveAcc.precision, recall: naiveAcc.recall } },
    },
  };
}
