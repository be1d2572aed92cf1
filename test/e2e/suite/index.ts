// Extension tests in the real extension host (VS Code's server, driven by scripts/e2e.mjs).
// Same contract as @vscode/test-electron: this module exports run().
import * as vscode from 'vscode';
import assert from 'node:assert/strict';
import { getHeapSpaceStatistics, writeHeapSnapshot } from 'node:v8';
import type { MedcodeApi } from '../../../src/extension/activate';
import { metrics, runAll, test } from './runner';
import { readDisk, sleep, waitFor, workspaceFile } from './util';

let api: MedcodeApi;
const memoryAtStart = process.memoryUsage();
/** The V8 young generation's reserved size in MB: it grows with what survives collections and does not shrink back. */
const youngGenerationMB = (): number => Math.round((getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')?.space_size ?? 0) / 1e6);
metrics.youngGenerationAtStartMB = youngGenerationMB();
const rssAtStart = memoryAtStart.rss;

async function open(...parts: string[]): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(workspaceFile(...parts));
  return vscode.window.showTextDocument(doc, { preview: false });
}

function rangeOf(doc: vscode.TextDocument, phrase: string): vscode.Range {
  const at = doc.getText().indexOf(phrase);
  assert.ok(at >= 0, `the test note should contain "${phrase}"`);
  return new vscode.Range(doc.positionAt(at), doc.positionAt(at + phrase.length));
}

const claimDoc = (note: vscode.TextDocument): vscode.TextDocument | undefined =>
  vscode.workspace.textDocuments.find((d) => d.uri.toString() === `${note.uri.toString()}.claim.json`);

async function analyzed(doc: vscode.TextDocument) {
  return waitFor('the note analysis', () => api.analyses.get(doc), 120_000);
}

async function actionTitled(doc: vscode.TextDocument, range: vscode.Range, prefix: string): Promise<vscode.CodeAction> {
  return waitFor(`a code action "${prefix}..."`, async () => {
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, range);
    return actions?.find((a) => a.title.startsWith(prefix));
  }, 30_000);
}

async function runAction(a: vscode.CodeAction): Promise<void> {
  assert.ok(a.command, `code action "${a.title}" should carry a command`);
  await vscode.commands.executeCommand(a.command.command, ...(a.command.arguments ?? []));
}

test('nothing lights up in an ordinary source file', async () => {
  const ext = vscode.extensions.getExtension<MedcodeApi>('medcode.medcode');
  assert.ok(ext, 'the extension under development is installed');
  metrics.activeBeforeAnyNote = ext.isActive ? 1 : 0;
  const editor = await open('src', 'tool.ts');
  await sleep(1000);
  assert.equal(vscode.languages.getDiagnostics(editor.document.uri).length, 0, 'no MedCode problems on a .ts file');
  if (ext.isActive) assert.equal(ext.exports.analyses.latest(editor.document), undefined, 'a .ts file is not analyzed');
});

