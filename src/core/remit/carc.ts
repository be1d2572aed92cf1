// Claim adjustment reason codes (CARC), explained in MedCode's own short words. The official
// descriptions are X12's copyrighted code list: only the codes are reproduced here, with our
// paraphrase and a link to the list. `rule` names the MedCode rule that checks, before export,
// for the problem the payer reported, so a denial can say which warning would have caught it.
export const CARC_LIST_URL = 'https://x12.org/codes/claim-adjustment-reason-codes';

export interface ReasonInfo {
  /** Our paraphrase. */
  text: string;
  /** The MedCode rule id that would have flagged the cause before export. */
  rule?: string;
  /** Part of the contract or the patient's share, not a denial. */
  expected?: boolean;
}

const CARC: Record<string, ReasonInfo> = {
  '1': { text: 'Applied to the patient\'s deductible.', expected: true },
  '2': { text: 'The patient\'s coinsurance share.', expected: true },
  '3': { text: 'The patient\'s copay.', expected: true },
  '4': { text: 'A modifier is missing or does not fit the procedure code.', rule: 'modifier.invalid' },
  '5': { text: 'The procedure code or bill type does not fit the place of service.', rule: 'claim.place-of-service' },
  '6': { text: 'The procedure or revenue code does not fit the patient\'s age.', rule: 'mce.age' },
  '7': { text: 'The procedure or revenue code does not fit the patient\'s sex.', rule: 'mce.sex' },
  '8': { text: 'The procedure code does not fit the provider type or specialty.' },
  '9': { text: 'The diagnosis does not fit the patient\'s age.', rule: 'mce.age' },
  '10': { text: 'The diagnosis does not fit the patient\'s sex.', rule: 'mce.sex' },
  '11': { text: 'The diagnosis does not support the procedure billed.', rule: 'icd10cm.excludes1' },
  '12': { text: 'The diagnosis does not fit the provider type.' },
  '13': { text: 'The date of death is before the date of service.', rule: 'claim.dates' },
  '15': { text: 'The authorization number is missing, wrong or does not cover this service.' },
  '16': { text: 'The claim lacks information or has a billing error the payer needs fixed; see the remark codes for what.', rule: 'claim.required-field' },
  '18': { text: 'Exact duplicate of a claim or line already processed.', rule: 'claim.duplicate-line' },
  '19': { text: 'Work-related injury: bill the workers\' compensation carrier.' },
  '20': { text: 'Injury covered by a liability carrier: bill that carrier.' },
  '21': { text: 'Injury covered by no-fault or auto insurance: bill that carrier.' },
  '22': { text: 'Another payer may be primary (coordination of benefits).' },
  '23': { text: 'What earlier payers paid or adjusted is taken into account.', expected: true },
  '24': { text: 'Covered under a capitation agreement or managed care plan.', expected: true },
  '26': { text: 'Service given before coverage started.' },
  '27': { text: 'Service given after coverage ended.' },
  '29': { text: 'The time limit for filing the claim has passed.' },
  '31': { text: 'The payer cannot identify the patient as its member.' },
  '32': { text: 'The payer\'s records do not show the patient as an eligible dependent.' },
  '39': { text: 'Services denied when authorization was requested.' },
  '40': { text: 'The payer judged the service not an emergency or urgent.' },
  '42': { text: 'Charge above the fee schedule or maximum the payer allows.', expected: true },
  '45': { text: 'Charge above the fee schedule or contracted amount (contractual write-off).', expected: true },
  '49': { text: 'Routine or preventive service the plan does not cover with this diagnosis.' },
  '50': { text: 'The payer judged the service not medically necessary.' },
  '51': { text: 'Pre-existing condition not covered.' },
  '55': { text: 'The payer considers the procedure experimental or investigational.' },
  '58': { text: 'Billed with the wrong place of service for this treatment.', rule: 'claim.place-of-service' },
  '59': { text: 'Reduced under the multiple or concurrent procedure rules.', expected: true },
  '94': { text: 'Processed in excess of charges.', expected: true },
  '96': { text: 'The service is not covered by the plan; see the remark codes.' },
  '97': { text: 'Paid as part of another service on the claim (bundled); not paid separately.', rule: 'ncci.ptp' },
  '107': { text: 'The related or qualifying service was not paid or not found.', rule: 'ncci.addon-without-primary' },
  '109': { text: 'Not covered by this payer: send the claim to the right payer or contractor.' },
  '119': { text: 'The benefit maximum for the period has been reached.' },
  '129': { text: 'Earlier processing of this claim has to be settled first.' },
  '131': { text: 'Discount under a specific claim arrangement.', expected: true },
  '140': { text: 'The patient and insured name or member id do not match the payer\'s records.', rule: 'claim.required-field' },
  '146': { text: 'The diagnosis code is not valid for the date of service.', rule: 'code.invalid' },
  '150': { text: 'The payer judged the level of service not supported by the documentation.', rule: 'em.level-vs-time' },
  '151': { text: 'The payer judged the number of services or units more than it allows.', rule: 'ncci.mue' },
  '167': { text: 'The diagnosis is not covered.' },
  '170': { text: 'Not paid when this type of provider bills it.' },
  '181': { text: 'The procedure code was not valid on the date of service.', rule: 'code.invalid' },
  '182': { text: 'The procedure modifier was not valid on the date of service.', rule: 'modifier.invalid' },
  '185': { text: 'The rendering provider is not eligible to perform the service billed.' },
  '197': { text: 'Precertification, notification or authorization was missing.' },
  '198': { text: 'The authorization or precertification was exceeded.' },
  '199': { text: 'Revenue code and procedure code do not match.' },
  '204': { text: 'The service, equipment or drug is not covered by the patient\'s current benefit plan.' },
  '226': { text: 'Information the payer asked the provider for was not supplied or was insufficient.' },
  '227': { text: 'Information the payer asked the patient or insured for was not supplied or was insufficient.' },
  '234': { text: 'The procedure is not paid separately.', rule: 'ncci.ptp' },
  '236': { text: 'The procedure or modifier combination is not allowed with another procedure on the same day (NCCI).', rule: 'ncci.ptp' },
  '242': { text: 'The provider was not in the patient\'s network for this service.' },
  '252': { text: 'An attachment or other documentation is needed to process the claim.' },
  '253': { text: 'Sequestration: the federal payment reduction.', expected: true },
  'A1': { text: 'Claim or service denied; see the remark codes for why.' },
  'A2': { text: 'Contractual adjustment.', expected: true },
  'B7': { text: 'The provider was not certified or eligible to be paid for this service on this date.' },
  'B9': { text: 'The patient is enrolled in hospice.' },
  'B15': { text: 'This service must be billed with a qualifying service or equipment that was not paid.', rule: 'ncci.addon-without-primary' },
  'B16': { text: 'New patient qualifications were not met.', rule: 'em.new-vs-established' },
};

/** Group codes: who the adjustment is charged to. */
const GROUPS: Record<string, string> = {
  CO: 'contractual obligation (the provider writes it off)',
  PR: 'patient responsibility',
  OA: 'other adjustment',
  PI: 'payer-initiated reduction',
  CR: 'correction or reversal of an earlier payment',
};

export function carcInfo(code: string): ReasonInfo | undefined {
  return CARC[code.trim().toUpperCase()];
}

export function groupLabel(group: string): string {
  return GROUPS[group] ?? `group ${group}`;
}

/** "CO-97: Paid as part of another service ... (contractual obligation ...)". */
export function explainAdjustment(group: string, reason: string): string {
  const info = carcInfo(reason);
  const text = info?.text ?? `Reason code ${reason} (no MedCode wording yet; see ${CARC_LIST_URL}).`;
  return `${text} Charged as ${groupLabel(group)}.`;
}

/**
 * An adjustment that is part of the contract or the patient's share rather than a refusal to pay:
 * any PR amount, and CO/OA/PI amounts whose reason is a fee-schedule, discount or prior-payer one.
 */
export function isExpectedAdjustment(group: string, reason: string): boolean {
  if (group === 'PR') return true;
  return carcInfo(reason)?.expected === true;
}
