import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { hcpcsImporters, hcpcsModifiersCsvImporter, hcpcsSpreadsheetImporter, hcpcsTextImporter } from '../../../../src/core/importers/hcpcs';
import { releaseFromName } from '../../../../src/core/importers/hcpcs/release';
import { headText } from '../../../../src/core/importers/text';
import { contentHead } from '../../../../src/core/importers/head';
import { ImportError, type ImportFile } from '../../../../src/core/importers/types';
import { CountingSink } from '../../../support/countingSinkOther';
import { buildXlsx, type Cell } from '../xlsx/buildXlsx';

const fixture = (name: string): ImportFile => ({ name, bytes: new Uint8Array(readFileSync(resolve(__dirname, '../../../fixtures/hcpcs', name))) });
const TXT = 'HCPC2030_APR_CONTR_ANWEB.txt';

const ANWEB_HEADER = ['HCPC', 'SEQNUM', 'RECID', 'LONG DESCRIPTION', 'SHORT DESCRIPTION', 'PRICE1', 'PRICE2', 'PRICE3', 'PRICE4', 'MULT_PI',
  'CIM1', 'CIM2', 'CIM3', 'MCM1', 'MCM2', 'MCM3', 'STATUTE', 'LABCERT1', 'LABCERT2', 'LABCERT3', 'LABCERT4', 'LABCERT5', 'LABCERT6', 'LABCERT7',
  'LABCERT8', 'XREF1', 'XREF2', 'XREF3', 'XREF4', 'XREF5', 'COV', 'ASC_GRP', 'ASC_DT', 'OPPS', 'OPPS_PI', 'OPPS_DT', 'PROCNOTE', 'BETOS',
  'TOS1', 'TOS2', 'TOS3', 'TOS4', 'TOS5', 'ANEST_BU', 'ADD DT', 'ACT EFF DT', 'TERM DT', 'ACTION CD'];

function anwebRow(code: string, seq: string, recid: string, long: string, short: string, add: string, eff: string, term: string, action: string): Cell[] {
  const row: Cell[] = ANWEB_HEADER.map(() => null);
  const set = (h: string, v: string): void => { row[ANWEB_HEADER.indexOf(h)] = v; };
  set('HCPC', code); set('SEQNUM', seq); set('RECID', recid); set('LONG DESCRIPTION', long); set('SHORT DESCRIPTION', short);
  set('ADD DT', add); set('ACT EFF DT', eff); set('TERM DT', term); set('ACTION CD', action); set('BETOS', 'D1F'); set('TOS1', 'P'); set('PRICE1', '34');
  return row;
}

describe('HCPCS contractor file (fixed width)', () => {
  test('is detected by its record shape, not by its name', () => {
    const f = fixture(TXT);
    assert.equal(hcpcsTextImporter.detect('renamed.dat', headText(f.bytes)), true);
    assert.equal(hcpcsTextImporter.detect(TXT, 'icd_code,icd_description\nA00,x\n'), false);
  });

  test('writes procedures and modifiers as two sets of the release named in the file name', async () => {
    const sink = new CountingSink();
    const result = await hcpcsTextImporter.run(fixture(TXT), sink, 'abc', {});
    assert.deepEqual(result.counts, { codes: 2, billable: 1, modifiers: 2 });
    assert.equal(result.version, '2030-Apr');
    const codes = sink.only('hcpcs');
    assert.equal(codes.meta.effectiveFrom, '2030-04-01');
    assert.equal(codes.meta.effectiveTo, '2030-06-30');
    assert.deepEqual(codes.meta.source, { name: TXT, sha256: 'abc', kind: 'hcpcs-txt', bytes: fixture(TXT).bytes.length });
    const [first, retired] = codes.codes;
    assert.equal(first!.longTitle, 'Sample supply item with a long description that goes on past one line of eighty characters and is continued here');
    assert.equal(first!.shortTitle, 'Sample supply item');
    assert.equal(first!.billable, true);
    assert.deepEqual(first!.extra, { addDate: '2030-01-01', effectiveDate: '2030-01-01', coverage: 'C', betos: 'D1F', actionCode: 'N', pricing: ['34'], tos: ['P'] });
    assert.equal(retired!.code, 'A9991');
    assert.equal(retired!.billable, false, 'terminated before the release starts');
    assert.equal(retired!.extra?.['terminationDate'], '2029-12-31');
    const mods = sink.only('modifier');
    assert.equal(mods.meta.version, '2030-Apr');
    assert.deepEqual(mods.codes.map((m) => [m.code, m.kind, m.longTitle]), [
      ['ZZ', 'modifier', 'Sample modifier with a description that also needs a second line to hold all of its words'],
      ['Q9', 'modifier', 'Sample short modifier'],
    ]);
  });

  test('options override the version and dates', async () => {
    const sink = new CountingSink();
    await hcpcsTextImporter.run(fixture(TXT), sink, 'x', { version: 'custom', effectiveFrom: '2030-05-01' });
    assert.equal(sink.only('hcpcs').meta.version, 'custom');
    assert.equal(sink.only('hcpcs').meta.effectiveFrom, '2030-05-01');
    assert.equal(sink.only('hcpcs').meta.effectiveTo, '2030-06-30');
  });

  test('without a year in the name the newest action-effective date gives the quarter', async () => {
    const sink = new CountingSink();
    const r = await hcpcsTextImporter.run({ ...fixture(TXT), name: 'contractor.txt' }, sink, 'x', {});
    assert.equal(r.version, '2030-Apr');
  });

  test('a line of another shape among the records is an error naming the line', async () => {
    await assert.rejects(hcpcsTextImporter.run(fixture('HCPC2030_APR_malformed.txt'), new CountingSink(), 'x', {}),
      (e: unknown) => e instanceof ImportError && e.line === 5 && /HCPC2030_APR_malformed\.txt, line 5/.test(e.message));
  });

  test('an empty file is an error naming the file', async () => {
    await assert.rejects(hcpcsTextImporter.run({ name: 'HCPC2030_JAN.txt', bytes: new Uint8Array(0) }, new CountingSink(), 'x', {}),
      (e: unknown) => e instanceof ImportError && /HCPC2030_JAN\.txt: no HCPCS records/.test(e.message));
  });
});