test('the first note after the code sets loaded in the background is marked at once (as when VS Code starts in a workspace with notes)', async () => {
  const ext = vscode.extensions.getExtension<MedcodeApi>('medcode.medcode')!;
  api = await waitFor('activation', () => ext.isActive && ext.exports, 30_000);
  metrics.activationMs = Math.round(api.activationMs * 10) / 10;
  // With medcode.loadOnStartup on (the default; the UI tests run with it) activation starts this
  // load when VS Code opens a workspace with notes. This workspace turns it off so the memory
  // baseline, taken when this suite loads, comes before MedCode loads anything; the test starts
  // the same load here.
  assert.equal(api.database.index, undefined, 'nothing loaded before the first note with medcode.loadOnStartup off');
  assert.equal(await api.database.preloadForWorkspace([]), true, 'the workspace holds notes: the code sets load');
  await waitFor('the code sets loaded', () => api.database.current.kind === 'ready', 120_000);
  await waitFor('the analyzer ready', () => api.analyses.preparation.last, 120_000);
  assert.ok(api.analyses.warmedUp, 'no note was open when the code sets loaded: the analyzer warms up');
  await api.analyses.warmedUp;
  const started = Date.now();
  let decoratedAt = 0;
  const sub = api.decorations.onDidDecorate((e) => { if (!decoratedAt && e.document.uri.path.endsWith('/follow-up-diabetes.note')) decoratedAt = Date.now(); });
  // When VS Code hands the opened document to the extension host: what follows is MedCode's share.
  let handedAt = 0;
  const subOpen = vscode.workspace.onDidOpenTextDocument((d) => { if (!handedAt && d.uri.path.endsWith('/follow-up-diabetes.note')) handedAt = Date.now(); });
  const doc = await vscode.workspace.openTextDocument(workspaceFile('notes', 'follow-up-diabetes.note'));
  metrics.firstNoteDocumentOpenMs = Date.now() - started;
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  metrics.firstNoteEditorShownMs = Date.now() - started;
  assert.equal(editor.document.languageId, 'clinical-note');
  const result = await analyzed(editor.document);
  metrics.firstNoteAnalyzedMs = Date.now() - started;
  await waitFor('the first note decorated', () => decoratedAt, 10_000).finally(() => { sub.dispose(); subOpen.dispose(); });
  metrics.firstNoteToDecorationsMs = decoratedAt - started;
  metrics.firstNoteHandedToDecorationsMs = handedAt ? decoratedAt - handedAt : -1;
  metrics.databaseLoadMs = api.database.current.kind === 'ready' ? api.database.current.loadMs : -1;
  metrics.firstNoteAnalysisMs = result.result.millis;
  // The analyzer's dictionary: built in the background after the database loads, or read from the copy a previous run saved beside it.
  metrics.analyzerReadyMs = api.analyses.preparation.last?.ms ?? -1;
  metrics.analyzerDictionaryFromSavedCopy = api.analyses.preparation.last?.dictionary === 'saved copy' ? 1 : 0;
  metrics.analyzerDictionaryBuiltInSeparateProcess = api.analyses.preparation.last?.dictionary === 'built in a separate process' ? 1 : 0;
  metrics.rssAfterFirstNoteMB = Math.round(process.memoryUsage().rss / 1e6);
  metrics.youngGenerationAfterFirstNoteMB = youngGenerationMB();
  (globalThis as { gc?: () => void }).gc?.();
  metrics.externalAddedAfterFirstNoteMB = Math.round((process.memoryUsage().external - memoryAtStart.external) / 1e6);
  const codes = result.result.marked.map((m) => m.code);
  assert.ok(codes.includes('E11.22'), `expected E11.22 among ${codes.join(', ')}`);
  assert.ok(result.result.marked.every((m) => m.status === 'suggested'), 'no claim yet: every code is suggested');
  const negated = result.result.negated.map((s) => editor.document.getText().slice(s.start, s.end));
  assert.ok(negated.includes('chest pain'), `negated mentions should include "chest pain": ${negated.join(', ')}`);
});

test('hover on marked text shows the code, billable state, version and command links', async () => {
  const doc = vscode.window.activeTextEditor!.document;
  const r = rangeOf(doc, 'Hyperlipidemia');
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, r.start.translate(0, 2));
  const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n').replace(/\\(.)/g, '$1');
  assert.match(text, /E78\.5/);
  assert.match(text, /billable/);
  assert.match(text, /ICD-10-CM FY2021/);
  assert.match(text, /command:medcode\.acceptSuggestion/);
});

