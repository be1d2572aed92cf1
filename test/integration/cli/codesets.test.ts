import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, writeFileSync, existsSync, copyFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { runCli } from '../../support/cli';
import { sharedPath, skipUnlessShared } from '../../support/shared';
import { realDbPath } from '../../support/realIndex';

const skip = skipUnlessShared('codesets/icd10cm/fy2021/icd10cm-order-Jan-2021.txt', 'codesets/hcpcs/2025-oct/HCPC2025_OCT_ANWEB.xlsx');
const tmp = mkdtempSync(join(tmpdir(), 'medcode-cli-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

interface InfoSet { system: string; version: string; variant?: string; counts: Record<string, number>; sources: { name: string; sha256: string }[]; effectiveFrom: string | null; effectiveTo: string | null }

describe('medcode codesets on the real release files', { skip }, () => {
  let sets: InfoSet[] = [];
  before(async () => {
    const db = await realDbPath();
    const r = await runCli(['codesets', 'info', '--db', db, '--json']);
    assert.equal(r.code, 0, r.stderr);
    sets = (JSON.parse(r.stdout) as { sets: InfoSet[] }).sets;
  });
  const find = (system: string, version: string, variant?: string) => {
    const s = sets.find((x) => x.system === system && x.version === version && (variant === undefined || x.variant === variant));
    assert.ok(s, `${system} ${version} ${variant ?? ''} is listed`);
    return s;
  };

  test('ICD-10-CM FY2021: order file and tabular counts equal the files', () => {
    const s = find('icd10cm', 'FY2021');
    assert.equal(s.counts.codes, 95_358);
    assert.equal(s.counts.billable, 72_621);
    assert.equal(s.effectiveFrom, '2020-10-01');
    assert.equal(s.effectiveTo, '2021-09-30');
    const tabular = s.sources.find((x) => x.name.endsWith('icd10cm_tabular_2021.xml')) as unknown as { counts: Record<string, number>; sha256: string };
    assert.equal(tabular.counts.diags, 44_772);
    assert.equal(tabular.counts.excludes1, 2_625);
    assert.match(tabular.sha256, /^[0-9a-f]{64}$/);
  });

  test('ICD-10-CM FY2024 order CSV', () => {
    const s = find('icd10cm', 'FY2024');
    assert.equal(s.counts.codes, 97_296);
    assert.equal(s.counts.billable, 74_044);
  });

  test('HCPCS 2025-Oct codes and Level II modifiers', () => {
    assert.equal(find('hcpcs', '2025-Oct').counts.codes, 8_463);
    assert.equal(find('modifier', '2025-Oct').counts.codes, 383);
  });

  test('NCCI PTP, MUE and add-on edits', () => {
    const ptp = find('ncci-ptp', '2024-Q3', 'practitioner');
    assert.equal(ptp.counts.edits, 2_546_017);
    assert.equal(ptp.counts.activeEdits, 1_669_820);
    assert.equal(find('ncci-mue', '2024-Q3', 'practitioner').counts.edits, 14_677);
    assert.equal(find('ncci-mue', '2024-Q3', 'outpatient_hospital').counts.edits, 14_628);
    assert.equal(find('ncci-mue', '2024-Q3', 'dme').counts.edits, 2_928);
    assert.equal(sets.find((x) => x.system === 'ncci-addon')?.counts.edits, 7_465);
  });

  test('MCE v41.1 and place of service', () => {
    assert.equal(find('mce', 'v41.1').counts.edits, 7_946);
    assert.equal(sets.find((x) => x.system === 'pos')?.counts.codes, 52);
  });

  test('Alphabetic Index pieces carry their entries', () => {
    const fy2025 = find('icd10cm', 'FY2025');
    assert.ok(fy2025.counts.indexEntries! > 81_024, 'main index CSV plus drug, neoplasm and external cause tables');
  });
});

describe('medcode codesets import keeps the existing database on failure', { skip }, () => {
  test('a failing file in a batch leaves the previous database byte for byte', async () => {
    const db = join(tmp, 'keep.sqlite');
    const order = sharedPath('codesets/icd10cm/fy2021/icd10cm-order-Jan-2021.txt');
    const first = await runCli(['codesets', 'import', order, '--db', db]);
    assert.equal(first.code, 0, first.stderr);
    const before = readFileSync(db);
    const bogus = join(tmp, 'notes.txt');
    writeFileSync(bogus, 'Patient denies chest pain.\n');
    const second = await runCli(['codesets', 'import', sharedPath('codesets/hcpcs/2025-oct/HCPC2025_OCT_ANWEB.xlsx'), bogus, '--db', db]);
    assert.equal(second.code, 1);
    assert.match(second.stderr, /notes\.txt: not a code-set file MedCode recognizes/);
    assert.deepEqual(readFileSync(db), before);
    const info = await runCli(['codesets', 'info', '--db', db, '--json']);
    assert.deepEqual((JSON.parse(info.stdout) as { sets: InfoSet[] }).sets.map((s) => s.system), ['icd10cm']);
  });

  test('a truncated zip is refused with its name, nothing written', async () => {
    const db = join(tmp, 'trunc.sqlite');
    const zip = readFileSync(sharedPath('codesets/hcpcs/2019/2019-Alpha-Numeric-HCPCS-File.zip'));
    const cut = join(tmp, 'cut.zip');
    writeFileSync(cut, zip.subarray(0, Math.floor(zip.length / 2)));
    const r = await runCli(['codesets', 'import', cut, '--db', db]);
    assert.notEqual(r.code, 0);
    assert.match(r.stderr, /cut\.zip/);
    assert.ok(!existsSync(db), 'no database was created');
  });

  test('an empty file is refused by name', async () => {
    const empty = join(tmp, 'empty.csv');
    writeFileSync(empty, '');
    const r = await runCli(['codesets', 'import', empty, '--db', join(tmp, 'e.sqlite')]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /empty\.csv: the file is empty/);
  });

  test('re-importing the same file is a no-op', async () => {
    const db = join(tmp, 'again.sqlite');
    const mce = sharedPath('codesets/mce/mce_v41.1_fy2024_code_edits.csv');
    assert.equal((await runCli(['codesets', 'import', mce, '--db', db])).code, 0);
    const again = await runCli(['codesets', 'import', mce, '--db', db, '--json']);
    assert.equal(again.code, 0);
    assert.match((JSON.parse(again.stdout) as { skipped: { reason: string }[] }).skipped[0]!.reason, /already imported/);
  });

  test('a corrupted database is reported, not crashed on', async () => {
    const db = join(tmp, 'corrupt.sqlite');
    copyFileSync(sharedPath('codesets/mce/mce_v41.1_fy2024_code_edits.csv'), db);
    const r = await runCli(['search', 'asthma', '--db', db]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /corrupt\.sqlite: the file is not a MedCode code-set database/);
    const missing = await runCli(['search', 'asthma', '--db', join(tmp, 'nope.sqlite')]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /no code-set database at .*nope\.sqlite.*codesets import/);
  });
});

describe('medcode codesets download', () => {
  test('offline it fails fast and says how to import from files', async () => {
    const r = await runCli(['codesets', 'download', '--year', '2025', '--db', join(tmp, 'dl-offline.sqlite'), '--base-url', 'http://127.0.0.1:9/', '--allow-http']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /could not download .*medcode codesets import/);
  });

  test('fetches, verifies and imports releases from a local server', { skip }, async () => {
    const server: Server = createServer((req, res) => {
      const rel = decodeURIComponent((req.url ?? '/').slice(1));
      const allowed = ['icd10cm/fy2021/icd10cm-order-Jan-2021.txt', 'hcpcs/2019/2019-Alpha-Numeric-HCPCS-File.zip'];
      if (!allowed.includes(rel)) { res.writeHead(404).end(); return; }
      const body = readFileSync(sharedPath('codesets', rel));
      res.writeHead(200, { 'content-length': body.length }).end(body);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    try {
      const manifest = join(tmp, 'manifest.json');
      writeFileSync(manifest, JSON.stringify({ baseUrl: `http://127.0.0.1:${port}/`, releases: [
        { system: 'icd10cm', url: 'icd10cm/fy2021/icd10cm-order-Jan-2021.txt' },
        { system: 'hcpcs', url: 'hcpcs/2019/2019-Alpha-Numeric-HCPCS-File.zip' },
      ] }));
      const db = join(tmp, 'dl.sqlite');
      const r = await runCli(['codesets', 'download', '--year', '2021', '--manifest', manifest, '--db', db, '--allow-http']);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stderr, /verified icd10cm-order-Jan-2021\.txt/);
      const info = JSON.parse((await runCli(['codesets', 'info', '--db', db, '--json'])).stdout) as { sets: InfoSet[] };
      assert.equal(info.sets.find((s) => s.system === 'icd10cm')?.counts.codes, 95_358);
      assert.ok(info.sets.some((s) => s.system === 'hcpcs' && s.version === '2019'));

      const bad = join(tmp, 'bad-manifest.json');
      writeFileSync(bad, JSON.stringify({ baseUrl: `http://127.0.0.1:${port}/`, releases: [{ system: 'icd10cm', url: 'icd10cm/fy2021/icd10cm-order-Jan-2021.txt', sha256: '0'.repeat(64) }] }));
      const mismatch = await runCli(['codesets', 'download', '--manifest', bad, '--db', join(tmp, 'dl2.sqlite'), '--allow-http']);
      assert.equal(mismatch.code, 2);
      assert.match(mismatch.stderr, /does not match the manifest/);
      assert.ok(!existsSync(join(tmp, 'dl2.sqlite')));
    } finally {
      server.close();
    }
  });
});
