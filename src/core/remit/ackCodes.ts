// Codes of the acknowledgments, in MedCode's own words: 999 verdicts (IK5/AK9) and segment and
// element error codes (IK304, IK403), and the 277CA acknowledgment categories (STC01-1). Claim
// status codes (STC01-2) are a long external list; the common rejection ones have our wording.

const ACK_STATUS: Record<string, string> = {
  A: 'accepted',
  E: 'accepted with errors noted',
  P: 'partially accepted',
  R: 'rejected',
  M: 'rejected: message authentication failed',
  W: 'rejected: the file failed the security checks',
  X: 'rejected: the file could not be analyzed',
};

const SEGMENT_ERRORS: Record<string, string> = {
  '1': 'unrecognized segment id',
  '2': 'unexpected segment at this place',
  '3': 'a required segment is missing',
  '4': 'a loop occurs more times than allowed',
  '5': 'a segment occurs more times than allowed',
  '6': 'segment not defined in the transaction set',
  '7': 'segment out of order',
  '8': 'the segment has data element errors',
  I4: 'a segment the implementation guide marks "not used" was sent',
  I6: 'an implementation-dependent segment is missing',
  I7: 'a loop the implementation guide does not allow here',
  I8: 'a segment does not meet the implementation guide\'s requirements',
  I9: 'an implementation-dependent "not used" segment was sent',
};

const ELEMENT_ERRORS: Record<string, string> = {
  '1': 'a required element is missing',
  '2': 'a conditional element is required here',
  '3': 'too many elements',
  '4': 'the value is too short',
  '5': 'the value is too long',
  '6': 'invalid character in the value',
  '7': 'invalid code value',
  '8': 'invalid date',
  '9': 'invalid time',
  '10': 'an element that must be absent was sent',
  '12': 'too many repetitions',
  '13': 'too many components',
  I10: 'an element the implementation guide marks "not used" was sent',
  I12: 'the value does not match the implementation guide\'s pattern',
  I13: 'an implementation-dependent "not used" element was sent',
  I6: 'the code value is not allowed by the implementation guide',
  I9: 'an implementation-dependent required element is missing',
};

export function ackStatusLabel(code: string): string {
  return ACK_STATUS[code] ?? `status ${code}`;
}

export function isAcceptedAckStatus(code: string): boolean {
  return code === 'A' || code === 'E';
}

export function explainSegmentError(code: string | undefined): string {
  if (code === undefined) return 'segment error';
  return SEGMENT_ERRORS[code] ?? `segment error ${code}`;
}

export function explainElementError(code: string): string {
  return ELEMENT_ERRORS[code] ?? `element error ${code}`;
}

const CATEGORIES: Record<string, string> = {
  A0: 'Forwarded: the claim was sent on to another entity.',
  A1: 'Received: the payer has the claim.',
  A2: 'Accepted into adjudication.',
  A3: 'Returned as unprocessable: fix the errors and resubmit.',
  A4: 'Not found.',
  A5: 'Split: the payer split the claim.',
  A6: 'Rejected for missing information: add it and resubmit.',
  A7: 'Rejected for invalid information: correct it and resubmit.',
  A8: 'Rejected for a relational field in error: correct it and resubmit.',
};

const REJECTED_CATEGORIES = new Set(['A3', 'A4', 'A6', 'A7', 'A8']);

/** Common claim status codes (STC01-2) and the rule that checks the field before export. */
const STATUS_CODES: Record<string, { text: string; rule?: string }> = {
  '20': { text: 'accepted for processing' },
  '21': { text: 'missing or invalid information', rule: 'claim.required-field' },
  '33': { text: 'subscriber or insured information' },
  '145': { text: 'the entity\'s secondary identifier', rule: 'claim.required-field' },
  '164': { text: 'the entity\'s contract or member number', rule: 'claim.required-field' },
  '187': { text: 'date of service', rule: 'claim.dates' },
  '247': { text: 'line information' },
  '254': { text: 'principal diagnosis code', rule: 'code.invalid' },
  '255': { text: 'diagnosis code', rule: 'code.invalid' },
  '306': { text: 'the line\'s diagnosis pointer', rule: 'claim.pointer' },
  '400': { text: 'the claim is out of balance: the total charge is not the sum of the lines', rule: 'claim.total' },
  '453': { text: 'procedure code modifier(s)', rule: 'modifier.invalid' },
  '454': { text: 'procedure code for services rendered', rule: 'code.invalid' },
  '455': { text: 'the revenue or procedure code is missing or invalid', rule: 'code.invalid' },
  '484': { text: 'business application currently not available' },
  '507': { text: 'the HCPCS code is missing or invalid', rule: 'code.invalid' },
  '562': { text: 'the entity\'s National Provider Identifier (NPI)', rule: 'claim.npi' },
  '704': { text: 'the payer acknowledged receipt' },
};

export function isRejectedCategory(category: string): boolean {
  return REJECTED_CATEGORIES.has(category.toUpperCase());
}

export function explainStatus(category: string, status: string): { text: string; rule?: string } {
  const cat = CATEGORIES[category.toUpperCase()] ?? `Category ${category}.`;
  const s = STATUS_CODES[status];
  return { text: s ? `${cat} About: ${s.text}.` : `${cat} Status code ${status}.`, ...(s?.rule ? { rule: s.rule } : {}) };
}