test('accept quick fix writes the sidecar claim through an undoable edit', async () => {
  const doc = vscode.window.activeTextEditor!.document;
  const claimUri = vscode.Uri.parse(`${doc.uri.toString()}.claim.json`);
  assert.equal(await readDisk(claimUri), undefined, 'no claim before the first decision');
  await runAction(await actionTitled(doc, rangeOf(doc, 'Hyperlipidemia'), 'MedCode: Accept E78.5'));
  const claim = await waitFor('the sidecar claim document', () => claimDoc(doc));
  assert.ok(claim.isDirty, 'the claim is dirty like any edit');
  const parsed = JSON.parse(claim.getText());
  assert.deepEqual(parsed.diagnoses.map((d: { code: string; status: string }) => [d.code, d.status]), [['E78.5', 'accepted']]);
  await waitFor('E78.5 shown as accepted', () => api.analyses.get(doc)?.result.marked.find((m) => m.code === 'E78.5' && m.status === 'accepted'));
  await claim.save();
  assert.match((await readDisk(claimUri)) ?? '', /"E78\.5"/);
  // Undo in the claim editor restores the claim as it was.
  await vscode.window.showTextDocument(claim);
  await vscode.commands.executeCommand('undo');
  await waitFor('the undo to remove E78.5', () => !claim.getText().includes('E78.5'), 10_000).catch((e: Error) => {
    throw new Error(`${e.message}; the claim is ${claim.isDirty ? 'dirty' : 'saved'}, version ${claim.version}, starts ${JSON.stringify(claim.getText().slice(0, 40))}`);
  });
  await claim.save();
  assert.ok(!((await readDisk(claimUri)) ?? '').includes('E78.5'), 'after undo and save the file no longer holds E78.5');
  await vscode.window.showTextDocument(doc);
  await waitFor('E78.5 back to suggested', () => api.analyses.get(doc)?.result.marked.find((m) => m.code === 'E78.5' && m.status === 'suggested'));
});

test('E/M and HCPCS suggestions are marked, hovered and accepted into the claim as service lines', async () => {
  const doc = (await open('notes', 'office-visit.note')).document;
  const result = (await analyzed(doc)).result;
  const em = result.marked.find((m) => m.system === 'cpt' && /^992/.test(m.code));
  const drug = result.marked.find((m) => m.system === 'hcpcs' && m.code === 'J0696');
  assert.ok(em && drug, `E/M and HCPCS marked: ${result.marked.map((m) => `${m.code} (${m.system})`).join(', ')}`);
  assert.equal(drug.suggestion?.units, 4, 'ceftriaxone 1 g over the descriptor unit of 250 mg');
  assert.equal(doc.getText().slice(drug.evidence[0]!.start, drug.evidence[0]!.end), 'Ceftriaxone 1 g');
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, rangeOf(doc, 'Ceftriaxone').start.translate(0, 2));
  const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n').replace(/\\(.)/g, '$1');
  assert.match(text, /J0696/);
  assert.match(text, /Units:\*\* 4/);
  assert.match(text, /Coded with ICD-10-CM FY2021/, 'the hover names the release used');
  const claimUri = vscode.Uri.parse(`${doc.uri.toString()}.claim.json`);
  await runAction(await actionTitled(doc, rangeOf(doc, 'Streptococcal'), 'MedCode: Accept J02.0'));
  await waitFor('J02.0 accepted', () => api.analyses.get(doc)?.result.marked.find((m) => m.code === 'J02.0' && m.status === 'accepted'));
  const runsBefore = api.analyses.runs;
  const rechecksBefore = api.analyses.claimRechecks;
  await runAction(await actionTitled(doc, rangeOf(doc, 'Ceftriaxone 1 g'), 'MedCode: Accept J0696'));
  await waitFor('J0696 accepted', () => api.analyses.get(doc)?.result.marked.find((m) => m.code === 'J0696' && m.status === 'accepted'));
  await runAction(await actionTitled(doc, rangeOf(doc, '32 minutes'), `MedCode: Accept ${em.code}`));
  await waitFor(`${em.code} accepted`, () => api.analyses.get(doc)?.result.marked.find((m) => m.code === em.code && m.status === 'accepted'));
  metrics.acceptsCheckedWithoutReadingTheNote = api.analyses.claimRechecks - rechecksBefore;
  assert.equal(api.analyses.runs, runsBefore, 'an accept checks the claim again without re-analyzing the note');
  await claimDoc(doc)!.save();
  const onDisk = JSON.parse((await readDisk(claimUri)) ?? '{}') as { diagnoses: { code: string }[]; lines: { code: string; system: string; units: number; diagnosisPointers: number[] }[] };
  assert.deepEqual(onDisk.diagnoses.map((d) => d.code), ['J02.0']);
  assert.deepEqual(onDisk.lines.map((l) => [l.code, l.system, l.units, l.diagnosisPointers]), [['J0696', 'hcpcs', 4, [1]], [em.code, 'cpt', 1, [1]]]);
});

