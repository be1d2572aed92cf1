// UI tests in code-server, as a person would use MedCode: the packaged .vsix installed, a note
// opened from Quick Open, decorations and squiggles seen, a hover read, the accept quick fix
// chosen from the lightbulb menu, the claim saved and the change undone, a code searched from the
// command palette and inserted, a setting changed, a 1 MB note opened and typed into.
// Screenshots of each step go to screenshots/.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const STEP_TIMEOUT = 60_000;

export async function runUiTests({ paths, runDir, workspace, vsix, dbPath, root, log, helpers }) {
  const results = [];
  const metrics = {};
  const shots = join(root, 'screenshots');
  mkdirSync(shots, { recursive: true });
  const d = join(runDir, 'ui');
  const userDir = join(d, 'user');
  const extDir = join(d, 'ext');
  mkdirSync(join(userDir, 'User'), { recursive: true });
  mkdirSync(join(d, 'tmp'), { recursive: true });
  const settingsFile = join(userDir, 'User', 'settings.json');
  const userSettings = {
    'workbench.startupEditor': 'none', 'workbench.tips.enabled': false, 'security.workspace.trust.enabled': false,
    'telemetry.telemetryLevel': 'off', 'extensions.autoUpdate': false, 'extensions.autoCheckUpdates': false,
    'update.mode': 'none', 'workbench.colorTheme': 'Default Dark Modern', 'editor.hover.delay': 200,
    'medcode.databasePath': dbPath, 'files.simpleDialog.enable': true, 'workbench.welcomePage.walkthroughs.openOnInstall': false,
    'chat.disableAIFeatures': true, 'workbench.secondarySideBar.defaultVisibility': 'hidden', 'git.openRepositoryInParentFolders': 'never',
  };
  writeFileSync(settingsFile, JSON.stringify(userSettings, null, 2));
  const env = { ...process.env, HOME: d, TMPDIR: join(d, 'tmp'), PATH: `${join(paths.node24, 'bin')}:${process.env.PATH}` };

  const t0 = Date.now();
  const inst = spawnSync(paths.codeServerBin, ['--extensions-dir', extDir, '--user-data-dir', userDir, '--install-extension', vsix], { env, encoding: 'utf8' });
  if (inst.status !== 0) throw new Error(`code-server --install-extension failed: ${(inst.stderr || inst.stdout).trim()}`);
  metrics.vsixInstallMs = Date.now() - t0;
  results.push({ name: 'ui: the packaged .vsix installs into code-server', ok: true });

  const port = await helpers.freePort();
  const server = helpers.startGroup(paths.codeServerBin, ['--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--extensions-dir', extDir, '--user-data-dir', userDir,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', workspace], env, join(d, 'code-server.log'));
  const { chromium } = createRequire(import.meta.url)(paths.playwright);
  let browser;
  try {
    await helpers.waitForHttp(`http://127.0.0.1:${port}/healthz`, 60_000, server);
    browser = await chromium.launch({ executablePath: paths.chromium, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
    const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
    const shot = (name) => page.screenshot({ path: join(shots, `${name}.png`) }).catch(() => {});
    const step = async (name, fn) => {
      const started = Date.now();
      try {
        await fn();
        results.push({ name: `ui: ${name}`, ok: true });
        log(`ui ok - ${name} (${Date.now() - started} ms)`);
      } catch (e) {
        results.push({ name: `ui: ${name}`, ok: false, error: String(e?.message ?? e) });
        log(`ui not ok - ${name}: ${String(e?.message ?? e).split('\n')[0]}`);
        await shot(`failed-${name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60)}`);
        await page.keyboard.press('Escape').catch(() => {});
      }
    };
    const editorText = () => page.locator('.editor-group-container.active .monaco-editor .view-lines').first().innerText();
    const runCommand = async (label) => {
      for (let attempt = 0; attempt < 10; attempt++) {
        await page.keyboard.press('F1');
        const input = page.locator('.quick-input-widget input');
        await input.waitFor({ state: 'visible', timeout: 10_000 });
        await input.fill(`>${label}`);
        const row = page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first();
        try {
          await row.waitFor({ state: 'visible', timeout: 3_000 });
          await page.keyboard.press('Enter');
          return;
        } catch {
          await page.keyboard.press('Escape'); // commands may not be listed the instant the palette opens
          await page.waitForTimeout(1000);
        }
      }
      throw new Error(`the command "${label}" never appeared in the command palette`);
    };
    const openFile = async (name) => {
      await page.keyboard.press('Control+P');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ state: 'visible', timeout: 10_000 });
      await input.fill(name);
      await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ timeout: 15_000 });
      const opened = Date.now();
      await page.keyboard.press('Enter');
      await page.locator('.tab.active', { hasText: name }).waitFor({ timeout: STEP_TIMEOUT });
      return opened;
    };
    const decorationCount = () => page.evaluate(() => {
      const editor = document.querySelector('.editor-group-container.active .monaco-editor');
      // Highlights are drawn in the view overlays; inline code hints and dimming live in the lines.
      return editor ? editor.querySelectorAll('.view-overlays [class*="ced-"]').length : 0;
    });
    const saveAll = () => runCommand('File: Save All Files');
    /** Chooses a value of medcode.decorations.style in the Settings editor, as a person would. */
    const setDecorationStyle = async (value) => {
      for (let attempt = 1; ; attempt++) {
        await runCommand('Preferences: Open User Settings');
        await page.locator('.settings-editor').first().waitFor({ timeout: 20_000 });
        await page.waitForTimeout(500);
        await page.keyboard.type('medcode.decorations.style', { delay: 20 }); // the search box has focus when Settings opens
        const item = page.locator('.settings-editor .setting-item-enum', { hasText: 'How the words supporting each code are marked' }).first();
        await item.waitFor({ timeout: 20_000 });
        await page.waitForTimeout(500); // the filtered list re-renders once more
        await item.locator('.monaco-select-box, select').first().click();
        await page.locator('.monaco-select-box-dropdown-container .option-text', { hasText: new RegExp(`^${value}$`) }).first().click();
        await page.waitForTimeout(300);
        const shown = await item.locator('select').first().evaluate((el) => el.options[el.selectedIndex]?.text?.trim() ?? '').catch(() => '');
        if (shown === value) return;
        await page.keyboard.press('Escape');
        if (attempt === 3) throw new Error(`the Settings editor shows "${shown}" for medcode.decorations.style after choosing "${value}" three times`);
      }
    };
    /** Puts the cursor on line:column of the active editor (Ctrl+G), as a keyboard user would. */
    const goTo = async (line, column) => {
      await page.keyboard.press('Control+G');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ state: 'visible', timeout: 10_000 });
      await input.fill(`:${line}:${column}`);
      await page.keyboard.press('Enter');
    };
    /** The innermost rendered span holding exactly `text` in the active editor. */
    const wordSpan = (text) => page.locator('.editor-group-container.active .view-line span span', { hasText: new RegExp(`^${text}$`) }).first();

    const loadStarted = Date.now();
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: STEP_TIMEOUT });
    await page.locator('.explorer-folders-view, .explorer-viewlet').first().waitFor({ timeout: STEP_TIMEOUT }).catch(() => {});
    metrics.uiWorkbenchLoadMs = Date.now() - loadStarted;
    await shot('01-workbench');

    await step('open a note and see decorations and squiggles', async () => {
      // The workspace holds notes, so the code sets load when VS Code starts (medcode.loadOnStartup):
      // the status bar names their versions once loaded; the analyzer is ready about a second later.
      await page.locator('.statusbar-item', { hasText: 'ICD-10-CM' }).first().waitFor({ timeout: 120_000 });
      await shot('02a-code-sets-loaded-at-startup');
      await page.waitForTimeout(3000);
      const started = await openFile('two-diabetes.note');
      await page.waitForFunction(() => document.querySelectorAll('.editor-group-container.active .monaco-editor [class*="ced-"]').length > 0, null, { timeout: 120_000 });
      metrics.uiOpenToDecorationsFirstNoteMs = Date.now() - started;
      await page.locator('.editor-group-container.active .monaco-editor .squiggly-error, .editor-group-container.active .monaco-editor .squiggly-warning').first().waitFor({ timeout: STEP_TIMEOUT });
      await shot('02-note-decorations-squiggles');
    });

    await step('the Problems panel lists the rule warning with its rule id', async () => {
      await runCommand('View: Focus Problems');
      const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'icd10cm.excludes1' }).first();
      await row.waitFor({ timeout: STEP_TIMEOUT });
      await shot('03-problems-panel');
      await page.keyboard.press('Control+J');
    });

    await step('hover on marked text shows the code and its notes', async () => {
      await wordSpan('Hyperlipidemia').hover();
      const hover = page.locator('.monaco-hover:visible', { hasText: 'E78.5' }).first();
      await hover.waitFor({ timeout: 20_000 });
      const text = await hover.innerText();
      if (!/billable/.test(text)) throw new Error(`the hover should say whether E78.5 is billable: ${text.slice(0, 200)}`);
      await shot('04-hover');
      await page.mouse.move(5, 5);
      await page.keyboard.press('Escape');
    });

    const claimPath = join(workspace, 'notes', 'two-diabetes.note.claim.json');
    const claimBefore = readFileSync(claimPath, 'utf8');
    await step('accept quick fix writes the sidecar claim; saved to disk', async () => {
      await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().click();
      await goTo(6, 6); // inside "Hyperlipidemia" on line 6
      await page.keyboard.press('Control+.');
      const item = page.locator('.action-widget .monaco-list-row', { hasText: 'Accept E78.5' }).first();
      await item.waitFor({ timeout: 20_000 });
      await shot('05-quick-fix-menu');
      await item.click();
      await page.waitForTimeout(500);
      await saveAll();
      const deadline = Date.now() + 20_000;
      while (!/"E78\.5"/.test(readFileSync(claimPath, 'utf8'))) {
        if (Date.now() > deadline) throw new Error('the claim on disk never got E78.5');
        await page.waitForTimeout(200);
      }
      const claim = JSON.parse(readFileSync(claimPath, 'utf8'));
      if (!claim.diagnoses.some((x) => x.code === 'E78.5' && x.status === 'accepted')) throw new Error('E78.5 is not accepted in the claim on disk');
    });

    await step('undo the accept in the claim, save, and the file is as before', async () => {
      await openFile('two-diabetes.note.claim.json');
      await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().click();
      await page.keyboard.press('Control+Z');
      await page.waitForTimeout(300);
      await saveAll();
      const deadline = Date.now() + 20_000;
      while (readFileSync(claimPath, 'utf8') !== claimBefore) {
        if (Date.now() > deadline) throw new Error('after undo and save, the claim on disk differs from before the accept');
        await page.waitForTimeout(200);
      }
      await shot('06-claim-after-undo');
    });

    const visitClaimPath = join(workspace, 'notes', 'office-visit.note.claim.json');
    const lightbulbAccept = async (line, column, label) => {
      const item = page.locator('.action-widget .monaco-list-row', { hasText: label }).first();
      for (let attempt = 1; ; attempt++) {
        await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().click();
        await goTo(line, column);
        await page.waitForTimeout(300);
        await page.keyboard.press('Control+.');
        try {
          await item.waitFor({ timeout: 10_000 });
          break;
        } catch (e) {
          // The menu may open before the code actions of a just-changed claim are ready: try again.
          await page.keyboard.press('Escape');
          if (attempt === 3) throw e;
        }
      }
      await item.click();
      await page.waitForTimeout(500);
    };
    await step('E/M and HCPCS suggestions are marked in a note; accepting them writes service lines to the claim on disk', async () => {
      await openFile('office-visit.note');
      await page.waitForFunction(() => document.querySelectorAll('.editor-group-container.active .monaco-editor [class*="ced-"]').length >= 4, null, { timeout: 120_000 });
      await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().click();
      await goTo(13, 3); // inside "Ceftriaxone 1 g" on line 13
      await page.keyboard.press('Control+K');
      await page.keyboard.press('Control+I');
      const hover = page.locator('.monaco-hover:visible', { hasText: 'J0696' }).first();
      await hover.waitFor({ timeout: 20_000 });
      const text = await hover.innerText();
      if (!/Units:\s*4/.test(text)) throw new Error(`the hover should give J0696's units: ${text.slice(0, 300)}`);
      if (!/Coded with ICD-10-CM/.test(text)) throw new Error(`the hover should name the release used: ${text.slice(0, 300)}`);
      await shot('13-em-hcpcs-marks');
      await page.keyboard.press('Escape');
      await lightbulbAccept(9, 5, 'Accept J02.0'); // "Streptococcal pharyngitis" on line 9
      await lightbulbAccept(13, 3, 'Accept J0696');
      await lightbulbAccept(14, 10, 'Accept 99214'); // "I spent a total of 32 minutes" on line 14
      await saveAll();
      const deadline = Date.now() + 20_000;
      for (;;) {
        const claim = existsSync(visitClaimPath) ? JSON.parse(readFileSync(visitClaimPath, 'utf8') || '{}') : {};
        const lines = (claim.lines ?? []).map((l) => `${l.code}x${l.units}->${(l.diagnosisPointers ?? []).join(',')}`);
        if (lines.includes('J0696x4->1') && lines.includes('99214x1->1')) break;
        if (Date.now() > deadline) throw new Error(`the claim on disk should hold J0696 x4 and 99214 pointing at diagnosis 1: ${JSON.stringify(lines)}`);
        await page.waitForTimeout(200);
      }
    });

    await step('the claim panel shows the same warnings as `medcode check` for that claim', async () => {
      await runCommand('MedCode: Open Claim');
      await page.locator('.tab', { hasText: 'office-visit.note.claim.json' }).first().waitFor({ timeout: STEP_TIMEOUT });
      let frame;
      const end = Date.now() + STEP_TIMEOUT;
      while (!frame && Date.now() < end) {
        for (const f of page.frames()) if (await f.locator('[data-key="line:J0696:1:code"], .warnings-card').count().catch(() => 0)) frame = f;
        if (!frame) await page.waitForTimeout(250);
      }
      if (!frame) throw new Error('the claim panel never appeared');
      await frame.locator('.warnings-card .warning-counts').waitFor({ timeout: STEP_TIMEOUT });
      const cli = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), 'check', visitClaimPath, '--db', dbPath, '--json'], { encoding: 'utf8' });
      if (cli.status !== 0) throw new Error(`medcode check failed: ${cli.stderr}`);
      const expected = JSON.parse(cli.stdout).warnings.map((w) => `${w.rule}: ${w.message}`).sort();
      let shown = [];
      const deadline = Date.now() + 30_000;
      for (;;) {
        shown = (await frame.locator('.warnings-card li.warning').evaluateAll((items) => items.map((li) => `${li.getAttribute('data-rule')}: ${li.querySelector('.message')?.textContent ?? ''}`))).sort();
        if (JSON.stringify(shown) === JSON.stringify(expected)) break;
        if (Date.now() > deadline) throw new Error(`the panel shows ${shown.length} warnings and medcode check ${expected.length}: panel ${JSON.stringify(shown)}; check ${JSON.stringify(expected)}`);
        await page.waitForTimeout(300);
      }
      metrics.uiPanelWarningsSameAsCheck = shown.length;
      await shot('14-panel-same-warnings-as-check');
      await runCommand('View: Close All Editors');
    });

    await step('command palette: search codes live and insert one at the cursor', async () => {
      await openFile('scratch.note');
      await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().click();
      await page.keyboard.press('Control+End');
      await runCommand('MedCode: Search Codes');
      await page.locator('.quick-input-widget .quick-input-title', { hasText: 'MedCode: Search Codes' }).waitFor({ timeout: 20_000 });
      const input = page.locator('.quick-input-widget input');
      await input.pressSequentially('pneumonia', { delay: 40 });
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'J18' }).first().waitFor({ timeout: 20_000 });
      await shot('07-search-results');
      const before = await editorText();
      await page.waitForTimeout(500); // let the live results settle before choosing
      await page.keyboard.press('Enter');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Insert' }).first().waitFor({ timeout: 10_000 });
      const offered = (await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Insert' }).first().innerText()).match(/Insert (\S+) at the cursor/)?.[1];
      if (!offered) throw new Error('the second step should offer "Insert <code> at the cursor"');
      await page.keyboard.press('Enter');
      const deadline = Date.now() + 10_000;
      while (!(await editorText()).includes(offered) || (await editorText()) === before) {
        if (Date.now() > deadline) throw new Error(`${offered} was not inserted into the note`);
        await page.waitForTimeout(200);
      }
      await shot('08-code-inserted');
    });

    await step('a 1 MB note opens and stays responsive to typing', async () => {
      const started = Date.now();
      await openFile('one-mb.note');
      metrics.uiOneMbOpenMs = Date.now() - started;
      await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().click();
      await page.keyboard.press('Control+Home');
      let worst = 0;
      for (const ch of 'typing') {
        const t = Date.now();
        await page.keyboard.type(ch);
        await page.waitForFunction((c) => {
          const line = document.querySelector('.editor-group-container.active .monaco-editor .view-lines .view-line');
          return line && line.textContent.includes(c);
        }, ch, { timeout: 10_000 });
        worst = Math.max(worst, Date.now() - t);
      }
      metrics.uiOneMbWorstKeystrokeEchoMs = worst;
      await page.waitForFunction(() => document.querySelectorAll('.editor-group-container.active .monaco-editor [class*="ced-"]').length > 0, null, { timeout: 180_000 });
      metrics.uiOneMbOpenToDecorationsMs = Date.now() - started;
      await shot('11-one-mb-note');
      await runCommand('File: Revert File');
    });

    await step('the status bar shows the loaded code-set versions', async () => {
      const item = page.locator('.statusbar-item', { hasText: 'ICD-10-CM' }).first();
      await item.waitFor({ timeout: STEP_TIMEOUT });
      await item.click();
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'ICD-10-CM FY2021' }).first().waitFor({ timeout: 20_000 });
      await shot('12-show-code-sets');
      await page.keyboard.press('Escape');
    });
    // Last: it leaves the highlights off.
    await step('changing a setting changes what the note shows', async () => {
      await openFile('follow-up-diabetes.note');
      await page.waitForFunction(() => document.querySelectorAll('.editor-group-container.active .monaco-editor [class*="ced-"]').length > 0, null, { timeout: 120_000 });
      const before = await decorationCount();
      await setDecorationStyle('off');
      await shot('09-settings-ui');
      await page.keyboard.press('Escape');
      await openFile('follow-up-diabetes.note');
      const deadline = Date.now() + 30_000;
      while ((await decorationCount()) > 0) {
        if (Date.now() > deadline) throw new Error(`highlights stayed (${await decorationCount()} of ${before}) after choosing "off" for medcode.decorations.style`);
        await page.waitForTimeout(250);
      }
      // The inline code hints are a setting of their own and stay.
      await page.waitForFunction(() => document.querySelectorAll('.editor-group-container.active .monaco-editor .view-lines [class*="ced-"]').length > 0, null, { timeout: 30_000 });
      await shot('10-setting-decorations-off');
    });

  } finally {
    await browser?.close().catch(() => {});
    helpers.killGroup(server);
  }
  if (!existsSync(join(shots, '02-note-decorations-squiggles.png'))) log('no screenshots were taken');
  return { results, metrics };
}
