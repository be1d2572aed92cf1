// Run in a fresh process by bench/codesets.ts: time to open the database and answer the first
// lookup, and resident memory with the common path (without PTP) and with PTP loaded.
import { readFileSync } from 'node:fs';
import { openIndexAt } from '../src/cli/openIndex';
import { loadSqlJs } from '../src/cli/sqljs';

async function probe(db: string): Promise<void> {
  await loadSqlJs();
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  const r0 = performance.now();
  readFileSync(db);
  const readMs = performance.now() - r0;
  global.gc?.();
  const t = performance.now();
  const index = await openIndexAt(db);
  const hit = index.lookup('E11.22');
  const openMs = performance.now() - t;
  if (!hit) throw new Error('E11.22 not found');
  index.search('asthma');
  index.search('diabetis type 2');
  global.gc?.();
  const rssCommon = process.memoryUsage().rss;
  // What the analyzer reads to build its dictionary (it keeps its own structures on top).
  const held = [index.allIndexEntries(), index.allCodes('icd10cm')];
  global.gc?.();
  const rssAnalyzerInputs = process.memoryUsage().rss;
  held.length = 0;
  const p = performance.now();
  await index.ptp('29881', '29880');
  const ptpMs = performance.now() - p;
  global.gc?.();
  const rssPtp = process.memoryUsage().rss;
  const mb = (n: number) => Math.round(n / 1e5) / 10;
  console.log(JSON.stringify({
    openAndFirstLookupMs: Math.round(openMs), baselineReadFileMs: Math.round(readMs), ratioToBaseline: Math.round((openMs / Math.max(1, readMs)) * 10) / 10,
    ptpFirstUseMs: Math.round(ptpMs),
    rssMB: {
      beforeOpen: mb(rssBefore), commonPath: mb(rssCommon), addedByCommonPath: mb(rssCommon - rssBefore),
      withAnalyzerInputs: mb(rssAnalyzerInputs), withPtp: mb(rssPtp),
    },
    rssNote: 'commonPath = database open, a lookup and searches (word index built); withAnalyzerInputs also holds every index entry and ICD-10-CM code as objects',
  }));
}

probe(process.argv[2]!).catch((e: unknown) => { console.error(e); process.exit(1); });
