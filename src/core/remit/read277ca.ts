// 277CA claim acknowledgment (005010X214): HL levels 20 (payer), 21 (receiver), 19 (billing
// provider) and PT (patient, one per claim). In a PT level: TRN*2 = our CLM01, STC statuses,
// REF*1K the payer's claim control number, REF*D9 the clearinghouse trace; then per service
// line SVC, STC and REF*FJ (the line item control number we sent).
import { RemitReadError } from './errors';
import type { Delimiters, X12Segment } from './segments';
import type { Ack277Claim, Ack277Line, ClaimStatusCode, EnvelopeIds } from './types';
import { components, element, optionalAmount, required } from './values';

/** PT in a 277CA; 22 (subscriber) or 23 (dependent) in a 277 claim status response (X212). */
const CLAIM_LEVELS = new Set(['PT', '22', '23']);

export class Reader277CA {
  readonly claims: Ack277Claim[] = [];
  private level = '';
  private claim: Ack277Claim | undefined;
  private line: Ack277Line | undefined;

  constructor(private readonly file: string, private readonly envelope: EnvelopeIds) {}

  segment(seg: X12Segment, d: Delimiters): void {
    if (seg.id === 'HL') {
      this.level = element(seg, 3);
      this.claim = undefined;
      this.line = undefined;
      return;
    }
    if (!CLAIM_LEVELS.has(this.level)) return;
    switch (seg.id) {
      case 'TRN':
        if (element(seg, 1) !== '2') return;
        this.claim = { envelope: this.envelope, patientControlNumber: required(this.file, seg, 2, 'patient control number'), statuses: [], lines: [] };
        this.claims.push(this.claim);
        return;
      case 'STC': {
        const statuses = statusCodes(seg, d);
        if (this.line) this.line.statuses.push(...statuses);
        else {
          const c = this.needClaim(seg);
          c.statuses.push(...statuses);
          c.billed ??= optionalAmount(this.file, seg, 4);
        }
        return;
      }
      case 'REF': {
        const value = element(seg, 2);
        if (this.line) {
          if (element(seg, 1) === 'FJ') this.line.lineControlNumber = value;
          return;
        }
        const c = this.needClaim(seg);
        if (element(seg, 1) === '1K') c.payerClaimControlNumber = value;
        else if (element(seg, 1) === 'D9') c.clearinghouseTrace = value;
        return;
      }
      case 'SVC': {
        const [, code = '', ...mods] = components(element(seg, 1), d.component);
        this.line = { code, modifiers: mods.filter((m) => m !== '').slice(0, 4), billed: optionalAmount(this.file, seg, 2) ?? 0, statuses: [] };
        this.needClaim(seg).lines.push(this.line);
        return;
      }
      default:
        return;
    }
  }

  end(): void {}

  private needClaim(seg: X12Segment): Ack277Claim {
    if (!this.claim) throw new RemitReadError(this.file, seg.index, seg.id, `${seg.id} in a patient level must come after its TRN*2 (the patient control number)`);
    return this.claim;
  }
}

/** STC01, STC10 and STC11 each hold category:status:entity. */
function statusCodes(seg: X12Segment, d: Delimiters): ClaimStatusCode[] {
  const out: ClaimStatusCode[] = [];
  for (const n of [1, 10, 11]) {
    const raw = element(seg, n);
    if (raw === '') continue;
    const [category = '', status = '', entity = ''] = components(raw, d.component);
    out.push({ category, status, ...(entity !== '' ? { entity } : {}) });
  }
  return out;
}
