// Look-alike letters from other scripts do not defeat negation: "Dеnies" with a Cyrillic "е",
// "nо" with a Cyrillic "о" and fullwidth letters are read as the cue they imitate.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { contextOf, parseNote } from '../../../src/core/note';
import { foldConfusables } from '../../../src/core/note/cueMatcher';

function negated(text: string, target: string): boolean | undefined {
  const note = parseNote(text);
  const start = text.indexOf(target);
  const span = { start, end: start + target.length };
  const sentence = note.sentences.find((s) => s.start <= span.start && span.end <= s.end)!;
  return contextOf(note, sentence, span).negated;
}

describe('confusable letters before cue matching', () => {
  test('Cyrillic and Greek look-alikes and fullwidth letters fold to Latin; ASCII is unchanged', () => {
    assert.equal(foldConfusables('d\u0435nies'), 'denies');
    assert.equal(foldConfusables('n\u03bf'), 'no');
    assert.equal(foldConfusables('\uff44\uff45\uff4e\uff49\uff45\uff53'), 'denies');
    assert.equal(foldConfusables('denies'), 'denies');
  });

  for (const [text, label] of [
    ['Patient D\u0435nies chest pain.', 'Cyrillic e in Denies'],
    ['Patient d\u0435ni\u0435s chest pain.', 'two Cyrillic e'],
    ['N\u043e chest pain.', 'Cyrillic o in No'],
    ['Patient \uff24\uff45\uff4e\uff49\uff45\uff53 chest pain.', 'fullwidth Denies'],
  ] as const) {
    test(`${label}: the finding is negated`, () => {
      assert.equal(negated(text, 'chest pain'), true);
    });
  }

  test('a word in another script that is not a look-alike of a cue does not negate', () => {
    assert.ok(!negated('Patient \u0434\u0430 chest pain.', 'chest pain'));
  });
});
