import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { attributes, contextOf, parseNote } from '../../../src/core/note';
import { CONTEXT_CASES, type ContextCase } from './context-cases';

const CONTEXT_KEYS = ['negated', 'uncertain', 'hypothetical', 'historical', 'family', 'subject'] as const;
const ATTRIBUTE_KEYS = ['laterality', 'acuity', 'episode', 'trimester', 'stage'] as const;

function locate(c: ContextCase): { start: number; end: number } {
  let at = -1;
  for (let k = 0; k <= (c.occurrence ?? 0); k++) at = c.text.indexOf(c.target, at + 1);
  assert.ok(at >= 0, `target "${c.target}" not in "${c.text}"`);
  return { start: at, end: at + c.target.length };
}

describe('context cases', () => {
  test('the set is large enough and covers every axis', () => {
    assert.ok(CONTEXT_CASES.length >= 60);
    for (const key of [...CONTEXT_KEYS, ...ATTRIBUTE_KEYS]) {
      assert.ok(CONTEXT_CASES.some((c) => key in c.expect), `no case about ${key}`);
    }
  });

  for (const c of CONTEXT_CASES) {
    test(`${c.text} [${c.target}]`, () => {
      const note = parseNote(c.text);
      const span = locate(c);
      const sentence = note.sentences.find((s) => s.start <= span.start && span.end <= s.end);
      assert.ok(sentence, 'the mention lies inside one sentence');
      const flags = contextOf(note, sentence, span);
      const attrs = attributes(note, sentence, span);
      for (const key of CONTEXT_KEYS) {
        if (key in c.expect) assert.equal(flags[key], c.expect[key], `${key}: ${JSON.stringify(flags)}`);
      }
      for (const key of ATTRIBUTE_KEYS) {
        if (key in c.expect) assert.equal(attrs[key], c.expect[key], `${key}: ${JSON.stringify(attrs)}`);
      }
      if (c.cue !== undefined) assert.equal(flags.cue?.text, c.cue);
      for (const e of attrs.evidence) assert.ok(e.start >= sentence.start && e.end <= sentence.end);
      if (flags.cue) assert.equal(note.text.slice(flags.cue.span.start, flags.cue.span.end), flags.cue.text);
    });
  }
});
