import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { strToU8, zipSync } from 'fflate';
import { expandZip, isZip } from '../../../../src/core/importers/zip';
import { ImportError } from '../../../../src/core/importers/types';
import { buildXlsx } from '../xlsx/buildXlsx';

const text = (b: Uint8Array): string => new TextDecoder().decode(b);

describe('zip archives', () => {
  test('members become files named archive.zip!member; folders and macOS forks are skipped', () => {
    const bytes = zipSync({ 'docs/': new Uint8Array(0), 'docs/a.txt': strToU8('A'), '__MACOSX/._a.txt': strToU8('junk'), 'b.csv': strToU8('B') });
    const files = expandZip({ name: 'release.zip', bytes });
    assert.deepEqual(files.map((f) => [f.name, text(f.bytes)]).sort(), [['release.zip!b.csv', 'B'], ['release.zip!docs/a.txt', 'A']]);
  });

  test('nested archives are expanded too', () => {
    const inner = zipSync({ 'c.txt': strToU8('C') });
    const outer = zipSync({ 'inner.zip': inner, 'top.txt': strToU8('T') }, { level: 0 });
    const names = expandZip({ name: 'outer.zip', bytes: outer }).map((f) => f.name).sort();
    assert.deepEqual(names, ['outer.zip!inner.zip!c.txt', 'outer.zip!top.txt']);
  });

  test('an .xlsx inside an archive stays one file', () => {
    const outer = zipSync({ 'HCPC2030_APR_ANWEB.xlsx': buildXlsx([['HCPC']]) });
    const files = expandZip({ name: 'hcpcs.zip', bytes: outer });
    assert.deepEqual(files.map((f) => f.name), ['hcpcs.zip!HCPC2030_APR_ANWEB.xlsx']);
  });

  test('a file that is not a zip comes back unchanged', () => {
    const file = { name: 'plain.txt', bytes: strToU8('hello') };
    assert.equal(isZip(file.bytes), false);
    assert.deepEqual(expandZip(file), [file]);
  });

  test('a truncated archive is an error naming the archive and saying what to do', () => {
    const bytes = zipSync({ 'a.txt': strToU8('A'.repeat(5000)), 'b.txt': strToU8('B'.repeat(5000)) });
    const cut = bytes.subarray(0, Math.floor(bytes.length / 2));
    assert.equal(isZip(cut), true);
    assert.throws(() => expandZip({ name: '2030-Alpha-Numeric-HCPCS-File.zip', bytes: cut }), (e: unknown) =>
      e instanceof ImportError && e.message.startsWith('2030-Alpha-Numeric-HCPCS-File.zip:') && /truncated or corrupt/.test(e.message) && /Download it again/.test(e.message));
  });

  test('an archive with no files is an error naming it', () => {
    const bytes = zipSync({});
    assert.throws(() => expandZip({ name: 'empty.zip', bytes }), (e: unknown) => e instanceof ImportError && /empty\.zip/.test(e.message) && /no files/.test(e.message));
  });
});
