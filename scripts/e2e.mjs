// `npm run test:e2e`: MedCode in a real VS Code, offline (see ../shared/docs/real-vscode.md).
// 1. installs the harness into .vscode-test/ on first run (test/e2e/harness.mjs);
// 2. builds the extension, the extension-host test bundle and the code-set database (from ../shared);
// 3. runs test/e2e/suite in VS Code's real extension host (server-main.js + headless Chromium);
// 4. packages the .vsix, installs it into code-server and drives the UI as a person would
//    (test/e2e/ui.mjs), saving screenshots into screenshots/.
// Prints the measured numbers and a closing line `N passed, N failed`.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { ensureHarness, harnessPaths } from '../test/e2e/harness.mjs';
import { runUiTests } from '../test/e2e/ui.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const started = Date.now();
const log = (m) => console.log(`[e2e ${((Date.now() - started) / 1000).toFixed(1)}s] ${m}`);
const results = [];
const metrics = {};

function finish(code) {
  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  if (Object.keys(metrics).length) console.log(`metrics: ${JSON.stringify(metrics, null, 2)}`);
  for (const r of results.filter((x) => !x.ok)) console.log(`FAILED ${r.name}: ${r.error?.split('\n')[0] ?? ''}`);
  console.log(`${passed} passed, ${failed} failed`);
  // Not process.exit(): it would cut output still buffered for a pipe.
  process.exitCode = code ?? (failed > 0 || results.length === 0 ? 1 : 0);
  setTimeout(() => process.exit(), 10_000).unref();
}

function fail(name, error) {
  results.push({ name, ok: false, error: String(error?.message ?? error) });
}

export function freePort() {
  return new Promise((res, rej) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => res(p)); });
    s.on('error', rej);
  });
}

export async function waitForHttp(url, timeoutMs, proc) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (proc && proc.exitCode !== null) throw new Error(`the server exited with ${proc.exitCode} before answering ${url}`);
    try { const r = await fetch(url); if (r.status < 500) return; } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`nothing answered ${url} within ${timeoutMs} ms`);
}

/** Starts a server in its own process group (setsid), so the whole tree can be ended afterwards. */
export function startGroup(cmd, args, env, logFile) {
  const out = logFile ? { stdio: ['ignore', 'pipe', 'pipe'] } : { stdio: 'ignore' };
  const p = spawn(cmd, args, { env, detached: true, ...out });
  if (logFile) {
    const chunks = [];
    p.stdout.on('data', (d) => chunks.push(d));
    p.stderr.on('data', (d) => chunks.push(d));
    // The run folder may already be gone when a lingering server exits.
    p.on('exit', () => { try { writeFileSync(logFile, Buffer.concat(chunks)); } catch { /* run folder removed */ } });
  }
  return p;
}

export function killGroup(p) {
  if (!p?.pid) return;
  try { process.kill(-p.pid, 'SIGTERM'); } catch { /* already gone */ }
  setTimeout(() => { try { process.kill(-p.pid, 'SIGKILL'); } catch { /* gone */ } }, 2000).unref();
}

/**
 * The workspace the tests open: the sample workspace plus the e2e fixtures and generated notes.
 * `loadOnStartup: false` (the extension-host tests) keeps the code sets unloaded until the tests
 * load them, after the memory baseline; the UI tests keep the default (loaded at startup).
 */
