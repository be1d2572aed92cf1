// Each rule family on the real code sets in ../shared (FY2021 tabular and order file, FY2024
// order file, HCPCS, NCCI 2024-Q3, MCE v41.1): pairs and values checked against the source files.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodesetIndex } from '../../../src/core/codeset/api';
import { checkClaim, type RuleId } from '../../../src/core/rules';
import { loadRealIndex } from '../../support/realIndex';
import { skipUnlessShared } from '../../support/shared';

const skip = skipUnlessShared('codesets/icd10cm/fy2021/icd10cm_tabular_2021.xml', 'codesets/ncci/ptp_practitioner_2024-07-01.csv.gz', 'codesets/mce/mce_v41.1_fy2024_code_edits.csv');
let index: CodesetIndex;

function claim(dx: string[], lines: [string, number?, string[]?][] = [['99213']], patient: Record<string, unknown> = {}) {
  return {
    schemaVersion: '1',
    encounter: { dateOfService: '2024-08-14', placeOfService: '11', patientStatus: 'established', setting: 'outpatient', totalTimeMinutes: 25 },
    patient: { id: 'P-1', name: { family: 'Rivera', given: 'Ana' }, birthDate: '1961-05-20', sex: 'female', memberId: 'XKZ123456789', address: { line1: '18 Elm St', city: 'Springfield', state: 'IL', postalCode: '62704' }, ...patient },
    payer: { name: 'Acme Health Plan', id: 'ACME01' },
    billingProvider: { npi: '1234567893', name: 'Lakeside Family Medicine', taxId: '123456789', phone: '217-555-0100', address: { line1: '1 Main St', city: 'Springfield', state: 'IL', postalCode: '62701-0400' } },
    renderingProvider: { npi: '1234567893' },
    diagnoses: dx.map((code) => ({ code, system: 'icd10cm' })),
    lines: lines.map(([code, units = 1, modifiers = []]) => ({ code, system: /^\d/.test(code) ? 'cpt' : 'hcpcs', modifiers, units, charge: 100, diagnosisPointers: [1] })),
  };
}

async function fired(rule: RuleId, c: unknown) {
  return (await checkClaim(c, { index, date: '2024-08-14', settings: { severity: {} }, today: '2024-09-01' })).filter((w) => w.rule === rule);
}

