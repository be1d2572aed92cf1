// The practice profile and imported patients fill new claims: a claim assembled from a note's
// accepted codes, the profile and the patient has no claim.required-field error and exports as an
// 837P that passes x12valid. Bad profiles and patient files are errors naming the field.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assembleClaim, type DecidedSuggestion } from '../../../src/core/claim/assemble';
import { exportClaim, x12_837p } from '../../../src/core/claim/export/index';
import { mergePatients, parsePatientStore, patientIdForNote, readPatients } from '../../../src/core/claim/patients';
import { feeFor, fillClaim, parsePractice, practiceJsonSchemaText, type Practice } from '../../../src/core/claim/practice';
import { validateClaim } from '../../../src/core/claim/parse';
import { check } from '../rules/fixture';
import { assertX12Valid, skipUnlessX12valid } from '../../support/x12valid';
import { loadClaim } from './support';

const DIR = join(__dirname, '..', '..', 'fixtures', 'practice');
const text = (name: string) => readFileSync(join(DIR, name), 'utf8');

function practice(): Practice {
  const r = parsePractice(text('practice.json'));
  if (!r.ok) throw new Error(r.errors.join(' '));
  return r.practice;
}

function patients() {
  const r = readPatients(text('patients.fhir.json'), 'patients.fhir.json');
  if (!r.ok) throw new Error(r.errors.join(' '));
  return r.patients;
}

const accepted = (code: string, system: string, extra: Partial<DecidedSuggestion> = {}): DecidedSuggestion => ({ code, system, status: 'accepted', ...extra });

describe('practice profile', () => {
  test('the fixture profile parses; schema/practice.schema.json is what `npm run schema` generates', () => {
    assert.equal(practice().billingProvider.npi, '1234567893');
    assert.equal(readFileSync(join(__dirname, '..', '..', '..', 'schema', 'practice.schema.json'), 'utf8'), practiceJsonSchemaText(), 'run `npm run schema`');
  });

  test('bad members are errors naming the member; an unknown member is named as a likely typo', () => {
    const p = JSON.parse(text('practice.json'));
    p.billingProvider.npi = '12345';
    p.billingProvider.phone = '555-0100';
    p.payers[0].id = 'AC ME';
    p.feeSchedule[0].charge = -5;
    p.billingProvder = {};
    const r = parsePractice(JSON.stringify(p));
    assert.equal(r.ok, false);
    if (r.ok) return;
    const all = r.errors.join('\n');
    assert.match(all, /"billingProvider\.npi": "12345" is not a 10-digit NPI/);
    assert.match(all, /"billingProvider\.phone": "555-0100" is not a 10-digit telephone number/);
    assert.match(all, /"payers\[0\]\.id": "AC ME" may hold only letters, digits and hyphens/);
    assert.match(all, /"feeSchedule\[0\]\.charge"/);
    assert.match(all, /unknown member\(s\) "billingProvder"/);
    assert.match(parsePractice('{"schemaVersion": "1"').ok ? '' : (parsePractice('{"schemaVersion": "1"') as { errors: string[] }).errors[0]!, /not valid JSON/);
    const missing = parsePractice('{"schemaVersion": "1"}');
    assert.ok(!missing.ok && missing.errors.some((e) => /"billingProvider" is missing/.test(e)));
  });

  test('the fee schedule prefers the entry whose modifiers the line carries', () => {
    const schedule = practice().feeSchedule!;
    assert.equal(feeFor(schedule, '20610', []), 140);
    assert.equal(feeFor(schedule, '20610', ['RT']), 150);
    assert.equal(feeFor(schedule, '20610', ['LT']), 140);
    assert.equal(feeFor(schedule, '99999', []), undefined);
  });
});

