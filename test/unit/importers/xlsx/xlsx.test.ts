import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { strToU8, zipSync } from 'fflate';
import { columnIndex, xlsxRows } from '../../../../src/core/importers/xlsx';
import { ImportError } from '../../../../src/core/importers/types';
import { isXlsx } from '../../../../src/core/importers/zip';
import { contentHead } from '../../../../src/core/importers/head';
import { buildXlsx } from './buildXlsx';

const rowsOf = (bytes: Uint8Array): [string[], number][] => [...xlsxRows({ name: 'book.xlsx', bytes })];

describe('xlsx reader', () => {
  test('reads shared strings and numbers, filling gaps between cell references with empty strings', () => {
    const bytes = buildXlsx([['Code', null, 'Title'], ['A1', 7, null, 'x & <y>']]);
    assert.deepEqual(rowsOf(bytes), [
      [['Code', '', 'Title'], 1],
      [['A1', '7', '', 'x & <y>'], 2],
    ]);
  });

  test('reads inline strings and keeps sheet row numbers across missing rows', () => {
    const bytes = buildXlsx([['first'], [null], ['third']], { inline: true, firstRow: 5 });
    assert.deepEqual(rowsOf(bytes), [[['first'], 5], [['third'], 7]]);
  });

  test('finds the first sheet through the workbook relationships', () => {
    const bytes = buildXlsx([['here']], { sheetPath: 'worksheets/data.xml' });
    assert.deepEqual(rowsOf(bytes), [[['here'], 1]]);
  });

  test('joins rich-text runs of a shared string and skips phonetic hints', () => {
    const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
    const bytes = zipSync({
      'xl/workbook.xml': strToU8(`<workbook xmlns="${ns}"><sheets><sheet name="S" sheetId="1"/></sheets></workbook>`),
      'xl/sharedStrings.xml': strToU8(`<sst xmlns="${ns}"><si><r><t>Bold</t></r><r><t xml:space="preserve"> part</t></r><rPh><t>hint</t></rPh></si></sst>`),
      'xl/worksheets/sheet1.xml': strToU8(`<worksheet xmlns="${ns}"><sheetData><row r="1"><c r="B1" t="s"><v>0</v></c></row></sheetData></worksheet>`),
    });
    assert.deepEqual(rowsOf(bytes), [[['', 'Bold part'], 1]]);
  });

  test('column letters map to 0-based indexes', () => {
    assert.equal(columnIndex('A1'), 0);
    assert.equal(columnIndex('Z9'), 25);
    assert.equal(columnIndex('AA10'), 26);
    assert.equal(columnIndex('AV1'), 47);
  });

  test('a zip that is not a spreadsheet is an error naming the file', () => {
    const bytes = zipSync({ 'notes.txt': strToU8('hello') });
    assert.equal(isXlsx(bytes), false);
    assert.throws(() => rowsOf(bytes), (e: unknown) => e instanceof ImportError && /book\.xlsx/.test(e.message) && /not an \.xlsx/.test(e.message));
  });

  test('a worksheet cut short is an error naming the file', () => {
    const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
    const bytes = zipSync({
      'xl/workbook.xml': strToU8(`<workbook xmlns="${ns}"/>`),
      'xl/worksheets/sheet1.xml': strToU8(`<worksheet xmlns="${ns}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>a</t>`),
    });
    assert.throws(() => rowsOf(bytes), (e: unknown) => e instanceof ImportError && /book\.xlsx/.test(e.message) && /well-formed/.test(e.message));
  });

  test('contentHead shows the first rows of a spreadsheet as tab-separated text', () => {
    const bytes = buildXlsx([['HCPC', 'SEQNUM', 'RECID'], ['A9990', '0010', '3']]);
    assert.equal(isXlsx(bytes), true);
    assert.equal(contentHead('book.xlsx', bytes), 'HCPC\tSEQNUM\tRECID\nA9990\t0010\t3');
  });
});
