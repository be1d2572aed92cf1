// Run in a fresh process by bench/codesets.ts: time to open the database and answer the first
// lookup, and resident memory, component by component, on the extension's path: sql.js, the
// database (its bytes copied into sql.js's in-memory file system; the bytes read from disk are
// released after opening), the search word index and the analyzer's dictionary (built, or with
// `--saved <file>` read from saved copies, `<file>` and `<file>.search`; without it the probe
// writes them when given `--save <file>`), the neoplasm table and engine state, one note
// analyzed, then PTP.
// Each step is measured after two forced collections (node --expose-gc).
import { readFileSync, writeFileSync } from 'node:fs';
import { openIndexAt } from '../src/cli/openIndex';
import { loadSqlJs } from '../src/node/sqljs';
import { builtDictionary, dictionaryFor, setDictionary } from '../src/core/suggest/dictionary';
import { decodeDictionary, encodeDictionary } from '../src/core/suggest/dictionaryFile';
import { decodeSearchIndex, encodeSearchIndex } from '../src/core/codeset/searchFile';
import { engineFor } from '../src/core/suggest/engine';
import { analyzeNote } from '../src/core/suggest/analyze';

const KEY = { database: 'probe', code: 'probe' };
const NOTE = 'ASSESSMENT:\n1. Type 2 diabetes mellitus with diabetic chronic kidney disease, stage 3b.\n2. Essential hypertension.\n3. Aspiration pneumonia.\nDenies chest pain.\n';
const mb = (n: number) => Math.round(n / 1e5) / 10;

function measured(): NodeJS.MemoryUsage {
  global.gc?.();
  global.gc?.();
  return process.memoryUsage();
}

async function probe(db: string, saved: string | undefined, save: string | undefined): Promise<void> {
  await loadSqlJs();
  const start = measured();
  let prev = start;
  const breakdownMB: Record<string, { rss: number; heap: number; external: number }> = {};
  const step = (name: string): void => {
    const m = measured();
    breakdownMB[name] = { rss: mb(m.rss - prev.rss), heap: mb(m.heapUsed - prev.heapUsed), external: mb(m.external - prev.external) };
    prev = m;
  };
  const r0 = performance.now();
  readFileSync(db);
  const readMs = performance.now() - r0;
  prev = measured();
  const t = performance.now();
  const index = await openIndexAt(db);
  const hit = index.lookup('E11.22');
  const openMs = performance.now() - t;
  if (!hit) throw new Error('E11.22 not found');
  step('database');
  const s0 = performance.now();
  if (saved) {
    const read = decodeSearchIndex(readFileSync(`${saved}.search`), KEY);
    if (!read.ok) throw new Error(`${saved}.search: ${read.reason}`);
    index.adoptSearch(read.parts);
  }
  index.search('asthma');
  const searchReadyMs = performance.now() - s0;
  index.search('diabetis type 2');
  step(saved ? 'searchIndexReadFromSavedCopy' : 'searchWordIndex');
  const commonPath = prev.rss;
  const d0 = performance.now();
  if (saved) {
    const read = decodeDictionary(readFileSync(saved), KEY);
    if (!read.ok) throw new Error(`${saved}: ${read.reason}`);
    setDictionary(index, read.dictionary);
  } else dictionaryFor(index);
  const dictionaryMs = performance.now() - d0;
  step(saved ? 'dictionaryReadFromSavedCopy' : 'dictionaryBuilt');
  engineFor(index);
  step('neoplasmTableAndEngine');
  analyzeNote(index, NOTE, { setting: 'outpatient' });
  step('oneNoteAnalyzed');
  const withAnalyzer = prev.rss;
  const dictionary = builtDictionary(index)!;
  const bytes = encodeDictionary(dictionary, KEY);
  const searchBytes = encodeSearchIndex(index.searchParts()!, KEY);
  if (save) {
    writeFileSync(save, bytes);
    writeFileSync(`${save}.search`, searchBytes);
  }
  prev = measured();
  const p = performance.now();
  await index.ptp('29881', '29880');
  const ptpMs = performance.now() - p;
  step('ptp');
  console.log(JSON.stringify({
    openAndFirstLookupMs: Math.round(openMs), baselineReadFileMs: Math.round(readMs), ratioToBaseline: Math.round((openMs / Math.max(1, readMs)) * 10) / 10,
    ptpFirstUseMs: Math.round(ptpMs),
    dictionary: { terms: dictionary.size, from: saved ? 'saved copy' : 'built', ms: Math.round(dictionaryMs), savedCopyMB: mb(bytes.byteLength) },
    searchIndex: { from: saved ? 'saved copy' : 'built', msToFirstResults: Math.round(searchReadyMs), savedCopyMB: mb(searchBytes.byteLength) },
    rssMB: {
      beforeOpen: mb(start.rss), commonPath: mb(commonPath), addedByCommonPath: mb(commonPath - start.rss),
      withAnalyzer: mb(withAnalyzer), addedWithAnalyzer: mb(withAnalyzer - start.rss), withPtp: mb(prev.rss),
    },
    breakdownMB,
    rssNote: 'after two forced collections; commonPath = database open, a lookup and searches (word index built); withAnalyzer adds the analyzer (dictionary, neoplasm table, engine) and one analyzed note; breakdownMB gives each step\'s change in RSS, V8 heap and external (ArrayBuffer, WebAssembly) memory',
  }));
}

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};

probe(process.argv[2]!, arg('--saved'), arg('--save')).catch((e: unknown) => { console.error(e); process.exit(1); });
