import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { chunkBounds } from '../../../src/extension/noteAnalysis';
import { withSeventhCharacter } from '../../../src/extension/specificCodes';

describe('long notes are analyzed in pieces', () => {
  test('pieces cover the text exactly, in order, and end at paragraph or line breaks', () => {
    const para = 'Assessment: essential hypertension.\nPlan: continue lisinopril.\n\n';
    const text = para.repeat(500);
    const bounds = chunkBounds(text, 1000);
    assert.equal(bounds[0]!.start, 0);
    assert.equal(bounds.at(-1)!.end, text.length);
    for (let i = 1; i < bounds.length; i++) assert.equal(bounds[i]!.start, bounds[i - 1]!.end);
    for (const b of bounds.slice(0, -1)) assert.equal(text.slice(b.end - 2, b.end), '\n\n');
    assert.ok(bounds.every((b) => b.end - b.start <= 1000));
  });

  test('a text without line breaks is still cut into pieces', () => {
    const bounds = chunkBounds('x'.repeat(2500), 1000);
    assert.deepEqual(bounds, [{ start: 0, end: 1000 }, { start: 1000, end: 2000 }, { start: 2000, end: 2500 }]);
  });
});

describe('7th character', () => {
  test('placeholder X fills short codes to six characters', () => {
    assert.equal(withSeventhCharacter('S52.5', 'a'), 'S52.5XXA');
    assert.equal(withSeventhCharacter('T36.0X1', 'D'), 'T36.0X1D');
    assert.equal(withSeventhCharacter('S72.001', 'A'), 'S72.001A');
  });
});
