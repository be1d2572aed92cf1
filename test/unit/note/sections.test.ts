import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseNote, type NoteModel, type SectionKind } from '../../../src/core/note';

const kinds = (m: NoteModel): SectionKind[] => m.sections.map((s) => s.kind);
const sectionOf = (m: NoteModel, phrase: string): SectionKind | undefined => {
  const at = m.text.indexOf(phrase);
  return m.sentences.find((s) => s.start <= at && at < s.end)?.section;
};

describe('sections', () => {
  test('upper-case headings on their own line', () => {
    const text = [
      'CHIEF COMPLAINT', '', 'Cough.', '',
      'HISTORY OF PRESENT ILLNESS', '', 'Three days of cough. She denies fever.', '',
      'REVIEW OF SYSTEMS', '', '• Respiratory: Endorses cough.', '',
      'PAST MEDICAL HISTORY', 'Hypertension.', '',
      'FAMILY HISTORY', 'Mother with diabetes.', '',
      'SOCIAL HISTORY', 'Never smoker.', '',
      'MEDICATIONS', 'Lisinopril 10 mg daily.', '',
      'ALLERGIES', 'Penicillin.', '',
      'PHYSICAL EXAMINATION', 'Lungs clear.', '',
      'RESULTS', 'Chest x-ray normal.', '',
      'ASSESSMENT AND PLAN', '1. Acute bronchitis.', '2. Hypertension.',
    ].join('\n');
    const m = parseNote(text);
    assert.deepEqual(kinds(m), ['chiefComplaint', 'hpi', 'ros', 'pmh', 'familyHistory', 'socialHistory', 'medications',
      'allergies', 'exam', 'results', 'assessmentPlan']);
    assert.equal(m.sections[0]!.heading, 'CHIEF COMPLAINT');
    const hs = m.sections[0]!.headingSpan!;
    assert.equal(text.slice(hs.start, hs.end), 'CHIEF COMPLAINT');
    assert.equal(sectionOf(m, 'Mother with diabetes'), 'familyHistory');
    assert.equal(sectionOf(m, 'Acute bronchitis'), 'assessmentPlan');
    const items = m.sentences.filter((s) => s.section === 'assessmentPlan');
    assert.deepEqual(items.map((s) => [text.slice(s.start, s.end), s.listItem]), [['Acute bronchitis.', true], ['Hypertension.', true]]);
    assert.ok(m.sentences.every((s) => !text.slice(s.start, s.end).includes('HISTORY OF PRESENT')), 'headings are not sentences');
  });

  test('abbreviations with a colon and the text on the same line', () => {
    const text = 'CC: knee pain\nHPI: 3 days.\nPMH: HTN\nPSH: appendectomy\nFH: father with CAD\nSH: no tobacco\nROS: negative\nA/P: knee sprain\nA&P: see above\nDx: sprain\nPE: swelling';
    const m = parseNote(text);
    assert.deepEqual(kinds(m), ['chiefComplaint', 'hpi', 'pmh', 'psh', 'familyHistory', 'socialHistory', 'ros', 'assessmentPlan', 'assessmentPlan', 'diagnoses', 'exam']);
    assert.equal(sectionOf(m, 'knee pain'), 'chiefComplaint');
    assert.equal(sectionOf(m, 'father with CAD'), 'familyHistory');
  });

  test('title case headings, with or without a colon', () => {
    const m = parseNote('Chief Complaint: Headache\n\nHistory of Present Illness\nShe has a headache.\n\nAssessment\nMigraine.\n\nPlan:\nSumatriptan.');
    assert.deepEqual(kinds(m), ['chiefComplaint', 'hpi', 'assessment', 'plan']);
    assert.equal(sectionOf(m, 'Sumatriptan'), 'plan');
  });

  test('MTSamples style: headings inline after ",", words ending in ":" that are exam labels stay text', () => {
    const text = 'SUBJECTIVE:,  This 40-year-old man has a rash.,MEDICATIONS: , None.,OBJECTIVE:,HEENT:  Normal.,Skin:  Rash on arm.,ASSESSMENT:,  Contact dermatitis.,PLAN:,1.  Hydrocortisone cream.,2.  Return in one week.';
    const m = parseNote(text);
    assert.deepEqual(kinds(m), ['hpi', 'medications', 'exam', 'assessment', 'plan']);
    assert.equal(sectionOf(m, 'HEENT'), 'exam');
    assert.equal(sectionOf(m, 'Contact dermatitis'), 'assessment');
    const plan = m.sentences.filter((s) => s.section === 'plan');
    assert.deepEqual(plan.map((s) => text.slice(s.start, s.end)), ['Hydrocortisone cream.', 'Return in one week.']);
    assert.ok(plan.every((s) => s.listItem));
  });

  test('keyword headings: PREOPERATIVE DIAGNOSIS, PROCEDURE IN DETAIL', () => {
    const m = parseNote('PREOPERATIVE DIAGNOSIS: , Right inguinal hernia. ,PROCEDURE PERFORMED:,  Hernia repair. ,ANESTHESIA:,  General.');
    assert.deepEqual(kinds(m), ['diagnoses', 'procedures', 'other']);
  });

  test('lines that look like headings but are not: a diagnosis in capitals, vitals labels, ROS bullets', () => {
    const m = parseNote('ASSESSMENT\n\nCOPD.\nHIV\nBP: 120/80.\n• Cardiovascular: Denies chest pain.');
    assert.deepEqual(kinds(m), ['assessment']);
    assert.equal(m.sentences.length, 4);
  });

  test('a note without headings is one "other" section; text before the first heading too', () => {
    const cr = parseNote('A 54-year-old man presented with chest pain. He was treated.');
    assert.deepEqual(kinds(cr), ['other']);
    assert.equal(cr.sentences.length, 2);
    const pre = parseNote('Seen in clinic today.\nPLAN: rest');
    assert.deepEqual(kinds(pre), ['other', 'plan']);
    assert.equal(pre.sections[0]!.heading, '');
  });

  test('sections are ordered, contiguous and cover the note from the first heading', () => {
    const m = parseNote('Intro.\nHPI: a\nPLAN: b\n');
    for (let i = 1; i < m.sections.length; i++) assert.equal(m.sections[i]!.start, m.sections[i - 1]!.end);
    assert.equal(m.sections[m.sections.length - 1]!.end, m.text.length);
  });
});

