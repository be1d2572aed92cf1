// After the remittance: the denial worklist (reason, payer, age, amount), the corrected claim
// (frequency 7 + REF*F8, checks run again) and the appeal letter draft.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tinySet, writeFixtureDatabase } from '../../support/fixtureIndex';
import { build835 } from '../../support/remit835';
import { claimFolder, run, snapshot } from './support';
import { assertX12Valid, skipUnlessX12valid } from '../../support/x12valid';

const ERA = build835([
  { patientControlNumber: 'OLD-1', statusCode: '1', billed: 250, paid: 120, patientResponsibility: 30, payerClaimControlNumber: 'PCN111', lines: [
    { code: '99213', modifiers: ['25'], billed: 150, paid: 120, adjustments: [{ group: 'PR', reason: '2', amount: 30 }] },
    { code: '36415', billed: 100, paid: 0, adjustments: [{ group: 'CO', reason: '97', amount: 100 }], remarks: ['M15'] },
  ] },
  { patientControlNumber: 'NEW-2', statusCode: '4', billed: 250, paid: 0, payerClaimControlNumber: 'PCN222', adjustments: [{ group: 'CO', reason: '16', amount: 250 }], lines: [] },
  { patientControlNumber: 'PAID-3', statusCode: '1', billed: 250, paid: 200, payerClaimControlNumber: 'PCN333', adjustments: [{ group: 'CO', reason: '45', amount: 50 }], lines: [] },
], { controlNumber: 11 });

let dir = '';
let db = '';

