// The same claim gives the same warnings everywhere: `medcode check --json` (the CLI path), the
// note editor's analysis (the extension path) and the claim panel's state (the panel path), on
// every example claim: the claim fixtures, the e2e claim, and a claim drafted from each example
// note by the front door (saved beside a copy of its note, so the note rules take part).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { analyzeNote, draftClaim, readClaim, serializeClaim } from '../../../src/core/analysis/index';
import type { SqlCodesetIndex } from '../../../src/core/codeset/index';
import type { HostMessage, PanelWarning } from '../../../src/core/protocol';
import type { RuleWarning } from '../../../src/core/rules/types';
import { ClaimSession } from '../../../src/extension/claimEditor/session';
import { toPanelWarning } from '../../../src/extension/claimEditor/claimWarnings';
import { analyzeNoteText } from '../../../src/extension/noteAnalysis';
import { DEFAULT_SETTINGS } from '../../../src/extension/settingsSchema';
import { loadRealIndex, realDbPath } from '../../support/realIndex';
import { runCli } from '../../support/cli';
import { skipUnlessShared } from '../../support/shared';

const ROOT = resolve(__dirname, '../../..');
const skip = skipUnlessShared('codesets/icd10cm/fy2021/icd10cm_tabular_2021.xml');
const TODAY = new Date().toISOString().slice(0, 10);

function claimFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? claimFiles(p) : e.name.endsWith('.claim.json') ? [p] : [];
  });
}

function noteFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? noteFiles(p) : e.name.endsWith('.note') ? [p] : [];
  });
}

/** What must agree: rule, severity, message, target, key, suppression, fix titles. */
const comparable = (w: PanelWarning | RuleWarning) => ({
  rule: w.rule, severity: w.severity, message: w.message, target: w.target, key: w.key ?? null,
  suppressed: w.suppressed ? w.suppressed.justification : null, fixes: w.fixes.map((f) => f.title),
});
const sorted = <T>(list: T[]): T[] => [...list].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

async function panelWarnings(index: SqlCodesetIndex, claimText: string, noteText: string | undefined): Promise<PanelWarning[]> {
  const posted: HostMessage[] = [];
  const session = new ClaimSession({
    text: () => claimText,
    replaceText: async () => false,
    getIndex: async () => index,
    severity: () => DEFAULT_SETTINGS.ruleSeverity,
    noteText: async () => noteText,
    post: (m) => { posted.push(m); },
    chooseExportTarget: async () => undefined,
    showDraft: async () => undefined,
    writeExport: async (target) => target,
    saveDocument: async () => true,
    revealEvidence: () => undefined,
    openAsText: () => undefined,
    who: () => 'test',
    now: () => `${TODAY}T00:00:00.000Z`,
    today: () => TODAY,
  }, 0);
  await session.receive({ type: 'ready' });
  session.dispose();
  const state = posted.find((m): m is Extract<HostMessage, { type: 'state' }> => m.type === 'state');
  assert.ok(state, `the panel posted its state (got ${posted.map((m) => m.type).join(', ')})`);
  return state.warnings;
}

describe('one claim check: CLI, editor and panel agree', { skip }, () => {
  let index: SqlCodesetIndex;
  let db: string;
  let dir: string;
  const claims: string[] = [];

  before(async () => {
    db = await realDbPath();
    index = await loadRealIndex();
    dir = mkdtempSync(join(tmpdir(), 'medcode-same-'));
    claims.push(...claimFiles(join(ROOT, 'examples')), ...claimFiles(join(ROOT, 'test/fixtures/claim')), ...claimFiles(join(ROOT, 'test/e2e/fixtures')));
    // A claim drafted from each example note, as a coder accepting every suggestion would make it.
    for (const note of noteFiles(join(ROOT, 'examples'))) {
      const copy = join(dir, basename(note));
      copyFileSync(note, copy);
      const text = readFileSync(copy, 'utf8');
      const analysis = await analyzeNote(index, text, undefined, '2025-03-04', { setting: 'outpatient' });
      const claim = draftClaim(analysis.suggestions, { setting: 'outpatient', dateOfService: '2025-03-04', placeOfService: '11', note: { path: basename(note), sha256: '' } });
      // One decision left rejected: the rules must judge the claim as billed in every path.
      const first = claim.diagnoses?.[0];
      if (first && (claim.diagnoses?.length ?? 0) > 1) first.status = 'rejected';
      writeFileSync(`${copy}.claim.json`, serializeClaim(claim));
      claims.push(`${copy}.claim.json`);
    }
  });
  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('every example claim gets the same warnings from `medcode check`, the note editor and the panel', async () => {
    assert.ok(claims.length >= 6, `example claims found: ${claims.length}`);
    let compared = 0;
    for (const file of claims) {
      const claimText = readFileSync(file, 'utf8');
      const notePath = file.slice(0, -'.claim.json'.length);
      const noteText = existsSync(notePath) ? readFileSync(notePath, 'utf8') : undefined;
      const cli = await runCli(['check', file, '--db', db, '--json', '--today', TODAY]);
      assert.equal(cli.code, 0, cli.stderr);
      const fromCli = (JSON.parse(cli.stdout) as { warnings: RuleWarning[] }).warnings;
      const read = readClaim(claimText);
      assert.ok(read.ok, `${file} reads as a claim`);
      const fromEditor = (await analyzeNoteText(index, noteText ?? '', read.claim, [], DEFAULT_SETTINGS)).warnings;
      const fromPanel = await panelWarnings(index, claimText, noteText);
      const name = file.replace(`${ROOT}/`, '');
      compared += fromCli.length;
      assert.deepEqual(sorted(fromEditor.map(comparable)), sorted(fromCli.map(comparable)), `${name}: editor vs CLI`);
      assert.deepEqual(sorted(fromPanel.map(comparable)), sorted(fromCli.map(comparable)), `${name}: panel vs CLI`);
      assert.deepEqual(sorted(fromPanel.map(comparable)), sorted(fromEditor.map((w) => comparable(toPanelWarning(w)))), `${name}: panel vs editor`);
    }
    // A clean claim agrees trivially; the example claims as a whole must give warnings to compare.
    assert.ok(compared > 0, 'the checks found something to compare');
  });
});
