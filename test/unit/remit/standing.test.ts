// Where a claim stands from its history: the latest remittance after the latest export, else the
// acknowledgments; the balance the panel shows.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ClaimHistory, RemittanceRecord } from '../../../src/core/claim/history';
import { claimStanding, remittanceBalance } from '../../../src/core/remit/standing';

const remit = (at: string, over: Partial<RemittanceRecord>): RemittanceRecord => ({
  id: at, recordedAt: at, file: 'era.835', status: 'paid', statusCode: '1', billed: 250, paid: 0, patientResponsibility: 0, adjustments: [], remarks: [], lines: [], ...over,
});

describe('claim standing', () => {
  test('no history: not sent; an export alone: submitted', () => {
    assert.equal(claimStanding({}).standing, 'not-sent');
    assert.equal(claimStanding({ history: { exports: [{ at: '2025-01-01T00:00:00Z', format: 'x12', file: 'a.x12' }] } }).standing, 'submitted');
  });

  test('a rejected acknowledgment beats an accepted one after the same export', () => {
    const history: ClaimHistory = {
      exports: [{ at: '2025-01-01T00:00:00Z', format: 'x12', file: 'a.x12' }],
      acknowledgments: [
        { id: '1', kind: '999', recordedAt: '2025-01-02T00:00:00Z', file: 'a.999', status: 'accepted', codes: [] },
        { id: '2', kind: '277CA', recordedAt: '2025-01-03T00:00:00Z', file: 'a.277', status: 'rejected', codes: [{ code: 'A7:562:85' }] },
      ],
    };
    assert.equal(claimStanding({ history }).standing, 'rejected');
  });

  test('reversal then new payment: paid nets out, the latest decides, and the balance adds up', () => {
    const history: ClaimHistory = {
      exports: [{ at: '2025-01-01T00:00:00Z', format: 'x12', file: 'a.x12' }],
      remittances: [
        remit('2025-01-10T00:00:00Z', { status: 'paid', paid: 200, payerClaimControlNumber: 'P1' }),
        remit('2025-01-20T00:00:00Z', { status: 'reversed', statusCode: '22', billed: -250, paid: -200, payerClaimControlNumber: 'P1' }),
        remit('2025-01-20T00:00:01Z', { status: 'partial', paid: 120, patientResponsibility: 30, payerClaimControlNumber: 'P2',
          lines: [{ code: '99213', modifiers: [], billed: 150, paid: 120, adjustments: [{ group: 'CO', reason: '45', amount: 0 }, { group: 'PR', reason: '2', amount: 30 }], remarks: [] },
            { code: '36415', modifiers: [], billed: 100, paid: 0, adjustments: [{ group: 'CO', reason: '97', amount: 100 }], remarks: [] }] }),
      ],
    };
    const s = claimStanding({ history });
    assert.deepEqual([s.standing, s.paid, s.payerClaimControlNumber], ['partial', 120, 'P2']);
    assert.deepEqual(remittanceBalance({ history }), { billed: 250, paid: 120, patientResponsibility: 30, contractual: 0, open: 100 });
  });

  test('a correction exported after the remittance starts a new round', () => {
    const history: ClaimHistory = {
      exports: [{ at: '2025-01-01T00:00:00Z', format: 'x12', file: 'a.x12' }, { at: '2025-02-01T00:00:00Z', format: 'x12', file: 'b.x12', frequency: '7' }],
      remittances: [remit('2025-01-10T00:00:00Z', { status: 'denied', payerClaimControlNumber: 'P1' })],
    };
    const s = claimStanding({ history });
    assert.deepEqual([s.standing, s.payerClaimControlNumber, s.submittedAt], ['submitted', 'P1', '2025-01-01T00:00:00Z']);
    assert.equal(remittanceBalance({ history }), undefined);
  });
});
