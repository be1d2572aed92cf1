// `medcode export` end to end on a tiny code-set database written to a temp folder: the rules
// run first, a blocked export writes nothing and exits non-zero, an override is recorded in the
// claim file, and a clean claim is written atomically.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from '../../../src/cli/args';
import { command } from '../../../src/cli/commands/export';
import { writeFixtureDatabase } from '../../support/fixtureIndex';
import { fixtureText } from './support';

let dir = '';
let db = '';

const writeTinyDb = (path: string): Promise<void> => writeFixtureDatabase(path);

async function run(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await command.run(parseArgs(argv), { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; }, cwd: dir, env: { USER: 'tester' } });
  return { code, stdout, stderr };
}

describe('medcode export', () => {
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'medcode-export-'));
    db = join(dir, 'codesets.sqlite');
    await writeTinyDb(db);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const format of ['claim-json', 'fhir', 'x12'] as const) {
    test(`writes the minimal claim as ${format}`, async () => {
      writeFileSync(join(dir, 'ok.claim.json'), fixtureText('minimal.claim.json'));
      const r = await run(['ok.claim.json', '--format', format, '--out', `ok.${format}`, '--db', db]);
      assert.equal(r.code, 0, r.stderr);
      const out = readFileSync(join(dir, `ok.${format}`), 'utf8');
      assert.ok(out.length > 0);
      assert.deepEqual(readdirSync(dir).filter((f) => f.includes('.tmp-')), [], 'no temp file left behind');
    });
  }

  test('refuses a claim with rule errors: exit 1, the errors listed, no file', async () => {
    const claim = JSON.parse(fixtureText('minimal.claim.json'));
    claim.billingProvider.npi = '1234567890';
    claim.lines[0].diagnosisPointers = [3];
    writeFileSync(join(dir, 'bad.claim.json'), JSON.stringify(claim));
    const r = await run(['bad.claim.json', '--format', 'x12', '--out', 'bad.x12', '--db', db]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /claim\.npi: /);
    assert.match(r.stderr, /claim\.pointer: /);
    assert.match(r.stderr, /No file was written/);
    assert.equal(existsSync(join(dir, 'bad.x12')), false);
  });

  test('an override writes the file and records the reason in the claim file', async () => {
    const claim = JSON.parse(fixtureText('minimal.claim.json'));
    claim.billingProvider.npi = '1234567890';
    claim.renderingProvider.npi = '1234567890';
    claim.customField = 'kept';
    writeFileSync(join(dir, 'ovr.claim.json'), JSON.stringify(claim));
    const r = await run(['ovr.claim.json', '--format', 'fhir', '--out', 'ovr.fhir.json', '--db', db, '--override', 'NPI confirmed with the payer']);
    assert.equal(r.code, 0, r.stderr);
    assert.ok(existsSync(join(dir, 'ovr.fhir.json')));
    const saved = JSON.parse(readFileSync(join(dir, 'ovr.claim.json'), 'utf8'));
    assert.equal(saved.customField, 'kept', 'members the schema does not know survive');
    assert.equal(saved.overrides.length, 1);
    assert.equal(saved.overrides[0].reason, 'NPI confirmed with the payer');
    assert.equal(saved.overrides[0].who, 'tester');
    assert.deepEqual(saved.overrides[0].blocking, ['claim.npi']);
    assert.equal(saved.audit.at(-1).action, 'export-override');
  });

  test('a claim that fails the schema is reported with the file name and member paths', async () => {
    writeFileSync(join(dir, 'broken.claim.json'), '{"schemaVersion": "1", "lines": []}');
    const r = await run(['broken.claim.json', '--format', 'x12', '--out', 'broken.x12', '--db', db]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /broken\.claim\.json is not a valid claim/);
    assert.match(r.stderr, /"encounter" is missing/);
    assert.equal(existsSync(join(dir, 'broken.x12')), false);
  });

  test('usage errors name the flag', async () => {
    await assert.rejects(run(['x.json', '--format', 'pdf', '--out', 'x', '--db', db]), /--format takes claim-json, fhir, x12, not "pdf"/);
    await assert.rejects(run(['x.json', '--format', 'x12', '--db', db]), /--out names the file/);
  });
});
