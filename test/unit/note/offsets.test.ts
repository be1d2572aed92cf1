import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { contextOf, attributes, parseNote, type NoteModel } from '../../../src/core/note';

/** Every span lies in bounds, in order, and every token's text is exactly the text it points at. */
function assertConsistent(m: NoteModel): void {
  const n = m.text.length;
  let prevSection = 0;
  for (const s of m.sections) {
    assert.ok(s.start >= prevSection && s.start <= s.end && s.end <= n, `section ${s.start}-${s.end}`);
    if (s.headingSpan) assert.ok(s.headingSpan.start >= s.start && s.headingSpan.end <= s.end);
    prevSection = s.end;
  }
  let prevSentence = 0;
  for (const s of m.sentences) {
    assert.ok(s.start >= prevSentence && s.start < s.end && s.end <= n, `sentence ${s.start}-${s.end} after ${prevSentence}`);
    prevSentence = s.end;
    let prevToken = s.start;
    for (const t of s.tokens) {
      assert.ok(t.start >= prevToken && t.start < t.end && t.end <= s.end, `token ${t.start}-${t.end}`);
      assert.equal(m.text.slice(t.start, t.end), t.text);
      prevToken = t.end;
    }
  }
}

describe('offsets into the original text', () => {
  test('CRLF line endings, tabs and non-breaking spaces', () => {
    const text = 'HPI:\r\n\tShe denies\tfever.\r\n\r\nPLAN:\r\n1.\tRest\u00a0and fluids.\r\n';
    const m = parseNote(text);
    assertConsistent(m);
    assert.deepEqual(m.sections.map((s) => s.kind), ['hpi', 'plan']);
    assert.deepEqual(m.sentences.map((s) => text.slice(s.start, s.end)), ['She denies\tfever.', 'Rest\u00a0and fluids.']);
    assert.equal(m.sentences[1]!.listItem, true);
    const fever = m.sentences[0]!.tokens.find((t) => t.norm === 'fever')!;
    assert.equal(fever.start, text.indexOf('fever'));
  });

  test('emoji, accents and combining marks keep exact UTF-16 offsets', () => {
    const text = 'Patient 😀 reports café-au-lait spots 👍🏽 and Ménière disease (e\u0301). Señora López, 北京.';
    const m = parseNote(text);
    assertConsistent(m);
    const tokens = m.sentences.flatMap((s) => s.tokens);
    const texts = tokens.map((t) => t.text);
    assert.ok(texts.includes('😀') && texts.includes('👍') && texts.includes('🏽'), 'astral characters are whole tokens');
    assert.equal(tokens.find((t) => t.text === 'Ménière')!.norm, 'meniere');
    assert.equal(tokens.find((t) => t.text === 'e\u0301')!.norm, 'e');
    assert.equal(tokens.find((t) => t.text === 'López')!.norm, 'lopez');
    assert.equal(text.slice(tokens.find((t) => t.norm === 'disease')!.start, tokens.find((t) => t.norm === 'disease')!.end), 'disease');
  });

  test('context cue spans point into the original text after an emoji', () => {
    const text = '😀😀 She denies chest pain.';
    const m = parseNote(text);
    const at = text.indexOf('chest pain');
    const flags = contextOf(m, m.sentences[0]!, { start: at, end: at + 10 });
    assert.equal(flags.negated, true);
    assert.deepEqual(flags.cue!.span, { start: text.indexOf('denies'), end: text.indexOf('denies') + 6 });
  });

  test('empty and whitespace-only notes give an empty model', () => {
    for (const t of ['', '   ', '\r\n\t \n', '\u00a0\u2028']) {
      const m = parseNote(t);
      assert.deepEqual([m.sections, m.sentences], [[], []], JSON.stringify(t));
      assert.equal(m.text, t);
    }
  });

  test('lone surrogates, control characters and NUL bytes do not break parsing', () => {
    const text = 'Fever\ud800 and \udc00cough\u0000.\u0007 PLAN:\u0000 rest';
    const m = parseNote(text);
    assertConsistent(m);
    assert.ok(m.sentences.length > 0);
  });

  test('random strings: never throws, spans in bounds and ordered, context and attributes answer', () => {
    const pieces = fc.constantFrom('HPI:', 'PLAN:', 'A/P', '\n', '\r\n', '\t', ' ', '. ', ', ', '1. ', '- ', '• ', 'no ',
      'denies ', 'fever', 'right ', 'stage 3a ', 'weeks pregnant ', 'mother with ', '😀', 'é', '\u0301', '\ud800', ':', '?');
    const note = fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.array(pieces, { maxLength: 80 }).map((a) => a.join('')));
    fc.assert(fc.property(note, fc.nat(), fc.nat(), (text, a, b) => {
      const m = parseNote(text);
      assertConsistent(m);
      for (const s of m.sentences) {
        const start = s.start + (a % (s.end - s.start));
        const end = Math.min(s.end, start + (b % 20));
        const flags = contextOf(m, s, { start, end });
        if (flags.cue) assert.ok(flags.cue.span.start >= 0 && flags.cue.span.end <= text.length);
        for (const e of attributes(m, s, { start, end }).evidence) assert.ok(e.start >= s.start && e.end <= s.end);
      }
    }), { numRuns: 400 });
  });
});

describe('size: linear work, no catastrophic patterns', () => {
  test('a single 1 MB line without punctuation parses, and context questions on it answer', () => {
    const text = 'no fever right knee pain stage 3 '.repeat(Math.ceil(1_048_576 / 33)).slice(0, 1_048_576);
    const m = parseNote(text);
    assert.equal(m.sentences.length, 1);
    const s = m.sentences[0]!;
    assert.ok(s.tokens.length > 150_000);
    for (let k = 0; k < 1000; k++) {
      const t = s.tokens[(k * 997) % s.tokens.length]!;
      contextOf(m, s, t);
      attributes(m, s, t);
    }
  });

  test('a 1 MB line of colons, dots and capitals (heading and sentence look-backs stay bounded)', () => {
    const text = 'A'.repeat(300_000) + ':'.repeat(300_000) + '. '.repeat(200_000) + 'PLAN:'.repeat(50_000);
    const m = parseNote(text);
    assertConsistent(m);
  });

  test('a 10 MB note of ordinary clinical lines parses', () => {
    const block = 'HPI:\r\nShe denies chest pain but reports a cough for 3 weeks.\r\n• Right knee pain, acute on chronic.\r\n\r\nPLAN:\r\n1. Return if fever.\r\n';
    const text = block.repeat(Math.ceil(10_000_000 / block.length));
    const m = parseNote(text);
    assert.ok(m.text.length >= 10_000_000);
    assert.ok(m.sections.length > 100_000);
    const last = m.sentences[m.sentences.length - 1]!;
    assert.equal(text.slice(last.start, last.end), 'Return if fever.');
  });
});
