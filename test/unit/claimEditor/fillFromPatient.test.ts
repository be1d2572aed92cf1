// The panel's "Fill from patient" edit: fills only empty members on the file's own JSON (unknown
// members kept), records filledFrom, and refuses an id no imported patient has.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readPatients } from '../../../src/core/claim/patients';
import { parsePractice } from '../../../src/core/claim/practice';
import { applyPanelEdits } from '../../../src/extension/claimEditor/panelEdits';

const DIR = join(__dirname, '..', '..', 'fixtures', 'practice');

test('fills empty members and fee-schedule charges from the patient and the profile; refuses an unknown id', () => {
  const practice = parsePractice(readFileSync(join(DIR, 'practice.json'), 'utf8'));
  const patients = readPatients(readFileSync(join(DIR, 'patients.csv'), 'utf8'), 'patients.csv');
  assert.ok(practice.ok && patients.ok);
  const sources = { practice: practice.practice, patients: patients.patients };
  const claim = {
    schemaVersion: '1', 'x-batch': 7, encounter: { dateOfService: '2024-08-14' },
    patient: { name: { family: 'Typed' } },
    diagnoses: [{ code: 'I10', system: 'icd10cm' }],
    lines: [{ code: '99213', system: 'cpt', modifiers: [], units: 2, charge: 0, diagnosisPointers: [1] }],
  };
  const out = applyPanelEdits(claim, [{ op: 'fillFromPatient', patientId: 'P-1' }], sources) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  assert.equal(out['x-batch'], 7);
  assert.equal(out.patient.name.family, 'Typed', 'a typed value is kept');
  assert.equal(out.patient.memberId, 'XKZ123456789');
  assert.equal(out.lines[0].charge, 250);
  assert.deepEqual(out.filledFrom['lines[0].charge'], { from: 'practice', value: 250 });
  assert.deepEqual(out.filledFrom['patient.birthDate'], { from: 'patient', value: '1961-05-20' });
  assert.equal(out.filledFrom['patient.name.family'], undefined);
  assert.throws(() => applyPanelEdits(claim, [{ op: 'fillFromPatient', patientId: 'P-404' }], sources), /No imported patient has the id "P-404"/);
});
