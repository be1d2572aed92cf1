// What a correction of a claim looks like, from its history. A denied, partially paid or reversed
// claim was adjudicated: it is replaced with frequency 7 and REF*F8 = the payer's claim control
// number (835 CLP07). A claim rejected by a 999 or 277CA never entered adjudication: it is sent
// again as an original (frequency 1) once fixed.
import type { Claim } from '../claim/schema';
import { claimStanding } from './history';

export type CorrectionPlan =
  | { ok: true; frequency: '1' | '7'; payerClaimControlNumber?: string; why: string }
  | { ok: false; reason: string };

export function correctionPlan(claim: Claim): CorrectionPlan {
  const s = claimStanding(claim);
  switch (s.standing) {
    case 'rejected':
      return { ok: true, frequency: '1', why: `the ${s.acknowledgment?.kind ?? ''} rejected the claim before adjudication, so it is sent again as an original claim` };
    case 'denied':
    case 'partial':
    case 'paid':
    case 'reversed':
      if (!s.payerClaimControlNumber)
        return { ok: false, reason: `the payer's answer (${s.standing}) gave no claim control number (835 CLP07), which a replacement claim must quote in REF*F8` };
      return { ok: true, frequency: '7', payerClaimControlNumber: s.payerClaimControlNumber, why: `replaces the payer's claim ${s.payerClaimControlNumber} (${s.standing})` };
    case 'accepted':
      return { ok: false, reason: 'the claim was accepted and the payer has not answered yet; there is nothing to correct' };
    case 'submitted':
      return { ok: false, reason: 'no acknowledgment or remittance is recorded for the claim yet (run `medcode remit` on the responses first)' };
    case 'not-sent':
      return { ok: false, reason: 'the claim has not been exported yet; export it instead of correcting it' };
  }
}
