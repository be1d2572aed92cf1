import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { dictionaryFor } from '../../../src/core/suggest/dictionary';
import { phraseKeys, stem } from '../../../src/core/suggest/terms';
import { suggestFixtureIndex } from './fixture';
import { codes, suggest } from './helpers';

describe('term keys', () => {
  test('plurals fold, derivations stay distinct', () => {
    assert.equal(stem('ulcers'), 'ulcer');
    assert.equal(stem('arteries'), 'artery');
    assert.equal(stem('metastases'), 'metastasis');
    assert.notEqual(stem('nephritis'), stem('nephric'));
    assert.equal(stem('diabetes'), stem('diabetes'));
  });
  test('stop words and nonessential words drop out of a phrase', () => {
    assert.deepEqual(phraseKeys('Pain in the chest'), ['pain', 'chest']);
  });
});

describe('dictionary', () => {
  test('each term is filed under its rarest word only', async () => {
    const d = dictionaryFor(await suggestFixtureIndex());
    const aspiration = [...d.terms()].findIndex((t) => t.code === 'J690' && t.source === 'index');
    assert.ok(aspiration >= 0);
    const filedUnder = d.keyNames.filter((k) => {
      const a = d.anchorOf(k);
      if (a < 0) return false;
      const filed = [...d.singles.subarray(d.singleStart[a], d.singleStart[a + 1])];
      for (let g = d.groupStart[a]!; g < d.groupStart[a + 1]!; g++) filed.push(...d.members.subarray(d.memberStart[g], d.memberStart[g + 1]));
      return filed.includes(aspiration);
    });
    assert.deepEqual(filedUnder, ['aspiration']);
    const a = d.anchorOf('aspiration');
    const seconds = [];
    for (let g = d.groupStart[a]!; g < d.groupStart[a + 1]!; g++) seconds.push(d.keyNames[d.groupSecond[g]!]);
    assert.deepEqual(seconds, ['pneumonia']);
    assert.equal(d.groupOf(a, 'pneumonia'), d.groupStart[a]);
    assert.equal(d.groupOf(a, 'fracture'), -1);
  });
  test('is built once per index', async () => {
    const index = await suggestFixtureIndex();
    assert.equal(dictionaryFor(index), dictionaryFor(index));
  });
});

describe('matching', () => {
  test('words may be discontinuous and in any order within the sentence', async () => {
    assert.ok((await codes('Pneumonia, likely due to aspiration of gastric contents.')).includes('J69.0'));
  });
  test('the longer, more specific term wins over the words inside it', async () => {
    const found = await codes('Aspiration pneumonia.');
    assert.ok(found.includes('J69.0'));
    assert.ok(!found.includes('J18.9'));
  });
  test('abbreviations from our lexicon match', async () => {
    const found = await codes('Assessment: afib, GERD and COPD.');
    for (const c of ['I48.91', 'K21.9', 'J44.9']) assert.ok(found.includes(c), `${c} in ${found}`);
  });
  test('capital-only abbreviations do not fire on ordinary words', async () => {
    assert.ok(!(await codes('Follow up with mi amigo.')).includes('I21.9'));
    assert.ok((await codes('Assessment: acute MI.')).includes('I21.9'));
  });
  test('words too far apart in a long sentence do not make a term', async () => {
    const far = 'Aspiration of the knee joint was performed by the team and later that week, after many other things happened, pneumonia.';
    assert.ok(!(await codes(far)).includes('J69.0'));
  });
  test('every evidence span is the exact text of the note', async () => {
    const text = 'Assessment:\r\n\tHTN and aspiration pneumonia.\r\n';
    for (const s of await suggest(text)) for (const e of s.evidence) assert.equal(text.slice(e.start, e.end), e.text);
  });
  test('reason names the index path that produced the code', async () => {
    const s = (await suggest('Aspiration pneumonia.')).find((x) => x.code === 'J69.0')!;
    assert.match(s.reason, /Pneumonia > aspiration/);
  });
});
