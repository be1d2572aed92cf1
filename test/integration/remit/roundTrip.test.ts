// The real round trip: `medcode export` (X12 837P) -> ../shared/tools/x12valid --ack (the 999 a
// clearinghouse returns) -> `medcode remit` records it on the claim; then an 835 built for the
// claim (validated by x12valid) records a denial, `medcode correct` writes the replacement claim
// (frequency 7, REF*F8) and x12valid accepts it.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tinySet, writeFixtureDatabase } from '../../support/fixtureIndex';
import { build835 } from '../../support/remit835';
import { sharedPath, skipUnlessShared } from '../../support/shared';
import { claimFolder, MINIMAL, run } from '../../unit/remit/support';

const skip = skipUnlessShared('tools/x12valid');
const x12valid = (...args: string[]) => spawnSync(sharedPath('tools/x12valid'), args, { encoding: 'utf8' });

let dir = '';
let db = '';

describe('export -> x12valid 999 -> medcode remit -> 835 -> correct -> x12valid', { skip }, () => {
  before(async () => {
    dir = claimFolder(['RT-1'], { billingProvider: { ...MINIMAL.billingProvider, address: { line1: '1 Main St', city: 'Springfield', state: 'IL', postalCode: '62701-0001' } } });
    db = join(dir, 'codesets.sqlite');
    await writeFixtureDatabase(db, [tinySet('FY2025', '2024-10-01', '2025-09-30')]);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('the clearinghouse 999 for the exported claim is matched by its control numbers', async () => {
    const exp = await run(dir, ['export', 'RT-1.claim.json', '--format', 'x12', '--out', 'RT-1.x12', '--db', db, '--control-number', '4711', '--contact-phone', '2175550100']);
    assert.equal(exp.code, 0, exp.stderr);
    const saved = JSON.parse(readFileSync(join(dir, 'RT-1.claim.json'), 'utf8')) as { history: { exports: Array<{ groupControlNumber: string; transactionControlNumber: string; patientControlNumber: string }> } };
    assert.deepEqual(saved.history.exports.map((e) => [e.groupControlNumber, e.transactionControlNumber, e.patientControlNumber]), [['4711', '4711', 'RT-1']]);

    const acks = join(dir, 'acks');
    mkdirSync(acks);
    const v = x12valid('--ack', acks, join(dir, 'RT-1.x12'));
    const r = await run(dir, ['remit', 'acks/RT-1.x12.999', '--claims', '.', '--json']);
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout) as Array<{ kind: string; claims: Array<{ claim: string; status: string; remarks: Array<{ code: string }> }>; unmatched: unknown[] }>;
    assert.equal(out[0]!.kind, '999');
    assert.deepEqual(out[0]!.unmatched, []);
    assert.equal(out[0]!.claims[0]!.claim, 'RT-1.claim.json');
    assert.equal(out[0]!.claims[0]!.status, v.status === 0 ? 'accepted' : 'rejected', `x12valid said:\n${v.stdout}`);
    assert.equal(v.status, 0, `our 837P should pass x12valid:\n${v.stdout}`);
  });

  test('an 835 that denies a line is valid X12, is recorded, and the corrected claim passes x12valid', async () => {
    const era = build835([{ patientControlNumber: 'RT-1', statusCode: '1', billed: 250, paid: 110, patientResponsibility: 20, payerClaimControlNumber: 'PAYER-RT-1', lines: [
      { code: '99213', modifiers: ['25'], billed: 150, paid: 110, adjustments: [{ group: 'CO', reason: '45', amount: 20 }, { group: 'PR', reason: '3', amount: 20 }] },
      { code: '36415', billed: 100, paid: 0, adjustments: [{ group: 'CO', reason: '97', amount: 100 }], remarks: ['M15'] },
    ] }], { controlNumber: 31 });
    writeFileSync(join(dir, 'RT-1.835'), era);
    const v = x12valid(join(dir, 'RT-1.835'));
    assert.equal(v.status, 0, `the built 835 must pass x12valid:\n${v.stdout}`);
    const r = await run(dir, ['remit', 'RT-1.835', '--claims', '.', '--json']);
    assert.equal(r.code, 0, r.stderr);
    const c = (JSON.parse(r.stdout) as Array<{ claims: Array<{ status: string; rule?: string }> }>)[0]!.claims[0]!;
    assert.deepEqual([c.status, c.rule], ['partial', 'ncci.ptp']);

    const fix = await run(dir, ['correct', 'RT-1.claim.json', '--out', 'RT-1.corrected.x12', '--db', db, '--control-number', '4712', '--contact-phone', '2175550100']);
    assert.equal(fix.code, 0, fix.stderr);
    const corrected = readFileSync(join(dir, 'RT-1.corrected.x12'), 'utf8');
    assert.match(corrected, /CLM\*RT-1\*250\.00\*\*\*11:B:7\*/);
    assert.match(corrected, /REF\*F8\*PAYER-RT-1~/);
    const check = x12valid(join(dir, 'RT-1.corrected.x12'));
    assert.equal(check.status, 0, `the corrected claim must pass x12valid:\n${check.stdout}`);
  });
});
