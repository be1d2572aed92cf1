import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluate, stripSeventhCharacter } from '../../../src/core/suggest/evaluate';
import { icdCategory, icdDisplay } from '../../../src/core/codes';

describe('eval metrics', () => {
  test('micro P/R/F1 of the returned set, MAP over the ranking', () => {
    const r = evaluate([
      // gold a,b; ranked a,x,b -> AP = (1/1 + 2/3)/2 = 0.8333
      { id: '1', gold: ['A01.1', 'B02.2'], ranked: ['A01.1', 'X99', 'B02.2'], returned: ['A01.1', 'X99'] },
      // gold c; nothing found -> AP 0
      { id: '2', gold: ['C03'], ranked: [], returned: [] },
    ], [1, 2]);
    assert.equal(r.code.truePositives, 1);
    assert.equal(r.code.falsePositives, 1);
    assert.equal(r.code.falseNegatives, 2);
    assert.equal(r.code.precision, 0.5);
    assert.equal(r.code.recall, 0.3333);
    assert.equal(r.code.f1, 0.4);
    assert.equal(r.code.map, 0.4167);
    assert.deepEqual(r.code.atK['1'], { precision: 0.5, recall: 0.25 });
  });
  test('category level compares the first three characters', () => {
    const r = evaluate([{ id: '1', gold: ['E11.9'], ranked: ['E11.22'], returned: ['E11.22'] }]);
    assert.equal(r.code.truePositives, 0);
    assert.equal(r.category.truePositives, 1);
  });
  test('a suggestion equal to a gold code once its 7th character is dropped counts (CodiEsp gold omits it)', () => {
    const docs = [{ id: '1', gold: ['T14.90'], ranked: ['T14.90XA'], returned: ['T14.90XA'] }];
    assert.equal(evaluate(docs).code.truePositives, 0);
    assert.equal(evaluate(docs, [1], stripSeventhCharacter).code.truePositives, 1);
  });
  test('code spellings are normalized', () => {
    assert.equal(icdDisplay('e1122'), 'E11.22');
    assert.equal(icdDisplay('I10'), 'I10');
    assert.equal(icdCategory('e11.22'), 'E11');
    assert.equal(stripSeventhCharacter('S52.501A'), 'S52.501');
    assert.equal(stripSeventhCharacter('E11.22'), undefined);
  });
});
