// `medcode export` never destroys an input: the output may not be the claim itself (also through
// a link), another claim file or a note; and an override is on disk before the export exists.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, existsSync, linkSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from '../../../src/cli/args';
import { command } from '../../../src/cli/commands/export';
import { writeFixtureDatabase } from '../../support/fixtureIndex';
import { OVERRIDE_EXTENSION_URL } from '../../../src/core/claim/export/index';
import { fhirErrors, fixtureText } from './support';

let dir = '';
let db = '';

const writeTinyDb = (path: string): Promise<void> => writeFixtureDatabase(path);

async function runExport(cwd: string, argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await command.run(parseArgs(argv), { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; }, cwd, env: { USER: 'tester' } });
  return { code, stdout, stderr };
}

describe('medcode export refuses to overwrite its input or a working file', () => {
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'medcode-export-guard-'));
    db = join(dir, 'codesets.sqlite');
    await writeTinyDb(db);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('--out equal to the claim file: refused, the claim unchanged', async () => {
    const text = fixtureText('minimal.claim.json');
    writeFileSync(join(dir, 'c.claim.json'), text);
    await assert.rejects(runExport(dir, ['c.claim.json', '--format', 'x12', '--out', 'c.claim.json', '--db', db]), /is the input file/);
    await assert.rejects(runExport(dir, ['c.claim.json', '--format', 'x12', '--out', './sub/../c.claim.json', '--db', db]), /is the input file/);
    assert.equal(readFileSync(join(dir, 'c.claim.json'), 'utf8'), text);
  });

  test('--out through a symbolic or hard link to the claim: refused', async () => {
    const text = fixtureText('minimal.claim.json');
    writeFileSync(join(dir, 'linked.json'), text);
    symlinkSync(join(dir, 'linked.json'), join(dir, 'soft.x12'));
    linkSync(join(dir, 'linked.json'), join(dir, 'hard.x12'));
    await assert.rejects(runExport(dir, ['linked.json', '--format', 'x12', '--out', 'soft.x12', '--db', db]), /is the input file/);
    await assert.rejects(runExport(dir, ['linked.json', '--format', 'x12', '--out', 'hard.x12', '--db', db]), /is the input file/);
    assert.equal(readFileSync(join(dir, 'linked.json'), 'utf8'), text);
  });

  test('--out naming another claim file or a note: refused', async () => {
    writeFileSync(join(dir, 'a.claim.json'), fixtureText('minimal.claim.json'));
    writeFileSync(join(dir, 'other.json'), fixtureText('minimal.claim.json'));
    writeFileSync(join(dir, 'visit.note'), 'Chief complaint: cough.');
    await assert.rejects(runExport(dir, ['a.claim.json', '--format', 'fhir', '--out', 'b.claim.json', '--db', db]), /is a claim file/);
    await assert.rejects(runExport(dir, ['a.claim.json', '--format', 'fhir', '--out', 'other.json', '--db', db]), /is a claim file/);
    await assert.rejects(runExport(dir, ['a.claim.json', '--format', 'fhir', '--out', 'visit.note', '--db', db]), /is a clinical note/);
    assert.equal(readFileSync(join(dir, 'visit.note'), 'utf8'), 'Chief complaint: cough.');
    assert.equal(existsSync(join(dir, 'b.claim.json')), false);
  });

  test('an ordinary output file is still written, and a claim JSON export (*.export.json) replaced', async () => {
    writeFileSync(join(dir, 'ok.claim.json'), fixtureText('minimal.claim.json'));
    const r = await runExport(dir, ['ok.claim.json', '--format', 'fhir', '--out', 'ok.fhir.json', '--db', db]);
    assert.equal(r.code, 0, r.stderr);
    assert.ok(existsSync(join(dir, 'ok.fhir.json')));
    for (let i = 0; i < 2; i++) {
      const j = await runExport(dir, ['ok.claim.json', '--format', 'claim-json', '--out', 'ok.export.json', '--db', db]);
      assert.equal(j.code, 0, j.stderr);
    }
  });
});


describe('medcode export with an override records it before the export exists', () => {
  let work = '';
  let tinyDb = '';
  before(async () => {
    work = mkdtempSync(join(tmpdir(), 'medcode-export-override-'));
    tinyDb = join(work, 'codesets.sqlite');
    await writeTinyDb(tinyDb);
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  const blocked = () => {
    const claim = JSON.parse(fixtureText('minimal.claim.json'));
    claim.billingProvider.npi = '1234567890';
    claim.renderingProvider.npi = '1234567890';
    return `${JSON.stringify(claim, null, 2)}\n`;
  };

  test('a read-only claim file: exit 1 with a sentence, no export, the claim unchanged', async () => {
    const text = blocked();
    writeFileSync(join(work, 'ro.claim.json'), text);
    chmodSync(join(work, 'ro.claim.json'), 0o444);
    const r = await runExport(work, ['ro.claim.json', '--format', 'x12', '--out', 'ro.x12', '--db', tinyDb, '--override', 'NPI confirmed']);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /could not be recorded in ro\.claim\.json \(the file is read-only\), so no export was written/);
    assert.equal(existsSync(join(work, 'ro.x12')), false);
    assert.equal(existsSync(join(work, 'ro.x12.audit.json')), false);
    assert.equal(readFileSync(join(work, 'ro.claim.json'), 'utf8'), text);
  });

  test('X12: the reason goes into <out>.audit.json beside the file and into the claim', async () => {
    writeFileSync(join(work, 'x.claim.json'), blocked());
    const r = await runExport(work, ['x.claim.json', '--format', 'x12', '--out', 'x.x12', '--db', tinyDb, '--override', 'NPI confirmed']);
    assert.equal(r.code, 0, r.stderr);
    const audit = JSON.parse(readFileSync(join(work, 'x.x12.audit.json'), 'utf8'));
    assert.equal(audit.exportFile, 'x.x12');
    assert.equal(audit.override.reason, 'NPI confirmed');
    assert.deepEqual(audit.override.blocking, ['claim.npi']);
    assert.equal(JSON.parse(readFileSync(join(work, 'x.claim.json'), 'utf8')).overrides[0].reason, 'NPI confirmed');
  });

  test('FHIR carries the override as a Claim extension (valid R4); claim JSON in "overrides"', async () => {
    writeFileSync(join(work, 'f.claim.json'), blocked());
    const r = await runExport(work, ['f.claim.json', '--format', 'fhir', '--out', 'f.fhir.json', '--db', tinyDb, '--override', 'NPI confirmed']);
    assert.equal(r.code, 0, r.stderr);
    const resource = JSON.parse(readFileSync(join(work, 'f.fhir.json'), 'utf8'));
    assert.deepEqual(fhirErrors(resource), []);
    const ext = resource.extension.find((e: { url: string }) => e.url === OVERRIDE_EXTENSION_URL);
    assert.ok(ext.extension.some((e: { url: string; valueString?: string }) => e.url === 'reason' && e.valueString === 'NPI confirmed'));
    writeFileSync(join(work, 'j.claim.json'), blocked());
    const j = await runExport(work, ['j.claim.json', '--format', 'claim-json', '--out', 'j.export.json', '--db', tinyDb, '--override', 'NPI confirmed']);
    assert.equal(j.code, 0, j.stderr);
    assert.equal(JSON.parse(readFileSync(join(work, 'j.export.json'), 'utf8')).overrides[0].reason, 'NPI confirmed');
  });
});
