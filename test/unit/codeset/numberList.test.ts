// The growable number lists of the search index and the text pools.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ByteList, IntList, U32List } from '../../../src/core/codeset/numberList';

test('number lists grow past their capacity, keep their kind and release the slack', () => {
  const ints = new IntList(1);
  for (let i = 0; i < 40; i++) ints.push(i - 20);
  assert.equal(ints.length, 40);
  assert.ok(ints.data instanceof Int32Array);
  assert.deepEqual([...ints.used()].slice(0, 3), [-20, -19, -18]);
  ints.trim();
  assert.equal(ints.data.length, 40);

  const bytes = new ByteList(2);
  for (const v of [1, 2, 255]) bytes.push(v);
  assert.deepEqual([...bytes.used()], [1, 2, 255]);
  assert.ok(bytes.used() instanceof Uint8Array);

  const u32 = new U32List(1);
  u32.push(2 ** 32 - 1);
  u32.push(7);
  assert.deepEqual([...u32.trimmed()], [2 ** 32 - 1, 7]);
});

test('of() takes an array as the content without copying it', () => {
  const data = new Int32Array([5, 6, 7]);
  const list = IntList.of(data);
  assert.equal(list.length, 3);
  assert.equal(list.data, data);
  list.push(8);
  assert.deepEqual([...list.used()], [5, 6, 7, 8]);
  assert.deepEqual([...ByteList.of(new Uint8Array([9])).used()], [9]);
});