describe('patients from FHIR R4 and CSV', () => {
  test('a Bundle: Patient + Coverage (self) and a dependent with the subscriber as RelatedPerson', () => {
    const [ana, mateo] = patients();
    assert.deepEqual(ana, {
      id: 'P-1',
      patient: { id: 'P-1', name: { family: 'Rivera', given: 'Ana' }, birthDate: '1961-05-20', sex: 'female', memberId: 'XKZ123456789', address: { line1: '18 Elm St', city: 'Springfield', state: 'IL', postalCode: '62704' } },
      payer: { name: 'Acme Health Plan', id: 'ACME01' },
    });
    assert.equal(mateo!.patient.memberId, undefined, "a dependent's member id belongs to the subscriber");
    assert.deepEqual(mateo!.subscriber, { relationship: 'child', name: { family: 'Nuñez', given: 'Carla' }, memberId: 'HMO-5550192', birthDate: '1984-07-30', sex: 'female', groupNumber: 'GRP-881' });
    assert.deepEqual(mateo!.payer, { name: 'Prairie Mutual Health', id: 'PRM77' });
  });

  test('NDJSON (one resource a line) and CSV give the same patients', () => {
    const bundle = JSON.parse(text('patients.fhir.json'));
    const ndjson = bundle.entry.map((e: { resource: unknown }) => JSON.stringify(e.resource)).join('\n');
    const fromNd = readPatients(ndjson, 'patients.ndjson');
    assert.ok(fromNd.ok);
    assert.deepEqual(fromNd.patients, patients());
    const fromCsv = readPatients(text('patients.csv'), 'patients.csv');
    assert.ok(fromCsv.ok, fromCsv.ok ? '' : fromCsv.errors.join(' '));
    assert.deepEqual(fromCsv.patients.map((p) => [p.id, p.patient.memberId, p.subscriber?.memberId, p.payer?.id]), [['P-1', 'XKZ123456789', undefined, 'ACME01'], ['P-77', undefined, 'HMO-5550192', 'PRM77']]);
  });

  test('bad input: errors name the record and the field, and no patient is returned', () => {
    const bundle = JSON.parse(text('patients.fhir.json'));
    bundle.entry[0].resource.birthDate = '1961-13-40';
    bundle.entry[1].resource.subscriberId = 'XKZ~NM1*IL';
    bundle.entry[5].resource.beneficiary.reference = 'Patient/NOPE';
    const r = readPatients(JSON.stringify(bundle), 'p.json');
    assert.equal(r.ok, false);
    if (r.ok) return;
    assert.match(r.errors.join('\n'), /p\.json entry\[0\] Patient\/P-1: birthDate "1961-13-40" is not a full date YYYY-MM-DD/);
    assert.match(r.errors.join('\n'), /entry\[1\] Coverage\/C-1: subscriberId "XKZ~NM1\*IL" may hold only letters, digits and hyphens/);
    assert.match(r.errors.join('\n'), /Coverage\.beneficiary "Patient\/NOPE" names no Patient in this file/);
    const csv = readPatients('id,family,birthDate,sex,colour\nP-1,Rivera,05/20/1961,f,blue\n,X,,,\n', 'p.csv');
    assert.equal(csv.ok, false);
    if (csv.ok) return;
    assert.deepEqual(csv.errors, [
      'p.csv line 1: unknown column(s) "colour"; the columns are id, family, given, middle, suffix, birthdate, sex, memberid, line1, line2, city, state, postalcode, payername, payerid, groupnumber, relationship, subscriberfamily, subscribergiven, subscribermemberid, subscriberbirthdate, subscribersex.',
      'p.csv line 2: column "birthdate" "05/20/1961" is not a date YYYY-MM-DD.',
      'p.csv line 2: column "sex" "f" is not female, male, other or unknown.',
      'p.csv line 3: column "id" is empty.',
    ]);
    assert.match((readPatients('{"resourceType": "Observation"}', 'o.json') as { errors: string[] }).errors[0]!, /an Observation is not read here|a Observation is not read here/);
  });

  test('a store merges imports by id and parses back', () => {
    const store = mergePatients(undefined, patients());
    const again = mergePatients(store, [{ ...store.patients[0]!, patient: { ...store.patients[0]!.patient, sex: 'unknown' } }]);
    assert.equal(again.patients.length, 2);
    assert.equal(again.patients[0]!.patient.sex, 'unknown');
    const parsed = parsePatientStore(JSON.stringify(again));
    assert.ok(parsed.ok);
    assert.equal(parsePatientStore('{"schemaVersion":"1","patients":[{"patient":{}}]}').ok, false);
  });

  test('the patient a note names: header line, else a whole token of the file name', () => {
    assert.equal(patientIdForNote(text('visit-P-77.note'), 'visit.note', []), 'P-77');
    assert.equal(patientIdForNote('MRN: 000123\nCC: cough', 'a.note', []), '000123');
    assert.equal(patientIdForNote('CC: cough', 'notes/P-1_2024-08-14.note', ['P-1', 'P-77']), 'P-1');
    assert.equal(patientIdForNote('CC: cough', 'notes/XP-17.note', ['P-1']), undefined);
  });
});

