// Long notes are analyzed piece by piece (memory follows the piece): a note under the limit gets
// analyzeNote's own answer; a longer one the same codes, with evidence at its place in the whole note.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeNote } from '../../../src/core/suggest/analyze';
import { analyzeLongNote, chunkBounds } from '../../../src/core/suggest/longNote';
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
});
