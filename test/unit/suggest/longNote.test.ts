// Long notes are analyzed piece by piece (memory follows the piece): a note under the limit gets
// analyzeNote's own answer; a longer one the same codes, with evidence at its place in the whole note.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeNote } from '../../../src/core/suggest/analyze';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeLongNote, analyzeNoteParts, chunkBounds } from '../../../src/core/suggest/longNote';
import { readNoteBytes } from '../../../src/core/suggest/input';
import { readNoteFileParts } from '../../../src/node/noteFile';
import { suggestFixtureIndex } from './fixture';

const VISIT = 'Assessment: essential hypertension. Type 2 diabetes mellitus without complications.\nPlan: continue lisinopril.\n\n';

describe('long notes', () => {
  test('a note under the limit: exactly analyzeNote', async () => {
    const index = await suggestFixtureIndex();
    assert.deepEqual(analyzeLongNote(index, VISIT.repeat(3)), analyzeNote(index, VISIT.repeat(3)));
  });

  test('a note over the limit: the codes of its pieces, evidence pointing into the whole note', async () => {
    const index = await suggestFixtureIndex();
    const text = `${'Chief complaint: follow-up.\n\n'.repeat(200)}${VISIT.repeat(50)}`;
    const whole = analyzeNote(index, VISIT).suggestions.map((s) => s.code).sort();
    assert.ok(whole.length > 0, 'the fixture index codes the visit');
    const long = analyzeLongNote(index, text, {}, 1_000, 2_000);
    assert.ok(whole.every((c) => long.suggestions.some((s) => s.code === c)), `${whole.join(',')} found in the long note`);
    for (const s of long.suggestions) for (const e of s.evidence) assert.equal(text.slice(e.start, e.end), e.text);
    assert.ok(long.suggestions.some((s) => s.evidence.some((e) => e.start > 6_000)), 'evidence from later pieces is moved to its place');
    assert.match(long.warnings.join('\n'), /analyzed in pieces of about 1,000 characters/);
  });

  test('pieces cover the text exactly and end at blank lines', () => {
    const text = VISIT.repeat(100);
    const bounds = chunkBounds(text, 1_000);
    assert.equal(bounds.at(-1)!.end, text.length);
    for (let i = 1; i < bounds.length; i++) assert.equal(bounds[i]!.start, bounds[i - 1]!.end);
    for (const b of bounds.slice(0, -1)) assert.equal(text.slice(b.end - 2, b.end), '\n\n');
  });

  test('a note given in parts (a file read a block at a time) gets the answer of the whole text', async () => {
    const index = await suggestFixtureIndex();
    const text = `${'Chief complaint: follow-up.\n\n'.repeat(200)}${VISIT.repeat(50)}Note: café, naïve, 🩺 exam.\n\n${VISIT.repeat(20)}`;
    const whole = analyzeLongNote(index, text, {}, 1_000, 2_000);
    for (const size of [1, 7, 1_000, 1_002, 4_096, text.length]) {
      const parts: string[] = [];
      for (let i = 0; i < text.length; i += size) parts.push(text.slice(i, i + size));
      assert.deepEqual(analyzeNoteParts(index, parts, {}, 1_000, 2_000), whole, `parts of ${size}`);
    }
    assert.deepEqual(analyzeNoteParts(index, [VISIT, VISIT], {}, 1_000, 2_000), analyzeNote(index, VISIT + VISIT), 'under the limit: analyzeNote of the whole');
  });

  test('a long file read in blocks: multi-byte characters across blocks, the same answer and warnings as reading it whole', async () => {
    const index = await suggestFixtureIndex();
    const dir = mkdtempSync(join(tmpdir(), 'medcode-note-parts-'));
    try {
      const file = join(dir, 'long.note');
      const text = `\uFEFF${'Année 🩺 Überweisung — follow-up.\n\n'.repeat(150)}${VISIT.repeat(40)}`;
      writeFileSync(file, text);
      const bytes = Buffer.from(text);
      const read = readNoteBytes(bytes);
      const whole = analyzeLongNote(index, read.text!, {}, 1_000, 2_000);
      for (const block of [8_192, 8_193, 10_007]) {
        const parts = readNoteFileParts(file, block);
        assert.deepEqual(analyzeNoteParts(index, parts.parts, {}, 1_000, 2_000), whole, `blocks of ${block}`);
        assert.deepEqual(parts.decoder.warnings(), read.warnings.filter((w) => /UTF-8|binary/.test(w)));
      }
      for (const s of whole.suggestions) for (const e of s.evidence) assert.equal(read.text!.slice(e.start, e.end), e.text);

      const broken = Buffer.concat([bytes.subarray(0, 9_000), Buffer.from([0xc3, 0x28]), bytes.subarray(9_000)]);
      writeFileSync(file, broken);
      const parts = readNoteFileParts(file, 8_192);
      assert.deepEqual(analyzeNoteParts(index, parts.parts, {}, 1_000, 2_000), analyzeLongNote(index, readNoteBytes(broken).text!, {}, 1_000, 2_000));
      assert.match(parts.decoder.warnings().join(), /invalid UTF-8/);

      writeFileSync(file, Buffer.concat([Buffer.alloc(100), bytes]));
      const binary = readNoteFileParts(file, 8_192);
      assert.equal(binary.decoder.binary, true);
      assert.deepEqual([...binary.parts], []);
      assert.match(binary.decoder.warnings().join(), /binary file/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a long note that is whitespace until its end is not called empty', async () => {
    const index = await suggestFixtureIndex();
    const parts = [' '.repeat(3_000), '\n'.repeat(3_000), VISIT];
    const r = analyzeNoteParts(index, parts, {}, 1_000, 2_000);
    assert.ok(!r.warnings.some((w) => /empty note/.test(w)), r.warnings.join('\n'));
    assert.match(analyzeNoteParts(index, [' '.repeat(3_000), ' '.repeat(3_000)], {}, 1_000, 2_000).warnings.join(), /only whitespace/);
  });
});