describe('claims filled from the practice profile and the patient', () => {
  const decided = [accepted('S52.521A', 'icd10cm', { score: 0.9 }), accepted('J45.20', 'icd10cm', { score: 0.5 }), accepted('99204', 'cpt', { relatedDiagnoses: ['S52.521A', 'J45.20'] }), accepted('25565', 'cpt', { modifiers: ['RT'] })];

  function assembled(patientId: string) {
    const patient = patients().find((p) => p.id === patientId);
    return assembleClaim(decided, { encounter: { dateOfService: '2024-08-14', setting: 'outpatient' }, practice: practice(), patientRecord: patient });
  }

  test('a new claim carries provider, payer, patient, place of service and fee-schedule charges, with their sources', () => {
    const { claim, filled } = assembled('P-77');
    assert.equal(claim.billingProvider?.npi, '1234567893');
    assert.equal(claim.renderingProvider?.personName?.family, 'Okafor');
    assert.deepEqual(claim.payer, { name: 'Prairie Mutual Health', id: 'PRM77' }, "the patient's coverage picks the payer");
    assert.equal(claim.subscriber?.memberId, 'HMO-5550192');
    assert.equal(claim.encounter.placeOfService, '11');
    assert.deepEqual(claim.lines.map((l) => l.charge), [210, 0], 'no fee for 25565: the charge stays for the coder');
    assert.deepEqual(filled['billingProvider.npi'], { from: 'practice', value: '1234567893' });
    assert.deepEqual(filled['patient.name.family'], { from: 'patient', value: 'Nuñez' });
    assert.deepEqual(filled['lines[0].charge'], { from: 'practice', value: 210 });
    assert.deepEqual(claim.filledFrom, filled);
    assert.equal(validateClaim(JSON.parse(JSON.stringify(claim))).ok, true);
  });

  test('values already on the claim are never replaced', () => {
    const claim = loadClaim('minimal');
    claim.lines[0]!.charge = 0;
    const { claim: out, filled } = fillClaim(claim, practice(), patients()[0]);
    assert.equal(out.billingProvider?.name, 'Lakeside Family Medicine');
    assert.equal(out.lines[0]!.charge, 125);
    assert.equal(filled['billingProvider.name'], undefined);
    assert.equal(out.billingProvider?.taxonomy, '207Q00000X', 'empty members are filled');
    assert.equal(claim.billingProvider?.taxonomy, undefined, 'the input is not changed');
  });

  test('no claim.required-field error; the 837P passes x12valid and no line is left at 0 with a fee', async () => {
    for (const id of ['P-1', 'P-77']) {
      const { claim } = assembled(id);
      claim.lines[1]!.charge = 480.5;
      const warnings = await check(JSON.parse(JSON.stringify(claim)), { date: '2024-08-14' });
      assert.deepEqual(warnings.filter((w) => w.rule === 'claim.required-field' || w.rule === 'claim.field-value').map((w) => w.message), [], id);
      assert.ok(exportClaim(claim, 'x12', []).ok);
    }
  });

  test('x12valid accepts both filled claims', { skip: skipUnlessX12valid() }, () => {
    assertX12Valid(['P-1', 'P-77'].map((id) => {
      const { claim } = assembled(id);
      claim.lines[1]!.charge = 480.5;
      return { name: id, text: x12_837p(claim, { now: new Date('2024-09-05T08:00:00Z') }) };
    }));
  });
});
