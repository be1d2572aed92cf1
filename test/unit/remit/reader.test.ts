// The X12 readers: delimiters taken from each ISA, chunk boundaries anywhere, the three response
// kinds, and bad input refused with the file and segment named.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { RemitReader, readRemit } from '../../../src/core/remit/reader';
import { RemitReadError } from '../../../src/core/remit/errors';
import type { Remit835Document } from '../../../src/core/remit/types';
import { build835 } from '../../support/remit835';

const ONE = build835([
  { patientControlNumber: 'CLAIM-1', statusCode: '1', billed: 250, paid: 120, patientResponsibility: 30, payerClaimControlNumber: 'PCN111', lines: [
    { code: '99213', modifiers: ['25'], billed: 150, paid: 120, adjustments: [{ group: 'PR', reason: '2', amount: 30 }], lineControlNumber: 'CLAIM-1-1' },
    { code: '36415', billed: 100, paid: 0, adjustments: [{ group: 'CO', reason: '97', amount: 100 }], remarks: ['M15'] },
  ] },
  { patientControlNumber: 'CLAIM-2', statusCode: '4', billed: 80, paid: 0, payerClaimControlNumber: 'PCN222', adjustments: [{ group: 'CO', reason: '16', amount: 80 }], lines: [] },
], { controlNumber: 7 });

function as835(text: string, file = 't.835'): Remit835Document {
  const d = readRemit(file, text);
  assert.equal(d.kind, '835');
  return d as Remit835Document;
}

describe('835 reader', () => {
  test('reads payment, claims, adjustments, line control numbers and remarks', () => {
    const d = as835(ONE);
    assert.equal(d.payments[0]!.amount, 120);
    assert.equal(d.payments[0]!.traceNumber, 'TRACE7');
    assert.equal(d.payments[0]!.envelope.interchangeControlNumber, '000000007');
    assert.equal(d.claims.length, 2);
    const [a, b] = d.claims;
    assert.deepEqual([a!.patientControlNumber, a!.statusCode, a!.billed, a!.paid, a!.patientResponsibility, a!.payerClaimControlNumber], ['CLAIM-1', '1', 250, 120, 30, 'PCN111']);
    assert.deepEqual(a!.lines[0]!.modifiers, ['25']);
    assert.equal(a!.lines[0]!.lineControlNumber, 'CLAIM-1-1');
    assert.deepEqual(a!.lines[1]!.adjustments, [{ group: 'CO', reason: '97', amount: 100 }]);
    assert.deepEqual(a!.lines[1]!.remarks, ['M15']);
    assert.deepEqual(b!.adjustments, [{ group: 'CO', reason: '16', amount: 80 }]);
    assert.deepEqual(d.notices, []);
  });

  test('uses the delimiters the ISA declares', () => {
    const odd = build835([{ patientControlNumber: 'X-1', statusCode: '1', billed: 10, paid: 10, payerClaimControlNumber: 'P', lines: [{ code: '99211', modifiers: ['95'], billed: 10, paid: 10 }] }], { element: '|', component: '>', segment: '!' });
    const d = as835(odd);
    assert.equal(d.claims[0]!.lines[0]!.code, '99211');
    assert.deepEqual(d.claims[0]!.lines[0]!.modifiers, ['95']);
  });

  test('gives the same result whatever the chunk size', () => {
    const whole = as835(ONE);
    for (const size of [1, 7, 105, 106, 4096]) {
      const r = new RemitReader('t.835');
      for (let i = 0; i < ONE.length; i += size) r.push(ONE.slice(i, i + size));
      assert.deepEqual(r.end(), whole, `chunk size ${size}`);
    }
  });

  test('streams claims to a callback without keeping them', () => {
    const seen: string[] = [];
    const r = new RemitReader('t.835', { keepClaims: false, onClaim: (c) => seen.push(c.patientControlNumber) });
    r.push(ONE);
    const d = r.end() as Remit835Document;
    assert.deepEqual(seen, ['CLAIM-1', 'CLAIM-2']);
    assert.equal(d.claims.length, 0);
    assert.equal(d.claimCount, 2);
  });
});

