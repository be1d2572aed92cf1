// A small sequential test runner for the real extension host (no mocha: nothing to install),
// reporting each result through console (forwarded to codeAutomationLog) and a JSON file the
// driver reads. The closing line is `N passed, N failed`.
import { writeFileSync } from 'node:fs';

export interface TestResult { name: string; ok: boolean; ms: number; error?: string }

const tests: { name: string; fn: () => Promise<void> }[] = [];
export const metrics: Record<string, number> = {};

export function test(name: string, fn: () => Promise<void>): void {
  tests.push({ name, fn });
}

export async function runAll(resultsPath: string | undefined): Promise<number> {
  const results: TestResult[] = [];
  for (const t of tests) {
    const started = Date.now();
    try {
      await t.fn();
      results.push({ name: t.name, ok: true, ms: Date.now() - started });
      console.log(`ok - ${t.name} (${Date.now() - started} ms)`);
    } catch (e) {
      const error = e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e);
      results.push({ name: t.name, ok: false, ms: Date.now() - started, error });
      console.log(`not ok - ${t.name}: ${error}`);
    }
  }
  const failed = results.filter((r) => !r.ok).length;
  if (resultsPath) writeFileSync(resultsPath, JSON.stringify({ results, metrics }, null, 2));
  console.log(`extension host: ${results.length - failed} passed, ${failed} failed`);
  return failed;
}
