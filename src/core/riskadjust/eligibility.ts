// Which claims may supply risk-adjustment diagnoses: a date of service in the data-collection
// year (the calendar year before the payment year), and at least one service line that is a
// face-to-face encounter: its CPT/HCPCS number on the year's eligible list, at a place of service
// where the patient is seen (not an ambulance or an independent laboratory), and not audio-only
// telehealth (modifier 93 or FQ; audio-video telehealth counts).
import type { Claim } from '../claim/schema';

/** Places of service where no face-to-face visit takes place. */
export const NOT_FACE_TO_FACE_POS: Readonly<Record<string, string>> = {
  '41': 'ambulance (land)',
  '42': 'ambulance (air or water)',
  '81': 'independent laboratory',
};

const AUDIO_ONLY_MODIFIERS = new Set(['93', 'FQ']);

export type Eligibility = { eligible: true } | { eligible: false; reason: string };

export function claimEligibility(claim: Claim, paymentYear: number, eligibleCodes: ReadonlySet<string>): Eligibility {
  const collectionYear = String(paymentYear - 1);
  const dos = claim.encounter.dateOfService;
  if (!dos || !/^\d{4}-\d{2}-\d{2}$/.test(dos)) return { eligible: false, reason: 'no date of service (encounter.dateOfService)' };
  if (eligibleCodes.size === 0) return { eligible: false, reason: `no eligible CPT/HCPCS list is imported for payment year ${paymentYear}` };
  const why: string[] = [];
  let seen = 0;
  for (const [i, line] of claim.lines.entries()) {
    const date = line.serviceDate ?? dos;
    if (!date.startsWith(collectionYear)) { why.push(`line ${i + 1}: date of service ${date} is outside ${collectionYear}, the year payment year ${paymentYear} is built from`); continue; }
    seen++;
    const code = line.code.trim().toUpperCase();
    if (!eligibleCodes.has(code)) { why.push(`line ${i + 1}: ${code} is not on the risk-adjustment eligible CPT/HCPCS list`); continue; }
    const pos = (line.placeOfService ?? claim.encounter.placeOfService ?? '').trim();
    if (pos === '') { why.push(`line ${i + 1}: no place of service`); continue; }
    if (NOT_FACE_TO_FACE_POS[pos]) { why.push(`line ${i + 1}: place of service ${pos} (${NOT_FACE_TO_FACE_POS[pos]}) is not a face-to-face visit`); continue; }
    const audio = line.modifiers.find((m) => AUDIO_ONLY_MODIFIERS.has(m.toUpperCase()));
    if (audio) { why.push(`line ${i + 1}: modifier ${audio} marks audio-only telehealth`); continue; }
    return { eligible: true };
  }
  if (claim.lines.length === 0) return { eligible: false, reason: 'no service lines' };
  if (seen === 0 && !dos.startsWith(collectionYear)) return { eligible: false, reason: `date of service ${dos} is outside ${collectionYear}, the year payment year ${paymentYear} is built from` };
  return { eligible: false, reason: why.join('; ') };
}
