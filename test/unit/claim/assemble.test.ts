import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { assembleClaim, type DecidedSuggestion } from '../../../src/core/claim/assemble';
import { validateClaim } from '../../../src/core/claim/parse';

const encounter = { dateOfService: '2024-08-14', placeOfService: '11' };
const dx = (code: string, score: number, status: DecidedSuggestion['status'] = 'accepted'): DecidedSuggestion => ({
  code, system: 'icd10cm', status, score, evidence: [{ start: score, end: score + 3 }],
});

describe('assembleClaim', () => {
  test('orders accepted diagnoses by score, first-listed highest, ignoring undecided and rejected ones', () => {
    const { claim } = assembleClaim([dx('E11.9', 0.4), dx('I10', 0.9), dx('J45.20', 0.95, 'rejected'), dx('R05.9', 0.99, 'suggested'), dx('Z79.4', 0.4)], { encounter });
    assert.deepEqual(claim.diagnoses.map((d) => d.code), ['I10', 'E11.9', 'Z79.4']);
    assert.deepEqual(claim.diagnoses[0]!.evidence, [{ start: 0.9, end: 3.9 }]);
    assert.equal(claim.diagnoses[0]!.status, 'accepted');
    assert.ok(validateClaim(claim).ok);
  });

  test('keeps at most 12 diagnoses and reports the rest', () => {
    const many = Array.from({ length: 14 }, (_, i) => dx(`Z00.0${i % 10}${i}`, 100 - i));
    const { claim, droppedDiagnoses } = assembleClaim(many, { encounter });
    assert.equal(claim.diagnoses.length, 12);
    assert.deepEqual(droppedDiagnoses.map((d) => d.code), [many[12]!.code, many[13]!.code]);
  });

  test('drops a diagnosis accepted twice (with or without the dot)', () => {
    const { claim } = assembleClaim([dx('E11.9', 1), dx('E119', 0.5)], { encounter });
    assert.deepEqual(claim.diagnoses.map((d) => d.code), ['E11.9']);
  });

  test('lines point to their related diagnoses, else to the first-listed one; charges come from the fee schedule', () => {
    const suggestions: DecidedSuggestion[] = [
      dx('I10', 0.5),
      dx('S52.521A', 0.9),
      { code: '99213', system: 'cpt', status: 'accepted' },
      { code: '25565', system: 'cpt', status: 'accepted', relatedDiagnoses: ['S52521A', 'X99.9'], modifiers: ['RT'] },
      { code: 'Q4012', system: 'hcpcs', status: 'accepted', units: 2, relatedDiagnoses: ['S52.521A'] },
      { code: '0DTJ4ZZ', system: 'icd10pcs', status: 'accepted' },
    ];
    const { claim, ignored } = assembleClaim(suggestions, { encounter, feeSchedule: { '99213': 125, Q4012: 30.6 } });
    assert.deepEqual(claim.lines.map((l) => [l.code, l.system, l.diagnosisPointers, l.units, l.charge, l.modifiers]), [
      ['99213', 'cpt', [1], 1, 125, []],
      ['25565', 'cpt', [1], 1, 0, ['RT']],
      ['Q4012', 'hcpcs', [1], 2, 61.2, []],
    ]);
    assert.deepEqual(ignored, ['0DTJ4ZZ']);
  });

  test('a claim with no diagnoses has lines with no pointers (the rules then say so)', () => {
    const { claim } = assembleClaim([{ code: '99213', system: 'cpt', status: 'accepted' }], { encounter });
    assert.deepEqual(claim.lines[0]!.diagnosisPointers, []);
  });
});