test('rule warnings appear in Problems with rule id, explanation link and a fix; the fix and its undo update them', async () => {
  const editor = await open('notes', 'two-diabetes.note');
  const doc = editor.document;
  const diag = await waitFor('an Excludes1 diagnostic', () => vscode.languages.getDiagnostics(doc.uri).find((d) => typeof d.code === 'object' && d.code.value === 'icd10cm.excludes1'));
  assert.equal(diag.source, 'MedCode');
  assert.equal(typeof diag.code === 'object' && diag.code.target.scheme, 'medcode-rule');
  const explanation = await vscode.workspace.openTextDocument(typeof diag.code === 'object' ? diag.code.target : vscode.Uri.parse('x:/'));
  assert.match(explanation.getText(), /Excludes1/);
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, diag.range);
  const titles = actions.map((a) => a.title);
  assert.ok(titles.some((t) => t.startsWith('MedCode: Suppress icd10cm.excludes1')), `suppress action offered: ${titles.join(' | ')}`);
  const fix = actions.find((a) => a.title.startsWith('MedCode: Remove'));
  assert.ok(fix, `a removal fix is offered: ${titles.join(' | ')}`);
  await runAction(fix);
  await waitFor('the Excludes1 diagnostic to go', () => !vscode.languages.getDiagnostics(doc.uri).some((d) => typeof d.code === 'object' && d.code.value === 'icd10cm.excludes1'));
  const claim = claimDoc(doc)!;
  assert.ok(claim.isDirty);
  await vscode.window.showTextDocument(claim);
  await vscode.commands.executeCommand('undo');
  await vscode.window.showTextDocument(doc);
  await waitFor('the Excludes1 diagnostic to return after undo', () => vscode.languages.getDiagnostics(doc.uri).some((d) => typeof d.code === 'object' && d.code.value === 'icd10cm.excludes1'));
});

test('suppress with justification records the reason and hides the warning', async () => {
  const doc = vscode.window.activeTextEditor!.document;
  const w = api.analyses.get(doc)?.result.warnings.find((x) => x.rule === 'icd10cm.excludes1');
  assert.ok(w, 'the Excludes1 warning is there');
  await vscode.commands.executeCommand('medcode.suppressWarning', { uri: doc.uri.toString(), rule: w.rule, key: w.key, message: w.message }, 'Unrelated conditions, documented by the physician.');
  await waitFor('the suppressed warning to leave Problems', () => !vscode.languages.getDiagnostics(doc.uri).some((d) => typeof d.code === 'object' && d.code.value === 'icd10cm.excludes1'));
  assert.match(claimDoc(doc)!.getText(), /Unrelated conditions, documented by the physician\./);
  await vscode.window.showTextDocument(claimDoc(doc)!);
  await vscode.commands.executeCommand('undo');
  await vscode.commands.executeCommand('workbench.action.files.revert');
});

