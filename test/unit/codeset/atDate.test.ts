import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { indexAtDate } from '../../../src/core/codeset/atDate';
import { analyzeNote } from '../../../src/core/suggest/analyze';
import { fixtureIndex, icd } from '../../support/fixtureIndex';

// Two releases of a tiny code set: R05 was billable until FY2022 split it (R05.9 and siblings).
async function twoReleases() {
  return fixtureIndex([
    {
      system: 'icd10cm', version: 'FY2021', effectiveFrom: '2020-10-01', effectiveTo: '2021-09-30',
      codes: [icd('R05', 'Cough')], indexEntries: [{ source: 'index', path: 'Cough', term: 'Cough', level: 0, code: 'R05' }],
    },
    {
      system: 'icd10cm', version: 'FY2024', effectiveFrom: '2023-10-01', effectiveTo: '2024-09-30',
      codes: [icd('R05', 'Cough', false), icd('R05.9', 'Cough, unspecified', true, 'R05')], indexEntries: [{ source: 'index', path: 'Cough', term: 'Cough', level: 0, code: 'R059' }],
    },
  ]);
}

describe('the index as of a date of service', () => {
  test('a note dated in FY2021 is coded with FY2021, an undated one with the latest release', async () => {
    const index = await twoReleases();
    const codes = (date?: string) => analyzeNote(index, 'Cough for three days.', { setting: 'inpatient', ...(date ? { date } : {}) }).suggestions.map((s) => s.code);
    assert.deepEqual(codes('2021-03-01'), ['R05']);
    assert.deepEqual(codes(), ['R05.9']);
    assert.deepEqual(codes('2024-03-01'), ['R05.9']);
  });
  test('one view per set of versions in force; the latest versions are the index itself', async () => {
    const index = await twoReleases();
    assert.equal(indexAtDate(index, '2021-01-02'), indexAtDate(index, '2021-08-30'));
    assert.notEqual(indexAtDate(index, '2021-01-02'), index);
    assert.equal(indexAtDate(index, '2024-01-02'), index);
    assert.equal(indexAtDate(index, '2021-01-02').lookup('R05')?.billable, true);
    assert.equal(index.lookup('R05')?.billable, false);
  });
  test('a date no installed release covers is a clear error, not an empty answer', async () => {
    const index = await twoReleases();
    assert.throws(() => analyzeNote(index, 'Cough.', { date: '2019-05-01' }), /No ICD-10-CM code set is in force on 2019-05-01/);
  });
});
