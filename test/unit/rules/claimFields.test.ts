import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { baseClaim, check, fired } from './fixture';
import { duplicateClaims, isValidNpi } from '../../../src/core/rules';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportClaim } from '../../../src/core/claim/export/index';
import { parseClaim } from '../../../src/core/claim/parse';

describe('claim.pointer', () => {
  test('no pointer, a pointer to a missing diagnosis, and 5 pointers fire', async () => {
    const c = baseClaim();
    c.lines[0].diagnosisPointers = [];
    assert.deepEqual((await fired('claim.pointer', c))[0]!.fixes[0]!.edit, { op: 'setPointers', line: 0, pointers: [1] });
    c.lines[0].diagnosisPointers = [2];
    assert.equal((await fired('claim.pointer', c)).length, 1);
    c.diagnoses = ['I10', 'E11.9', 'J44.9', 'R05.9', 'J18.9'].map((code) => ({ code, system: 'icd10cm' }));
    c.lines[0].diagnosisPointers = [1, 2, 3, 4, 5];
    assert.match((await fired('claim.pointer', c))[0]!.message, /5 diagnosis pointers/);
  });
  test('valid pointers do not fire', async () => {
    assert.equal((await fired('claim.pointer', baseClaim())).length, 0);
  });
});

describe('claim.too-many-diagnoses', () => {
  test('13 diagnoses fire, 12 do not', async () => {
    const codes = ['I10', 'E11.9', 'J44.9', 'R05.9', 'J18.9', 'Z79.4', 'M17.11', 'M17.12', 'N40.0', 'G63', 'E11.40', 'S52.501A', 'T36.0X1A'];
    const c = baseClaim();
    c.patient.sex = 'male';
    c.diagnoses = codes.map((code) => ({ code, system: 'icd10cm' }));
    assert.equal((await fired('claim.too-many-diagnoses', c)).length, 1);
    c.diagnoses.pop();
    assert.equal((await fired('claim.too-many-diagnoses', c)).length, 0);
  });
});

describe('claim.npi', () => {
  test('Luhn with the 80840 prefix', () => {
    assert.equal(isValidNpi('1234567893'), true);
    assert.equal(isValidNpi('1234567890'), false);
    assert.equal(isValidNpi('123456789'), false);
  });
  test('fires on a bad check digit in any provider, not on valid NPIs', async () => {
    const c = baseClaim();
    assert.equal((await fired('claim.npi', c)).length, 0);
    c.renderingProvider.npi = '1234567890';
    const [w] = await fired('claim.npi', c);
    assert.deepEqual(w!.target, { kind: 'claim', field: 'renderingProvider.npi' });
  });
});

describe('claim.required-field', () => {
  test('missing payer id, patient birth date and no lines fire; the full claim does not', async () => {
    const c = baseClaim();
    delete c.payer.id;
    delete c.patient.birthDate;
    c.lines = [];
    const fields = (await fired('claim.required-field', c)).map((w) => (w.target.kind === 'claim' ? w.target.field : ''));
    assert.deepEqual(fields.sort(), ['lines', 'patient.birthDate', 'payer.id']);
  });
});

describe('claim.required-field for a dependent (the member id belongs to the subscriber, 2010BA)', () => {
  test('test/fixtures/claim/dependent.claim.json: no required-field error, and it exports as X12', async () => {
    const text = readFileSync(join(__dirname, '..', '..', 'fixtures', 'claim', 'dependent.claim.json'), 'utf8');
    const claim = JSON.parse(text);
    assert.deepEqual((await fired('claim.required-field', claim)).map((w) => w.message), []);
    const later = { date: '2024-09-03', today: '2024-09-30' };
    const parsed = parseClaim(text);
    assert.ok(parsed.ok);
    const claimErrors = (await check(claim, later)).filter((w) => w.rule.startsWith('claim.') && w.severity === 'error');
    assert.deepEqual(claimErrors.map((w) => w.message), []);
    assert.ok(exportClaim(parsed.claim, 'x12', claimErrors).ok);
  });
  test('a dependent without a subscriber member id fires on subscriber.memberId, not patient.memberId', async () => {
    const c = baseClaim();
    delete c.patient.memberId;
    c.subscriber = { relationship: 'child', name: { family: 'Rivera', given: 'Luis' } };
    const fields = (await fired('claim.required-field', c)).map((w) => (w.target.kind === 'claim' ? w.target.field : ''));
    assert.deepEqual(fields, ['subscriber.memberId']);
    c.subscriber.memberId = 'HMO-1';
    assert.deepEqual(await fired('claim.required-field', c), []);
  });
  test('the same holds for a claim that fails the schema (fields read one by one)', async () => {
    const c = baseClaim();
    delete c.patient.memberId;
    c.subscriber = { relationship: 'child', name: { family: 'Rivera' } };
    c.lines[0].units = 'one';
    const fields = (await fired('claim.required-field', c)).map((w) => (w.target.kind === 'claim' ? w.target.field : ''));
    assert.deepEqual(fields, ['subscriber.memberId']);
  });
});

