// The saved dictionary: read back it is the same dictionary; built from another database, by
// another analyzer, in another format, cut off or damaged, it is refused with the reason.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { plainTerm } from '../../../src/core/suggest/termTable';
import { dictionaryFor } from '../../../src/core/suggest/dictionary';
import { decodeDictionary, encodeDictionary, DICTIONARY_FILE_FORMAT } from '../../../src/core/suggest/dictionaryFile';
import { matchAll } from '../../../src/core/suggest/matcher';
import { suggestFixtureIndex } from './fixture';

const KEY = { database: 'db-hash-1', code: 'code-hash-1' };

async function saved(): Promise<{ bytes: Uint8Array; original: ReturnType<typeof dictionaryFor> }> {
  const original = dictionaryFor(await suggestFixtureIndex());
  return { bytes: encodeDictionary(original, KEY), original };
}

function refusal(bytes: Uint8Array, key = KEY): string {
  const r = decodeDictionary(bytes, key);
  assert.equal(r.ok, false, 'the saved dictionary should be refused');
  return r.ok ? '' : r.reason;
}

describe('saved analyzer dictionary', () => {
  test('reads back as the same terms, anchors and matches', async () => {
    const { bytes, original } = await saved();
    const r = decodeDictionary(bytes, KEY);
    assert.ok(r.ok, r.ok ? '' : r.reason);
    const copy = r.dictionary;
    assert.equal(copy.size, original.size);
    assert.deepEqual([...copy.terms()].map(plainTerm), [...original.terms()].map(plainTerm));
    for (const k of original.keyNames) assert.equal(copy.anchorOf(k), original.anchorOf(k), k);
    const sentence = { positions: new Map([['aspiration', [0]], ['pneumonia', [1]]]), spans: [{ start: 0, end: 10 }, { start: 11, end: 20 }] };
    assert.deepEqual(matchAll(copy, sentence), matchAll(original, sentence));
    assert.ok(matchAll(copy, sentence).some((m) => m.term.code === 'J690'));
  });

  test('refuses a dictionary built from another database or by another analyzer', async () => {
    const { bytes } = await saved();
    assert.match(refusal(bytes, { ...KEY, database: 'db-hash-2' }), /another database/);
    assert.match(refusal(bytes, { ...KEY, code: 'code-hash-2' }), /another version of the analyzer/);
  });

  test('refuses another file format', async () => {
    const { bytes } = await saved();
    const text = new TextDecoder().decode(bytes.subarray(0, 200));
    const changed = text.replace(`"format":${DICTIONARY_FILE_FORMAT}`, `"format":${DICTIONARY_FILE_FORMAT + 1}`);
    assert.notEqual(changed, text);
    const other = new Uint8Array(bytes);
    other.set(new TextEncoder().encode(changed));
    assert.match(refusal(other), /format/);
  });

  test('refuses a damaged or cut-off file, and anything that is not a saved dictionary', async () => {
    const { bytes } = await saved();
    const flipped = new Uint8Array(bytes);
    flipped[bytes.length - 5]! ^= 0xff;
    assert.match(refusal(flipped), /checksum/);
    assert.match(refusal(bytes.subarray(0, bytes.length - 8)), /cut off/);
    assert.match(refusal(bytes.subarray(0, 20)), /not a MedCode analyzer dictionary|cut off/);
    assert.match(refusal(new TextEncoder().encode('SQLite format 3\u0000')), /not a MedCode analyzer dictionary/);
    assert.match(refusal(new Uint8Array(0)), /not a MedCode analyzer dictionary/);
  });
});
