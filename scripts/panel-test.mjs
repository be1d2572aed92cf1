// npm run test:panel: builds the claim panel (minified, as shipped) with a metafile, reports its
// size by package, then runs test/panel/run.ts (headless Chromium via playwright-core against
// the real host session). Ends with the runner's `N passed, N failed` line.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';

if (!existsSync('/usr/bin/chromium')) {
  console.error('Debian chromium is missing: install it with `apt-get install -y chromium` (root), then run again.');
  process.exit(1);
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

const r = spawnSync(process.execPath, ['--import', 'tsx', 'test/panel/run.ts', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 1);
