// `medcode patients import` and `medcode claim` end to end in a temp workspace: patients imported
// from FHIR (bad files write nothing), a note's sidecar claim filled from the practice profile and
// the patient the note names, then `medcode export --format x12` on the result, checked by x12valid.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from '../../../src/cli/args';
import type { CliCommand } from '../../../src/cli/command';
import { command as claimCommand } from '../../../src/cli/commands/claim';
import { command as exportCommand } from '../../../src/cli/commands/export';
import { command as patientsCommand } from '../../../src/cli/commands/patients';
import { icd, tinySet, writeFixtureDatabase } from '../../support/fixtureIndex';
import { skipUnlessX12valid, validateX12Files } from '../../support/x12valid';

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'practice');
let dir = '';
let db = '';

const writeDb = (path: string): Promise<void> => writeFixtureDatabase(path, [{
  ...tinySet(),
  codes: ([['S52.521A', 'Torus fracture of lower end of right radius, initial encounter'], ['J45.20', 'Mild intermittent asthma, uncomplicated'], ['I10', 'Essential (primary) hypertension']] as const).map(([code, title]) => icd(code, title)),
}]);

async function run(command: CliCommand, argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await command.run(parseArgs(argv), { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; }, cwd: dir, env: { USER: 'tester' } });
  return { code, stdout, stderr };
}

const sidecar = {
  schemaVersion: '1',
  encounter: { setting: 'outpatient' },
  diagnoses: [{ code: 'S52.521A', system: 'icd10cm', status: 'accepted' }, { code: 'J45.20', system: 'icd10cm', status: 'accepted' }],
  lines: [
    { code: '99204', system: 'cpt', modifiers: ['25'], units: 1, charge: 0, diagnosisPointers: [1, 2], status: 'accepted' },
    { code: '20610', system: 'cpt', modifiers: ['RT'], units: 1, charge: 0, diagnosisPointers: [1], status: 'accepted' },
  ],
};

describe('medcode patients import and medcode claim', () => {
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'medcode-claim-'));
    db = join(dir, 'codesets.sqlite');
    await writeDb(db);
    mkdirSync(join(dir, '.medcode'));
    copyFileSync(join(FIXTURES, 'practice.json'), join(dir, '.medcode', 'practice.json'));
    copyFileSync(join(FIXTURES, 'visit-P-77.note'), join(dir, 'visit-P-77.note'));
    copyFileSync(join(FIXTURES, 'patients.fhir.json'), join(dir, 'patients.fhir.json'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('a bad patient file is refused naming the field, and nothing is written', async () => {
    writeFileSync(join(dir, 'bad.csv'), 'id,family,birthDate\nP-9,Lee,1950-02-30\n');
    const r = await run(patientsCommand, ['import', 'patients.fhir.json', 'bad.csv']);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /bad\.csv line 2: column "birthdate" "1950-02-30" is not a date YYYY-MM-DD/);
    assert.match(r.stderr, /nothing was written/);
    assert.equal(existsSync(join(dir, '.medcode', 'patients.json')), false);
  });

  test('patients import writes .medcode/patients.json', async () => {
    const r = await run(patientsCommand, ['import', 'patients.fhir.json']);
    assert.equal(r.code, 0, r.stderr);
    const store = JSON.parse(readFileSync(join(dir, '.medcode', 'patients.json'), 'utf8'));
    assert.deepEqual(store.patients.map((p: { id: string }) => p.id), ['P-1', 'P-77']);
  });

  test('without a sidecar or --suggested the command says what to do', async () => {
    await assert.rejects(run(claimCommand, ['visit-P-77.note']), /has no sidecar claim .* pass --suggested/);
  });

  test('an unknown --patient is refused and nothing is written', async () => {
    writeFileSync(join(dir, 'visit-P-77.note.claim.json'), JSON.stringify(sidecar));
    const r = await run(claimCommand, ['visit-P-77.note', '--patient', 'P-404', '--out', 'nope.claim.json']);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /No imported patient has the id "P-404"/);
    assert.equal(existsSync(join(dir, 'nope.claim.json')), false);
  });

  test('note -> claim -> export x12: filled from the profile and patient P-77, and the 837P passes x12valid', async (t) => {
    writeFileSync(join(dir, 'visit-P-77.note.claim.json'), JSON.stringify(sidecar));
    const made = await run(claimCommand, ['visit-P-77.note', '--date', '2024-08-14', '--out', 'visit.claim.json']);
    assert.equal(made.code, 0, made.stderr);
    assert.match(made.stderr, /field\(s\) from the practice profile; \d+ from patient P-77/);
    const claim = JSON.parse(readFileSync(join(dir, 'visit.claim.json'), 'utf8'));
    assert.equal(claim.subscriber.memberId, 'HMO-5550192');
    assert.equal(claim.billingProvider.npi, '1234567893');
    assert.deepEqual(claim.lines.map((l: { charge: number }) => l.charge), [210, 150]);
    assert.equal(claim.filledFrom['patient.name.family'].from, 'patient');

    const exported = await run(exportCommand, ['visit.claim.json', '--format', 'x12', '--out', 'visit.837', '--db', db]);
    assert.equal(exported.code, 0, exported.stderr);
    const skip = skipUnlessX12valid();
    if (skip) {
      t.diagnostic(skip);
      return;
    }
    const file = join(dir, 'visit.837');
    const verdict = validateX12Files([file]).get(file)!;
    assert.deepEqual(verdict.findings, []);
    assert.equal(verdict.ok, true);
  });

  test('--suggested without a code-set database says how to get one', async () => {
    await assert.rejects(run(claimCommand, ['visit-P-77.note', '--suggested', '--db', join(dir, 'none.sqlite')]), /no code-set database/);
  });
});
