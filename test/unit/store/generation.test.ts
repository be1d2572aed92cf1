// The main database and its NCCI PTP database are written as one generation: a full disk leaves
// the previous files, a PTP file renamed without its main file (a kill between the two renames)
// is ignored instead of being read as the catalog's, and importing again does not double it.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importFiles } from '../../../src/cli/commands/codesets';
import { openIndexAt } from '../../../src/cli/openIndex';
import { loadSqlJs } from '../../../src/node/sqljs';
import { nodeFileOps, ptpPathFor, type StoreFileOps } from '../../../src/node/store';
import type { CliIO } from '../../../src/cli/command';

const FIXTURES = join(__dirname, '..', '..', 'fixtures');
const ORDER = join(FIXTURES, 'icd10cm', 'icd10cm-order-2030.txt');
const PTP = join(FIXTURES, 'ncci', 'ccipra-v362r0-f1.txt');
const MUE = join(FIXTURES, 'ncci', 'MCR_MUE_PractitionerServices_Eff_07-01-2030.csv');
const root = mkdtempSync(join(tmpdir(), 'medcode-generation-'));
after(() => rmSync(root, { recursive: true, force: true }));

let stderr = '';
const io: CliIO = { stdout: () => undefined, stderr: (t) => { stderr += t; }, cwd: root, env: {} };
let n = 0;
const freshDb = () => join(mkdtempSync(join(root, `db${n++}-`)), 'codesets.sqlite');

async function ptpRows(dbPath: string): Promise<number> {
  const SQL = await loadSqlJs();
  const db = new SQL.Database(readFileSync(ptpPathFor(dbPath)));
  try {
    return Number(db.exec('SELECT COUNT(*) FROM ptp')[0]!.values[0]![0]);
  } finally {
    db.close();
  }
}

const tempFiles = (dbPath: string) => readdirSync(join(dbPath, '..')).filter((f) => f.includes('.tmp-'));

describe('database generations', () => {
  test('a full disk while writing the main file leaves both previous files and no temp file', async () => {
    const db = freshDb();
    await importFiles([ORDER, PTP], db, io, { quiet: true });
    const main = readFileSync(db);
    const ptp = readFileSync(ptpPathFor(db));
    const full: StoreFileOps = {
      ...nodeFileOps,
      writeSynced(path, bytes) {
        if (path.startsWith(`${db}.tmp-`)) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
        nodeFileOps.writeSynced(path, bytes);
      },
    };
    await assert.rejects(importFiles([MUE], db, io, { quiet: true, fileOps: full }), /ENOSPC/);
    assert.deepEqual(readFileSync(db), main);
    assert.deepEqual(readFileSync(ptpPathFor(db)), ptp);
    assert.deepEqual(tempFiles(db), []);
  });

  test('killed between the two renames: the new PTP file is ignored, and the retry does not double it', async () => {
    const db = freshDb();
    await importFiles([ORDER], db, io, { quiet: true });
    const killed: StoreFileOps = {
      ...nodeFileOps,
      rename(from, to) {
        if (to === db) throw new Error('killed');
        nodeFileOps.rename(from, to);
      },
    };
    await assert.rejects(importFiles([PTP], db, io, { quiet: true, fileOps: killed }), /killed/);
    assert.ok(existsSync(ptpPathFor(db)), 'the PTP file was renamed into place before the kill');
    stderr = '';
    await importFiles([PTP], db, io, { quiet: true });
    assert.equal(await ptpRows(db), 3, 'each edit of the file once');
    const index = await openIndexAt(db);
    try {
      assert.equal(index.sets().filter((s) => s.system === 'ncci-ptp').length, 1);
      assert.equal((await index.ptp('10001', '10002'))?.length, 1);
    } finally {
      index.close();
    }
  });

  test('a PTP file from an interrupted import beside a main file that lists PTP sets: dropped, then imported once', async () => {
    const a = freshDb();
    await importFiles([ORDER, PTP], a, io, { quiet: true });
    const b = freshDb();
    await importFiles([ORDER, PTP], b, io, { quiet: true });
    // b's PTP file (another generation) lands beside a's main file, as a kill after the PTP rename leaves it.
    copyFileSync(ptpPathFor(b), ptpPathFor(a));
    const index = await openIndexAt(a);
    try {
      assert.equal(await index.ptp('10001', '10002'), undefined, 'the PTP file of another generation is not read');
    } finally {
      index.close();
    }
    stderr = '';
    await importFiles([PTP], a, io, { quiet: true });
    assert.match(stderr, /does not belong to this database/);
    assert.equal(await ptpRows(a), 3);
  });

  test('temp files a killed import left are removed by the next import', async () => {
    const db = freshDb();
    writeFileSync(`${db}.tmp-99999-1`, 'partial');
    writeFileSync(`${ptpPathFor(db)}.tmp-99999-1`, 'partial');
    await importFiles([ORDER], db, io, { quiet: true });
    assert.deepEqual(tempFiles(db), []);
  });
});
