// `npm run bench`: every benchmark, printed as JSON and saved to bench/results/latest.json.
// `npm run bench -- search coldSearch` runs only the named parts (codesets, coldSearch, longNote, riskadjust, remit, search, analyze, check).
// Times are reported with baselines measured in the same process (see each bench).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchCodesets } from './codesets';
import { benchColdSearch } from './coldSearch';
import { benchLongNote } from './longNote';
import { benchRiskAdjust } from './riskadjust';
import { benchRemit } from './remit';
import { loadRealIndex } from '../test/support/realIndex';
import { skipUnlessShared } from '../test/support/shared';

type Bench = (index: Awaited<ReturnType<typeof loadRealIndex>>) => Promise<Record<string, unknown>>;

async function optional(file: string, name: string): Promise<Bench | undefined> {
  if (!existsSync(join(__dirname, `${file}.ts`))) return undefined;
  const mod = (await import(`./${file}`)) as Record<string, Bench>;
  return mod[name];
}

async function main(): Promise<void> {
  const missing = skipUnlessShared('codesets', 'corpora');
  if (missing) {
    console.error(`bench: ${missing}`);
    process.exit(2);
  }
  const only = process.argv.slice(2);
  const want = (k: string) => only.length === 0 || only.includes(k);
  const results: Record<string, unknown> = { date: new Date().toISOString(), node: process.version, cpus: (await import('node:os')).cpus().length };
  if (want('codesets')) results.codesets = await benchCodesets();
  if (want('coldSearch')) results.coldSearch = await benchColdSearch();
  if (want('longNote')) results.longNote = await benchLongNote();
  if (want('riskadjust')) results.riskadjust = await benchRiskAdjust();
  if (want('remit')) results.remit = (await benchRemit()).remit;
  const indexed = [['search', 'search', 'benchSearch'], ['analyze', 'analyze', 'benchAnalyze'], ['check', 'check', 'benchCheck']] as const;
  const index = indexed.some(([key]) => want(key)) ? await loadRealIndex() : undefined;
  for (const [key, file, fn] of indexed) {
    if (!want(key) || !index) continue;
    const bench = await optional(file, fn);
    if (bench) results[key] = await bench(index);
  }
  const out = JSON.stringify(results, null, 2);
  console.log(out);
  mkdirSync(join(__dirname, 'results'), { recursive: true });
  writeFileSync(join(__dirname, 'results', 'latest.json'), out + '\n');
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