describe('rules on the real code sets', { skip }, () => {
  before(async () => {
    index = await loadRealIndex();
  });

  test('the issue\'s minimal claim has no error', async () => {
    const ws = await checkClaim(claim(['I10']), { index, date: '2024-08-14', settings: { severity: {} }, today: '2024-09-01' });
    assert.deepEqual(ws.filter((w) => w.severity === 'error').map((w) => w.message), []);
  });

  test('code.invalid: T40.7X1A was deleted after FY2021 (split in FY2023); I10 is valid', async () => {
    const [w] = await fired('code.invalid', claim(['T40.7X1A']));
    assert.ok(w);
    assert.match(w.message, /deleted \(it exists in FY2021\)/);
    assert.equal((await fired('code.invalid', claim(['I10', 'E11.9']))).length, 0);
  });

  test('code.not-billable: E11 lists billable children; E11.9 is billable', async () => {
    const [w] = await fired('code.not-billable', claim(['E11']));
    assert.ok(w!.fixes.length > 3);
    assert.equal((await fired('code.not-billable', claim(['E11.9']))).length, 0);
  });

  test('icd10cm.seventh-character: S52.5 -> S52.501A among the fixes; T36.0X1 -> T36.0X1A', async () => {
    const [a] = await fired('icd10cm.seventh-character', claim(['S52.5']));
    assert.ok(a!.fixes.some((f) => f.edit.op === 'replaceDiagnosis' && f.edit.code === 'S52.501A'));
    const [b] = await fired('icd10cm.seventh-character', claim(['T36.0X1']));
    assert.ok(b!.fixes.some((f) => f.edit.op === 'replaceDiagnosis' && f.edit.code === 'T36.0X1A'));
    assert.equal((await fired('icd10cm.seventh-character', claim(['S52.501A']))).length, 0);
  });

  test('icd10cm.excludes1: E11.9 with E10.9 fires citing the FY2021 note "type 1 diabetes mellitus (E10.-)"', async () => {
    const [w] = await fired('icd10cm.excludes1', claim(['E11.9', 'E10.9']));
    assert.ok(w);
    assert.equal(w.source?.version, 'FY2021');
    assert.match(w.source?.text ?? '', /type 1 diabetes mellitus \(E10\.-\)/);
  });

  test('icd10cm.excludes1 does not fire on J44.9 with J45.909 (a "code also" pair, not Excludes1) nor on I10 with E11.9', async () => {
    assert.equal((await fired('icd10cm.excludes1', claim(['J44.9', 'J45.909']))).length, 0);
    assert.equal((await fired('icd10cm.excludes1', claim(['I10', 'E11.9']))).length, 0);
  });

  test('mce.sex: O80 on a male; mce.age: A33 (tetanus neonatorum, newborn only) on an adult (v41.1 has no age edit on P-codes)', async () => {
    assert.equal((await fired('mce.sex', claim(['O80'], undefined, { sex: 'male' }))).length, 1);
    assert.equal((await fired('mce.sex', claim(['O80']))).length, 0);
    const ages = await fired('mce.age', claim(['A33']));
    assert.equal(ages.length, 1);
    assert.equal(ages[0]!.source?.version, 'v41.1');
    assert.equal((await fired('mce.age', claim(['I10']))).length, 0);
  });

  test('ncci.ptp: 11042 + 64461 is indicator 0 (error); 20610 + 99213 is indicator 1 (warning, cleared by 25)', async () => {
    const [zero] = await fired('ncci.ptp', claim(['L97.909'], [['11042'], ['64461']]));
    assert.equal(zero!.severity, 'error');
    assert.equal(zero!.source?.row?.modifierIndicator, 0);
    // An anatomic modifier on the procedure does not make the E/M separately identifiable: 25 on the E/M does.
    const [one] = await fired('ncci.ptp', claim(['M17.11'], [['99213'], ['20610', 1, ['RT']]]));
    assert.deepEqual(one!.fixes.flatMap((f) => (f.edit.op === 'addModifier' ? [f.edit.modifier] : [])), ['25']);
    const [again] = await fired('ncci.ptp', claim(['M17.11'], [['99213'], ['20610']]));
    assert.equal(again!.severity, 'warning');
    assert.equal(again!.source?.row?.modifierIndicator, 1);
    assert.equal((await fired('ncci.ptp', claim(['M17.11'], [['99213', 1, ['25']], ['20610']]))).length, 0);
  });

  test('code.invalid: J1885 (added long ago, latest action effective 2025-01-01) is valid on a 2024 date of service', async () => {
    assert.deepEqual((await fired('code.invalid', claim(['M25.561'], [['99213'], ['J1885', 4]]))).map((w) => w.message), []);
  });

  test('ncci.mue: 20610 allows 2 units per date (MAI 3); 3 fire, 2 do not', async () => {
    const [w] = await fired('ncci.mue', claim(['M17.11'], [['20610', 3]]));
    assert.equal(w!.source?.row?.units, 2);
    assert.equal(w!.source?.row?.mai, 3);
    assert.equal((await fired('ncci.mue', claim(['M17.11'], [['20610', 2]]))).length, 0);
  });

  test('ncci.addon-without-primary: 99417 needs 99205 or 99215; 11103 with 11102 is fine', async () => {
    assert.equal((await fired('ncci.addon-without-primary', claim(['I10'], [['99213'], ['99417']]))).length, 1);
    assert.equal((await fired('ncci.addon-without-primary', claim(['L98.9'], [['11102'], ['11103']]))).length, 0);
  });

  test('modifier.invalid uses the real HCPCS Level II modifiers: LT and XS are valid, ZZ is not', async () => {
    assert.equal((await fired('modifier.invalid', claim(['M17.11'], [['20610', 1, ['LT', 'XS']]]))).length, 0);
    assert.equal((await fired('modifier.invalid', claim(['M17.11'], [['20610', 1, ['ZZ']]]))).length, 1);
  });

  test('modifier.laterality-mismatch: LT with M17.11 (right knee)', async () => {
    assert.equal((await fired('modifier.laterality-mismatch', claim(['M17.11'], [['20610', 1, ['LT']]]))).length, 1);
    assert.equal((await fired('modifier.laterality-mismatch', claim(['M17.12'], [['20610', 1, ['LT']]]))).length, 0);
  });

  test('claim.place-of-service uses the real POS list: 11 is valid, 98 is not', async () => {
    assert.equal((await fired('claim.place-of-service', claim(['I10']))).length, 0);
    const c = claim(['I10']);
    c.encounter.placeOfService = '98';
    assert.equal((await fired('claim.place-of-service', c)).length, 1);
  });
});
