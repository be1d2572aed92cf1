// Search speed and quality on the real code sets: p50/p95 of index.search over 200 realistic
// queries (our labelled coder queries plus variations: case, typos, unfinished last words, word
// order), against two baselines run in the same process:
// - MiniSearch (a maintained full-text library: BM25, prefix and fuzzy matching) over the same
//   texts ours searches (titles of the versions in force, inclusion terms, Alphabetic Index paths,
//   drug and neoplasm table cells), given the query with our abbreviations expanded: the engine
//   ours would be replaced by. Same 200 queries; top-3 hit rates on the labelled ones.
// - plain Fuse.js over every ICD-10-CM and HCPCS title (the naive baseline). It is slow, so it runs
//   on at most 50 labelled queries (stated in the output) and stops after a time budget.
import { loadavg } from 'node:os';
import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import type { SqlCodesetIndex } from '../src/core/codeset/index';
import type { SearchOptions } from '../src/core/codeset/api';
import { expandSynonyms } from '../src/core/codeset/synonyms';
import { TABLE_COLUMNS, tableCode, tableWords, type TableSource } from '../src/core/codeset/searchTables';
import { LABELLED_QUERIES, answers, type LabelledQuery } from '../test/support/searchQueries';
import { mulberry32 } from './random';

const QUERY_COUNT = 200;
const BASELINE_QUERY_COUNT = 50;
/** The baseline stops early when its queries have taken this long (long queries take Fuse.js seconds each). */
const BASELINE_BUDGET_MS = 35_000;
const BASELINE_MIN_QUERIES = 5;

interface BenchQuery {
  query: string;
  options: SearchOptions;
  /** Present when the query is a labelled one (not a variation). */
  labelled?: LabelledQuery;
}

/** Deterministic pseudo-random numbers, so every run times the same queries. */
const random = mulberry32;

/** A variation of a coder query as typed in a hurry: a swapped letter pair, an unfinished last word, case, word order. */
function vary(q: string, rnd: () => number): string {
  const words = q.split(' ');
  switch (Math.floor(rnd() * 4)) {
    case 0: {
      const i = words.findIndex((w) => w.length >= 6);
      if (i < 0) return q.toUpperCase();
      const w = words[i]!;
      const k = 1 + Math.floor(rnd() * (w.length - 3));
      words[i] = w.slice(0, k) + w[k + 1] + w[k] + w.slice(k + 2);
      return words.join(' ');
    }
    case 1: {
      const last = words[words.length - 1]!;
      if (last.length < 6) return `${q} `;
      words[words.length - 1] = last.slice(0, Math.max(4, last.length - 3));
      return words.join(' ');
    }
    case 2:
      return words.length > 1 ? [...words.slice(1), words[0]].join(' ') : q.toUpperCase();
    default:
      return q.replace(/^./, (c) => c.toUpperCase());
  }
}