describe('check and the X12 export agree', () => {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests reshape the claim freely
  const cases: Array<[string, (c: Record<string, any>) => void, string, string]> = [
    ['a tax id 12-345*789', (c) => (c.billingProvider.taxId = '12-345*789'), 'claim.field-value', 'billingProvider.taxId'],
    ['a line place of service 2*', (c) => (c.lines[0].placeOfService = '2*'), 'claim.field-value', 'lines[0].placeOfService'],
    ['a delimiter in a member id', (c) => (c.patient.memberId = 'XKZ~NM1*IL'), 'claim.field-value', 'patient.memberId'],
    ['a one-letter state', (c) => (c.billingProvider.address.state = 'I'), 'claim.field-value', 'billingProvider.address.state'],
    ['no billing address', (c) => delete c.billingProvider.address, 'claim.required-field', 'billingProvider.address'],
    ['no submitter phone', (c) => delete c.billingProvider.phone, 'claim.required-field', 'billingProvider.phone'],
    ['51 lines', (c) => (c.lines = Array.from({ length: 51 }, (_, i) => ({ ...c.lines[0], charge: i + 1 }))), 'claim.field-value', 'lines'],
  ];
  for (const [what, breakIt, rule, path] of cases) {
    test(`${what}: an error in check naming ${path}, and the X12 export refuses it`, async () => {
      const c = baseClaim();
      breakIt(c);
      const errors = (await check(c)).filter((w) => w.severity === 'error' && w.rule === rule);
      assert.equal(errors.length, 1, JSON.stringify(errors.map((w) => w.message)));
      assert.deepEqual(errors[0]!.target, path.startsWith('lines[') ? { kind: 'line', index: 0 } : { kind: 'claim', field: path });
      const parsed = parseClaim(JSON.stringify(c));
      assert.ok(parsed.ok);
      const out = exportClaim(parsed.claim, 'x12', []);
      assert.equal(out.ok, false);
      if (!out.ok) assert.ok(out.errors.includes(errors[0]!.message), `export gives the same sentence: ${out.errors.join(' | ')}`);
    });
  }
});

describe('claim.dates', () => {
  test('a future date of service, a birth after service, and an impossible date fire', async () => {
    const c = baseClaim();
    c.encounter.dateOfService = '2024-09-15';
    assert.match((await fired('claim.dates', c))[0]!.message, /in the future/);
    c.encounter.dateOfService = '2024-08-14';
    c.patient.birthDate = '2024-08-20';
    assert.ok((await fired('claim.dates', c)).some((w) => /before the patient's birth/.test(w.message)));
    c.patient.birthDate = '2023-02-29';
    assert.ok((await fired('claim.dates', c)).some((w) => /not a valid date/.test(w.message)));
  });
  test('ordinary dates do not fire', async () => {
    assert.equal((await fired('claim.dates', baseClaim())).length, 0);
  });
});

describe('claim.place-of-service', () => {
  test('an unknown code and an inpatient place for an outpatient encounter fire', async () => {
    const c = baseClaim();
    c.encounter.placeOfService = '98';
    assert.equal((await fired('claim.place-of-service', c)).length, 1);
    c.encounter.placeOfService = '21';
    assert.match((await fired('claim.place-of-service', c))[0]!.message, /inpatient facility/);
  });
  test('office for an outpatient encounter does not fire', async () => {
    assert.equal((await fired('claim.place-of-service', baseClaim())).length, 0);
  });
});

describe('claim.total and claim.units-charges', () => {
  test('a total that differs from the lines fires with the corrected total', async () => {
    const c = baseClaim();
    c.totalCharge = 100;
    assert.deepEqual((await fired('claim.total', c))[0]!.fixes[0]!.edit, { op: 'setField', path: 'totalCharge', value: 125 });
    c.totalCharge = 125;
    assert.equal((await fired('claim.total', c)).length, 0);
  });
  test('zero units, negative charges and fractional units fire; the base claim does not', async () => {
    const c = baseClaim();
    assert.equal((await fired('claim.units-charges', c)).length, 0);
    c.lines[0].units = 0;
    c.lines[0].charge = -5;
    assert.equal((await fired('claim.units-charges', c)).length, 2);
    c.lines[0].units = 1.5;
    c.lines[0].charge = 5;
    assert.equal((await fired('claim.units-charges', c))[0]!.severity, 'warning');
  });
});

describe('claim.duplicate-line / claim.duplicate-diagnosis / claim.duplicate-claim', () => {
  test('the same diagnosis twice and the same line twice fire', async () => {
    const c = baseClaim();
    c.diagnoses.push({ code: 'I10', system: 'icd10cm' });
    c.lines.push({ ...c.lines[0] });
    assert.equal((await fired('claim.duplicate-diagnosis', c)).length, 1);
    assert.equal((await fired('claim.duplicate-line', c)).length, 1);
  });
  test('the same code with different modifiers is not a duplicate line', async () => {
    const c = baseClaim();
    c.lines = [
      { code: '20610', system: 'cpt', modifiers: ['RT'], units: 1, charge: 80, diagnosisPointers: [1] },
      { code: '20610', system: 'cpt', modifiers: ['LT'], units: 1, charge: 80, diagnosisPointers: [1] },
    ];
    assert.equal((await fired('claim.duplicate-line', c)).length, 0);
  });
  test('two claims with the same patient, date, provider and codes are duplicates; another date is not', () => {
    const a = baseClaim();
    const b = baseClaim();
    const d = baseClaim();
    d.encounter.dateOfService = '2024-08-15';
    const found = duplicateClaims([{ name: 'a.claim.json', claim: a }, { name: 'b.claim.json', claim: b }, { name: 'd.claim.json', claim: d }]);
    assert.deepEqual([...found.keys()].sort(), ['a.claim.json', 'b.claim.json']);
    assert.match(found.get('a.claim.json')![0]!.message, /b\.claim\.json/);
  });
});

describe('severity settings', () => {
  test('a rule set to off is not run; a rule set to info is reported as info', async () => {
    const c = baseClaim();
    c.renderingProvider.npi = '1234567890';
    assert.equal((await check(c, { settings: { severity: { 'claim.npi': 'off' } } })).filter((w) => w.rule === 'claim.npi').length, 0);
    const [w] = (await check(c, { settings: { severity: { 'claim.npi': 'info' } } })).filter((x) => x.rule === 'claim.npi');
    assert.equal(w!.severity, 'info');
  });
});
