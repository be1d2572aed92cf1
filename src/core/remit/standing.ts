// Where a claim stands after it left, from its history alone (no schema, no I/O), so the panel can
// show it without bundling the claim schema: the latest remittance after the latest export, else
// the acknowledgments; the payments, the patient's share and what is still open.
import type { AcknowledgmentRecord, ClaimHistory, RemittanceRecord } from '../claim/history';
import type { Claim } from '../claim/schema';
import { isExpectedAdjustment } from './carc';

export type Standing = 'not-sent' | 'submitted' | 'accepted' | 'rejected' | 'paid' | 'partial' | 'denied' | 'reversed';

export interface ClaimStanding {
  standing: Standing;
  /** The remittance or acknowledgment that decided the standing. */
  remittance?: RemittanceRecord;
  acknowledgment?: AcknowledgmentRecord;
  /** Net paid over every remittance since the last export (reversals net out). */
  paid: number;
  patientResponsibility: number;
  /** ISO date-time of the first export: the start of the claim's age. */
  submittedAt?: string;
  /** The payer's claim control number (835 CLP07, else 277CA REF*1K): REF*F8 of a correction. */
  payerClaimControlNumber?: string;
}

/** Where a claim stands: the latest remittance after the latest export, else the acknowledgments. */
export function claimStanding(claim: Pick<Claim, 'history'> | { history?: ClaimHistory }): ClaimStanding {
  const h = claim.history ?? {};
  const exports = h.exports ?? [];
  const lastExport = exports[exports.length - 1]?.at ?? '';
  const remits = (h.remittances ?? []).filter((r) => r.recordedAt >= lastExport);
  const acks = (h.acknowledgments ?? []).filter((a) => a.recordedAt >= lastExport);
  const payerClaimControlNumber = [...(h.remittances ?? [])].reverse().find((r) => r.payerClaimControlNumber && r.status !== 'reversed')?.payerClaimControlNumber
    ?? [...(h.acknowledgments ?? [])].reverse().find((a) => a.payerClaimControlNumber)?.payerClaimControlNumber;
  const base = {
    ...(exports[0] ? { submittedAt: exports[0].at } : {}),
    ...(payerClaimControlNumber ? { payerClaimControlNumber } : {}),
  };
  if (remits.length > 0) {
    const last = remits[remits.length - 1]!;
    const paid = Math.round(remits.reduce((t, r) => t + r.paid * 100, 0)) / 100;
    return { standing: last.status, remittance: last, paid, patientResponsibility: last.patientResponsibility, ...base };
  }
  const rejected = acks.find((a) => a.status === 'rejected');
  if (rejected) return { standing: 'rejected', acknowledgment: rejected, paid: 0, patientResponsibility: 0, ...base };
  if (acks.length > 0) return { standing: 'accepted', acknowledgment: acks[acks.length - 1]!, paid: 0, patientResponsibility: 0, ...base };
  return { standing: exports.length > 0 ? 'submitted' : 'not-sent', paid: 0, patientResponsibility: 0, ...base };
}

export interface RemittanceBalance {
  billed: number;
  paid: number;
  patientResponsibility: number;
  /** Contractual and other expected write-offs (CO-45 and the like). */
  contractual: number;
  /** Billed minus paid, the patient's share and the contractual write-offs: what denials left open. */
  open: number;
}

/** The money of the latest remittance round (reversals net out); undefined before any 835. */
export function remittanceBalance(claim: Pick<Claim, 'history'>): RemittanceBalance | undefined {
  const s = claimStanding(claim);
  const r = s.remittance;
  if (!r) return undefined;
  const cents = (n: number) => Math.round(n * 100) / 100;
  const contractual = cents([...r.adjustments, ...r.lines.flatMap((l) => l.adjustments)]
    .filter((a) => a.group !== 'PR' && isExpectedAdjustment(a.group, a.reason))
    .reduce((t, a) => t + a.amount, 0));
  const billed = r.billed;
  return { billed, paid: s.paid, patientResponsibility: s.patientResponsibility, contractual, open: cents(billed - s.paid - s.patientResponsibility - contractual) };
}
