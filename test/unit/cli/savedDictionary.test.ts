// Commands that analyze notes keep the analyzer's dictionary beside the database
// (<db>.cli-dictionary): the first saves it, later ones read it and answer the same; a damaged
// copy, or one built from other code sets, is not used and is replaced. Runs the CLI in-process
// on a small hand-written database in a temp folder.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { icd, respiratorySet, writeFixtureDatabase } from '../../support/fixtureIndex';
import { runCli } from '../../support/cli';
import { savedDictionaryPathFor } from '../../../src/node/savedCliDictionary';

let dir: string;
let db: string;
let note: string;

const FY2024 = respiratorySet();

// The diagnoses suggested (the E/M level a visit note also gets is not what these tests are about).
const codes = (stdout: string): string[] => (JSON.parse(stdout) as { suggestions: { code: string; system: string }[] }[])[0]!.suggestions.filter((s) => s.system === 'icd10cm').map((s) => s.code);

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'medcode-saved-dictionary-'));
  db = join(dir, 'codesets.sqlite');
  await writeFixtureDatabase(db, [FY2024]);
  note = join(dir, 'visit.note');
  writeFileSync(note, 'Assessment and plan:\n1. Pneumonia. Start amoxicillin.\n');
});

after(() => rmSync(dir, { recursive: true, force: true }));

describe('the saved analyzer dictionary of the command line', () => {
  test('the first analysis saves it; the next reads it and answers the same', async () => {
    const saved = savedDictionaryPathFor(db);
    assert.ok(!existsSync(saved));
    const first = await runCli(['analyze', note, '--db', db, '--json']);
    assert.equal(first.code, 0, first.stderr);
    assert.deepEqual(codes(first.stdout), ['J18.9']);
    assert.ok(existsSync(saved));
    const written = statSync(saved).mtimeMs;
    const second = await runCli(['analyze', note, '--db', db, '--json']);
    assert.equal(second.stdout, first.stdout);
    assert.equal(statSync(saved).mtimeMs, written, 'read, not written again');
  });

  test('a damaged copy is not used and is replaced', async () => {
    const saved = savedDictionaryPathFor(db);
    const bytes = readFileSync(saved);
    bytes[bytes.length - 8] = bytes[bytes.length - 8]! ^ 0xff;
    writeFileSync(saved, bytes);
    const r = await runCli(['analyze', note, '--db', db, '--json']);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(codes(r.stdout), ['J18.9']);
    assert.notDeepEqual(readFileSync(saved), bytes);
  });

  test('a copy built from other code sets is not used', async () => {
    const other = join(dir, 'other.sqlite');
    const fy2025 = { ...FY2024, version: 'FY2025', effectiveFrom: '2024-10-01', effectiveTo: '2025-09-30', codes: [icd('J45.909', 'Unspecified asthma, uncomplicated')], indexEntries: [] };
    await writeFixtureDatabase(other, [fy2025]);
    writeFileSync(savedDictionaryPathFor(other), readFileSync(savedDictionaryPathFor(db)));
    const r = await runCli(['analyze', note, '--db', other, '--json']);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(codes(r.stdout), [], 'no pneumonia code from the other database\'s dictionary');
    assert.notDeepEqual(readFileSync(savedDictionaryPathFor(other)), readFileSync(savedDictionaryPathFor(db)));
  });

  test('when the copy cannot be saved, the dictionary is built and the command succeeds', async () => {
    const blocked = join(dir, 'blocked.sqlite');
    writeFileSync(blocked, readFileSync(db));
    // A folder where the copy would go: the write fails as on a read-only disk (even for root).
    mkdirSync(savedDictionaryPathFor(blocked));
    const r = await runCli(['analyze', note, '--db', blocked, '--json']);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(codes(r.stdout), ['J18.9']);
    assert.ok(statSync(savedDictionaryPathFor(blocked)).isDirectory());
  });
});
