// `medcode analyze` reads a note file of several megabytes a block at a time (it is never held
// whole) and answers as analyzing its whole text would; a long binary file is refused the same way.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixtureIndex, respiratorySet, writeFixtureDatabase } from '../../support/fixtureIndex';
import { runCli } from '../../support/cli';
import { analyzeLongNote } from '../../../src/core/suggest/longNote';

let dir: string;
let db: string;

const FY2024 = respiratorySet();

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'medcode-long-file-'));
  db = join(dir, 'codesets.sqlite');
  await writeFixtureDatabase(db, [FY2024]);
});

after(() => rmSync(dir, { recursive: true, force: true }));

describe('analyze on a note file of several megabytes', () => {
  test('the same suggestions and warnings as the whole text, evidence at its place in the file', async () => {
    const visit = 'Visit: the patient is doing well. Année été: follow-up in clinic.\n\nAssessment: pneumonia, improving.\n\n';
    const text = `${visit.repeat(30_000)}Assessment: asthma.\n`;
    assert.ok(Buffer.byteLength(text) > 3_000_000, 'past the size read in blocks');
    const file = join(dir, 'long.note');
    writeFileSync(file, text);
    const r = await runCli(['analyze', file, '--db', db, '--json']);
    assert.equal(r.code, 0, r.stderr);
    const [out] = JSON.parse(r.stdout) as { suggestions: { code: string; evidence: { start: number; end: number; text: string }[] }[]; warnings: string[] }[];
    const index = await fixtureIndex([FY2024]);
    const whole = analyzeLongNote(index, text, { setting: 'outpatient' });
    assert.deepEqual(out!.suggestions.map((s) => s.code), whole.suggestions.map((s) => s.code));
    assert.ok(out!.suggestions.some((s) => s.code === 'J45.909' && s.evidence.some((e) => e.start > 3_000_000)), 'the last lines are read');
    for (const s of out!.suggestions) for (const e of s.evidence) assert.equal(text.slice(e.start, e.end), e.text);
    assert.deepEqual(out!.warnings, whole.warnings);
  });

  test('a long binary file: the binary warning, no suggestions', async () => {
    const file = join(dir, 'long.bin');
    writeFileSync(file, Buffer.alloc(3_500_000));
    const r = await runCli(['analyze', file, '--db', db, '--json']);
    const [out] = JSON.parse(r.stdout) as { suggestions: unknown[]; warnings: string[] }[];
    assert.deepEqual(out!.suggestions, []);
    assert.match(out!.warnings.join(), /binary file/);
  });
});
