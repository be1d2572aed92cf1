// Golden reads of the shared response samples: every 835, 277CA, 277 and 999 reads without error,
// with the claims, statuses, amounts and codes below (worked out from the files by hand).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { outcome277, outcome835 } from '../../../src/core/remit/outcome';
import { readRemit } from '../../../src/core/remit/reader';
import type { RemitDocument } from '../../../src/core/remit/types';
import { sharedPath, skipUnlessShared } from '../../support/shared';

const ERA = 'corpora/claims/x12_remit/era_835_parser';
const ACK = 'corpora/claims/x12_remit/imsweb_277ca';
const LFH = 'corpora/claims/x12_837/linuxforhealth/src/tests/resources/835_005010X221A1';
const IMS = 'corpora/claims/x12_837/imsweb_x12_parser/src/test/resources/837_5010';
const skip = skipUnlessShared(ERA, ACK, LFH, IMS);

const read = (...p: string[]): RemitDocument => readRemit(p[p.length - 1]!, readFileSync(sharedPath(...p), 'latin1'));

/** [CLP01, status, billed, paid, patient responsibility, adjustments, remarks, lines]. */
function summary835(d: RemitDocument): unknown[] {
  assert.equal(d.kind, '835');
  if (d.kind !== '835') return [];
  return d.claims.map((c) => {
    const o = outcome835(c);
    return [c.patientControlNumber, o.status, c.billed, c.paid, c.patientResponsibility, o.adjustments.map((a) => `${a.group}-${a.reason}:${a.amount}`).join(' '),
      o.remarks.map((r) => r.code).join(' '), c.lines.map((l) => `${l.code}${l.modifiers.length ? `-${l.modifiers.join('-')}` : ''}`).join(' ')];
  });
}

describe('shared response samples', { skip }, () => {
  test('era_835_parser: ST-level 835s read with default delimiters; counts that disagree are notices', () => {
    for (const n of [1, 2, 3, 4, 5, 6]) assert.doesNotThrow(() => read(ERA, `example_${n}.835`), `example_${n}.835`);
    const one = read(ERA, 'example_1.835');
    assert.deepEqual(summary835(one), [['474623UB001CW0321', 'paid', 3740.6, 5451.04, 0, 'CO-94:-1710.44', '', '']]);
    assert.equal(one.notices.length, 1);
    assert.deepEqual(summary835(read(ERA, 'example_2.835')), [['200200964A52', 'paid', 2100, 1922.86, 142.54, 'CO-42:34.6 PR-2:117.54 PR-3:25', '', '59430 59440 59426']]);
    const six = read(ERA, 'example_6.835');
    assert.equal(six.kind === '835' && six.payments.map((p) => [p.amount, p.traceNumber]).join('|'), '0,5003|300,5010');
  });

  test('linuxforhealth 835s: managed care, COB, secondary, tertiary, Medicare Part A with PLB', () => {
    assert.deepEqual(summary835(read(LFH, 'managed-care.835')), [
      ['5554555444', 'paid', 800, 450, 300, 'CO-A2:50 PR-1:300', '', '99211'],
      ['8765432112', 'paid', 1200, 495, 600, 'CO-A2:55 PR-1:600 CO-45:50', '', '93555'],
    ]);
    assert.deepEqual(summary835(read(LFH, 'cob-contractural-adjustment.835')), [['0001000055', 'paid', 541, 34, 0, 'OA-23:516 OA-94:-9', '', '55669']]);
    assert.deepEqual(summary835(read(LFH, 'secondary-payment.835')), [
      ['L0004828311', 'paid', 10323.64, 912, 0, 'OA-23:9411.64', '', ''],
      ['0001000053', 'paid', 751.5, 310, 220, 'OA-23:136.5 PR-1:150 PR-2:70 CO-42:85', '', '12345-26 66543-26'],
    ]);
    assert.deepEqual(summary835(read(LFH, 'tertiary-payment.835')), [['0001000054', 'paid', 1766.5, 187.5, 0, 'OA-23:1579', '', '']]);
    const a = read(LFH, 'medicare-part-a.835');
    assert.deepEqual(summary835(a), [
      ['666123', 'paid', 211366.97, 138018.4, 0, 'CO-45:73348.57', '', ''],
      ['777777', 'paid', 15000, 11980.33, 0, 'CO-45:3019.67', 'MA02', ''],
    ]);
    assert.deepEqual(a.kind === '835' && a.providerAdjustments, [{ providerId: '6543210903', date: '2002-12-31', reason: 'CV', reference: 'CP', amount: -1.27 }]);
  });

  test('277CA accepted and rejected (component separator | declared in ISA16), and a 277 status response', () => {
    const acc = read(ACK, 'x12_277CA_accepted.txt');
    assert.equal(acc.kind, '277CA');
    if (acc.kind !== '277CA') return;
    assert.deepEqual(acc.claims.map((c) => [c.patientControlNumber, outcome277(c).status, c.payerClaimControlNumber]), [['5781', 'accepted', '1107000000014420']]);
    const rej = read(ACK, 'x12_277CA_rejected.txt');
    if (rej.kind !== '277CA') return assert.fail('not a 277CA');
    const o = outcome277(rej.claims[0]!);
    assert.deepEqual([rej.claims[0]!.patientControlNumber, o.status, o.remarks.map((r) => r.code), o.rule], ['3920394930203', 'rejected', ['A7:562:85'], 'claim.npi']);
    assert.match(o.remarks[0]!.explanation, /Rejected for invalid information.*National Provider Identifier/);
    const status = read(ACK, 'x12_277_x212.txt');
    assert.equal(status.kind === '277CA' && status.claims.length, 8);
  });

  test('999 accepted and rejected', () => {
    const acc = read(IMS, 'x12_999_accepted.txt');
    if (acc.kind !== '999') return assert.fail('not a 999');
    assert.deepEqual(acc.groups.map((g) => [g.groupControlNumber, g.statusCode, g.transactions.map((t) => [t.controlNumber, t.statusCode])]), [['17456', 'A', [['0001', 'A']]]]);
    assert.match(acc.notices[0]!, /IEA02 does not match 000000286 in ISA13/);
    const rej = read(IMS, 'x12_999_rejected.txt');
    if (rej.kind !== '999') return assert.fail('not a 999');
    const t = rej.groups[0]!.transactions[0]!;
    assert.deepEqual([rej.groups[0]!.groupControlNumber, t.statusCode, t.syntaxErrors, t.segmentErrors.map((s) => `${s.segmentId}@${s.position}:${s.code}`)], ['28', 'R', ['5'], ['NM@17:1']]);
  });
});
