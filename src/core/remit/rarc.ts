// Remittance advice remark codes (RARC), in MedCode's own short words (the official texts are
// a copyrighted list; see RARC_LIST_URL). Codes without our wording are shown with the link.
export const RARC_LIST_URL = 'https://x12.org/codes/remittance-advice-remark-codes';

const RARC: Record<string, string> = {
  M15: 'Separately billed services were bundled: they are paid as part of another service.',
  M20: 'The HCPCS code is missing or incomplete.',
  M51: 'The procedure code is missing, incomplete or invalid.',
  M76: 'The diagnosis code is missing, incomplete or invalid.',
  M77: 'The place of service is missing, incomplete or invalid.',
  M79: 'The charge is missing.',
  M80: 'Not covered when done on the same day as another service the payer already paid.',
  M86: 'The service is denied because payment was already made for a similar procedure in the same period.',
  MA01: 'You may appeal this decision; the notice explains how and by when.',
  MA02: 'You may appeal this decision; the notice explains how.',
  MA04: 'Secondary payment cannot be made without the primary payer\'s information.',
  MA07: 'The claim was forwarded to the supplemental insurer.',
  MA13: 'A refund may be due to the patient.',
  MA18: 'The claim was forwarded to the supplemental insurer named by the patient.',
  MA61: 'The patient\'s social security number or health insurance claim number is missing or wrong.',
  MA63: 'The principal diagnosis is missing, incomplete or invalid.',
  MA66: 'The principal procedure code is missing, incomplete or invalid.',
  MA130: 'The claim has incomplete or invalid information and cannot be appealed; submit a corrected claim.',
  N4: 'The prior payer\'s payment information is missing or wrong.',
  N19: 'The procedure code was changed or bundled with another one.',
  N20: 'Not paid separately when billed with the other service listed.',
  N30: 'The patient is not eligible for this service.',
  N56: 'The procedure code billed is not correct or valid for the services given.',
  N115: 'This decision follows a local coverage determination (LCD); it can be read on the contractor\'s site.',
  N122: 'Additional information is needed to decide on this claim.',
  N130: 'Check the plan\'s benefit documents for what is covered.',
  N180: 'This item or service is not covered under this benefit plan.',
  N211: 'You may not appeal this decision.',
  N290: 'The rendering provider\'s identifier is missing, incomplete or invalid.',
  N362: 'The number of days or units exceeds the acceptable maximum.',
  N381: 'Contract terms apply to this payment; see your contract.',
  N432: 'The adjustment follows a payer audit.',
  N479: 'The explanation of benefits from the other payer is missing or does not match.',
  N519: 'A service that is part of an already paid global package was billed.',
  N522: 'Duplicate of a claim processed in an earlier remittance.',
  N657: 'This should be billed with the right code for these services.',
};

export function explainRemark(code: string): string {
  const text = RARC[code.trim().toUpperCase()];
  return text ?? `Remark code ${code} (no MedCode wording yet; see ${RARC_LIST_URL}).`;
}
