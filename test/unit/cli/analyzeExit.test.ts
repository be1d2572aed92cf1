// `medcode analyze` with a missing or unreadable file: the other notes are analyzed and printed,
// the missing ones named, and the exit code is 1 so a script notices.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../support/cli';
import { writeFixtureDatabase } from '../../support/fixtureIndex';

const dir = mkdtempSync(join(tmpdir(), 'medcode-analyze-exit-'));
const db = join(dir, 'codesets.sqlite');
after(() => rmSync(dir, { recursive: true, force: true }));

describe('medcode analyze exit code', () => {
  before(async () => {
    await writeFixtureDatabase(db);
    writeFileSync(join(dir, 'visit.note'), 'Assessment: essential hypertension.\n');
    mkdirSync(join(dir, 'folder.note'));
  });

  test('missing and unreadable files: the rest analyzed, exit 1, each named', async () => {
    const r = await runCli(['analyze', 'visit.note', 'missing.note', 'folder.note', '--db', db, '--json'], {}, dir);
    assert.equal(r.code, 1);
    const out = JSON.parse(r.stdout) as { file: string }[];
    assert.deepEqual(out.map((o) => o.file), ['visit.note', 'missing.note', 'folder.note']);
    assert.match(r.stderr, /2 of 3 file\(s\) could not be analyzed/);
    assert.match(r.stderr, /missing\.note: no such file/);
    assert.match(r.stderr, /folder\.note is a folder/);
  });

  test('all files readable: exit 0', async () => {
    const r = await runCli(['analyze', 'visit.note', '--db', db, '--json'], {}, dir);
    assert.equal(r.code, 0, r.stderr);
  });
});
