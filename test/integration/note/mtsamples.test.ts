// MTSamples (4,999 transcribed reports, read by path from ../shared): odd formatting and long notes
// parse without error, spans stay in bounds, and the inline "HEADING:," style is recognised.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseNote } from '../../../src/core/note';
import { sharedPath, skipUnlessShared } from '../../support/shared';
import { readCsv } from './csv';

const FILE = 'corpora/mtsamples/mtsamples_full.csv';

describe('MTSamples reports', { skip: skipUnlessShared(FILE) }, () => {
  test('every report parses with exact token offsets; most have sections', () => {
    const notes = readCsv(readFileSync(sharedPath(FILE), 'utf8')).map((r) => r.transcription ?? '').filter((t) => t.length > 0);
    assert.ok(notes.length > 4900, `${notes.length} reports read`);
    let withHeadings = 0;
    let withDiagnosisOrAssessment = 0;
    for (const text of notes) {
      const m = parseNote(text);
      let prev = 0;
      for (const s of m.sentences) {
        assert.ok(prev <= s.start && s.start < s.end && s.end <= text.length);
        prev = s.end;
        for (const t of s.tokens) assert.equal(text.slice(t.start, t.end), t.text);
      }
      if (m.sections.some((s) => s.heading !== '')) withHeadings++;
      if (m.sections.some((s) => ['assessment', 'plan', 'assessmentPlan', 'diagnoses'].includes(s.kind))) withDiagnosisOrAssessment++;
    }
    console.log(`MTSamples: ${notes.length} reports, ${withHeadings} with headings, ${withDiagnosisOrAssessment} with a diagnosis/assessment/plan section`);
    // Measured 2026-11-30: 4,669 and 3,784 of 4,999 (letters, op notes and radiology reports often have neither).
    assert.ok(withHeadings >= 0.9 * notes.length);
    assert.ok(withDiagnosisOrAssessment >= 0.7 * notes.length);
  });
});
