// medcode check and medcode audit over the real database: output shapes and exit codes.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../src/cli/main';
import { command as audit } from '../../../src/cli/commands/audit';
import { command as check } from '../../../src/cli/commands/check';
import { realDbPath } from '../../support/realIndex';
import { skipUnlessShared } from '../../support/shared';

const skip = skipUnlessShared('codesets/icd10cm/fy2021/icd10cm_tabular_2021.xml');
const CLAIM = {
  schemaVersion: '1',
  encounter: { dateOfService: '2024-08-14', placeOfService: '11', patientStatus: 'established', setting: 'outpatient', totalTimeMinutes: 25 },
  patient: { id: 'P-1', name: { family: 'Rivera', given: 'Ana' }, birthDate: '1961-05-20', sex: 'female', memberId: 'XKZ123456789' },
  payer: { name: 'Acme Health Plan', id: 'ACME01' },
  billingProvider: { npi: '1234567893', name: 'Lakeside Family Medicine', taxId: '123456789' },
  renderingProvider: { npi: '1234567893' },
  diagnoses: [{ code: 'E11.9', system: 'icd10cm' }, { code: 'E10.9', system: 'icd10cm' }],
  lines: [{ code: '99213', system: 'cpt', modifiers: [], units: 1, charge: 125.0, diagnosisPointers: [1] }],
};

let db: string;
let dir: string;
function io() {
  const out = { stdout: '', stderr: '' };
  return { out, io: { stdout: (t: string) => void (out.stdout += t), stderr: (t: string) => void (out.stderr += t), cwd: dir, env: {} } };
}

describe('medcode check / audit', { skip }, () => {
  before(async () => {
    db = await realDbPath();
    dir = mkdtempSync(join(tmpdir(), 'medcode-rules-'));
    writeFileSync(join(dir, 'a.claim.json'), JSON.stringify(CLAIM));
    writeFileSync(join(dir, 'b.claim.json'), JSON.stringify(CLAIM));
    writeFileSync(join(dir, 'broken.json'), '{"schemaVersion": ');
    writeFileSync(join(dir, 'visit.note'), 'Assessment: Type 2 diabetes mellitus without complications. Patient denies chest pain.');
  });

  test('--json prints {"warnings": [...]} with rule, severity, message, target, source, fixes; exit 0 with warnings', async () => {
    const { out, io: cli } = io();
    assert.equal(await check.run({ positionals: ['a.claim.json'], flags: { db, json: true } }, cli), 0);
    const parsed = JSON.parse(out.stdout) as { warnings: Record<string, unknown>[] };
    const ex1 = parsed.warnings.find((w) => w.rule === 'icd10cm.excludes1');
    assert.ok(ex1);
    for (const k of ['rule', 'severity', 'message', 'target', 'source', 'fixes']) assert.ok(k in ex1, k);
  });

  test('--sarif prints SARIF 2.1.0 with help links to the rule anchors', async () => {
    const { out, io: cli } = io();
    assert.equal(await check.run({ positionals: ['a.claim.json'], flags: { db, sarif: true } }, cli), 0);
    const sarif = JSON.parse(out.stdout) as { version: string; runs: { tool: { driver: { rules: { id: string; helpUri: string }[] } }; results: { ruleId: string; level: string }[] }[] };
    assert.equal(sarif.version, '2.1.0');
    assert.match(sarif.runs[0]!.tool.driver.rules.find((r) => r.id === 'ncci.ptp')!.helpUri, /rules\.md#ncci\.ptp$/);
    assert.ok(sarif.runs[0]!.results.some((r) => r.ruleId === 'icd10cm.excludes1' && r.level === 'error'));
  });

  test('invalid JSON and a missing file are tooling errors with a message naming the file', async () => {
    const a = io();
    assert.equal(await main(['check', 'broken.json', '--db', db], a.io), 2);
    assert.match(a.out.stderr, /broken\.json is not valid JSON/);
    const b = io();
    assert.equal(await main(['check', 'nope.json', '--db', db], b.io), 2);
    assert.match(b.out.stderr, /cannot read nope\.json: no such file/);
  });

  test('audit writes a self-contained HTML report with SVG charts and flags the duplicate claims', async () => {
    const { out, io: cli } = io();
    assert.equal(await audit.run({ positionals: ['.'], flags: { db, report: 'html', out: 'report.html' } }, cli), 0);
    assert.match(out.stdout, /audited 2 claim\(s\) and 1 note\(s\)/);
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    assert.match(html, /<svg role="img" aria-label="Warnings by rule"/);
    assert.match(html, /claim\.duplicate-claim/);
    assert.doesNotMatch(html, /<script|https?:\/\/(?!www\.w3\.org)/);
    assert.doesNotMatch(html, /denies chest pain/, 'of the note, only the words codes rest on');
    assert.doesNotMatch(html, /file:\/\//, 'self-contained: no links into the checkout');
  });

  test('audit csv and md reports', async () => {
    for (const report of ['csv', 'md']) {
      const { io: cli } = io();
      assert.equal(await audit.run({ positionals: ['.'], flags: { db, report, out: `r.${report}` } }, cli), 0);
      assert.match(readFileSync(join(dir, `r.${report}`), 'utf8'), /icd10cm\.excludes1/);
    }
  });
});
