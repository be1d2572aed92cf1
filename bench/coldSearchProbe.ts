// Run in a fresh process by bench/coldSearch.ts: where the time of a cold `medcode search` goes,
// step by step, on the CLI's own path: sql.js loaded, the database read and opened, the saved
// search index (`<db>.cli-search`) read and checked on the first word search, that search, then
// (when there was no usable copy) saving it. Prints one line of JSON.
import { loadSqlJs } from '../src/node/sqljs';
import { openIndexAt } from '../src/cli/openIndex';
import { useSavedSearch } from '../src/node/savedSearch';

async function probe(db: string, query: string): Promise<void> {
  const ms: Record<string, number> = {};
  let t = performance.now();
  const lap = (name: string): void => {
    const now = performance.now();
    ms[name] = Math.round((now - t) * 10) / 10;
    t = now;
  };
  await loadSqlJs();
  lap('loadSqlJs');
  const index = await openIndexAt(db);
  lap('readAndOpenDatabase');
  const save = useSavedSearch(index, db);
  lap('savedCopyKey');
  const hadIndex = index.hasSearchIndex();
  index.search(query, { limit: 10 });
  lap('firstWordSearch');
  save();
  lap('saveWhenBuilt');
  index.search(query, { limit: 10 });
  lap('sameSearchAgain');
  console.log(JSON.stringify({ query, providedSavedCopy: hadIndex, ms }));
}

probe(process.argv[2]!, process.argv[3] ?? 'asthma').catch((e: unknown) => { console.error(e); process.exit(1); });