describe('999 and 277CA readers', () => {
  test('999: the acknowledged group, transaction, segment and element errors', () => {
    const text = [
      'ISA*00*          *00*          *ZZ*CLEARHOUSE     *ZZ*CLINIC         *250101*1200*^*00501*000000009*0*P*:',
      'GS*FA*CLEARHOUSE*CLINIC*20250101*1200*9*X*005010X231A1', 'ST*999*0001*005010X231A1', 'AK1*HC*101*005010X222A1',
      'AK2*837*0101*005010X222A1', 'IK3*NM1*17*2010AA*8', 'IK4*9*67*7*ZZ', 'IK5*R*5', 'AK9*R*1*1*0', 'SE*9*0001', 'GE*1*9', 'IEA*1*000000009', '',
    ].join('~\n');
    const d = readRemit('a.999', text);
    assert.equal(d.kind, '999');
    if (d.kind !== '999') return;
    const g = d.groups[0]!;
    assert.deepEqual([g.functionalId, g.groupControlNumber, g.statusCode], ['HC', '101', 'R']);
    const t = g.transactions[0]!;
    assert.deepEqual([t.controlNumber, t.statusCode, t.syntaxErrors], ['0101', 'R', ['5']]);
    assert.deepEqual(t.segmentErrors[0], { segmentId: 'NM1', position: '17', loop: '2010AA', code: '8', elements: [{ position: '9', code: '7', value: 'ZZ' }] });
  });

  test('277CA: the patient control number, statuses with the declared component separator, payer claim number', () => {
    const text = [
      'ISA*00*          *00*          *ZZ*PAYER          *ZZ*CLINIC         *250101*1200*^*00501*000000003*0*P*|',
      'GS*HN*PAYER*CLINIC*20250101*1200*3*X*005010X214', 'ST*277*0003*005010X214', 'BHT*0085*08*1*20250101*1200*TH',
      'HL*1**20*1', 'NM1*PR*2*PAYER*****PI*P1', 'HL*2*1*21*1', 'NM1*41*2*CLINIC*****46*C1', 'HL*3*2*19*1', 'NM1*85*2*CLINIC*****XX*1234567893',
      'HL*4*3*PT', 'NM1*QC*1*DOE*JANE****MI*M1', 'TRN*2*CLAIM-9', 'STC*A7|562|85*20250101*U*125', 'REF*1K*PAYER-77', 'DTP*472*D8*20241230',
      'SVC*HC|99213*125****1', 'STC*A7|453*20250101*U', 'REF*FJ*CLAIM-9-1', 'SE*18*0003', 'GE*1*3', 'IEA*1*000000003', '',
    ].join('~');
    const d = readRemit('a.277', text);
    assert.equal(d.kind, '277CA');
    if (d.kind !== '277CA') return;
    const c = d.claims[0]!;
    assert.equal(c.patientControlNumber, 'CLAIM-9');
    assert.equal(c.payerClaimControlNumber, 'PAYER-77');
    assert.equal(c.billed, 125);
    assert.deepEqual(c.statuses, [{ category: 'A7', status: '562', entity: '85' }]);
    assert.deepEqual(c.lines[0], { code: '99213', modifiers: [], billed: 125, lineControlNumber: 'CLAIM-9-1', statuses: [{ category: 'A7', status: '453' }] });
  });
});

describe('bad input', () => {
  const expectError = (text: string, pattern: RegExp) => {
    assert.throws(() => readRemit('bad.835', text), (e: unknown) => {
      assert.ok(e instanceof RemitReadError, String(e));
      assert.match(e.message, /^bad\.835: /);
      assert.match(e.message, pattern);
      return true;
    });
  };

  test('a truncated 835 names the last segment and says it was cut short', () => {
    expectError(ONE.slice(0, ONE.indexOf('CLP*CLAIM-2') + 20), /segment \d+ \(CLP\): the file ends in the middle of this segment \(no segment terminator\): it was cut short/);
    expectError(ONE.slice(0, ONE.indexOf('CLP*CLAIM-2')), /segment \d+ \(LQ\): the file ends inside transaction set 835 0007 \(no SE\): it was cut short/);
  });

  test('a claim (837) is not a response', () => {
    const text = ONE.replace('ST*835*0007', 'ST*837*0007*005010X222A1');
    expectError(text, /segment 3 \(ST\): transaction set 837 is not a response MedCode reads.*this is a claim/);
  });

  test('a transaction control number in SE that does not match ST', () => {
    expectError(ONE.replace(/SE\*(\d+)\*0007/, 'SE*$1*0008'), /\(SE\): the transaction set control number 0008 in SE02 does not match 0007 in ST02/);
  });

  test('a group control number in GE that does not match GS', () => {
    expectError(ONE.replace('GE*1*7~', 'GE*1*70~'), /\(GE\): the group control number 70 in GE02 does not match 7 in GS06/);
  });

  test('an amount that is not a number', () => {
    expectError(ONE.replace('CLP*CLAIM-1*1*250*', 'CLP*CLAIM-1*1*2x0*'), /\(CLP\): CLP03 "2x0" is not an amount/);
  });

  test('text that is not X12, and an empty file', () => {
    expectError('{"schemaVersion": "1"}', /segment 1: the file does not start with an ISA/);
    expectError('   \n', /start of file: the file is empty/);
  });

  test('a count in SE that disagrees is a notice, not an error', () => {
    const d = as835(ONE.replace(/SE\*\d+\*0007/, 'SE*99*0007'));
    assert.equal(d.claims.length, 2);
    assert.match(d.notices[0]!, /SE01 says 99 segments but the transaction set holds \d+ \(ST to SE\)/);
  });
});