describe('HCPCS ANWEB spreadsheet', () => {
  const sheet = (): ImportFile => ({
    name: 'HCPC2031_JUL_ANWEB.xlsx',
    bytes: buildXlsx([
      ANWEB_HEADER,
      anwebRow('   ZZ', '0010', '7', 'Sample modifier', 'Sample modifier', '20300101', '20300101', '', 'N'),
      anwebRow('A9990', '0010', '3', 'Sample supply item', 'Sample supply', '20300101', '20310701', '', 'C'),
      anwebRow('A9990', '0020', '4', 'continued', '', '', '', '', ''),
      anwebRow('A9992', '0010', '3', 'Sample item ending this quarter', 'Sample item ending', '20300101', '20310701', '20310930', 'D'),
    ]),
  });

  test('is detected from its header row, or from the CMS name when only raw bytes are shown', () => {
    const f = sheet();
    assert.equal(hcpcsSpreadsheetImporter.detect('anything.xlsx', contentHead(f.name, f.bytes)), true);
    assert.equal(hcpcsSpreadsheetImporter.detect(f.name, headText(f.bytes)), true);
    assert.equal(hcpcsSpreadsheetImporter.detect('HCPC2031_Trans_Alpha.xlsx', headText(f.bytes)), false);
  });

  test('reads the same records as the text layout, with dates as ISO and continuation joined', async () => {
    const sink = new CountingSink();
    const r = await hcpcsSpreadsheetImporter.run(sheet(), sink, 'x', {});
    assert.equal(r.version, '2031-Jul');
    assert.deepEqual(r.counts, { codes: 2, billable: 2, modifiers: 1 });
    const [item, ending] = sink.only('hcpcs').codes;
    assert.equal(item!.longTitle, 'Sample supply item continued');
    assert.equal(item!.extra?.['effectiveDate'], '2031-07-01');
    assert.equal(ending!.billable, true, 'terminated at the end of this quarter: still in force during it');
    assert.equal(sink.only('modifier').codes[0]!.code, 'ZZ');
    assert.equal(sink.only('modifier').meta.effectiveTo, '2031-09-30');
  });

  test('a spreadsheet of another layout is an error naming the file and the expected header', async () => {
    const other = { name: 'HCPC2031_JUL_ANWEB.xlsx', bytes: buildXlsx([['Code', 'Title'], ['A1', 'x']]) };
    await assert.rejects(hcpcsSpreadsheetImporter.run(other, new CountingSink(), 'x', {}),
      (e: unknown) => e instanceof ImportError && /HCPC2031_JUL_ANWEB\.xlsx/.test(e.message) && /HCPC, SEQNUM, RECID/.test(e.message));
  });
});

describe('HCPCS modifiers CSV (derived)', () => {
  test('writes one modifier set versioned from the name', async () => {
    const f = fixture('hcpcs_level2_modifiers_2030-jul.csv');
    assert.deepEqual(hcpcsImporters.filter((i) => i.detect(f.name, headText(f.bytes))).map((i) => i.kind), ['hcpcs-modifiers-csv']);
    const sink = new CountingSink();
    const r = await hcpcsModifiersCsvImporter.run(f, sink, 'x', {});
    assert.equal(r.system, 'modifier');
    assert.equal(sink.sets.length, 1);
    const set = sink.only('modifier');
    assert.equal(set.meta.version, '2030-Jul');
    assert.deepEqual(set.codes.map((c) => [c.code, c.longTitle, c.billable]), [['ZZ', 'Sample modifier, invented for tests', true], ['Q9', 'Sample short modifier', true]]);
  });
});

describe('HCPCS release names', () => {
  test('quarterly and annual names', () => {
    assert.deepEqual(releaseFromName('HCPC2025_OCT_ANWEB.xlsx'), { version: '2025-Oct', effectiveFrom: '2025-10-01', effectiveTo: '2025-12-31' });
    assert.deepEqual(releaseFromName('2019-Alpha-Numeric-HCPCS-File.zip!HCPC2019_CONTR_ANWEB.txt'), { version: '2019', effectiveFrom: '2019-01-01', effectiveTo: '2019-12-31' });
    assert.equal(releaseFromName('hcpcs.txt'), undefined);
  });
});
