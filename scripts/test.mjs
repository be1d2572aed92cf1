// Runs the test suites with node's test runner (TypeScript loaded by tsx).
// --unit: unit tests only. Default: unit + integration (integration tests say when ../shared is absent).
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

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
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], { stdio: 'inherit' });
process.exit(r.status ?? 1);