describe('denials, corrections and appeals', () => {
  before(async () => {
    dir = claimFolder(['NEW-2', 'PAID-3']);
    // OLD-1 was sent in October, the others in late December.
    const sent = (id: string, at: string) => ({ exports: [{ at, format: 'x12', file: `${id}.x12`, groupControlNumber: '1', transactionControlNumber: '0001', patientControlNumber: id }] });
    for (const [id, at] of [['OLD-1', '2024-10-01T09:00:00.000Z'], ['NEW-2', '2024-12-28T09:00:00.000Z'], ['PAID-3', '2024-12-28T09:00:00.000Z']] as const) {
      const claim = JSON.parse(readFileSync(join(dir, 'NEW-2.claim.json'), 'utf8')) as Record<string, unknown>;
      writeFileSync(join(dir, `${id}.claim.json`), JSON.stringify({ ...claim, id, payer: { name: id === 'OLD-1' ? 'Blue Plan' : 'Acme Health Plan', id: 'PY' }, history: sent(id, at) }, null, 2));
    }
    writeFileSync(join(dir, 'era.835'), ERA);
    const r = await run(dir, ['remit', 'era.835', '--claims', '.']);
    assert.equal(r.code, 0, r.stderr);
    db = join(dir, 'codesets.sqlite');
    await writeFixtureDatabase(db, [tinySet('FY2025', '2024-10-01', '2025-09-30')]);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('the worklist lists open denials by reason, payer, age and amount', async () => {
    const r = await run(dir, ['denials', '.', '--json', '--as-of', '2025-01-15']);
    assert.equal(r.code, 0, r.stderr);
    const w = JSON.parse(r.stdout) as {
      items: Array<{ claim: string; status: string; ageDays: number; age: string; amount: number; payer: string; reasons: Array<{ code: string; rule?: string }> }>;
      byReason: Array<{ key: string; count: number; amount: number; rule?: string }>; byPayer: Array<{ key: string; amount: number }>; byAge: Array<{ key: string; count: number; amount: number }>;
      total: { count: number; amount: number };
    };
    assert.deepEqual(w.items.map((i) => [i.claim, i.status, i.ageDays, i.age, i.amount, i.payer]), [
      ['OLD-1.claim.json', 'partial', 106, '90+', 100, 'Blue Plan'],
      ['NEW-2.claim.json', 'denied', 18, '0-30', 250, 'Acme Health Plan'],
    ]);
    assert.deepEqual(w.items[0]!.reasons.map((x) => [x.code, x.rule]), [['CO-97', 'ncci.ptp']]);
    assert.deepEqual(w.byReason.map((t) => [t.key, t.count, t.amount, t.rule]), [['CO-16', 1, 250, 'claim.required-field'], ['CO-97', 1, 100, 'ncci.ptp']]);
    assert.deepEqual(w.byAge.map((t) => [t.key, t.count, t.amount]), [['0-30', 1, 250], ['31-60', 0, 0], ['61-90', 0, 0], ['90+', 1, 100]]);
    assert.deepEqual(w.byPayer.map((t) => [t.key, t.amount]), [['Acme Health Plan', 250], ['Blue Plan', 100]]);
    assert.deepEqual(w.total, { count: 2, amount: 350 });
    const text = await run(dir, ['denials', '.', '--as-of', '2025-01-15']);
    assert.match(text.stdout, /2 open claim\(s\), 350\.00 at stake/);
  });

  test('the audit report gains a remittance section: paid against billed, denial rate by reason and by rule', async () => {
    const r = await run(dir, ['audit', '.', '--db', db, '--report', 'md']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /## Remittances\n\n3 claim\(s\) with a remittance: billed 750\.00, paid 320\.00 \(42\.7%\)/);
    assert.match(r.stdout, /\| CO-16 \| 1 \| 33\.3% \| claim\.required-field \|/);
    assert.match(r.stdout, /\| ncci\.ptp \| 1 \| 33\.3% \|/);
    const html = await run(dir, ['audit', '.', '--db', db, '--report', 'html']);
    assert.match(html.stdout, /<section id="remittances"><h2>Remittances<\/h2>[\s\S]*<td>CO-97<\/td>[\s\S]*<\/section>\n<\/body>/);
  });

  test('the corrected claim is frequency 7 with REF*F8 = the payer claim number, and is recorded', async () => {
    const r = await run(dir, ['correct', 'NEW-2.claim.json', '--out', 'NEW-2.corrected.x12', '--db', db, '--control-number', '12']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /frequency 7\): replaces the payer's claim PCN222/);
    const x12 = readFileSync(join(dir, 'NEW-2.corrected.x12'), 'utf8');
    assert.match(x12, /CLM\*NEW-2\*250\.00\*\*\*11:B:7\*/);
    assert.match(x12, /~\nREF\*F8\*PCN222~\nHI\*/);
    const saved = JSON.parse(readFileSync(join(dir, 'NEW-2.claim.json'), 'utf8')) as { history: { exports: Array<{ frequency?: string; originalPayerClaimControlNumber?: string; groupControlNumber?: string }> } };
    const last = saved.history.exports.at(-1)!;
    assert.deepEqual([last.frequency, last.originalPayerClaimControlNumber, last.groupControlNumber], ['7', 'PCN222', '12']);
    const w = JSON.parse((await run(dir, ['denials', '.', '--json', '--as-of', '2025-01-15'])).stdout) as { items: Array<{ claim: string }> };
    assert.deepEqual(w.items.map((i) => i.claim), ['OLD-1.claim.json'], 'a resubmitted claim leaves the worklist');
  });

  test('a correction with blocking errors is refused and writes nothing', async () => {
    const claim = JSON.parse(readFileSync(join(dir, 'OLD-1.claim.json'), 'utf8')) as { lines: Array<{ diagnosisPointers: number[] }> };
    claim.lines[0]!.diagnosisPointers = [5];
    writeFileSync(join(dir, 'OLD-1.claim.json'), JSON.stringify(claim, null, 2));
    const before = snapshot(dir);
    const r = await run(dir, ['correct', 'OLD-1.claim.json', '--out', 'OLD-1.corrected.x12', '--db', db]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /has \d+ blocking error\(s\).*\n.*claim\.pointer/);
    assert.deepEqual(snapshot(dir), before);
  });

  test('a correction with an override: the reason goes on file before the export; a read-only claim file gets no export', async (t) => {
    // An error an override may pass (an NPI that fails its check digit), not one the 837P cannot carry.
    const claimFile = join(dir, 'COPY-1.claim.json');
    const claim = JSON.parse(readFileSync(join(dir, 'OLD-1.claim.json'), 'utf8')) as { lines: Array<{ diagnosisPointers: number[] }>; billingProvider: { npi: string } };
    claim.lines[0]!.diagnosisPointers = [1];
    claim.billingProvider.npi = '1234567890';
    writeFileSync(claimFile, JSON.stringify(claim, null, 2));
    const before = readFileSync(claimFile, 'utf8');
    chmodSync(claimFile, 0o444);
    try {
      const r = await run(dir, ['correct', 'COPY-1.claim.json', '--out', 'COPY-1.corrected.x12', '--db', db, '--override', 'payer asked for the corrected claim as is']);
      assert.equal(r.code, 1);
      assert.match(r.stderr, /could not be recorded in COPY-1\.claim\.json \(the file is read-only\), so no export was written/);
      assert.ok(!existsSync(join(dir, 'COPY-1.corrected.x12')), 'no corrected claim without its override on file');
      assert.equal(readFileSync(claimFile, 'utf8'), before);
    } finally {
      chmodSync(claimFile, 0o644);
    }
    const r = await run(dir, ['correct', 'COPY-1.claim.json', '--out', 'COPY-1.corrected.x12', '--db', db, '--override', 'payer asked for the corrected claim as is']);
    assert.equal(r.code, 0, r.stderr);
    const saved = JSON.parse(readFileSync(claimFile, 'utf8')) as { overrides?: Array<{ reason: string }> };
    assert.equal(saved.overrides?.at(-1)?.reason, 'payer asked for the corrected claim as is');
    assert.ok(existsSync(join(dir, 'COPY-1.corrected.x12.audit.json')), 'the override travels with the X12 file');
    assert.match(readFileSync(join(dir, 'COPY-1.corrected.x12'), 'utf8'), /CLM\*[^~]*\*11:B:7\*/);
    const skip = skipUnlessX12valid();
    if (skip) {
      t.diagnostic(skip);
      return;
    }
    assertX12Valid([{ name: 'COPY-1.corrected.x12', text: readFileSync(join(dir, 'COPY-1.corrected.x12'), 'utf8') }]);
  });

  test('a paid claim with nothing denied: the appeal is refused with the reason', async () => {
    const r = await run(dir, ['appeal', 'PAID-3.claim.json', '--out', 'x.md']);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /needs a denied or partially paid claim; this claim is paid/);
  });

  test('the appeal letter cites the denial, the services, the evidence and the edit, in Markdown and HTML', async () => {
    const md = await run(dir, ['appeal', 'OLD-1.claim.json', '--out', 'appeal.md']);
    assert.equal(md.code, 0, md.stderr);
    const letter = readFileSync(join(dir, 'appeal.md'), 'utf8');
    assert.match(letter, /^# Appeal: request for reconsideration/);
    assert.match(letter, /claim PCN111/);
    assert.match(letter, /- CO-97 \(\$100\.00, line 2\): Paid as part of another service/);
    assert.match(letter, /- M15: /);
    assert.match(letter, /Line 2: 36415, 1 unit\(s\), \$100\.00, for diagnosis I10/);
    assert.match(letter, /I10: "hypertension"/);
    assert.match(letter, /NCCI procedure-to-procedure edits/);
    const html = await run(dir, ['appeal', 'OLD-1.claim.json', '--out', 'appeal.html']);
    assert.equal(html.code, 0, html.stderr);
    const page = readFileSync(join(dir, 'appeal.html'), 'utf8');
    assert.match(page, /^<!DOCTYPE html>/);
    assert.match(page, /<li>I10: &quot;hypertension&quot;<\/li>/);
  });
});
