// Claim status from an 835 and the explanations: our own wording for every code, the rule that
// would have caught each denial, and the link for codes we have no wording for.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { carcInfo, CARC_LIST_URL, explainAdjustment } from '../../../src/core/remit/carc';
import { explainRemark, RARC_LIST_URL } from '../../../src/core/remit/rarc';
import { outcome835, status835 } from '../../../src/core/remit/outcome';
import type { Remit835Claim, Remit835Line } from '../../../src/core/remit/types';

const line = (paid: number, adjustments: Remit835Line['adjustments'] = []): Remit835Line => ({ qualifier: 'HC', code: '99213', modifiers: [], billed: 100, paid, units: 1, adjustments, remarks: [] });
const claim = (statusCode: string, paid: number, lines: Remit835Line[], adjustments: Remit835Claim['adjustments'] = []) => ({ statusCode, paid, lines, adjustments });

describe('835 claim status', () => {
  test('paid: every line paid, only contractual and patient adjustments', () => {
    assert.equal(status835(claim('1', 150, [line(80, [{ group: 'CO', reason: '45', amount: 10 }, { group: 'PR', reason: '2', amount: 10 }]), line(70, [{ group: 'PR', reason: '1', amount: 30 }])])), 'paid');
  });
  test('partial: a line denied while another is paid', () => {
    assert.equal(status835(claim('1', 80, [line(80), line(0, [{ group: 'CO', reason: '97', amount: 100 }])])), 'partial');
  });
  test('partial: a line paid nothing even without a reason', () => {
    assert.equal(status835(claim('1', 80, [line(80), line(0)])), 'partial');
  });
  test('denied: nothing paid, CLP02 = 4 or a denial reason', () => {
    assert.equal(status835(claim('4', 0, [line(0)])), 'denied');
    assert.equal(status835(claim('1', 0, [], [{ group: 'CO', reason: '16', amount: 100 }])), 'denied');
  });
  test('a claim applied wholly to the deductible is paid (the patient owes it), not denied', () => {
    assert.equal(status835(claim('1', 0, [line(0, [{ group: 'PR', reason: '1', amount: 100 }])])), 'paid');
  });
  test('reversed: CLP02 = 22, whatever the amounts', () => {
    assert.equal(status835(claim('22', -100, [line(-100)])), 'reversed');
  });
});

describe('explanations', () => {
  test('each denial that a MedCode rule checks names the rule', () => {
    const expected: Record<string, string> = { '97': 'ncci.ptp', '4': 'modifier.invalid', '11': 'icd10cm.excludes1', '16': 'claim.required-field', '18': 'claim.duplicate-line', '151': 'ncci.mue' };
    for (const [code, rule] of Object.entries(expected)) assert.equal(carcInfo(code)?.rule, rule, `CARC ${code}`);
  });

  test('the outcome carries the explanation and the rule of the first denial', () => {
    const c: Remit835Claim = {
      payment: { envelope: { transactionControlNumber: '1' }, amount: 0 }, patientControlNumber: 'A', statusCode: '1', billed: 200, paid: 80, patientResponsibility: 20,
      adjustments: [], remarks: ['MA01'], lines: [line(80, [{ group: 'PR', reason: '3', amount: 20 }]), { ...line(0, [{ group: 'CO', reason: '151', amount: 100 }]), remarks: ['N362'] }],
    };
    const o = outcome835(c);
    assert.equal(o.status, 'partial');
    assert.equal(o.rule, 'ncci.mue');
    assert.deepEqual(o.adjustments.map((a) => `${a.group}-${a.reason}`), ['PR-3', 'CO-151']);
    assert.match(o.adjustments[1]!.explanation, /units/);
    assert.match(o.adjustments[1]!.explanation, /contractual obligation/);
    assert.deepEqual(o.remarks.map((r) => r.code), ['MA01', 'N362']);
  });

  test('a code without our wording points at the official list instead of inventing text', () => {
    assert.match(explainAdjustment('CO', 'P99'), new RegExp(CARC_LIST_URL.replace(/[.]/g, '\\.')));
    assert.match(explainRemark('N9999'), new RegExp(RARC_LIST_URL.replace(/[.]/g, '\\.')));
  });
});
