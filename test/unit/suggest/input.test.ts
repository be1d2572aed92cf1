import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readNoteBytes, textWarnings } from '../../../src/core/suggest/input';
import { analyzeNote } from '../../../src/core/suggest/analyze';
import { suggestFixtureIndex } from './fixture';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('note input', () => {
  test('binary bytes are refused with a message saying what to do', () => {
    const r = readNoteBytes(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2, 3]));
    assert.equal(r.text, undefined);
    assert.match(r.warnings[0]!, /binary file.*plain text/);
  });
  test('invalid UTF-8 is decoded with replacements and a warning', () => {
    const r = readNoteBytes(new Uint8Array([...utf8('Cough '), 0xff, 0xfe, ...utf8(' and fever.')]));
    assert.ok(r.text?.includes('\uFFFD'));
    assert.match(r.warnings.join(' '), /invalid UTF-8/);
  });
  test('empty and whitespace-only notes are named as such', () => {
    assert.match(textWarnings('').join(), /empty note/);
    assert.match(textWarnings(' \r\n\t ').join(), /only whitespace/);
  });
  test('a note in another language gets a warning', () => {
    const spanish = 'Varón de 37 años que consulta por dolor osteoarticular de localización variable en el último mes y fiebre en la última semana con picos de 40 grados. '.repeat(3);
    assert.match(textWarnings(spanish).join(), /does not look like English/);
    assert.deepEqual(textWarnings('The patient denies chest pain and has a history of hypertension with cough for two weeks, no fever, and a normal exam of the chest and the heart.'), []);
  });
});

describe('robustness', () => {
  test('empty note: no suggestions, a warning', async () => {
    const r = analyzeNote(await suggestFixtureIndex(), '');
    assert.deepEqual(r.suggestions, []);
    assert.equal(r.warnings.length, 1);
  });
  test('CRLF line endings keep exact offsets', async () => {
    const text = 'HPI:\r\nCough for a week.\r\n\r\nAssessment:\r\nAspiration pneumonia.\r\n';
    const r = analyzeNote(await suggestFixtureIndex(), text);
    assert.ok(r.suggestions.some((s) => s.code === 'J69.0'));
    for (const s of r.suggestions) for (const e of s.evidence) assert.equal(text.slice(e.start, e.end), e.text);
  });
  test('a single line of 1 MB without punctuation finishes and still finds terms', async () => {
    const line = 'word '.repeat(200_000) + 'aspiration pneumonia ' + 'word '.repeat(10);
    const r = analyzeNote(await suggestFixtureIndex(), line);
    assert.ok(r.suggestions.some((s) => s.code === 'J69.0'));
  });
  test('a long note of repeated findings stays one suggestion per code', async () => {
    const text = 'Cough and fever.\n'.repeat(20_000);
    const r = analyzeNote(await suggestFixtureIndex(), text);
    assert.equal(r.suggestions.filter((s) => s.code === 'R05.9').length, 1);
  });
});
