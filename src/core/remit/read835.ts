// 835 health care claim payment/advice (005010X221A1). Header: BPR payment, TRN trace, N1*PR
// payer and N1*PE payee. Per claim (loop 2100) CLP with its CAS adjustments, MOA/MIA remarks and
// AMT; per service line (loop 2110) SVC with its own CAS, REF*6R, AMT*B6 and LQ*HE remarks.
// PLB provider-level adjustments close the transaction. Each claim is handed to `onClaim` when it
// is complete, so a file of any size is read in constant memory.
import { RemitReadError } from './errors';
import type { Delimiters, X12Segment } from './segments';
import type { Adjustment, EnvelopeIds, Payment835, ProviderAdjustment, Remit835Claim, Remit835Line } from './types';
import { amount, components, d8, element, optionalAmount, required } from './values';

export class Reader835 {
  readonly payment: Payment835;
  readonly providerAdjustments: ProviderAdjustment[] = [];
  private claim: Remit835Claim | undefined;
  private line: Remit835Line | undefined;
  private sawBpr = false;

  constructor(
    private readonly file: string,
    envelope: EnvelopeIds,
    private readonly onClaim: (claim: Remit835Claim) => void,
  ) {
    this.payment = { envelope, amount: 0 };
  }

  segment(seg: X12Segment, d: Delimiters): void {
    switch (seg.id) {
      case 'BPR':
        this.sawBpr = true;
        this.payment.handling = element(seg, 1) || undefined;
        this.payment.amount = amount(this.file, seg, 2);
        this.payment.method = element(seg, 4) || undefined;
        this.payment.date = d8(element(seg, 16));
        return;
      case 'TRN':
        if (this.claim) return;
        this.payment.traceNumber = element(seg, 2) || undefined;
        this.payment.payerId = element(seg, 3) || undefined;
        return;
      case 'N1':
        if (this.claim) return;
        if (element(seg, 1) === 'PR') this.payment.payerName = element(seg, 2) || undefined;
        else if (element(seg, 1) === 'PE') {
          this.payment.payeeName = element(seg, 2) || undefined;
          this.payment.payeeId = element(seg, 4) || undefined;
        }
        return;
      case 'LX':
        this.flush();
        return;
      case 'CLP':
        this.flush();
        if (!this.sawBpr) throw new RemitReadError(this.file, seg.index, seg.id, 'a claim (CLP) comes before the BPR payment segment the 835 must start with');
        this.claim = {
          payment: this.payment,
          patientControlNumber: required(this.file, seg, 1, 'patient control number'),
          statusCode: required(this.file, seg, 2, 'claim status code'),
          billed: amount(this.file, seg, 3),
          paid: amount(this.file, seg, 4),
          patientResponsibility: optionalAmount(this.file, seg, 5) ?? 0,
          filingIndicator: element(seg, 6) || undefined,
          payerClaimControlNumber: element(seg, 7) || undefined,
          frequency: element(seg, 9) || undefined,
          adjustments: [],
          remarks: [],
          lines: [],
        };
        return;
      case 'CAS': {
        const target = this.line ?? this.needClaim(seg);
        target.adjustments.push(...this.adjustments(seg));
        return;
      }
      case 'MOA':
        this.needClaim(seg).remarks.push(...[3, 4, 5, 6, 7].map((n) => element(seg, n)).filter((c) => c !== ''));
        return;
      case 'MIA':
        this.needClaim(seg).remarks.push(...[5, 20, 21, 22, 23].map((n) => element(seg, n)).filter((c) => c !== ''));
        return;
      case 'AMT':
        if (this.line && element(seg, 1) === 'B6') this.line.allowed = optionalAmount(this.file, seg, 2);
        else if (!this.line && this.claim && element(seg, 1) === 'AU') this.claim.allowed = optionalAmount(this.file, seg, 2);
        return;
      case 'SVC': {
        const claim = this.needClaim(seg);
        const [qualifier = '', code = '', ...mods] = procedureComposite(required(this.file, seg, 1, 'procedure'), d.component);
        this.line = {
          qualifier,
          code,
          modifiers: mods.filter((m) => m !== '').slice(0, 4),
          billed: amount(this.file, seg, 2),
          paid: amount(this.file, seg, 3),
          units: optionalAmount(this.file, seg, 5) ?? 1,
          adjustments: [],
          remarks: [],
        };
        claim.lines.push(this.line);
        return;
      }
      case 'DTM':
        if (this.line && (element(seg, 1) === '472' || element(seg, 1) === '150')) this.line.serviceDate = d8(element(seg, 2));
        return;
      case 'REF':
        if (this.line && element(seg, 1) === '6R') this.line.lineControlNumber = element(seg, 2) || undefined;
        return;
      case 'LQ':
        if (this.line && element(seg, 1) === 'HE') this.line.remarks.push(element(seg, 2));
        return;
      case 'PLB':
        this.flush();
        this.providerAdjustments.push(...this.plb(seg, d));
        return;
      default:
        return;
    }
  }

  end(last: X12Segment): void {
    if (!this.sawBpr) throw new RemitReadError(this.file, last.index, last.id, 'the 835 transaction has no BPR payment segment');
    this.flush();
  }

  private flush(): void {
    if (this.claim) this.onClaim(this.claim);
    this.claim = undefined;
    this.line = undefined;
  }

  private needClaim(seg: X12Segment): Remit835Claim {
    if (!this.claim) throw new RemitReadError(this.file, seg.index, seg.id, `${seg.id} must come after the CLP of its claim`);
    return this.claim;
  }

  /** CAS01 group, then up to six reason/amount/quantity triples. */
  private adjustments(seg: X12Segment): Adjustment[] {
    const group = required(this.file, seg, 1, 'claim adjustment group code');
    const out: Adjustment[] = [];
    for (let n = 2; n <= 17; n += 3) {
      const reason = element(seg, n);
      if (reason === '') continue;
      const quantity = optionalAmount(this.file, seg, n + 2);
      out.push({ group, reason, amount: amount(this.file, seg, n + 1), ...(quantity !== undefined ? { quantity } : {}) });
    }
    if (out.length === 0) throw new RemitReadError(this.file, seg.index, seg.id, 'CAS02 (the adjustment reason code) is missing');
    return out;
  }

  private plb(seg: X12Segment, d: Delimiters): ProviderAdjustment[] {
    const providerId = element(seg, 1);
    const date = d8(element(seg, 2));
    const out: ProviderAdjustment[] = [];
    for (let n = 3; n <= 13; n += 2) {
      const raw = element(seg, n);
      if (raw === '') continue;
      const [reason = '', reference] = components(raw, d.component);
      out.push({ providerId, ...(date ? { date } : {}), reason, ...(reference ? { reference } : {}), amount: amount(this.file, seg, n + 1) });
    }
    return out;
  }
}

/**
 * SVC01 split on the declared component separator; a composite written with another separator
 * (`HC>55669` in a file that declares `:`) is split on the character after the qualifier.
 */
function procedureComposite(value: string, component: string): string[] {
  const parts = components(value, component);
  if (parts.length > 1) return parts;
  const m = /^([A-Z][A-Z0-9])([^A-Za-z0-9 ])(.+)$/.exec(value);
  return m ? components(m[3]!, m[2]!).length > 0 ? [m[1]!, ...components(m[3]!, m[2]!)] : parts : parts;
}
