// A small sequential test runner for the real extension host (no mocha: nothing to install),
// reporting each result through console (forwarded to codeAutomationLog) and a JSON file the
// driver reads. The closing line is `N passed, N failed`.
import { writeFileSync } from 'node:fs';
import { GCProfiler } from 'node:v8';

/**
 * The extension host's collections during one test (VS Code's work included): young collections,
 * the bytes that survived them (what makes V8 grow the young generation once they add up to its
 * size), and whether it grew.
 */
export interface TestCollections { scavenges: number; other: number; survivedMB: number; youngGenerationGrew: boolean }

export interface TestResult { name: string; ok: boolean; ms: number; error?: string; gc?: TestCollections }

type Space = { spaceName: string; spaceSize: number; spaceUsedSize: number };
interface Collection { gcType: string; beforeGC: { heapSpaceStatistics: Space[] }; afterGC: { heapSpaceStatistics: Space[] } }

const space = (spaces: Space[], name: string): Space | undefined => spaces.find((x) => x.spaceName === name);

/** Survivors of a young collection: what stays in the young generation plus what moved to the old one. */
function collections(stats: Collection[]): TestCollections {
  const out: TestCollections = { scavenges: 0, other: 0, survivedMB: 0, youngGenerationGrew: false };
  let survived = 0;
  for (const g of stats) {
    const before = g.beforeGC.heapSpaceStatistics;
    const after = g.afterGC.heapSpaceStatistics;
    if (g.gcType === 'Scavenge') {
      out.scavenges++;
      survived += (space(after, 'new_space')?.spaceUsedSize ?? 0) + Math.max(0, (space(after, 'old_space')?.spaceUsedSize ?? 0) - (space(before, 'old_space')?.spaceUsedSize ?? 0));
    } else out.other++;
    if ((space(after, 'new_space')?.spaceSize ?? 0) > (space(before, 'new_space')?.spaceSize ?? 0)) out.youngGenerationGrew = true;
  }
  out.survivedMB = Math.round(survived / 1e5) / 10;
  return out;
}

const tests: { name: string; fn: () => Promise<void> }[] = [];
export const metrics: Record<string, number> = {};

export function test(name: string, fn: () => Promise<void>): void {
  tests.push({ name, fn });
}

export async function runAll(resultsPath: string | undefined): Promise<number> {
  const results: TestResult[] = [];
  for (const t of tests) {
    const profiler = new GCProfiler();
    profiler.start();
    const started = Date.now();
    try {
      await t.fn();
      results.push({ name: t.name, ok: true, ms: Date.now() - started, gc: collections((profiler.stop()?.statistics ?? []) as Collection[]) });
      console.log(`ok - ${t.name} (${Date.now() - started} ms)`);
    } catch (e) {
      const error = e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e);
      results.push({ name: t.name, ok: false, ms: Date.now() - started, error, gc: collections((profiler.stop()?.statistics ?? []) as Collection[]) });
      console.log(`not ok - ${t.name}: ${error}`);
    }
  }
  const failed = results.filter((r) => !r.ok).length;
  if (resultsPath) writeFileSync(resultsPath, JSON.stringify({ results, metrics }, null, 2));
  console.log(`extension host: ${results.length - failed} passed, ${failed} failed`);
  return failed;
}
