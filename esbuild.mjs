// Builds the extension (node/cjs, vscode external), the CLI (node/cjs) and the claim panel
// (browser/esm), and copies sql.js's wasm beside them.
import * as esbuild from 'esbuild';
import { copyFile, mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = { bundle: true, sourcemap: !production, minify: production, logLevel: 'info', legalComments: 'none' };
const builds = [];
if (existsSync('src/extension/main.ts')) {
  builds.push({ ...common, entryPoints: { extension: 'src/extension/main.ts' }, outdir: 'dist', platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'] });
}
builds.push({ ...common, entryPoints: { cli: 'src/cli/main.ts' }, outdir: 'dist', platform: 'node', format: 'cjs', target: 'node20', banner: { js: '#!/usr/bin/env node' } });
if (existsSync('webview/main.ts')) {
  builds.push({ ...common, entryPoints: { panel: 'webview/main.ts' }, outdir: 'dist/webview', platform: 'browser', format: 'esm', target: 'es2022', metafile: true });
}

await mkdir('dist', { recursive: true });
await copyFile(require.resolve('sql.js/dist/sql-wasm.wasm'), 'dist/sql-wasm.wasm');
if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
