// A database the caller hands over is read by sql.js in place: opening it makes no copy of its
// bytes (a 50 MB database is held once), and the index answers as from a copy. If a new sql.js
// stops taking the bytes this way, the first test says so (the index still works, with a copy).
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { handOver } from '../../../src/core/codeset/handOver';
import { openCodesetIndex } from '../../../src/core/codeset/index';
import { fixtureIndex, icd, sqlJs } from '../../support/fixtureIndex';

const SET = {
  system: 'icd10cm' as const, version: 'FY2024', effectiveFrom: '2023-10-01', effectiveTo: '2024-09-30',
  codes: [icd('J18.9', 'Pneumonia, unspecified organism'), icd('J45.909', 'Unspecified asthma, uncomplicated')],
};

describe('handing the database bytes over to sql.js', () => {
  test('sql.js reads the handed-over bytes in place: no copy is made', async () => {
    const SQL = await sqlJs();
    const bytes = (await fixtureIndex([SET])).db.export();
    const copies: number[] = [];
    const realSlice = Uint8Array.prototype.slice;
    Uint8Array.prototype.slice = function (this: Uint8Array, start?: number, end?: number) {
      if (this.buffer === bytes.buffer) copies.push(this.length);
      return realSlice.call(this, start, end);
    };
    try {
      const index = openCodesetIndex(SQL, bytes, { handOver: true });
      assert.deepEqual(copies, [], 'the handed-over bytes were copied');
      assert.equal(index.lookup('J18.9')?.title, 'Pneumonia, unspecified organism');
      index.close();
      openCodesetIndex(SQL, bytes).close();
      assert.ok(copies.length > 0, 'bytes not handed over are copied (so this test sees a copy when one is made)');
    } finally {
      Uint8Array.prototype.slice = realSlice;
    }
  });

  test('a part of the handed-over bytes is still an ordinary copy', () => {
    const bytes = new Uint8Array([1, 2, 3, 4]);
    const view = handOver(bytes);
    assert.equal(view.slice(), view);
    assert.equal(view.slice(0, 4), view);
    const part = view.slice(1, 3);
    assert.notEqual(part.buffer, bytes.buffer);
    assert.deepEqual([...part], [2, 3]);
  });
});
