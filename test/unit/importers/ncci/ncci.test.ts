import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync, strToU8 } from 'fflate';
import { addonImporter, mueImporter, ncciImporters, ptpImporter } from '../../../../src/core/importers/ncci';
import { releaseFromText } from '../../../../src/core/importers/ncci/release';
import { contentHead } from '../../../../src/core/importers/head';
import { headText } from '../../../../src/core/importers/text';
import { ImportError, type ImportFile } from '../../../../src/core/importers/types';
import { CountingSink } from '../../../support/countingSinkOther';
import { buildXlsx } from '../xlsx/buildXlsx';

const fixture = (name: string): ImportFile => ({ name, bytes: new Uint8Array(readFileSync(resolve(__dirname, '../../../fixtures/ncci', name))) });
const detected = (f: ImportFile): string[] => ncciImporters.filter((i) => i.detect(f.name, contentHead(f.name, f.bytes))).map((i) => i.kind);

describe('NCCI release from names and titles', () => {
  test('a quarter-start date names the quarter; other dates stand for themselves', () => {
    assert.deepEqual(releaseFromText('ptp_practitioner_2024-07-01.csv.gz'), { version: '2024-Q3', effectiveFrom: '2024-07-01', effectiveTo: '2024-09-30' });
    assert.deepEqual(releaseFromText('MCR_MUE_PractitionerServices_Eff_10-01-2024.xlsx'), { version: '2024-Q4', effectiveFrom: '2024-10-01', effectiveTo: '2024-12-31' });
    assert.deepEqual(releaseFromText('addon_codes_2024-06-03.csv'), { version: '2024-06-03', effectiveFrom: '2024-06-03' });
    assert.equal(releaseFromText('ccipra-v302r0-f1.txt')?.version, '2024-Q3');
    assert.equal(releaseFromText('AOC_V2025Q1.xlsx')?.version, '2025-Q1');
    assert.equal(releaseFromText('Edits effective April 1, 2025')?.version, '2025-Q2');
    assert.equal(releaseFromText('edits.txt'), undefined);
  });
});

describe('NCCI PTP edits', () => {
  test('official tab-delimited layout under title lines: dates ISO, "*" deletion = active, version from v36.2', async () => {
    const f = fixture('ccipra-v362r0-f1.txt');
    assert.deepEqual(detected(f), ['ncci-ptp']);
    const sink = new CountingSink();
    const r = await ptpImporter.run(f, sink, 'x', {});
    assert.deepEqual(r.counts, { edits: 3, active: 2 });
    const set = sink.only('ncci-ptp');
    assert.equal(set.meta.version, '2030-Q3');
    assert.equal(set.meta.variant, 'practitioner');
    assert.deepEqual(set.ptp[0], { col1: '10001', col2: '10002', effectiveDate: '2030-01-01', deletionDate: undefined, modifierIndicator: 1, rationale: 'Sample rationale one' });
    assert.equal(set.ptp[1]!.deletionDate, '2029-12-31');
    assert.equal(set.ptp[2]!.modifierIndicator, 9);
  });

  test('derived gzipped CSV: 9999-12-31 means active; variant and quarter from the name', async () => {
    const csv = 'column1,column2,deletion_date,modifier_indicator,rationale\n10001,10002,9999-12-31,0,Sample rationale one\n10001,10003,2030-03-31,1,Sample rationale two\n';
    const f = { name: 'ptp_hospital_2030-10-01.csv.gz', bytes: gzipSync(strToU8(csv)) };
    assert.deepEqual(detected(f), ['ncci-ptp']);
    assert.equal(ptpImporter.detect(f.name, headText(f.bytes)), true, 'raw gzip bytes: the name decides');
    const sink = new CountingSink();
    await ptpImporter.run(f, sink, 'x', {});
    const set = sink.only('ncci-ptp');
    assert.deepEqual([set.meta.version, set.meta.variant, set.meta.effectiveTo], ['2030-Q4', 'hospital', '2030-12-31']);
    assert.deepEqual(set.counts, { ptp: 2, ptpActive: 1 });
  });

  test('official xlsx layout', async () => {
    const f = {
      name: 'ccioph-v363r0-f1.xlsx',
      bytes: buildXlsx([
        ['Sample title for tests'],
        ['Column 1', 'Column 2', '* = In existence prior to 1996', 'Effective Date', 'Deletion Date *=no data', 'Modifier 0=not allowed 1=allowed 9=not applicable', 'PTP Edit Rationale'],
        ['10001', '10002', null, 20300101, '*', '1', 'Sample rationale one'],
      ]),
    };
    assert.deepEqual(detected(f), ['ncci-ptp']);
    const sink = new CountingSink();
    const r = await ptpImporter.run(f, sink, 'x', {});
    assert.equal(r.version, '2030-Q4');
    assert.equal(sink.only('ncci-ptp').meta.variant, 'hospital');
    assert.equal(sink.only('ncci-ptp').ptp[0]!.effectiveDate, '2030-01-01');
  });

  test('a malformed row is an error naming the line', async () => {
    await assert.rejects(ptpImporter.run(fixture('ccioph-v362r0-f1-malformed.txt'), new CountingSink(), 'x', {}),
      (e: unknown) => e instanceof ImportError && e.line === 4 && /ccioph-v362r0-f1-malformed\.txt, line 4: .*modifier indicator 0, 1 or 9/.test(e.message));
  });

  test('a file of another layout is an error naming the file and the layout expected', async () => {
    const f = { name: 'ptp_practitioner_2030-01-01.csv', bytes: strToU8('code,title\n10001,x\n') };
    assert.deepEqual(detected(f), []);
    await assert.rejects(ptpImporter.run(f, new CountingSink(), 'x', {}),
      (e: unknown) => e instanceof ImportError && /ptp_practitioner_2030-01-01\.csv: no header row/.test(e.message) && /Column 1/.test(e.message));
  });

  test('an empty file and a truncated gzip are errors naming the file', async () => {
    await assert.rejects(ptpImporter.run({ name: 'ptp_practitioner_2030-01-01.csv', bytes: new Uint8Array(0) }, new CountingSink(), 'x', {}),
      (e: unknown) => e instanceof ImportError && /ptp_practitioner_2030-01-01\.csv: the file is empty/.test(e.message));
    const gz = gzipSync(strToU8('column1,column2,deletion_date,modifier_indicator,rationale\n' + '10001,10002,9999-12-31,0,Sample\n'.repeat(2000)));
    const cut = { name: 'ptp_practitioner_2030-01-01.csv.gz', bytes: gz.subarray(0, gz.length - 30) };
    await assert.rejects(ptpImporter.run(cut, new CountingSink(), 'x', {}),
      (e: unknown) => e instanceof ImportError && /ptp_practitioner_2030-01-01\.csv\.gz: the gzip stream is truncated or corrupt/.test(e.message));
  });

  test('a name without practitioner or hospital is an error saying how to fix it', async () => {
    const csv = 'column1,column2,deletion_date,modifier_indicator,rationale\n10001,10002,9999-12-31,0,x\n';
    await assert.rejects(ptpImporter.run({ name: 'edits_2030-01-01.csv', bytes: strToU8(csv) }, new CountingSink(), 'x', {}),
      (e: unknown) => e instanceof ImportError && /practitioner from hospital/.test(e.message));
  });
});