test('changing settings takes effect: rule severity off, suggestion threshold', async () => {
  const doc = (await open('notes', 'two-diabetes.note')).document;
  await waitFor('the Excludes1 diagnostic', () => vscode.languages.getDiagnostics(doc.uri).some((d) => typeof d.code === 'object' && d.code.value === 'icd10cm.excludes1'));
  const cfg = vscode.workspace.getConfiguration('medcode');
  await cfg.update('ruleSeverity', { 'icd10cm.excludes1': 'off' }, vscode.ConfigurationTarget.Workspace);
  await waitFor('Excludes1 to be off', () => !vscode.languages.getDiagnostics(doc.uri).some((d) => typeof d.code === 'object' && d.code.value === 'icd10cm.excludes1'));
  await cfg.update('ruleSeverity', undefined, vscode.ConfigurationTarget.Workspace);
  const note = (await open('notes', 'follow-up-diabetes.note')).document;
  const before = (await analyzed(note)).result.marked.filter((m) => m.suggestion).length;
  await cfg.update('suggestionThreshold', 0.99, vscode.ConfigurationTarget.Workspace);
  await waitFor('fewer suggestions at threshold 0.99', () => {
    const r = api.analyses.get(note);
    return r && r.result.marked.filter((m) => m.suggestion).length < before;
  });
  await cfg.update('suggestionThreshold', undefined, vscode.ConfigurationTarget.Workspace);
});

test('a text file is a note only by glob or by "Analyze This File as a Clinical Note"', async () => {
  const doc = (await open('notes', 'dictated.txt')).document;
  await sleep(600);
  assert.equal(api.analyses.latest(doc), undefined, 'a .txt file is not analyzed by default');
  await vscode.commands.executeCommand('medcode.analyzeAsNote');
  assert.ok((await analyzed(doc)).result.marked.length > 0);
  await vscode.workspace.getConfiguration('medcode').update('noteGlobs', ['other-*.txt'], vscode.ConfigurationTarget.Workspace);
  const other = (await open('notes', 'other-dictated.txt')).document;
  assert.ok((await analyzed(other)).result.marked.length > 0, 'a glob makes a .txt file a note');
  await vscode.workspace.getConfiguration('medcode').update('noteGlobs', undefined, vscode.ConfigurationTarget.Workspace);
});

test('typing runs at most one analysis per pause, and the edit never waits for it', async () => {
  const editor = await open('notes', 'urgent-care-cough.note');
  await analyzed(editor.document);
  const runsBefore = api.analyses.runs;
  let slowestEditMs = 0;
  for (let i = 0; i < 20; i++) {
    const t = Date.now();
    await editor.edit((b) => b.insert(editor.document.lineAt(editor.document.lineCount - 1).range.end, i % 2 ? 'x' : ' '));
    slowestEditMs = Math.max(slowestEditMs, Date.now() - t);
  }
  await analyzed(editor.document);
  metrics.analysesFor20Keystrokes = api.analyses.runs - runsBefore;
  metrics.slowestKeystrokeEditMs = slowestEditMs;
  assert.ok(api.analyses.runs - runsBefore < 20, `20 quick edits ran ${api.analyses.runs - runsBefore} analyses; they should be debounced`);
  await vscode.commands.executeCommand('workbench.action.files.revert');
});

test('a 5 KB note: time from opening to decorations (database loaded)', async () => {
  const uri = workspaceFile('notes', 'five-kb.note');
  const started = Date.now();
  const doc = await vscode.workspace.openTextDocument(uri);
  const decorated = new Promise<void>((resolve) => {
    const sub = api.decorations.onDidDecorate((e) => { if (e.document === doc) { sub.dispose(); resolve(); } });
  });
  await vscode.window.showTextDocument(doc);
  metrics.fiveKbOpenAndShowMs = Date.now() - started;
  await Promise.race([decorated, sleep(60_000)]);
  metrics.fiveKbOpenToDecorationsMs = Date.now() - started;
  metrics.fiveKbAnalysisMs = api.analyses.get(doc)?.result.millis ?? -1;
  assert.ok(api.analyses.get(doc), 'the 5 KB note was analyzed');
});

