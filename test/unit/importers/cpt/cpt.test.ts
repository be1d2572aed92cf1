import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { builtinCptCodes, builtinCptModifiers, cptLicensedImporter, cptRelease } from '../../../../src/core/importers/cpt';
import { headText } from '../../../../src/core/importers/text';
import { ImportError, type ImportFile } from '../../../../src/core/importers/types';
import { CountingSink } from '../../../support/countingSinkOther';

const fixture = (dir: string, name: string): ImportFile => ({ name, bytes: new Uint8Array(readFileSync(resolve(__dirname, '../../../fixtures', dir, name))) });

describe('CPT from a licensed file', () => {
  test('code<TAB>descriptor, versioned by the year in the name', async () => {
    const f = fixture('cpt', 'cpt_2030_tab.txt');
    assert.equal(cptLicensedImporter.detect(f.name, headText(f.bytes)), true);
    const sink = new CountingSink();
    const r = await cptLicensedImporter.run(f, sink, 'x', {});
    assert.deepEqual([r.version, r.counts.codes], ['2030', 3]);
    const set = sink.only('cpt');
    assert.deepEqual([set.meta.effectiveFrom, set.meta.effectiveTo], ['2030-01-01', '2030-12-31']);
    assert.deepEqual(set.codes[2], { code: '0001T', display: '0001T', kind: 'code', billable: true, shortTitle: undefined, longTitle: 'Sample descriptor three' });
  });

  test('code,descriptor with a header line and a quoted comma', async () => {
    const f = fixture('cpt', 'cpt-comma-with-header.csv');
    assert.equal(cptLicensedImporter.detect(f.name, headText(f.bytes)), true);
    const sink = new CountingSink();
    await cptLicensedImporter.run(f, sink, 'x', {});
    const set = sink.only('cpt');
    assert.deepEqual(set.codes.map((c) => c.longTitle), ['Sample descriptor one', 'Sample descriptor two, with a comma']);
    assert.equal(set.meta.version, 'cpt-comma-with-header', 'no year in the name: the name is the version');
    assert.equal(set.meta.effectiveFrom, undefined);
  });

  test('code,short,long', async () => {
    const sink = new CountingSink();
    await cptLicensedImporter.run(fixture('cpt', 'licensed_three_columns.csv'), sink, 'x', {});
    assert.deepEqual(sink.only('cpt').codes.map((c) => [c.code, c.shortTitle, c.longTitle]), [
      ['10001', 'Sample short one', 'Sample long descriptor one'],
      ['0002F', 'Sample short two', 'Sample long descriptor two'],
    ]);
  });

  test('other tables starting with codes are not taken for CPT files', () => {
    for (const [dir, name] of [['ncci', 'ccipra-v362r0-f1.txt'], ['mce', 'mce_v99.1_fy2031_code_edits.csv'], ['hcpcs', 'hcpcs_level2_modifiers_2030-jul.csv'], ['hcpcs', 'HCPC2030_APR_CONTR_ANWEB.txt']] as const) {
      const f = fixture(dir, name);
      assert.equal(cptLicensedImporter.detect(f.name, headText(f.bytes)), false, name);
    }
    assert.equal(cptLicensedImporter.detect('pairs.csv', '10001,10002\n10003,10004\n'), false);
  });

  test('a malformed line is an error naming the line and the accepted layouts', async () => {
    const f = fixture('cpt', 'cpt_2030_malformed.txt');
    assert.equal(cptLicensedImporter.detect(f.name, headText(f.bytes)), true, 'still recognised, so the user hears which line is wrong');
    await assert.rejects(cptLicensedImporter.run(f, new CountingSink(), 'x', {}),
      (e: unknown) => e instanceof ImportError && e.line === 6 && /cpt_2030_malformed\.txt, line 6: .*code<TAB>descriptor/.test(e.message));
  });

  test('an empty file is an error naming the file', async () => {
    await assert.rejects(cptLicensedImporter.run({ name: 'cpt_2030.txt', bytes: new Uint8Array(0) }, new CountingSink(), 'x', {}),
      (e: unknown) => e instanceof ImportError && /cpt_2030\.txt: the file is empty/.test(e.message));
  });

  test('options override the version', () => {
    assert.deepEqual(cptRelease('cpt.txt', { version: 'CPT 2031', effectiveFrom: '2031-01-01' }), { version: 'CPT 2031', effectiveFrom: '2031-01-01', effectiveTo: undefined });
  });
});

describe('built-in CPT numbers', () => {
  test('carry only the E/M office visits, prolonged service and CPT modifiers our logic needs', () => {
    assert.deepEqual(builtinCptCodes.map((c) => c.code), ['99202', '99203', '99204', '99205', '99211', '99212', '99213', '99214', '99215', '99417', '99024',
      '99381', '99382', '99383', '99384', '99385', '99386', '99387', '99391', '99392', '99393', '99394', '99395', '99396', '99397']);
    assert.deepEqual(builtinCptModifiers.map((c) => c.code).sort(), ['22', '24', '25', '26', '50', '51', '57', '58', '59', '76', '77', '78', '79', '91']);
    assert.equal(builtinCptModifiers.find((c) => c.code === 'TC'), undefined, 'TC is a HCPCS Level II modifier');
  });

  test('labels are our own short plain words', () => {
    assert.equal(builtinCptCodes.find((c) => c.code === '99202')?.shortTitle, 'Office visit, new patient, level 2');
    for (const row of [...builtinCptCodes, ...builtinCptModifiers]) {
      assert.ok(row.shortTitle && row.shortTitle.length <= 60, `${row.code}: short label`);
      assert.equal(row.shortTitle, row.longTitle);
    }
  });
});
