// `medcode search` keeps its word index beside the database (<db>.cli-search): the first word
// search saves it, later ones read it and answer the same; a damaged or stale copy is ignored and
// replaced. Runs the CLI in-process on a small hand-written database written to a temp folder.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixtureIndex, icd } from '../../support/fixtureIndex';
import { runCli } from '../../support/cli';
import { savedSearchPathFor } from '../../../src/node/savedSearch';

let dir: string;
let db: string;

const FY2024 = {
  system: 'icd10cm' as const, version: 'FY2024', effectiveFrom: '2023-10-01', effectiveTo: '2024-09-30',
  codes: [icd('J18.9', 'Pneumonia, unspecified organism'), icd('J45.909', 'Unspecified asthma, uncomplicated')],
  indexEntries: [{ source: 'index' as const, path: 'Pneumonia', term: 'Pneumonia', level: 0, code: 'J189' }],
};

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'medcode-saved-search-'));
  db = join(dir, 'codesets.sqlite');
  writeFileSync(db, (await fixtureIndex([FY2024])).db.export());
});

after(() => rmSync(dir, { recursive: true, force: true }));

describe('the saved search index of the command line', () => {
  test('a code search needs no word index and saves none', async () => {
    const r = await runCli(['search', 'J18.9', '--db', db]);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^J18\.9/);
    assert.ok(!existsSync(savedSearchPathFor(db)));
  });

  test('the first word search saves it; the next reads it and answers the same', async () => {
    const first = await runCli(['search', 'pneumonia', '--db', db, '--json']);
    assert.equal(first.code, 0, first.stderr);
    const saved = savedSearchPathFor(db);
    assert.ok(existsSync(saved));
    const written = statSync(saved).mtimeMs;
    const second = await runCli(['search', 'pneumonia', '--db', db, '--json']);
    assert.equal(second.stdout, first.stdout);
    assert.equal(statSync(saved).mtimeMs, written, 'read, not written again');
    assert.equal((JSON.parse(second.stdout) as { code: string; path?: string }[])[0]?.path, 'Pneumonia');
  });

  test('a damaged copy is ignored and replaced', async () => {
    const saved = savedSearchPathFor(db);
    const bytes = readFileSync(saved);
    bytes[bytes.length - 8] = bytes[bytes.length - 8]! ^ 0xff;
    writeFileSync(saved, bytes);
    const r = await runCli(['search', 'asthma', '--db', db]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^J45\.909/);
    assert.notDeepEqual(readFileSync(saved), bytes);
  });

  test('a copy built from other code sets is not used', async () => {
    const other = join(dir, 'other.sqlite');
    const fy2025 = { ...FY2024, version: 'FY2025', effectiveFrom: '2024-10-01', effectiveTo: '2025-09-30', codes: [icd('J18.9', 'Pneumonia, unspecified organism')] };
    writeFileSync(other, (await fixtureIndex([fy2025])).db.export());
    writeFileSync(savedSearchPathFor(other), readFileSync(savedSearchPathFor(db)));
    const r = await runCli(['search', 'asthma', '--db', other]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /no codes found/);
  });
});
