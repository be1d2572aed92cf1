// MCE v41.1 (FY2024) diagnosis edits over the real file in ../shared.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mceImporters } from '../../../../src/core/importers/mce';
import { headText } from '../../../../src/core/importers/text';
import { CountingSink } from '../../../support/countingSinkOther';
import { sharedPath, skipUnlessShared } from '../../../support/shared';

const MCE = 'codesets/mce/mce_v41.1_fy2024_code_edits.csv';

describe('MCE v41.1 FY2024', { skip: skipUnlessShared(MCE) }, () => {
  test('7,946 edits; version v41.1 in force 2023-10-01 .. 2024-09-30', async () => {
    const f = { name: 'mce_v41.1_fy2024_code_edits.csv', bytes: new Uint8Array(readFileSync(sharedPath(MCE))) };
    const importer = mceImporters.find((i) => i.detect(f.name, headText(f.bytes)));
    assert.ok(importer);
    const sink = new CountingSink(10_000);
    const r = await importer.run(f, sink, 'sha', {});
    assert.equal(r.counts.edits, 7946);
    const set = sink.only('mce');
    assert.deepEqual([set.meta.version, set.meta.effectiveFrom, set.meta.effectiveTo], ['v41.1', '2023-10-01', '2024-09-30']);
    const ranges = new Set(set.mce.filter((m) => m.edit === 'age').map((m) => `${m.minAge}-${m.maxAge}`));
    assert.deepEqual([...ranges].sort(), ['0-0', '0-17', '15-124', '9-64']);
    assert.ok(set.mce.some((m) => m.edit === 'sex' && m.sex === 'female'));
    assert.ok(set.mce.some((m) => m.edit === 'sex' && m.sex === 'male'));
    assert.ok(set.mce.some((m) => m.edit === 'manifestation'));
    assert.equal(set.mce.filter((m) => m.edit === 'age').length + set.mce.filter((m) => m.edit === 'sex').length + set.mce.filter((m) => m.edit === 'manifestation').length + set.mce.filter((m) => m.edit === 'other').length, 7946);
  });
});
