// Runs the test suites with node's test runner (TypeScript loaded by tsx) and ends with the
// plain line `N passed, N failed`.
//   --unit   unit tests only (no ../shared needed)
//   default  unit + integration (integration tests say when ../shared is absent)
//   --all    also the claim panel in headless Chromium and the real-VS-Code e2e run
//            (each prints its own `N passed, N failed`; the last line here is the total)
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync, readFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

const args = process.argv.slice(2);
const dirs = args.includes('--unit') ? ['test/unit'] : ['test/unit', 'test/integration'];
const files = [];
const walk = (d) => {
  let entries = [];
  try { entries = readdirSync(d); } catch { return; }
  for (const e of entries.sort()) {
    const p = join(d, e);
    if (statSync(p).isDirectory()) walk(p);
    else if (/\.test\.ts$/.test(e)) files.push(p);
  }
};
dirs.forEach(walk);
if (files.length === 0) { console.error('no test files found'); process.exit(1); }

const tapDir = join(tmpdir(), `medcode-tap-${process.pid}`);
mkdirSync(tapDir, { recursive: true });
const tap = join(tapDir, 'results.tap');
const r = spawnSync(process.execPath, [
  '--import', 'tsx', '--test',
  '--test-reporter=spec', '--test-reporter-destination=stdout',
  '--test-reporter=tap', `--test-reporter-destination=${tap}`,
  ...files,
], { stdio: 'inherit' });
let passed = 0;
let failed = 0;
let skipped = 0;
try {
  const text = readFileSync(tap, 'utf8');
  passed = Number(/^# pass (\d+)/m.exec(text)?.[1] ?? 0);
  failed = Number(/^# fail (\d+)/m.exec(text)?.[1] ?? 0) + Number(/^# cancelled (\d+)/m.exec(text)?.[1] ?? 0);
  skipped = Number(/^# skipped (\d+)/m.exec(text)?.[1] ?? 0);
} catch {
  failed = Math.max(failed, 1);
}
rmSync(tapDir, { recursive: true, force: true });
let ok = r.status === 0 && failed === 0;
console.log(`\nnode tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);

if (args.includes('--all')) {
  // The e2e run installs the real-VS-Code harness that the panel's in-VS-Code steps reuse.
  for (const script of ['test:e2e', 'test:panel']) {
    console.log(`\n=== npm run ${script}`);
    const child = spawnSync('npm', ['run', '--silent', script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 256 * 1024 * 1024 });
    process.stdout.write(child.stdout ?? '');
    const totals = [...(child.stdout ?? '').matchAll(/^(?:\w+: )?(\d+) passed, (\d+) failed/gm)].pop();
    if (!totals) {
      console.log(`${script}: printed no "N passed, N failed" line (exit ${child.status}); counted as one failure`);
      failed += 1;
      ok = false;
      continue;
    }
    passed += Number(totals[1]);
    failed += Number(totals[2]);
    if (child.status !== 0 || Number(totals[2]) > 0) ok = false;
  }
}
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(ok ? 0 : 1);
