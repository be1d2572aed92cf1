// One import writes a database at a time: a second one waits for the first (both sets end up in
// the database), a lock left by a dead process is taken over, a live holder is named in the refusal.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { importFiles } from '../../../src/cli/commands/codesets';
import { openIndexAt } from '../../../src/cli/openIndex';
import type { CliIO } from '../../../src/cli/command';

const FIXTURES = join(__dirname, '..', '..', 'fixtures');
const ORDER = join(FIXTURES, 'icd10cm', 'icd10cm-order-2030.txt');
const MCE = join(FIXTURES, 'mce', 'mce_v99.1_fy2031_code_edits.csv');
const root = mkdtempSync(join(tmpdir(), 'medcode-lock-'));
after(() => rmSync(root, { recursive: true, force: true }));

let stderr = '';
const io: CliIO = { stdout: () => undefined, stderr: (t) => { stderr += t; }, cwd: root, env: {} };
let n = 0;
const freshDb = () => join(mkdtempSync(join(root, `db${n++}-`)), 'codesets.sqlite');

async function systems(db: string): Promise<string[]> {
  const index = await openIndexAt(db);
  try {
    return index.sets().map((s) => s.system).sort();
  } finally {
    index.close();
  }
}

describe('database lock', () => {
  test('two imports racing: the second waits, and both sets are in the database', async () => {
    const db = freshDb();
    stderr = '';
    await Promise.all([importFiles([ORDER], db, io, { quiet: true }), importFiles([MCE], db, io, { quiet: true })]);
    assert.deepEqual(await systems(db), ['icd10cm', 'mce']);
    assert.match(stderr, /another import \(process \d+.*\) is writing .*; waiting for it to finish/);
    assert.equal(existsSync(`${db}.lock`), false, 'the lock is released');
  });

  test('a lock left by a process that is gone is taken over', async () => {
    const db = freshDb();
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    writeFileSync(`${db}.lock`, JSON.stringify({ pid: Number(dead), at: '2026-01-01T00:00:00Z' }));
    await importFiles([ORDER], db, io, { quiet: true, lockWaitMs: 0 });
    assert.deepEqual(await systems(db), ['icd10cm']);
    assert.equal(existsSync(`${db}.lock`), false);
  });

  test('a live holder: refused with a sentence naming it once the wait is over; the database untouched', async () => {
    const db = freshDb();
    writeFileSync(`${db}.lock`, JSON.stringify({ pid: process.ppid, at: '2026-01-01T00:00:00Z' }));
    await assert.rejects(importFiles([ORDER], db, io, { quiet: true, lockWaitMs: 0 }), new RegExp(`being written by another import \\(process ${process.ppid}`));
    assert.equal(existsSync(db), false);
    assert.equal(existsSync(`${db}.lock`), true, 'another process\'s lock is not removed');
  });
});
