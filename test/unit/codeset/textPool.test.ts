// Strings kept as UTF-8 in one buffer: what goes in comes back, whether built here or read from
// saved lines, and strings added after reading saved lines never run into the last saved one.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { LineTable, TextPool } from '../../../src/core/codeset/textPool';

const all = (t: LineTable): string[] => Array.from({ length: t.length }, (_, i) => t.get(i));

describe('LineTable', () => {
  test('gives back what was pushed, ASCII or not, and its lines are the saved-file form', () => {
    const t = new LineTable();
    const values = ['E1122', 'J18.9', '', 'Ménière', 'A0425', 'x'.repeat(5000)];
    values.forEach((v, i) => assert.equal(t.push(v), i));
    assert.deepEqual(all(t), values);
    t.trim();
    assert.deepEqual(all(t), values);
    assert.equal(new TextDecoder().decode(t.lines()), values.join('\n'));
  });

  test('reads saved lines in place, and strings pushed afterwards stay separate', () => {
    const saved = new TextEncoder().encode(['E1122', 'J189', 'Z794'].join('\n'));
    const t = LineTable.fromLines(saved, 3);
    assert.deepEqual(all(t), ['E1122', 'J189', 'Z794']);
    assert.equal(t.push('R05'), 3);
    assert.equal(t.push('M545'), 4);
    assert.deepEqual(all(t), ['E1122', 'J189', 'Z794', 'R05', 'M545']);
    assert.equal(new TextDecoder().decode(t.lines()), 'E1122\nJ189\nZ794\nR05\nM545');
    assert.deepEqual([...saved], [...new TextEncoder().encode('E1122\nJ189\nZ794')], 'the saved bytes are not written into');
  });

  test('an empty buffer is no strings or one empty string, as the count says', () => {
    assert.equal(LineTable.fromLines(new Uint8Array(0), 0).length, 0);
    const one = LineTable.fromLines(new Uint8Array(0), 1);
    assert.deepEqual(all(one), ['']);
    one.push('A');
    assert.deepEqual(all(one), ['', 'A']);
    const none = LineTable.fromLines(new Uint8Array(0), 0);
    none.push('A');
    assert.deepEqual(all(none), ['A']);
  });
});

describe('TextPool', () => {
  test('gives back what was added, before and after sealing and through its parts', () => {
    const p = new TextPool();
    const texts = ['index: Diabetes, type 2', '', 'Ménière disease'];
    const ids = texts.map((t) => p.add(t));
    assert.deepEqual(ids.map((i) => p.get(i)), texts);
    p.seal();
    const { bytes, ends } = p.toParts();
    const back = TextPool.fromParts(bytes, ends);
    assert.deepEqual(ids.map((i) => back.get(i)), texts);
    assert.equal(back.size, 3);
  });
});
