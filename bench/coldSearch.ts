// Cold `medcode search`: a fresh process that opens the database, reads the saved search index and
// answers one query, as a user runs it. Times the built CLI (dist/cli.js, `npm run build` first)
// end to end, wall clock, against a same-moment baseline: a fresh node process that only reads the
// database file (the least any cold search must do). Then the step-by-step breakdown in a fresh
// process (bench/coldSearchProbe.ts, from source). The first run of each database builds and saves
// the index (`<db>.cli-search`); the timed runs read it.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { realDbPath } from '../test/support/realIndex';

const QUERIES = ['asthma', 'htn ckd stage 3', 'acetaminophen poisoning', 'pnuemonia', 'E11.22'];
const ROUNDS = 3;
const CLI = resolve(__dirname, '..', 'dist', 'cli.js');

function wallMs(args: string[]): { ms: number; status: number | null; stdout: string } {
  const start = performance.now();
  const r = spawnSync(process.execPath, args, { encoding: 'utf8' });
  return { ms: performance.now() - start, status: r.status, stdout: r.stdout };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const round = (n: number): number => Math.round(n);

export async function benchColdSearch(): Promise<Record<string, unknown>> {
  if (!existsSync(CLI)) return { skipped: `${CLI} is absent: run \`npm run build\` first` };
  const dir = mkdtempSync(join(tmpdir(), 'medcode-cold-search-'));
  try {
    const db = join(dir, 'codesets.sqlite');
    copyFileSync(await realDbPath(), db);
    const build = wallMs([CLI, 'search', 'asthma', '--db', db]);
    if (build.status !== 0) throw new Error(`medcode search failed: ${build.stdout}`);
    const perQuery: Record<string, { medianMs: number; baselineMedianMs: number; ratio: number }> = {};
    const all: number[] = [];
    const baselines: number[] = [];
    for (const q of QUERIES) {
      const times: number[] = [];
      const base: number[] = [];
      for (let i = 0; i < ROUNDS; i++) {
        base.push(wallMs(['-e', `require('fs').readFileSync(${JSON.stringify(db)})`]).ms);
        const r = wallMs([CLI, 'search', q, '--db', db]);
        if (r.status !== 0) throw new Error(`medcode search "${q}" failed`);
        times.push(r.ms);
      }
      all.push(...times);
      baselines.push(...base);
      perQuery[q] = { medianMs: round(median(times)), baselineMedianMs: round(median(base)), ratio: Math.round((median(times) / median(base)) * 10) / 10 };
    }
    // Running from source names the code differently from the bundle: the first probe builds and saves the copy the others read.
    const probes = ['asthma', 'asthma', 'htn ckd stage 3', 'acetaminophen poisoning'].map((q) => {
      const r = spawnSync(process.execPath, ['--import', 'tsx', join(__dirname, 'coldSearchProbe.ts'), db, q], { encoding: 'utf8' });
      return r.status === 0 ? JSON.parse(r.stdout) as unknown : { failed: r.stderr.slice(0, 500) };
    });
    return {
      firstRunBuildingAndSavingMs: round(build.ms),
      coldSearch: { runs: all.length, medianMs: round(median(all)), maxMs: round(Math.max(...all)), target: '< 500 ms' },
      baselineReadDatabaseFile: { medianMs: round(median(baselines)) },
      ratioToBaseline: Math.round((median(all) / median(baselines)) * 10) / 10,
      perQuery,
      breakdownFromSourceBuildingTheCopy: probes[0],
      breakdownFromSource: probes.slice(1),
      note: 'wall clock of fresh processes of the built CLI (node startup, bundle load, sql.js, database, saved search index, query, output); the baseline is a fresh node process reading the database file; breakdownFromSource runs the same steps from source (tsx, slower to load and not yet optimized code), one process per query, reading the saved copy',
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