function prepareWorkspace(dir, dbPath, { loadOnStartup = true } = {}) {
  rmSync(dir, { recursive: true, force: true });
  cpSync(join(ROOT, 'examples/workspace'), dir, { recursive: true });
  const fx = join(ROOT, 'test/e2e/fixtures');
  for (const f of ['two-diabetes.note', 'two-diabetes.note.claim.json', 'office-visit.note', 'dictated.txt', 'other-dictated.txt', 'scratch.note']) cpSync(join(fx, f), join(dir, 'notes', f));
  mkdirSync(join(dir, 'src'), { recursive: true });
  cpSync(join(fx, 'tool.ts'), join(dir, 'src', 'tool.ts'));
  const samples = ['follow-up-diabetes.note', 'urgent-care-cough.note', 'fall-wrist.note'].map((f) => readFileSync(join(dir, 'notes', f), 'utf8'));
  const repeatTo = (n) => { let s = ''; let i = 0; while (s.length < n) s += `${samples[i++ % samples.length]}\n`; return s; };
  writeFileSync(join(dir, 'notes', 'five-kb.note'), repeatTo(5_000));
  writeFileSync(join(dir, 'notes', 'one-mb.note'), repeatTo(1_000_000));
  writeFileSync(join(dir, '.vscode', 'settings.json'), JSON.stringify({
    'medcode.setting': 'outpatient', 'medcode.decorations.inlineCodes': true, 'medcode.databasePath': dbPath,
    ...(loadOnStartup ? {} : { 'medcode.loadOnStartup': false }),
  }, null, 2));
}

async function buildAll(cache) {
  log('building the extension and the extension-host tests');
  const b = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, stdio: 'inherit' });
  if (b.status !== 0) throw new Error('node esbuild.mjs failed');
  const require = createRequire(import.meta.url);
  const esbuild = require('esbuild');
  await esbuild.build({
    entryPoints: [join(ROOT, 'test/e2e/suite/index.ts')], outfile: join(cache, 'out', 'suite.js'), bundle: true, platform: 'node', format: 'cjs',
    target: 'node20', external: ['vscode'], sourcemap: 'inline', logLevel: 'warning',
  });
  return join(cache, 'out', 'suite.js');
}

function buildDatabase() {
  log('building the code-set database from ../shared/codesets (cached in .cache/e2e-db)');
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'test/e2e/codesetDb.ts'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error((r.stderr || r.stdout).trim() || 'the code-set database could not be built');
  return r.stdout.trim().split('\n').pop();
}

async function runExtensionHostTests(paths, runDir, workspace, suite) {
  const { chromium } = createRequire(import.meta.url)(paths.playwright);
  const port = await freePort();
  const d = join(runDir, 'exthost');
  mkdirSync(join(d, 'tmp'), { recursive: true });
  const resultsFile = join(d, 'results.json');
  const env = { ...process.env, HOME: d, TMPDIR: join(d, 'tmp'), MEDCODE_E2E_RESULTS: resultsFile };
  const server = startGroup(paths.node24Bin, ['--expose-gc', paths.serverMain, '--host', '127.0.0.1', '--port', String(port), '--without-connection-token',
    '--accept-server-license-terms', '--enable-smoke-test-driver', '--disable-telemetry', '--disable-workspace-trust',
    '--server-data-dir', join(d, 'server'), '--user-data-dir', join(d, 'user'), '--extensions-dir', join(d, 'ext')], env, join(d, 'server.log'));
  let browser;
  try {
    await waitForHttp(`http://127.0.0.1:${port}/`, 60_000, server);
    const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
    const payload = [['extensionDevelopmentPath', remote(ROOT)], ['extensionTestsPath', remote(suite)]];
    const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    browser = await chromium.launch({ executablePath: paths.chromium, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    const exited = new Promise((res) => {
      page.exposeFunction('codeAutomationExit', (code) => res(code)).catch(() => {});
    });
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const line = (Array.isArray(args) ? args : [args]).map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
      if (/^(ok|not ok|extension host:)/.test(line)) console.log(`  ${line.split('\n')[0]}`);
    });
    log('extension-host tests: opening VS Code (server-main.js) in Chromium');
    await page.goto(url);
    const code = await Promise.race([exited, new Promise((res) => setTimeout(() => res('timeout'), 12 * 60_000))]);
    if (!existsSync(resultsFile)) throw new Error(`the extension-host tests ended (${code}) without writing results; see ${join(d, 'server.log')}`);
    const out = JSON.parse(readFileSync(resultsFile, 'utf8'));
    for (const r of out.results) results.push({ name: `extension host: ${r.name}`, ok: r.ok, error: r.error });
    Object.assign(metrics, out.metrics);
    // Young collections per test (VS Code's own work included): V8 doubles the young generation
    // once the bytes surviving them add up to its size, and RSS keeps the pages.
    log('extension host collections by test (scavenges, MB surviving them, young generation grown):');
    for (const r of out.results.filter((x) => x.gc)) {
      console.log(`  ${String(r.gc.scavenges).padStart(3)} ${r.gc.survivedMB.toFixed(1).padStart(5)} MB${r.gc.youngGenerationGrew ? ' grown' : '      '}  ${r.name}`);
    }
    const byName = (re) => out.results.find((x) => re.test(x.name))?.gc;
    metrics.survivedYoungFirstNoteMB = byName(/^the first note after VS Code starts/)?.survivedMB ?? -1;
    metrics.survivedYoungOneMbNoteMB = byName(/^a 1 MB note/)?.survivedMB ?? -1;
    metrics.youngGenerationGrewInTests = out.results.filter((x) => x.gc?.youngGenerationGrew).length;
  } finally {
    await browser?.close().catch(() => {});
    killGroup(server);
  }
}

