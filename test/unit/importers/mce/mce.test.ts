import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { mceImporter, parseEdit } from '../../../../src/core/importers/mce';
import { headText } from '../../../../src/core/importers/text';
import { ImportError, type ImportFile } from '../../../../src/core/importers/types';
import { CountingSink } from '../../../support/countingSinkOther';

const fixture = (name: string): ImportFile => ({ name, bytes: new Uint8Array(readFileSync(resolve(__dirname, '../../../fixtures/mce', name))) });

describe('MCE diagnosis edits', () => {
  test('each rule becomes a structured edit; version and fiscal year from the name', async () => {
    const f = fixture('mce_v99.1_fy2031_code_edits.csv');
    assert.equal(mceImporter.detect(f.name, headText(f.bytes)), true);
    const sink = new CountingSink();
    const r = await mceImporter.run(f, sink, 'x', {});
    assert.deepEqual(r.counts, { edits: 8, age: 4, sex: 2, manifestation: 1, other: 1 });
    const set = sink.only('mce');
    assert.deepEqual([set.meta.version, set.meta.effectiveFrom, set.meta.effectiveTo], ['v99.1', '2030-10-01', '2031-09-30']);
    const by = new Map(set.mce.map((m) => [m.code, m]));
    assert.deepEqual([by.get('Z9991')!.minAge, by.get('Z9991')!.maxAge], [0, 0]);
    assert.deepEqual([by.get('Z9992')!.minAge, by.get('Z9992')!.maxAge], [0, 17]);
    assert.deepEqual([by.get('Z9993')!.minAge, by.get('Z9993')!.maxAge], [9, 64]);
    assert.deepEqual([by.get('Z9994')!.minAge, by.get('Z9994')!.maxAge], [15, 124]);
    assert.equal(by.get('Z9995')!.sex, 'female');
    assert.equal(by.get('Z9996')!.sex, 'male');
    assert.equal(by.get('Z9997')!.edit, 'manifestation');
    assert.equal(by.get('Z9998')!.edit, 'other');
    assert.equal(by.get('Z9991')!.text, 'Z99.91 | Sample condition, newborn | Age | Perinatal/Newborn (Age 0 Only)');
  });

  test('ages come from the rule text, not from a table of rule names', () => {
    assert.deepEqual(parseEdit('Age', 'Senior (Ages 65-124)'), { edit: 'age', minAge: 65, maxAge: 124 });
    assert.equal(parseEdit('Age', 'Sometimes'), undefined);
  });

  test('a rule it cannot read is an error naming the line', async () => {
    await assert.rejects(mceImporter.run(fixture('mce_v99.1_fy2031_malformed.csv'), new CountingSink(), 'x', {}),
      (e: unknown) => e instanceof ImportError && e.line === 3 && /mce_v99\.1_fy2031_malformed\.csv, line 3/.test(e.message));
  });

  test('a CSV of another layout and an empty file are errors naming the file and what was expected', async () => {
    await assert.rejects(mceImporter.run({ name: 'mce_v1_fy2031.csv', bytes: new TextEncoder().encode('code,title\nA00,x\n') }, new CountingSink(), 'x', {}),
      (e: unknown) => e instanceof ImportError && /mce_v1_fy2031\.csv, line 1/.test(e.message) && /icd_code,icd_description/.test(e.message));
    await assert.rejects(mceImporter.run({ name: 'mce_v1_fy2031.csv', bytes: new Uint8Array(0) }, new CountingSink(), 'x', {}),
      (e: unknown) => e instanceof ImportError && /mce_v1_fy2031\.csv: the file is empty/.test(e.message));
    assert.equal(mceImporter.detect('x.csv', 'code,title\n'), false);
  });
});
