// `medcode remit` end to end on temp folders: the JSON contract, the history appended atomically
// and still a valid claim file, the same response recorded once, unmatched responses listed,
// reversals, 999s matched by the export's control numbers, and bad input changing nothing.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { billingCopy } from '../../../src/core/claim/export/index';
import { parseClaim } from '../../../src/core/claim/parse';
import { build835 } from '../../support/remit835';
import { claimFolder, run, snapshot } from './support';

const ERA = build835([
  { patientControlNumber: 'CLAIM-1', statusCode: '1', billed: 250, paid: 120, patientResponsibility: 30, payerClaimControlNumber: 'PCN111', lines: [
    { code: '99213', modifiers: ['25'], billed: 150, paid: 120, adjustments: [{ group: 'PR', reason: '2', amount: 30 }] },
    { code: '36415', billed: 100, paid: 0, adjustments: [{ group: 'CO', reason: '97', amount: 100 }], remarks: ['M15'] },
  ] },
  { patientControlNumber: 'CLAIM-2', statusCode: '4', billed: 250, paid: 0, payerClaimControlNumber: 'PCN222', adjustments: [{ group: 'CO', reason: '16', amount: 250 }], lines: [] },
  { patientControlNumber: 'NOT-OURS', statusCode: '1', billed: 40, paid: 40, payerClaimControlNumber: 'PCN999', lines: [{ code: '99211', billed: 40, paid: 40 }] },
], { controlNumber: 7 });

function readClaim(dir: string, id: string): Record<string, unknown> & { history?: { remittances?: Array<Record<string, unknown>>; acknowledgments?: Array<Record<string, unknown>> } } {
  return JSON.parse(readFileSync(join(dir, `${id}.claim.json`), 'utf8')) as never;
}