function packageVsix(runDir) {
  log('packaging the .vsix (npm run package)');
  const out = join(runDir, 'medcode.vsix');
  const r = spawnSync('npx', ['vsce', 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--no-rewrite-relative-links', '-o', out], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`vsce package failed: ${(r.stderr || r.stdout).trim().split('\n').slice(-5).join(' ')}`);
  metrics.vsixKB = Math.round(statSync(out).size / 1024);
  return out;
}

async function main() {
  const args = process.argv.slice(2);
  const paths = harnessPaths(ROOT);
  if (args.includes('--build-only')) {
    // For test/e2e/electron.mjs: the same suite, database and workspace, without the harness.
    const dbPath = buildDatabase();
    const suite = await buildAll(paths.cache);
    const workspace = join(paths.cache, 'out', 'workspace');
    prepareWorkspace(workspace, dbPath);
    writeFileSync(join(paths.cache, 'out', 'build.json'), JSON.stringify({ suite, dbPath, workspace }));
    return;
  }
  const installStarted = Date.now();
  try {
    const t = ensureHarness(ROOT, log);
    metrics.harnessInstallSeconds = Math.round((Date.now() - installStarted) / 100) / 10;
    if (Object.values(t).some((s) => s > 1)) log(`harness installed: ${JSON.stringify(t)}`);
  } catch (e) {
    fail('install the real-VS-Code harness', e);
    return finish();
  }
  const runDir = join(paths.cache, `run-${process.pid}`);
  mkdirSync(runDir, { recursive: true });
  let dbPath;
  let suite;
  try {
    dbPath = buildDatabase();
    suite = await buildAll(paths.cache);
  } catch (e) {
    fail('build the extension and the e2e code-set database', e);
    return finish();
  }
  if (!args.includes('--ui-only')) {
    const ws = join(runDir, 'workspace-exthost');
    prepareWorkspace(ws, dbPath, { loadOnStartup: false });
    const t = Date.now();
    try { await runExtensionHostTests(paths, runDir, ws, suite); } catch (e) { fail('extension-host tests', e); }
    metrics.extensionHostRunSeconds = Math.round((Date.now() - t) / 100) / 10;
  }
  if (!args.includes('--exthost-only')) {
    const ws = join(runDir, 'workspace-ui');
    prepareWorkspace(ws, dbPath);
    const t = Date.now();
    try {
      const vsix = packageVsix(runDir);
      const ui = await runUiTests({ paths, runDir, workspace: ws, vsix, dbPath, root: ROOT, log, helpers: { freePort, waitForHttp, startGroup, killGroup } });
      results.push(...ui.results);
      Object.assign(metrics, ui.metrics);
    } catch (e) { fail('UI tests in code-server', e); }
    metrics.uiRunSeconds = Math.round((Date.now() - t) / 100) / 10;
  }
  if (!args.includes('--keep')) rmSync(runDir, { recursive: true, force: true });
  metrics.totalSeconds = Math.round((Date.now() - started) / 100) / 10;
  finish();
}

await main();
