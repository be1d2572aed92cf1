// CSV as the release files write it: one reader for single lines (tables of text or xlsx-like
// rows) and for whole files whose quoted fields run over line breaks.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'fflate';
import { csvRecords, splitRecord } from '../../../src/core/importers/text';
import { tableRows } from '../../../src/core/importers/tableRows';

const records = (text: string, separator = ',') => [...csvRecords(new TextEncoder().encode(text), separator)];
const table = (bytes: Uint8Array) => [...tableRows({ name: 'table.txt', bytes })];
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('CSV', () => {
  test('quoted fields keep separators and doubled quotes; a quote may open after spaces', () => {
    assert.deepEqual(splitRecord('A0425,"Ground mileage, per statute mile",1', ','), ['A0425', 'Ground mileage, per statute mile', '1']);
    assert.deepEqual(splitRecord('X1,"He said ""no""",2', ','), ['X1', 'He said "no"', '2']);
    assert.deepEqual(splitRecord('X1,  "a,b"', ','), ['X1', 'a,b']);
    assert.deepEqual(splitRecord('plain,fields,only', ','), ['plain', 'fields', 'only']);
    assert.deepEqual(splitRecord('tab\t"separated\tquoted"', '\t'), ['tab', 'separated\tquoted']);
  });

  test('a quote left open ends with the line in a table, with the file in a CSV file', () => {
    assert.deepEqual(splitRecord('X1,"never closed, still one field', ','), ['X1', 'never closed, still one field']);
    assert.deepEqual(records('X1,"open\nto the end'), [[['X1', 'open\nto the end'], 1]]);
  });

  test('records run over line breaks inside quotes and keep their first line number', () => {
    const text = 'code,title\n\nE11.9,"Type 2 diabetes,\nwithout complications"\nJ18.9,Pneumonia\n';
    assert.deepEqual(records(text), [
      [['code', 'title'], 1],
      [['E11.9', 'Type 2 diabetes,\nwithout complications'], 3],
      [['J18.9', 'Pneumonia'], 5],
    ]);
  });

  test('blank and white-space-only lines between records are skipped', () => {
    assert.deepEqual(records('a,b\n   \nc,d\n'), [[['a', 'b'], 1], [['c', 'd'], 3]]);
  });

  test('tables read the same CSV: quoted fields over line breaks, in plain and gzipped text', () => {
    const text = 'Title line\ncode\tdescription\nA0425\t"Ground mileage,\tper\nstatute mile"\nA0426\tALS\n';
    const expected = [[['Title line'], 1], [['code', 'description'], 2], [['A0425', 'Ground mileage,\tper\nstatute mile'], 3], [['A0426', 'ALS'], 5]];
    assert.deepEqual(table(utf8(text)), expected);
    assert.deepEqual(table(gzipSync(utf8(text))), expected);
  });

  test('gzipped tables take \\r line breaks as plain text does (the gzip line splitter took only \\n)', () => {
    const text = 'col1,col2\r11111,22222\r\n33333,44444';
    const expected = [[['col1', 'col2'], 1], [['11111', '22222'], 2], [['33333', '44444'], 3]];
    assert.deepEqual(table(utf8(text)), expected);
    assert.deepEqual(table(gzipSync(utf8(text))), expected);
  });
});