describe('medcode remit', () => {
  test('prints exactly the contract and records each remittance in its claim file', async () => {
    const dir = claimFolder(['CLAIM-1', 'CLAIM-2']);
    try {
      writeFileSync(join(dir, 'era.835'), ERA);
      const r = await run(dir, ['remit', 'era.835', '--claims', '.', '--json']);
      assert.equal(r.code, 0, r.stderr);
      const out = JSON.parse(r.stdout) as Array<Record<string, unknown>>;
      assert.equal(out.length, 1);
      assert.deepEqual(Object.keys(out[0]!), ['file', 'kind', 'claims', 'unmatched']);
      assert.equal(out[0]!.file, 'era.835');
      assert.equal(out[0]!.kind, '835');
      const claims = out[0]!.claims as Array<Record<string, unknown>>;
      assert.deepEqual(claims.map((c) => [c.claim, c.patientControlNumber, c.status, c.billed, c.paid, c.patientResponsibility, c.rule]), [
        ['CLAIM-1.claim.json', 'CLAIM-1', 'partial', 250, 120, 30, 'ncci.ptp'],
        ['CLAIM-2.claim.json', 'CLAIM-2', 'denied', 250, 0, 0, 'claim.required-field'],
      ]);
      for (const c of claims) {
        assert.deepEqual(Object.keys(c).filter((k) => k !== 'rule'), ['claim', 'patientControlNumber', 'status', 'billed', 'paid', 'patientResponsibility', 'adjustments', 'remarks']);
        for (const a of c.adjustments as Array<Record<string, unknown>>) assert.deepEqual(Object.keys(a), ['group', 'reason', 'amount', 'explanation']);
        for (const m of c.remarks as Array<Record<string, unknown>>) assert.deepEqual(Object.keys(m), ['code', 'explanation']);
      }
      const c1 = claims[0]!;
      assert.deepEqual((c1.adjustments as Array<{ group: string; reason: string; amount: number }>).map((a) => `${a.group}-${a.reason}:${a.amount}`), ['PR-2:30', 'CO-97:100']);
      assert.deepEqual(c1.remarks, [{ code: 'M15', explanation: 'Separately billed services were bundled: they are paid as part of another service.' }]);
      const unmatched = out[0]!.unmatched as Array<Record<string, unknown>>;
      assert.equal(unmatched.length, 1);
      assert.equal(unmatched[0]!.patientControlNumber, 'NOT-OURS');
      assert.match(String(unmatched[0]!.reason), /no claim in the folder has patient control number NOT-OURS/);

      const saved = readClaim(dir, 'CLAIM-1');
      const reparsed = parseClaim(JSON.stringify(saved));
      assert.ok(reparsed.ok, 'still a valid claim file');
      assert.equal('history' in billingCopy(reparsed.claim), false, 'the history stays out of billing exports');
      const rem = saved.history!.remittances!;
      assert.equal(rem.length, 1);
      assert.equal(rem[0]!.status, 'partial');
      assert.equal(rem[0]!.payerClaimControlNumber, 'PCN111');
      assert.deepEqual((rem[0]!.lines as Array<{ line?: number }>).map((l) => l.line), [0, 1], 'lines matched by code and modifiers');
      assert.deepEqual(readdirSync(dir).filter((f) => f.includes('.tmp-')), [], 'no temp file left behind');

      const before = snapshot(dir);
      const again = await run(dir, ['remit', 'era.835', '--claims', '.']);
      assert.equal(again.code, 0, again.stderr);
      assert.deepEqual(snapshot(dir), before, 'the same remittance read again is not recorded twice');
      assert.match(again.stdout, /0 claim file\(s\) updated/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a reversal (CLP02 = 22) and the corrected payment are both recorded', async () => {
    const dir = claimFolder(['CLAIM-3']);
    try {
      writeFileSync(join(dir, 'rev.835'), build835([
        { patientControlNumber: 'CLAIM-3', statusCode: '22', billed: -250, paid: -200, payerClaimControlNumber: 'PCN333', adjustments: [{ group: 'CR', reason: '45', amount: -50 }], lines: [] },
        { patientControlNumber: 'CLAIM-3', statusCode: '1', billed: 250, paid: 180, payerClaimControlNumber: 'PCN334', adjustments: [{ group: 'CO', reason: '45', amount: 70 }], lines: [] },
      ], { controlNumber: 8 }));
      const r = await run(dir, ['remit', 'rev.835', '--claims', '.', '--json']);
      assert.equal(r.code, 0, r.stderr);
      const claims = (JSON.parse(r.stdout) as Array<{ claims: Array<{ status: string; paid: number }> }>)[0]!.claims;
      assert.deepEqual(claims.map((c) => [c.status, c.paid]), [['reversed', -200], ['paid', 180]]);
      const rem = readClaim(dir, 'CLAIM-3').history!.remittances!;
      assert.deepEqual(rem.map((x) => x.statusCode), ['22', '1']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a 999 is matched by the group and transaction control numbers of the export', async () => {
    const exported = { exports: [{ at: '2025-01-02T10:00:00.000Z', format: 'x12', file: 'out.x12', interchangeControlNumber: '000000101', groupControlNumber: '101', transactionControlNumber: '0101', patientControlNumber: 'CLAIM-4' }] };
    const dir = claimFolder(['CLAIM-4'], { history: exported });
    try {
      const ack = (group: string) => [
        'ISA*00*          *00*          *ZZ*CLEARHOUSE     *ZZ*CLINIC         *250101*1200*^*00501*000000009*0*P*:',
        'GS*FA*CLEARHOUSE*CLINIC*20250101*1200*9*X*005010X231A1', 'ST*999*0001*005010X231A1', `AK1*HC*${group}*005010X222A1`,
        'AK2*837*0101*005010X222A1', 'IK3*N3*8**3', 'IK5*R*5', 'AK9*R*1*1*0', 'SE*8*0001', 'GE*1*9', 'IEA*1*000000009', '',
      ].join('~\n');
      writeFileSync(join(dir, 'a.999'), ack('101'));
      writeFileSync(join(dir, 'b.999'), ack('555'));
      const r = await run(dir, ['remit', 'a.999', 'b.999', '--claims', '.', '--json']);
      assert.equal(r.code, 0, r.stderr);
      const out = JSON.parse(r.stdout) as Array<{ kind: string; claims: Array<{ claim: string; status: string; billed: number; remarks: Array<{ code: string; explanation: string }> }>; unmatched: Array<{ reason: string }> }>;
      assert.equal(out[0]!.kind, '999');
      assert.deepEqual(out[0]!.claims.map((c) => [c.claim, c.status, c.billed]), [['CLAIM-4.claim.json', 'rejected', 250]]);
      assert.match(out[0]!.claims[0]!.remarks.map((m) => m.explanation).join(' '), /Segment N3 at position 8: a required segment is missing/);
      assert.equal(out[1]!.claims.length, 0);
      assert.match(out[1]!.unmatched[0]!.reason, /no claim in the folder was exported with group control number 555/);
      const acks = readClaim(dir, 'CLAIM-4').history!.acknowledgments!;
      assert.deepEqual(acks.map((a) => [a.kind, a.status]), [['999', 'rejected']]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a 277CA rejection is recorded, explained, names the rule, and puts the claim on the worklist', async () => {
    const dir = claimFolder(['CLAIM-5']);
    try {
      writeFileSync(join(dir, 'a.277'), [
        'ISA*00*          *00*          *ZZ*PAYER          *ZZ*CLINIC         *250101*1200*^*00501*000000003*0*P*|',
        'GS*HN*PAYER*CLINIC*20250101*1200*3*X*005010X214', 'ST*277*0003*005010X214', 'BHT*0085*08*1*20250101*1200*TH',
        'HL*1**20*1', 'NM1*PR*2*PAYER*****PI*P1', 'HL*2*1*21*1', 'NM1*41*2*CLINIC*****46*C1', 'HL*3*2*19*1', 'NM1*85*2*CLINIC*****XX*1234567893',
        'HL*4*3*PT', 'NM1*QC*1*DOE*JANE****MI*M1', 'TRN*2*CLAIM-5', 'STC*A7|562|85*20250101*U*250', 'DTP*472*D8*20241202',
        'SE*15*0003', 'GE*1*3', 'IEA*1*000000003', '',
      ].join('~\n'));
      const r = await run(dir, ['remit', 'a.277', '--claims', '.', '--json']);
      assert.equal(r.code, 0, r.stderr);
      const c = (JSON.parse(r.stdout) as Array<{ kind: string; claims: Array<{ status: string; rule?: string; remarks: Array<{ code: string; explanation: string }> }> }>)[0]!;
      assert.equal(c.kind, '277CA');
      assert.deepEqual([c.claims[0]!.status, c.claims[0]!.rule, c.claims[0]!.remarks[0]!.code], ['rejected', 'claim.npi', 'A7:562:85']);
      assert.match(c.claims[0]!.remarks[0]!.explanation, /Rejected for invalid information/);
      const w = JSON.parse((await run(dir, ['denials', '.', '--json', '--as-of', '2025-01-15'])).stdout) as { items: Array<{ status: string; amount: number; reasons: Array<{ code: string; rule?: string }> }> };
      assert.deepEqual(w.items.map((i) => [i.status, i.amount, i.reasons.map((x) => [x.code, x.rule])]), [['rejected', 250, [['A7:562:85', 'claim.npi']]]]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('bad input: exit 1, the file and segment named, and no claim file changed', async () => {
    const dir = claimFolder(['CLAIM-1', 'CLAIM-2']);
    try {
      writeFileSync(join(dir, 'good.835'), ERA);
      writeFileSync(join(dir, 'cut.835'), ERA.slice(0, ERA.indexOf('CLP*CLAIM-2') + 15));
      writeFileSync(join(dir, 'claim.837'), ERA.replace('ST*835*0007', 'ST*837*0007*005010X222A1'));
      writeFileSync(join(dir, 'spliced.835'), ERA.replace(/SE\*(\d+)\*0007/, 'SE*$1*0042'));
      const before = snapshot(dir);
      const r = await run(dir, ['remit', 'good.835', 'cut.835', 'claim.837', 'spliced.835', '--claims', '.', '--json']);
      assert.equal(r.code, 1);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, /cut\.835: segment \d+ \(CLP\): the file ends in the middle of this segment \(no segment terminator\): it was cut short/);
      assert.match(r.stderr, /claim\.837: segment 3 \(ST\): transaction set 837 is not a response/);
      assert.match(r.stderr, /spliced\.835: segment \d+ \(SE\): the transaction set control number 0042 in SE02 does not match 0007 in ST02/);
      assert.match(r.stderr, /No claim file was changed/);
      assert.deepEqual(snapshot(dir), before);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('usage errors name what is missing', async () => {
    const dir = claimFolder([]);
    try {
      const r = await run(dir, ['remit', 'x.835']);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /--claims names the folder/);
      const missing = await run(dir, ['remit', 'nope.835', '--claims', '.']);
      assert.equal(missing.code, 1);
      assert.match(missing.stderr, /nope\.835: start of file: cannot be opened \(ENOENT\)/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
