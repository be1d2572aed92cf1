// npm run test:panel: builds the claim panel (minified, as shipped) with a metafile, reports its
// size by package, then runs test/panel/run.ts (headless Chromium via playwright-core against
// the real host session). Ends with the runner's `N passed, N failed` line.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Debian's chromium (playwright-core downloads no browser): installed with apt only when missing.
if (!existsSync('/usr/bin/chromium')) {
  const root = process.getuid?.() === 0;
  if (root) {
    console.log('installing Debian chromium (apt-get) for the panel tests');
    spawnSync('apt-get', ['update'], { stdio: 'inherit' });
    spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  }
  if (!existsSync('/usr/bin/chromium')) {
    console.error('Debian chromium is missing: install it with `apt-get install -y chromium` (as root), then run again.\n0 passed, 1 failed');
    process.exit(1);
  }
}

const result = await esbuild.build({
  entryPoints: { panel: 'webview/main.ts' }, outdir: 'dist/webview', bundle: true, platform: 'browser', format: 'esm',
  target: 'es2022', minify: true, sourcemap: false, metafile: true, legalComments: 'none', logLevel: 'warning',
});
mkdirSync('dist/webview', { recursive: true });
writeFileSync('dist/webview/meta.json', JSON.stringify(result.metafile));

const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
console.log('panel bundle (minified):');
for (const [file, out] of Object.entries(result.metafile.outputs)) {
  console.log(`  ${file}: ${kb(out.bytes)}`);
  const byPackage = {};
  for (const [input, i] of Object.entries(out.inputs)) {
    const parts = input.split('/');
    const key = parts[0] === 'node_modules' ? parts.slice(0, parts[1].startsWith('@') ? 3 : 2).join('/') : parts.slice(0, 2).join('/');
    byPackage[key] = (byPackage[key] ?? 0) + i.bytesInOutput;
  }
  for (const [k, v] of Object.entries(byPackage).sort((a, b) => b[1] - a[1])) if (v > 0) console.log(`    ${k}: ${kb(v)}`);
  const components = [...new Set(Object.keys(out.inputs).map((p) => /dist\/(vscode-[a-z-]+)\//.exec(p)?.[1]).filter(Boolean))];
  if (components.length) console.log(`    vscode-elements components: ${components.join(', ')}`);
}

const args = process.argv.slice(2);
const filter = args.filter((a) => !a.startsWith('--'));
const resultsFile = join(tmpdir(), `medcode-panel-${process.pid}.json`);
// --vscode-only: just the real-VS-Code steps (they take minutes; handy when working on them).
const r = args.includes('--vscode-only')
  ? { status: 0 }
  : spawnSync(process.execPath, ['--import', 'tsx', 'test/panel/run.ts', ...filter], { stdio: 'inherit', env: { ...process.env, PANEL_RESULTS: resultsFile } });
if (args.includes('--vscode-only')) writeFileSync(resultsFile, JSON.stringify({ passed: 0, failed: 0 }));
let passed = 0;
let failed = 0;
try {
  ({ passed, failed } = JSON.parse(readFileSync(resultsFile, 'utf8')));
  rmSync(resultsFile, { force: true });
} catch {
  failed = 1;
  console.log(`the headless panel tests did not finish (exit ${r.status ?? r.signal})`);
}

// The same panel in a real VS Code (code-server from the e2e harness); skipped with a sentence
// when the harness is not installed. --no-vscode skips it on purpose.
if (!args.includes('--no-vscode') && filter.length === 0) {
  const { runInVsCode, cleanRuns } = await import('../test/panel/inVsCode.mjs');
  console.log('\nreal VS Code (code-server):');
  const results = await runInVsCode(process.cwd());
  for (const x of results.filter((y) => !y.ok)) console.log(`FAILED ${x.name}: ${x.error?.split('\n')[0] ?? ''}`);
  passed += results.filter((x) => x.ok).length;
  failed += results.filter((x) => !x.ok).length;
  if (results.every((x) => x.ok)) cleanRuns(process.cwd());
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 && passed > 0 ? 0 : 1;
setTimeout(() => process.exit(), 5000).unref();
