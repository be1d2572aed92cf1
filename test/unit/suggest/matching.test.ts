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
  test('Latin and Greek plurals meet their singular', () => {
    for (const [plural, singular] of [['paresthesias', 'paresthesia'], ['hematomas', 'hematoma'], ['vertebrae', 'vertebra'], ['varices', 'varix'], ['calculi', 'calculus'], ['streptococci', 'streptococcus'], ['prostheses', 'prosthesis']]) {
      assert.equal(stem(plural!), stem(singular!), plural);
    }
    assert.notEqual(stem('diseases'), 'diseasis');
    // Species names are not the disease: Klebsiella pneumoniae, Haemophilus influenzae.
    assert.notEqual(stem('pneumoniae'), stem('pneumonia'));
    assert.notEqual(stem('influenzae'), stem('influenza'));
  });
  test('British spellings meet the US titles, other words stay as they are', () => {
    for (const [british, us] of [['anaemia', 'anemia'], ['oedema', 'edema'], ['paraesthesias', 'paresthesia'], ['diarrhoea', 'diarrhea'], ['haemorrhage', 'hemorrhage'], ['tumours', 'tumor'], ['oesophagus', 'esophagus']]) {
      assert.equal(stem(british!), stem(us!), british);
    }
    for (const w of ['aeruginosa', 'toe', 'hour', 'four', 'poem']) assert.equal(stem(w), w);
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
  test('a term is not read across two findings: "sore throat and fever" is no cold sore', async () => {
    const found = await codes('Sore throat and fever for 3 days.', { setting: 'inpatient' });
    assert.ok(found.includes('J02.9') && found.includes('R50.9'), found.join(', '));
    assert.ok(!found.includes('B00.1'), found.join(', '));
    const ranked = await suggest('Sore throat and fever for 3 days.', { setting: 'inpatient', threshold: 0.1 });
    assert.ok(ranked.findIndex((s) => s.code === 'B00.1') > ranked.findIndex((s) => s.code === 'R50.9'), 'the crossed reading ranks last');
    assert.ok((await codes('He has a fever sore on the lip.', { setting: 'inpatient' })).includes('B00.1'));
  });
  test('words inside a longer term stay below the default threshold however often they repeat', async () => {
    const text = 'Chronic kidney disease stage 3b. CKD stage 3b, chronic kidney disease followed by nephrology.';
    const all = await suggest(text, { threshold: 0.1 });
    assert.ok(all.some((s) => s.code === 'N18.32' && s.score >= 0.35));
    const n189 = all.find((s) => s.code === 'N18.9');
    assert.ok(!n189 || n189.score < 0.35, `N18.9 scored ${n189?.score}`);
  });
  test('an organism named in a culture is not the disease of its species name', async () => {
    const found = await codes('Sputum culture grew Klebsiella pneumoniae.', { setting: 'inpatient', threshold: 0.1 });
    assert.ok(!found.includes('J18.9'), found.join(', '));
  });
  test('a British plural in the note matches the US index term', async () => {
    assert.ok((await codes('Severe anaemias were documented.')).includes('D64.9'));
  });
  test('a long-term drug is coded, below the condition it treats', async () => {
    const found = await codes('Atrial fibrillation, on warfarin.', { threshold: 0.1 });
    assert.ok(found.includes('Z79.01'), found.join(', '));
    assert.ok(found.indexOf('I48.91') < found.indexOf('Z79.01'), found.join(', '));
    for (const stopped of ['Atrial fibrillation, warfarin was stopped.', 'Atrial fibrillation. Warfarin was discontinued.', 'Atrial fibrillation. No warfarin.']) {
      assert.ok(!(await codes(stopped, { threshold: 0.1 })).includes('Z79.01'), stopped);
    }
  });
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

describe('evidence', () => {
  test('words inside another code\'s longer term are not shown as evidence of a code that has its own', async () => {
    const text = 'Pneumonia on admission.\nLater, aspiration pneumonia.';
    const j189 = (await suggest(text, { setting: 'inpatient' })).find((s) => s.code === 'J18.9');
    assert.ok(j189, 'J18.9 is suggested');
    const secondLine = text.indexOf('\n');
    assert.ok(j189.evidence.every((e) => e.end <= secondLine), JSON.stringify(j189.evidence));
  });
});
