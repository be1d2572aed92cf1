// The compact dictionary: every term reachable through the anchor index, in the order the matcher
// always visited them, repeats dropped by key set and code, and the same matches as a plain scan.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { plainTerm } from '../../../src/core/suggest/termTable';
import { DictionaryBuilder, dictionaryFor, dictionarySteps, runSteps } from '../../../src/core/suggest/dictionary';
import { matchAll, type SentenceKeys } from '../../../src/core/suggest/matcher';
import type { Dictionary, DictionaryTerm } from '../../../src/core/suggest/termTable';
import { suggestFixtureIndex } from './fixture';

/** A sentence made of exactly these keys, one token each, adjacent. */
function sentenceOf(keys: string[]): SentenceKeys {
  const positions = new Map<string, number[]>();
  keys.forEach((k, i) => positions.set(k, [...(positions.get(k) ?? []), i]));
  return { positions, spans: keys.map((_, i) => ({ start: i * 10, end: i * 10 + 5 })) };
}

/** What the matcher must find, by brute force: every term whose keys all occur in the (adjacent) sentence. */
function bruteForce(d: Dictionary, keys: string[]): number[] {
  const present = new Set(keys);
  const out: number[] = [];
  for (let t = 0; t < d.size; t++) if (d.term(t).keys.every((k) => present.has(k))) out.push(t);
  return out;
}

function build(terms: [string[], string][]): Dictionary {
  const b = new DictionaryBuilder();
  for (const [keys, code] of terms) b.add(keys, code, 'title', `title "${keys.join(' ')}" ${code}`);
  return b.build();
}

describe('compact dictionary', () => {
  test('a sentence of any term\'s own words finds that term (every term is reachable through its anchor)', async () => {
    const d = dictionaryFor(await suggestFixtureIndex());
    assert.ok(d.size > 50);
    for (let t = 0; t < d.size; t++) {
      const term = d.term(t);
      const found = matchAll(d, sentenceOf(term.keys)).map((m) => m.termIndex);
      assert.ok(found.includes(t), `term ${t} (${term.keys.join(' ')} -> ${term.code}) not found`);
      assert.deepEqual([...found].sort((a, b) => a - b), bruteForce(d, term.keys), `matches for "${term.keys.join(' ')}"`);
    }
  });

  test('many groups under one anchor: found whether the matcher walks the groups or the sentence keys', () => {
    // "zeta" is the rarest key of every term below; they differ in their second key.
    const others = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'eta', 'theta', 'iota'];
    const terms: [string[], string][] = others.map((o, i) => [[o, 'zeta'], `Z0${i}`]);
    for (const [i, o] of others.entries()) for (let j = 0; j < 12; j++) terms.push([[o, `filler${j}`], `Y${i}${j}`]);
    terms.push([['zeta'], 'Z99']);
    const d = build(terms);
    const a = d.anchorOf('zeta');
    assert.ok(a >= 0);
    assert.equal(d.groupStart[a + 1]! - d.groupStart[a]!, others.length);
    // Two sentence keys (< 8 groups): looked up by the sentence's keys.
    const few = matchAll(d, sentenceOf(['zeta', 'gamma'])).map((m) => m.term.code);
    assert.deepEqual(few, ['Z99', 'Z02']);
    // Ten sentence keys (> 8 groups): the groups are walked in the order they were first filed.
    const many = matchAll(d, sentenceOf([...others.slice(0, 4), 'zeta', ...others.slice(4), 'unrelated'])).map((m) => m.term.code);
    assert.deepEqual(many.filter((c) => c.startsWith('Z')), ['Z99', 'Z00', 'Z01', 'Z02', 'Z03', 'Z04', 'Z05', 'Z06', 'Z07']);
  });

  test('keys are ordered rarest first (ties keep their written order) and terms keep their reasons', () => {
    const d = build([[['common', 'rare'], 'A01'], [['common', 'other'], 'A02'], [['common', 'other', 'third'], 'A03']]);
    const terms: DictionaryTerm[] = [...d.terms()].map(plainTerm);
    assert.deepEqual(terms.map((t) => t.keys), [['rare', 'common'], ['other', 'common'], ['third', 'other', 'common']]);
    assert.deepEqual(terms.map((t) => t.reason), ['title "common rare" A01', 'title "common other" A02', 'title "common other third" A03']);
    assert.equal(d.keyFrequency('common'), 3);
    assert.equal(d.keyFrequency('absent'), 0);
  });

  test('the same words for the same code are one term, in any order; another code is another term', () => {
    const d = build([[['heart', 'failure'], 'I509'], [['failure', 'heart'], 'I509'], [['heart', 'failure', 'heart'], 'I509'], [['heart', 'failure'], 'I500']]);
    assert.deepEqual([...d.terms()].map(plainTerm).map((t) => t.code), ['I509', 'I500']);
  });

  test('repeats are found among thousands of terms (the hash set grows)', () => {
    const terms: [string[], string][] = [];
    for (let i = 0; i < 5000; i++) terms.push([[`word${i}`, `vary${i % 97}`], `C${i % 13}`]);
    const d = build([...terms, ...terms.map(([k, c]) => [[...k].reverse(), c] as [string[], string])]);
    assert.equal(d.size, 5000);
  });

  test('built in steps it is the same dictionary as built at once', async () => {
    const index = await suggestFixtureIndex();
    const steps = dictionarySteps(index);
    let pauses = 0;
    let r = steps.next();
    while (!r.done) { pauses++; r = steps.next(); }
    assert.ok(pauses > 0, 'the build pauses at least once');
    const whole = runSteps(dictionarySteps(index));
    assert.deepEqual([...r.value.terms()].map(plainTerm), [...whole.terms()].map(plainTerm));
  });
});
