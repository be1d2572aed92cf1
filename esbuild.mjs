// Builds the extension (node/cjs, vscode external), the CLI (node/cjs) and the claim panel
// (browser/esm), and copies sql.js's wasm beside them.
import * as esbuild from 'esbuild';
import { copyFile, mkdir } from 'node:fs/promises';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createHash } from 'node:crypto';

const require = createRequire(import.meta.url);
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

// Names the core's code for what the extension and the CLI save derived from it (the analyzer's
// dictionary, the search word index): the same sources give the same name in development and
// production bundles. Not in watch mode, where sources change under a running build (the
// extension then names it by its bundle's bytes; the CLI saves nothing).
function coreSourceHash() {
  const h = createHash('sha256');
  for (const f of readdirSync('src/core', { recursive: true }).map(String).filter((f) => f.endsWith('.ts')).sort()) h.update(f).update(readFileSync(`src/core/${f}`));
  return h.digest('hex');
}

const common = { bundle: true, sourcemap: !production, minify: production, logLevel: 'info', legalComments: 'none' };
const builds = [];
if (existsSync('src/extension/main.ts')) {
  builds.push({ ...common, entryPoints: { builderProcess: 'src/node/builderProcess.ts' }, outdir: 'dist', platform: 'node', format: 'cjs', target: 'node20' });
  builds.push({ ...common, entryPoints: { extension: 'src/extension/main.ts' }, outdir: 'dist', platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'],
    ...(watch ? {} : { define: { MEDCODE_CORE_HASH: JSON.stringify(coreSourceHash()) } }) });
}
builds.push({ ...common, entryPoints: { cli: 'src/cli/main.ts' }, outdir: 'dist', platform: 'node', format: 'cjs', target: 'node20', banner: { js: '#!/usr/bin/env node' },
  ...(watch ? {} : { define: { MEDCODE_CORE_HASH: JSON.stringify(coreSourceHash()) } }) });
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
