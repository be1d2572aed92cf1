// The claim panel in a real VS Code (code-server from the e2e harness, see
// ../shared/docs/real-vscode.md), with the packaged .vsix and the e2e code-set database:
// open a note, "MedCode: Open Claim" beside it, see the claim and its rule error in the panel,
// accept a suggestion in the note and see it arrive, edit in the panel (dirty), undo, save,
// export through the save dialog with an override. Returns [{ name, ok, error? }].
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { harnessPaths } from '../e2e/harness.mjs';

const STEP = 60_000;

const freePort = () => new Promise((res, rej) => {
  const s = createServer();
  s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => res(p)); });
  s.on('error', rej);
});

async function waitForHttp(url, ms, proc) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (proc.exitCode !== null) throw new Error(`code-server exited with ${proc.exitCode}`);
    try { if ((await fetch(url)).status < 500) return; } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`nothing answered ${url} within ${ms} ms`);
}

export async function runInVsCode(root, log = console.log) {
  const paths = harnessPaths(root);
  if (!existsSync(paths.codeServerBin) || !existsSync(paths.playwright)) {
    log('skipped: real-VS-Code panel tests need the e2e harness in .vscode-test/ (run `npm run test:e2e` once to install it)');
    return [];
  }
  const db = spawnSync(process.execPath, ['--import', 'tsx', 'test/e2e/codesetDb.ts'], { cwd: root, encoding: 'utf8' });
  if (db.status !== 0) {
    log(`skipped: real-VS-Code panel tests need the e2e code-set database: ${(db.stderr || db.stdout).trim().split('\n').pop()}`);
    return [];
  }
  const dbPath = db.stdout.trim().split('\n').pop();
  const run = join(paths.cache, `panel-${process.pid}`);
  rmSync(run, { recursive: true, force: true });
  mkdirSync(join(run, 'ws', 'notes'), { recursive: true });
  for (const f of ['two-diabetes.note', 'two-diabetes.note.claim.json']) cpSync(join(root, 'test/e2e/fixtures', f), join(run, 'ws', 'notes', f));
  // Workspace settings: a remote extension host does not take machine-overridable settings from the user's.
  mkdirSync(join(run, 'ws', '.vscode'), { recursive: true });
  writeFileSync(join(run, 'ws', '.vscode', 'settings.json'), JSON.stringify({ 'medcode.databasePath': dbPath, 'medcode.setting': 'outpatient' }, null, 2));
  const vsix = join(run, 'medcode.vsix');
  log('packaging the .vsix for the real-VS-Code panel tests');
  const pkg = spawnSync('npx', ['vsce', 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--no-rewrite-relative-links', '-o', vsix], { cwd: root, encoding: 'utf8' });
  if (pkg.status !== 0) return [{ name: 'vscode: package the .vsix', ok: false, error: (pkg.stderr || pkg.stdout).trim().split('\n').slice(-3).join(' ') }];

  const d = join(run, 'cs');
  mkdirSync(join(d, 'user', 'User'), { recursive: true });
  mkdirSync(join(d, 'tmp'), { recursive: true });
  writeFileSync(join(d, 'user', 'User', 'settings.json'), JSON.stringify({
    'workbench.startupEditor': 'none', 'security.workspace.trust.enabled': false, 'telemetry.telemetryLevel': 'off',
    'extensions.autoUpdate': false, 'extensions.autoCheckUpdates': false, 'update.mode': 'none', 'workbench.colorTheme': 'Default Dark Modern',
    'medcode.databasePath': dbPath, 'files.simpleDialog.enable': true, 'chat.disableAIFeatures': true, 'workbench.welcomePage.walkthroughs.openOnInstall': false,
    'workbench.secondarySideBar.defaultVisibility': 'hidden', 'workbench.tips.enabled': false,
  }, null, 2));
  const env = { ...process.env, HOME: d, TMPDIR: join(d, 'tmp'), PATH: `${join(paths.node24, 'bin')}:${process.env.PATH}` };
  const inst = spawnSync(paths.codeServerBin, ['--extensions-dir', join(d, 'ext'), '--user-data-dir', join(d, 'user'), '--install-extension', vsix], { env, encoding: 'utf8' });
  if (inst.status !== 0) return [{ name: 'vscode: install the .vsix', ok: false, error: (inst.stderr || inst.stdout).trim() }];

  const port = await freePort();
  const server = spawn(paths.codeServerBin, ['--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--extensions-dir', join(d, 'ext'), '--user-data-dir', join(d, 'user'),
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', join(run, 'ws')], { env, detached: true, stdio: 'ignore' });
  const results = [];
  const shots = join(root, 'screenshots/panel');
  mkdirSync(shots, { recursive: true });
  const { chromium } = createRequire(import.meta.url)(paths.playwright);
  let browser;
  try {
    await waitForHttp(`http://127.0.0.1:${port}/healthz`, 60_000, server);
    browser = await chromium.launch({ executablePath: paths.chromium, args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
    const page = await (await browser.newContext({ viewport: { width: 1500, height: 950 } })).newPage();
    const shot = (name) => page.screenshot({ path: join(shots, `vscode-${name}.png`) }).catch(() => {});
    let stop = false;
    const step = async (name, fn) => {
      if (stop) { results.push({ name: `vscode: ${name}`, ok: false, error: 'not run: an earlier step failed' }); return; }
      const t0 = Date.now();
      try {
        await fn();
        results.push({ name: `vscode: ${name}`, ok: true });
        log(`  ✔ vscode: ${name} (${Date.now() - t0} ms)`);
      } catch (e) {
        stop = true;
        results.push({ name: `vscode: ${name}`, ok: false, error: String(e?.message ?? e) });
        log(`  ✖ vscode: ${name}: ${String(e?.message ?? e).split('\n')[0]}`);
        await shot(`failed-${name.replace(/[^a-z0-9]+/gi, '-').slice(0, 50)}`);
      }
    };
    const quickInput = page.locator('.quick-input-widget input');
    const runCommand = async (label) => {
      for (let attempt = 0; attempt < 10; attempt++) {
        await page.keyboard.press('F1');
        await quickInput.waitFor({ state: 'visible', timeout: 10_000 });
        await quickInput.fill(`>${label}`);
        try {
          // Run the row that is exactly this command ("Undo" must not run "Git: Undo Last Commit"
          // or whichever row the palette happens to list first).
          const rows = page.locator('.quick-input-list .monaco-list-row');
          let exact;
          await until(`"${label}" in the palette`, async () => {
            const n = await rows.count();
            for (let i = 0; i < n; i++) {
              const text = await rows.nth(i).innerText({ timeout: 500 }).catch(() => '');
              if (text.split('\n').map((l) => l.trim()).includes(label)) { exact = rows.nth(i); return true; }
            }
            return false;
          }, 3_000);
          await exact.click();
          return;
        } catch {
          await page.keyboard.press('Escape');
          await page.waitForTimeout(1000);
        }
      }
      throw new Error(`the command "${label}" never appeared in the command palette`);
    };
    /** The panel's document inside the webview iframes. */
    const panelFrame = async () => {
      const end = Date.now() + STEP;
      while (Date.now() < end) {
        for (const f of page.frames()) {
          if (await f.locator('.panel-header, .error-view').count().catch(() => 0)) return f;
        }
        await page.waitForTimeout(250);
      }
      throw new Error('the claim panel never appeared');
    };
    const claimPath = join(run, 'ws', 'notes', 'two-diabetes.note.claim.json');
    const onDisk = () => JSON.parse(readFileSync(claimPath, 'utf8'));
    const until = async (what, check, ms = 30_000) => {
      const end = Date.now() + ms;
      let last;
      while (Date.now() < end) {
        // A file read while VS Code is writing it may be empty or cut short: look again.
        try { if (await check()) return; } catch (e) { last = e; }
        await page.waitForTimeout(200);
      }
      throw new Error(`timed out waiting for ${what}${last ? ` (last: ${last.message})` : ''}`);
    };

    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(join(run, 'ws'))}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: STEP });
    let frame;

    await step('open a note, then "MedCode: Open Claim" opens the panel beside it', async () => {
      await page.keyboard.press('Control+P');
      await quickInput.waitFor({ state: 'visible', timeout: 10_000 });
      await quickInput.fill('two-diabetes.note');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'two-diabetes.note' }).first().waitFor({ timeout: 15_000 });
      await page.keyboard.press('Enter');
      await page.locator('.tab.active', { hasText: 'two-diabetes.note' }).waitFor({ timeout: STEP });
      await page.waitForFunction(() => document.querySelectorAll('.monaco-editor [class*="ced-"]').length > 0, null, { timeout: 120_000 });
      await runCommand('MedCode: Open Claim');
      await page.locator('.editor-group-container', { has: page.locator('.tab', { hasText: 'two-diabetes.note.claim.json' }) }).waitFor({ timeout: STEP });
      if (await page.locator('.editor-group-container').count() < 2) throw new Error('the claim did not open beside the note');
      frame = await panelFrame();
      await frame.locator('[data-key="dx:E11.9:1:code"]').waitFor({ timeout: STEP });
      await frame.locator('.summary-list [data-rule="icd10cm.excludes1"]').first().waitFor({ timeout: STEP });
      await shot('01-panel-beside-note');
    });

    await step('accepting a suggestion in the note adds it to the open panel', async () => {
      await page.locator('.editor-group-container').first().locator('.monaco-editor .view-lines').first().click();
      await page.keyboard.press('Control+G');
      await quickInput.waitFor({ state: 'visible', timeout: 10_000 });
      await quickInput.fill(':6:6');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Control+.');
      const item = page.locator('.action-widget .monaco-list-row', { hasText: 'Accept E78.5' }).first();
      await item.waitFor({ timeout: 20_000 });
      await item.click();
      await frame.locator('[data-key="dx:E78.5:1:code"]').waitFor({ timeout: STEP });
      await shot('02-accepted-in-panel');
    });

    await step('an edit in the panel makes the claim dirty; undo takes it back; save writes it', async () => {
      // The last step worked in the note: bring the claim's group forward and find its panel again.
      await page.locator('.tab', { hasText: 'two-diabetes.note.claim.json' }).first().click();
      frame = await panelFrame();
      const payer = frame.locator('[data-key="field:payer.name"] input');
      await payer.waitFor({ state: 'visible', timeout: STEP });
      await payer.fill('Acme Health Plan');
      await payer.press('Enter');
      await page.locator('.tab.dirty', { hasText: 'two-diabetes.note.claim.json' }).waitFor({ timeout: STEP });
      await until('the payer in the panel', async () => (await frame.locator('[data-key="field:payer.name"]').evaluate((e) => e.value)) === 'Acme Health Plan');
      // Undo acts on the active editor group: make it the claim's, not the note's.
      await page.locator('.tab', { hasText: 'two-diabetes.note.claim.json' }).first().click();
      await runCommand('Undo');
      await until('undo to clear the payer', async () => (await frame.locator('[data-key="field:payer.name"]').evaluate((e) => e.value)) === '');
      await frame.locator('[data-key="field:payer.name"] input').fill('Acme Health Plan');
      await frame.locator('[data-key="field:payer.name"] input').press('Enter');
      await until('the payer again', async () => (await frame.locator('[data-key="field:payer.name"]').evaluate((e) => e.value)) === 'Acme Health Plan');
      await runCommand('File: Save All Files');
      await until('the claim on disk', () => onDisk().payer?.name === 'Acme Health Plan' && onDisk().diagnoses.some((x) => x.code === 'E78.5'));
    });

    await step('export is blocked by the Excludes1 error; with an override reason it goes through the save dialog', async () => {
      await frame.locator('[data-format="claim-json"]').click();
      const dialog = frame.locator('dialog.reason-dialog');
      await dialog.waitFor({ timeout: STEP });
      await dialog.locator('vscode-textarea textarea').fill('Both types documented by the endocrinologist.');
      await dialog.locator('[data-action="confirm"]').click();
      await quickInput.waitFor({ state: 'visible', timeout: STEP });
      await shot('03-save-dialog');
      await page.keyboard.press('Enter');
      const out = join(run, 'ws', 'notes', 'two-diabetes.export.json');
      await until('the export file', () => existsSync(out));
      const exported = JSON.parse(readFileSync(out, 'utf8'));
      if (!Array.isArray(exported.diagnoses)) throw new Error('the export is not a claim');
      await frame.locator('.export-status', { hasText: 'with an override' }).waitFor({ timeout: STEP });
      await runCommand('File: Save All Files');
      await until('the override on disk', () => (onDisk().overrides ?? []).some((o) => o.reason.startsWith('Both types')));
      await shot('04-exported');
    });
  } catch (e) {
    results.push({ name: 'vscode: start code-server and the browser', ok: false, error: String(e?.message ?? e) });
  } finally {
    await browser?.close().catch(() => {});
    try { process.kill(-server.pid, 'SIGTERM'); } catch { /* gone */ }
    setTimeout(() => { try { process.kill(-server.pid, 'SIGKILL'); } catch { /* gone */ } }, 2000).unref();
  }
  return results;
}

// Left for inspection when a step failed; otherwise removed.
export function cleanRuns(root) {
  const cache = harnessPaths(root).cache;
  for (const e of existsSync(cache) ? readdirSync(cache) : []) if (e.startsWith('panel-')) rmSync(join(cache, e), { recursive: true, force: true });
}