describe('sentences and list items', () => {
  test('sentence ends, abbreviations and decimals', () => {
    const text = 'Dr. Smith saw Ms. Jones today. Temp 98.6 F. She is well! Is she? Yes, e.g. she walks.';
    const m = parseNote(text);
    assert.deepEqual(m.sentences.map((s) => text.slice(s.start, s.end)),
      ['Dr. Smith saw Ms. Jones today.', 'Temp 98.6 F.', 'She is well!', 'Is she?', 'Yes, e.g. she walks.']);
  });

  test('bullets and numbers start list items; wrapped lowercase lines continue them', () => {
    const text = 'Plan:\n1. Start metformin 500 mg\n   twice daily.\n2) Recheck A1c.\n- Diet counselling\n* Exercise\n• Follow up\nNot a list item.';
    const m = parseNote(text);
    assert.deepEqual(m.sentences.map((s) => [text.slice(s.start, s.end), s.listItem]), [
      ['Start metformin 500 mg\n   twice daily.', true], ['Recheck A1c.', true], ['Diet counselling', true],
      ['Exercise', true], ['Follow up', true], ['Not a list item.', false],
    ]);
  });

  test('a blank line or a new capitalised line ends a sentence without punctuation', () => {
    const m = parseNote('Hypertension\nDiabetes mellitus type 2\n\nasthma');
    assert.equal(m.sentences.length, 3);
  });

  test('tokens: words, digits and single punctuation marks, lower-cased and accent-folded', () => {
    const m = parseNote("S/p Ménière's, 3a.");
    assert.deepEqual(m.sentences[0]!.tokens.map((t) => t.norm), ['s', '/', 'p', 'meniere', "'", 's', ',', '3a', '.']);
  });
});

describe('lookup by offset', () => {
  test('sentenceAt and sectionAt find what holds an offset, and nothing between sentences', async () => {
    const { sentenceAt, sectionAt } = await import('../../../src/core/note');
    const text = 'HPI: She has a cough.  It is dry.\nPLAN: Rest.';
    const m = parseNote(text);
    assert.equal(text.slice(sentenceAt(m, text.indexOf('dry'))!.start, sentenceAt(m, text.indexOf('dry'))!.end), 'It is dry.');
    assert.equal(sentenceAt(m, text.indexOf('.  It') + 2), undefined);
    assert.equal(sectionAt(m, text.indexOf('Rest'))!.kind, 'plan');
    assert.equal(sectionAt(m, text.indexOf('cough'))!.kind, 'hpi');
  });
});