describe('NCCI MUEs', () => {
  test('official CSV with title lines: indicator text reduced to its number, variant from the header', async () => {
    const f = fixture('MCR_MUE_PractitionerServices_Eff_07-01-2030.csv');
    assert.deepEqual(detected(f), ['ncci-mue']);
    const sink = new CountingSink();
    const r = await mueImporter.run(f, sink, 'x', {});
    assert.equal(r.counts.edits, 3);
    const set = sink.only('ncci-mue');
    assert.deepEqual([set.meta.version, set.meta.variant], ['2030-Q3', 'practitioner']);
    assert.deepEqual(set.mue, [
      { code: '10001', units: 1, mai: 2, rationale: 'Sample rationale one' },
      { code: '10002', units: 4, mai: 3, rationale: 'Sample rationale two' },
      { code: 'A9990', units: 10, mai: 1, rationale: 'Sample rationale three' },
    ]);
  });

  test('official tab-delimited DME table', async () => {
    const sink = new CountingSink();
    await mueImporter.run(fixture('MCR_MUE_DMESupplierServices_Eff_10-01-2030.txt'), sink, 'x', {});
    assert.deepEqual([sink.only('ncci-mue').meta.version, sink.only('ncci-mue').meta.variant], ['2030-Q4', 'dme']);
  });

  test('derived CSV: the service column gives the variant when the name does not', async () => {
    const csv = 'hcpcs_code,mue_units,mue_mai,mue_rationale,mue_service\n10001,2,3,Sample,Outpatient Hospital\n';
    const sink = new CountingSink();
    await mueImporter.run({ name: 'mue_2030-01-01.csv', bytes: strToU8(csv) }, sink, 'x', {});
    assert.deepEqual([sink.only('ncci-mue').meta.variant, sink.only('ncci-mue').mue[0]!.units], ['outpatient_hospital', 2]);
  });

  test('a row with non-numeric units is an error naming the line', async () => {
    const csv = 'hcpcs_code,mue_units,mue_mai,mue_rationale,mue_service\n10001,2,3,Sample,Practitioner\n10002,many,3,Sample,Practitioner\n';
    await assert.rejects(mueImporter.run({ name: 'mue_practitioner_2030-01-01.csv', bytes: strToU8(csv) }, new CountingSink(), 'x', {}),
      (e: unknown) => e instanceof ImportError && /mue_practitioner_2030-01-01\.csv, line 3/.test(e.message));
  });
});

describe('NCCI add-on code edits', () => {
  test('official layout: edits deleted before the quarter are left out; quarter from the title line', async () => {
    const f = fixture('AOC_sample_edits.txt');
    assert.deepEqual(detected(f), ['ncci-addon']);
    const sink = new CountingSink();
    const r = await addonImporter.run(f, sink, 'x', {});
    assert.deepEqual(r.counts, { edits: 2, deleted: 1 });
    assert.equal(r.version, '2031-Q1');
    assert.deepEqual(sink.only('ncci-addon').addon, [
      { addon: '10009', primary: '10001', editType: 1 },
      { addon: '10009', primary: 'CCCCC', editType: 2 },
    ]);
  });

  test('derived CSV', async () => {
    const csv = 'primary_code,add_on_code,aoc_edit_type\nCCCCC,10009,2\n10001,10010,1\n';
    const sink = new CountingSink();
    const r = await addonImporter.run({ name: 'addon_codes_2030-04-01.csv', bytes: strToU8(csv) }, sink, 'x', {});
    assert.deepEqual([r.version, r.counts.edits], ['2030-Q2', 2]);
    assert.deepEqual(sink.only('ncci-addon').addon[1], { addon: '10010', primary: '10001', editType: 1 });
  });

  test('a row with an unknown edit type is an error naming the line', async () => {
    const csv = 'primary_code,add_on_code,aoc_edit_type\nCCCCC,10009,2\n10001,10010,7\n';
    await assert.rejects(addonImporter.run({ name: 'addon_codes_2030-04-01.csv', bytes: strToU8(csv) }, new CountingSink(), 'x', {}),
      (e: unknown) => e instanceof ImportError && e.line === 3);
  });
});