export function benchQueries(): BenchQuery[] {
  const rnd = random(20250101);
  const options = (q: LabelledQuery): SearchOptions => (q.system ? { system: q.system } : {});
  const out: BenchQuery[] = LABELLED_QUERIES.map((q) => ({ query: q.query, options: options(q), labelled: q }));
  const textual = LABELLED_QUERIES.filter((q) => q.kind !== 'code' && q.kind !== 'prefix' && q.kind !== 'cpt');
  while (out.length < QUERY_COUNT) {
    const q = textual[Math.floor(rnd() * textual.length)]!;
    out.push({ query: vary(q.query, rnd), options: options(q) });
  }
  return out;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

function stats(times: number[]): { p50: number; p95: number; max: number } {
  const s = [...times].sort((a, b) => a - b);
  return { p50: round(percentile(s, 50), 3), p95: round(percentile(s, 95), 3), max: round(s[s.length - 1] ?? 0, 3) };
}

/** Labelled queries spread evenly over the list (every kind represented). */
function evenSubset<T>(items: T[], n: number): T[] {
  if (items.length <= n) return items;
  return Array.from({ length: n }, (_, i) => items[Math.floor((i * items.length) / n)]!);
}

export async function benchSearch(index: SqlCodesetIndex): Promise<Record<string, unknown>> {
  const queries = benchQueries();
  (globalThis as { gc?: () => void }).gc?.();
  const before = process.memoryUsage();
  let t = performance.now();
  index.search('warm up');
  const firstSearchMs = performance.now() - t;
  (globalThis as { gc?: () => void }).gc?.();
  const after = process.memoryUsage();
  const wordIndexHeapMb = round((after.heapUsed - before.heapUsed) / 1e6, 1);
  // Its arrays (words, postings, texts) live outside the JS heap.
  const wordIndexArrayBuffersMb = round((after.arrayBuffers - before.arrayBuffers) / 1e6, 1);

  const ours = (q: BenchQuery) => index.search(q.query, { limit: 20, ...q.options });
  const timeAll = (): number[] => queries.map((q) => {
    const start = performance.now();
    ours(q);
    return performance.now() - start;
  });
  // The first pass includes the JIT compiling the search code; the second is the steady state of an open index.
  const firstPass = stats(timeAll());
  const oursTimes = timeAll();
  // On a shared, loaded machine one query's time includes whatever else ran meanwhile; timing
  // every query three more times and taking its median separates the search from that noise.
  const repeats = [timeAll(), timeAll(), timeAll()];
  const medianOf3 = stats(queries.map((_, i) => repeats.map((r) => r[i]!).sort((a, b) => a - b)[1]!));
  const labelled = queries.filter((q) => q.labelled);
  const hits = (results: { code: string }[], q: BenchQuery) => answers(results.map((r) => r.code), q.labelled!);
  const oursHits = labelled.filter((q) => hits(ours(q), q)).length;

  const mini = miniSearchBaseline(index);
  const miniTimes = queries.map((q) => {
    const start = performance.now();
    mini.search(q);
    return performance.now() - start;
  });
  const miniStats = stats(miniTimes);
  const byKind = new Map<string, { queries: number; ours: number; miniSearch: number }>();
  let miniHits = 0;
  for (const q of labelled) {
    const k = byKind.get(q.labelled!.kind) ?? { queries: 0, ours: 0, miniSearch: 0 };
    k.queries++;
    if (hits(ours(q), q)) k.ours++;
    if (hits(mini.search(q), q)) { k.miniSearch++; miniHits++; }
    byKind.set(q.labelled!.kind, k);
  }

  // Naive baseline: plain Fuse.js over every ICD-10-CM and HCPCS title (and code).
  t = performance.now();
  const items = [...index.allCodes('icd10cm'), ...index.allCodes('hcpcs')].map((r) => ({ code: r.code, title: r.title, system: r.system }));
  const fuse = new Fuse(items, { keys: ['code', 'title'] });
  const baselineBuildMs = performance.now() - t;
  const planned = evenSubset(labelled, BASELINE_QUERY_COUNT);
  const subset: BenchQuery[] = [];
  const baselineTimes: number[] = [];
  const subsetOursTimes: number[] = [];
  let baselineHits = 0;
  let subsetOursHits = 0;
  let spent = 0;
  for (const q of planned) {
    if (subset.length >= BASELINE_MIN_QUERIES && spent > BASELINE_BUDGET_MS) break;
    subset.push(q);
    t = performance.now();
    const found = fuse.search(q.query, { limit: 20 }).map((r) => r.item).filter((r) => !q.options.system || r.system === q.options.system);
    baselineTimes.push(performance.now() - t);
    spent += baselineTimes[baselineTimes.length - 1]!;
    if (hits(found, q)) baselineHits++;
    t = performance.now();
    const mine = ours(q);
    subsetOursTimes.push(performance.now() - t);
    if (hits(mine, q)) subsetOursHits++;
  }
  const all = stats(oursTimes);
  const subsetOurs = stats(subsetOursTimes);
  const baseline = stats(baselineTimes);
  return {
    queries: queries.length,
    labelledQueries: labelled.length,
    firstSearchMs: round(firstSearchMs, 1),
    firstSearchNote: 'the first search builds the in-memory word index from the database (titles of the version in force, inclusion terms, index paths)',
    wordIndexHeapMb,
    wordIndexArrayBuffersMb,
    oursMs: all,
    oursMsMedianOf3: medianOf3,
    loadAverage: loadavg().map((n) => round(n, 1)),
    oursMsFirstPass: firstPass,
    oursMsNote: 'oursMs: second pass over the 200 queries (steady state of an open index); oursMsFirstPass: the first pass right after the index was built; oursMsMedianOf3: each query timed 3 more times, its median time; loadAverage: the machine\'s 1/5/15-minute load while the bench ran',
    oursTop3HitRate: round(oursHits / labelled.length, 3),
    miniSearch: {
      what: 'MiniSearch 7 (BM25; prefix search; fuzzy 0.2; fields code and text) over the texts ours searches, one document per text, results collapsed to codes in rank order; given the query with our abbreviations and lay terms expanded',
      documents: mini.documents,
      buildMs: round(mini.buildMs, 1),
      ms: miniStats,
      top3HitRate: round(miniHits / labelled.length, 3),
      oursBeatsItOnHitRate: oursHits > miniHits,
      oursP95AtMostItsP95: all.p95 <= miniStats.p95,
    },
    top3HitsByKind: Object.fromEntries(byKind),
    baseline: {
      what: 'plain Fuse.js (default options, keys code and title) over every ICD-10-CM and HCPCS code of the versions in force',
      items: items.length,
      buildMs: round(baselineBuildMs, 1),
      queries: subset.length,
      queriesNote: `the baseline ran ${subset.length} of ${planned.length} planned labelled queries (spread over every kind; it stops after ${BASELINE_BUDGET_MS / 1000} s because Fuse.js takes seconds per long query); ratios and hit rates compare both on those same queries`,
      ms: baseline,
      top3HitRate: round(baselineHits / subset.length, 3),
    },
    oursOnBaselineQueries: { ms: subsetOurs, top3HitRate: round(subsetOursHits / subset.length, 3) },
    ratioP50: round(baseline.p50 / Math.max(subsetOurs.p50, 0.001), 1),
    ratioP95: round(baseline.p95 / Math.max(subsetOurs.p95, 0.001), 1),
    targets: {
      p95Under10ms: all.p95 < 10, p95Under10msMedianOf3: medianOf3.p95 < 10, atLeast20xFasterThanFuse: baseline.p95 / Math.max(subsetOurs.p95, 0.001) >= 20,
      beatsMiniSearchOnHitRateAtEqualOrBetterP95: oursHits > miniHits && all.p95 <= miniStats.p95,
    },
  };
}

interface MiniDoc {
  id: number;
  code: string;
  system: string;
  text: string;
}

/**
 * MiniSearch over the texts our search ranks, read from the database: the titles of the code sets
 * in force (ICD-10-CM, HCPCS), ICD-10-CM inclusion terms and Alphabetic Index paths of codes in
 * them, and the drug and neoplasm table cells (with the same column words ours adds).
 */
function miniSearchBaseline(index: SqlCodesetIndex): { documents: number; buildMs: number; search: (q: BenchQuery) => { code: string }[] } {
  const start = performance.now();
  const docs: MiniDoc[] = [];
  const display = new Map<string, string>();
  const add = (system: string, code: string, text: string): void => {
    if (display.has(`${system} ${code}`)) docs.push({ id: docs.length, code, system, text });
  };
  for (const system of ['icd10cm', 'hcpcs'] as const) {
    for (const r of index.eachCode(system)) {
      display.set(`${system} ${r.normalized}`, r.code);
      add(system, r.normalized, r.title);
      if (system === 'hcpcs' && r.shortTitle && r.shortTitle !== r.title) add(system, r.normalized, r.shortTitle);
    }
  }
  for (const n of index.eachNote(['inclusionTerm'])) add('icd10cm', n.code, n.text);
  for (const e of index.eachIndexEntry({ sources: ['index', 'eindex', 'drug', 'neoplasm'] })) {
    if (e.source === 'drug' || e.source === 'neoplasm') {
      const table = e.source as TableSource;
      for (const column of TABLE_COLUMNS[table]) {
        const code = e.codes?.[column.key];
        if (code) add('icd10cm', tableCode(table, code), tableWords(e.path, e.nemod ?? '', column));
      }
    } else if (e.code) add('icd10cm', e.code, `${e.path} ${e.nemod ?? ''}`);
  }
  const mini = new MiniSearch<MiniDoc>({
    fields: ['code', 'text'],
    storeFields: ['code', 'system'],
    searchOptions: { prefix: true, fuzzy: 0.2, boost: { code: 2 } },
  });
  mini.addAll(docs);
  const buildMs = performance.now() - start;
  const search = (q: BenchQuery): { code: string }[] => {
    const out: { code: string }[] = [];
    const seen = new Set<string>();
    const text = expandSynonyms(q.query).text || q.query;
    const normalized = q.query.replace(/[.\s]/g, '').toUpperCase();
    for (const r of mini.search(`${text} ${normalized}`)) {
      const system = r.system as string;
      if (q.options.system && system !== q.options.system) continue;
      const key = `${system} ${r.code as string}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ code: display.get(key)! });
      if (out.length >= 20) break;
    }
    return out;
  };
  return { documents: docs.length, buildMs, search };
}
