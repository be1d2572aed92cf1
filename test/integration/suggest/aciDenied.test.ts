// On the 207 ACI-Bench notes, no suggestion may rest only on denied findings: for every
// ICD-10-CM suggestion, at least one evidence span must read as not negated in its sentence.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { SqlCodesetIndex } from '../../../src/core/codeset/index';
import { contextOf, parseNote } from '../../../src/core/note/index';
import { analyzeNote } from '../../../src/core/suggest/analyze';
import { ALL_THRESHOLD } from '../../../src/core/suggest/types';
import { aciNotes } from '../../../bench/analyze';
import { loadRealIndex } from '../../support/realIndex';
import { skipUnlessShared } from '../../support/shared';

const skip = skipUnlessShared('codesets/icd10cm/fy2025/ICD10CM_2025_Index.csv', 'corpora/aci-bench/challenge_data/train.csv');

describe('ACI-Bench: no suggestion rests only on a denied finding', { skip }, () => {
  let index: SqlCodesetIndex;
  before(async () => { index = await loadRealIndex(); });
  test('every suggestion (down to the --all threshold) has affirmed evidence', () => {
    const notes = aciNotes();
    assert.equal(notes.length, 207);
    const offenders: string[] = [];
    let checked = 0;
    notes.forEach((text, n) => {
      const note = parseNote(text);
      for (const s of analyzeNote(index, text, { threshold: ALL_THRESHOLD }).suggestions) {
        if (s.system !== 'icd10cm') continue;
        checked++;
        const affirmed = s.evidence.some((e) => {
          const sentence = note.sentences.find((x) => x.start <= e.start && e.end <= x.end);
          return !sentence || !contextOf(note, sentence, e).negated;
        });
        if (!affirmed) offenders.push(`note ${n}: ${s.code} on ${s.evidence.map((e) => `"${e.text}"`).join(' ')}`);
      }
    });
    assert.ok(checked > 1000, `only ${checked} suggestions checked`);
    assert.deepEqual(offenders, []);
  });
});
