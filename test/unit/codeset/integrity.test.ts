// A damaged database is caught on open (header page count against the file length, then SQLite's
// quick_check), and the advice to rebuild works on it: the import sets it aside and starts anew.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CodesetWriter } from '../../../src/core/codeset/writer';
import { openCodesetIndex } from '../../../src/core/codeset/index';
import { headerLooksRight } from '../../../src/core/codeset/integrity';
import { importFiles } from '../../../src/cli/commands/codesets';
import { runCli } from '../../support/cli';
import { icd, sqlJs } from '../../support/fixtureIndex';

const root = mkdtempSync(join(tmpdir(), 'medcode-integrity-'));
after(() => rmSync(root, { recursive: true, force: true }));
const ORDER = join(__dirname, '..', '..', 'fixtures', 'icd10cm', 'icd10cm-order-2030.txt');

async function databaseBytes(): Promise<Uint8Array> {
  const writer = new CodesetWriter(await sqlJs());
  writer.begin();
  const id = writer.beginSet({ system: 'icd10cm', version: 'FY2024', effectiveFrom: '2023-10-01', effectiveTo: '2024-09-30', source: { name: 'fixture', sha256: 'x', kind: 'icd10cm-order-txt', bytes: 0 } });
  writer.code(id, icd('I10', 'Essential hypertension'));
  for (let i = 0; i < 3000; i++) writer.note(id, { code: 'I10', type: 'inclusionTerm', text: `Inclusion term number ${i} with some words to fill the page` });
  writer.finalize();
  writer.commit();
  const bytes = writer.exportMain();
  writer.close();
  return bytes;
}

describe('database integrity', () => {
  test('a sound database: header and length agree, it opens', async () => {
    const bytes = await databaseBytes();
    assert.ok(headerLooksRight(bytes));
    openCodesetIndex(await sqlJs(), bytes).close();
  });

  test('a database cut short is refused on open with the rebuild advice; info and check say so', async () => {
    const bytes = await databaseBytes();
    const cut = bytes.subarray(0, bytes.length - 8 * 4096);
    const SQL = await sqlJs();
    assert.throws(() => openCodesetIndex(SQL, cut), /the database is corrupted \(SQLite .*\)\. Rebuild it/);
    const db = join(root, 'cut.sqlite');
    writeFileSync(db, cut);
    const info = await runCli(['codesets', 'info', '--db', db]);
    assert.notEqual(info.code, 0);
    assert.match(info.stderr, /is corrupted/);
  });

  test('the rebuild advice works: import sets the damaged file aside and builds a new database', async () => {
    const dir = mkdtempSync(join(root, 'rebuild-'));
    const db = join(dir, 'codesets.sqlite');
    const bytes = await databaseBytes();
    writeFileSync(db, bytes.subarray(0, bytes.length - 8 * 4096));
    let stderr = '';
    await importFiles([ORDER], db, { stdout: () => undefined, stderr: (t) => { stderr += t; }, cwd: dir, env: {} }, { quiet: true });
    assert.match(stderr, /is damaged .* moved to .*codesets\.sqlite\.damaged-/);
    assert.ok(readdirSync(dir).some((f) => f.startsWith('codesets.sqlite.damaged-')), 'the damaged file is kept aside');
    const info = await runCli(['codesets', 'info', '--db', db, '--json']);
    assert.equal(info.code, 0, info.stderr);
    assert.ok(existsSync(db));
  });
});