test('a 1 MB note is analyzed without freezing the extension host', async () => {
  let lastTick = Date.now();
  let maxGap = 0;
  const timer = setInterval(() => { const now = Date.now(); maxGap = Math.max(maxGap, now - lastTick); lastTick = now; }, 10);
  const started = Date.now();
  const editor = await open('notes', 'one-mb.note');
  assert.ok(editor.document.getText().length >= 1_000_000);
  // While the big note is analyzed, a hover on another note still answers.
  const small = await vscode.workspace.openTextDocument(workspaceFile('notes', 'follow-up-diabetes.note'));
  const hoverStarted = Date.now();
  await vscode.commands.executeCommand('vscode.executeHoverProvider', small.uri, rangeOf(small, 'Hyperlipidemia').start);
  metrics.hoverDuringBigAnalysisMs = Date.now() - hoverStarted;
  const r = await waitFor('the 1 MB analysis', () => api.analyses.get(editor.document), 180_000);
  clearInterval(timer);
  metrics.oneMbAnalysisMs = Date.now() - started;
  metrics.oneMbMaxEventLoopGapMs = maxGap;
  metrics.youngGenerationAfterOneMbNoteMB = youngGenerationMB();
  (globalThis as { gc?: () => void }).gc?.();
  metrics.externalAddedAfterOneMbNoteMB = Math.round((process.memoryUsage().external - memoryAtStart.external) / 1e6);
  assert.ok(r.result.marked.length > 0);
});

test('search codes quick pick inserts the chosen code at the cursor', async () => {
  const editor = await open('notes', 'scratch.note');
  editor.selection = new vscode.Selection(editor.document.lineAt(0).range.end, editor.document.lineAt(0).range.end);
  const done = vscode.commands.executeCommand('medcode.searchCodes', 'J18.9');
  await sleep(800);
  await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
  await sleep(800);
  await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
  await done;
  await waitFor('J18.9 inserted', () => editor.document.getText().includes('J18.9'), 10_000);
});

test('memory added by MedCode with everything loaded (without PTP)', async () => {
  // Whether the extension host could be asked to collect garbage first (else RSS includes what it has not collected yet).
  // The search index: read from the saved copy, or built in the separate process after the dictionary.
  await api.analyses.preparation.searchReady;
  metrics.searchIndexFromSavedCopy = api.analyses.preparation.lastSearch === 'saved copy' ? 1 : 0;
  metrics.searchIndexBuiltInSeparateProcess = api.analyses.preparation.lastSearch === 'built in a separate process' ? 1 : 0;
  metrics.extensionHostGcExposed = typeof (globalThis as { gc?: () => void }).gc === 'function' ? 1 : 0;
  (globalThis as { gc?: () => void }).gc?.();
  metrics.extensionHostRssStartMB = Math.round(rssAtStart / 1e6);
  metrics.extensionHostRssNowMB = Math.round(process.memoryUsage().rss / 1e6);
  const now = process.memoryUsage();
  metrics.youngGenerationAtEndMB = youngGenerationMB();
  metrics.rssAddedMB = Math.round((now.rss - rssAtStart) / 1e6);
  // Where it sits: the V8 heap (reserved and in use) and memory outside it (ArrayBuffers: the database copy, typed arrays; external also counts WebAssembly).
  metrics.heapTotalAddedMB = Math.round((now.heapTotal - memoryAtStart.heapTotal) / 1e6);
  metrics.heapUsedAddedMB = Math.round((now.heapUsed - memoryAtStart.heapUsed) / 1e6);
  metrics.externalAddedMB = Math.round((now.external - memoryAtStart.external) / 1e6);
  metrics.arrayBuffersAddedMB = Math.round((now.arrayBuffers - memoryAtStart.arrayBuffers) / 1e6);
  // For finding what the heap holds: MEDCODE_E2E_HEAP_SNAPSHOT=<file> writes a heap snapshot after the measurement.
  if (process.env.MEDCODE_E2E_HEAP_SNAPSHOT) writeHeapSnapshot(process.env.MEDCODE_E2E_HEAP_SNAPSHOT);
  assert.ok(api.database.index, 'the database is loaded');
});

export async function run(): Promise<void> {
  const failed = await runAll(process.env.MEDCODE_E2E_RESULTS);
  if (failed > 0) throw new Error(`${failed} extension-host test(s) failed`);
}
