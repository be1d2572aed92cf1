// The one claim check judges the claim as billed: rejected codes out, targets and fixes on the
// file's own indexes, pointers renumbered, suppressions matched on the file's indexes.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { billedView, checkClaim, fixOnFile } from '../../../src/core/analysis/index';
import { buildIndex } from '../rules/fixture';

const base = {
  schemaVersion: '1',
  encounter: { dateOfService: '2024-03-01', placeOfService: '11', setting: 'outpatient' },
  lines: [] as unknown[],
};

describe('checkClaim (the one claim check)', () => {
  test('a rejected code is not judged; warnings name the file indexes', async () => {
    const index = await buildIndex();
    const claim = { ...base, diagnoses: [{ code: 'I10', system: 'icd10cm', status: 'rejected' }, { code: 'E11.9', system: 'icd10cm' }, { code: 'E10.9', system: 'icd10cm' }] };
    const w = (await checkClaim(index, claim, { today: '2024-03-02' })).find((x) => x.rule === 'icd10cm.excludes1');
    assert.ok(w && w.target.kind === 'diagnosis' && w.target.index >= 1, JSON.stringify(w?.target));
    for (const f of w.fixes) if ('index' in f.edit) assert.ok(f.edit.index >= 1);
    const rejected = { ...claim, diagnoses: [...claim.diagnoses.slice(0, 2), { code: 'E10.9', system: 'icd10cm', status: 'rejected' }] };
    assert.equal((await checkClaim(index, rejected, { today: '2024-03-02' })).some((x) => x.rule === 'icd10cm.excludes1'), false);
  });

  test('a suppression naming a file index marks the warning on that diagnosis, past a rejected one', async () => {
    const index = await buildIndex();
    const claim = {
      ...base,
      diagnoses: [{ code: 'I10', system: 'icd10cm', status: 'rejected' }, { code: 'E11', system: 'icd10cm' }],
      suppressed: [{ rule: 'code.not-billable', target: { kind: 'diagnosis', index: 1 }, justification: 'waiting for the lab report' }],
    };
    const w = (await checkClaim(index, claim, { today: '2024-03-02' })).find((x) => x.rule === 'code.not-billable');
    assert.ok(w, 'E11 is a header');
    assert.deepEqual(w.target, { kind: 'diagnosis', index: 1 });
    assert.equal(w.suppressed?.justification, 'waiting for the lab report');
  });

  test('line pointers are renumbered to the billed diagnoses, and fixes map back', () => {
    const claim = {
      ...base,
      diagnoses: [{ code: 'I10', system: 'icd10cm', status: 'rejected' }, { code: 'E11.9', system: 'icd10cm' }],
      lines: [{ code: '99213', system: 'cpt', units: 1, charge: 0, diagnosisPointers: [2, 1] }],
    };
    const view = billedView(claim);
    assert.deepEqual((view.claim.lines as { diagnosisPointers: number[] }[])[0]!.diagnosisPointers, [1, 0], 'a pointer to the rejected diagnosis points at nothing billed');
    assert.deepEqual(fixOnFile({ op: 'setPointers', line: 0, pointers: [1] }, view), { op: 'setPointers', line: 0, pointers: [2] });
  });

  test('any JSON value is judged without a crash', async () => {
    const index = await buildIndex();
    for (const v of [null, 3, 'x', [], {}, { diagnoses: 'no' }]) assert.ok(Array.isArray(await checkClaim(index, v, { today: '2024-03-02' })));
  });
});
