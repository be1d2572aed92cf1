// What a format needs from a claim before it can be written at all. These are not compliance
// rules (src/core/rules reports those, and an override can pass them): they are the facts
// without which the file would be malformed, e.g. a 13th diagnosis has no place in an 837P HI
// segment and "2024-13-45" is not a FHIR date. An override never skips them.
import type { Claim } from '../schema';
import type { ExportFormat } from './format';
import { MAX_CHARGE } from './values';
import { isIcd10cmShape, isIsoDate, isModifierShape, isProcedureShape } from '../../codes';
import { KNOWN_POS } from '../../rules/codes';
import { ndcDigits, x12FieldProblems } from './x12/fields';

const X12_MAX_DIAGNOSES = 12; // HI segment: one ABK + eleven ABF composites
const X12_MAX_POINTERS = 4; // SV107: four components
const X12_MAX_MODIFIERS = 4; // SV101-3..6

/**
 * A billing export sends every diagnosis and line on the claim, so each must be decided:
 * status absent (a hand-written claim) or "accepted". Rejected codes belong in the audit trail.
 */
export function undecidedProblems(claim: Claim): string[] {
  const problems: string[] = [];
  const check = (kind: 'diagnoses' | 'lines', items: ReadonlyArray<{ code: string; status?: string }>) =>
    items.forEach((item, i) => {
      if (item.status === 'rejected')
        problems.push(`${kind}[${i}] (${item.code}) is marked rejected; remove it from the claim before exporting it for billing.`);
      else if (item.status === 'suggested')
        problems.push(`${kind}[${i}] (${item.code}) is still a suggestion; accept or remove it before exporting the claim for billing.`);
    });
  check('diagnoses', claim.diagnoses);
  check('lines', claim.lines);
  return problems;
}

export function exportProblems(claim: Claim, format: ExportFormat): string[] {
  if (format === 'claim-json') return undecidedProblems(claim);
  const problems: string[] = undecidedProblems(claim);
  const need = (ok: boolean, sentence: string) => {
    if (!ok) problems.push(sentence);
  };
  const x12 = format === 'x12';
  const where = format === 'x12' ? 'an 837P file' : 'a FHIR Claim';

  const dos = claim.encounter.dateOfService;
  if (x12 || dos !== undefined)
    need(isIsoDate(dos), `encounter.dateOfService ${show(dos)} must be a date written YYYY-MM-DD to export ${where}.`);
  for (const [field, value] of [
    ['patient.birthDate', claim.patient?.birthDate],
    ['subscriber.birthDate', claim.subscriber?.birthDate],
  ] as const) {
    if (value !== undefined) need(isIsoDate(value), `${field} ${show(value)} must be a date written YYYY-MM-DD to export ${where}.`);
  }

  claim.diagnoses.forEach((d, i) => {
    need(isIcd10cmShape(d.code), `diagnoses[${i}].code ${show(d.code)} is not shaped like an ICD-10-CM code (letter, digit, then up to 5 characters); correct it before exporting ${where}.`);
  });
  claim.lines.forEach((l, i) => {
    const at = `lines[${i}]`;
    need(isProcedureShape(l.code), `${at}.code ${show(l.code)} is not shaped like a CPT or HCPCS code (5 letters or digits); correct it before exporting ${where}.`);
    l.modifiers.forEach((m, j) =>
      need(isModifierShape(m), `${at}.modifiers[${j}] ${show(m)} is not a 2-character modifier; correct or remove it.`),
    );
    // Units are sent with at most 3 decimals (SV104), so anything below 0.001 would read as 0.
    need(l.units >= 0.001 && l.units <= 99_999, `${at}.units is ${l.units}; a service line needs between 0.001 and 99999 units.`);
    need(l.charge >= 0 && l.charge <= MAX_CHARGE, `${at}.charge is ${l.charge}; a charge must be between 0 and ${MAX_CHARGE}.`);
    if (l.serviceDate !== undefined)
      need(isIsoDate(l.serviceDate), `${at}.serviceDate ${show(l.serviceDate)} must be a date written YYYY-MM-DD.`);
    l.diagnosisPointers.forEach((p, j) =>
      need(Number.isInteger(p) && p >= 1 && p <= claim.diagnoses.length, `${at}.diagnosisPointers[${j}] is ${p}, but the claim lists ${claim.diagnoses.length} diagnoses; point to 1..${claim.diagnoses.length}.`),
    );
    if (!x12 && l.ndc !== undefined && l.ndc.trim() !== '')
      need(ndcDigits(l.ndc) !== undefined, `${at}.ndc ${show(l.ndc)} is not an 11-digit NDC in 5-4-2 form; correct it before exporting ${where}.`);
    if (x12) {
      need(l.modifiers.length <= X12_MAX_MODIFIERS, `${at} has ${l.modifiers.length} modifiers; an 837P service line carries at most 4.`);
      need(l.diagnosisPointers.length >= 1, `${at} points to no diagnosis; an 837P service line needs 1 to 4 diagnosis pointers (SV107).`);
      need(l.diagnosisPointers.length <= X12_MAX_POINTERS, `${at} has ${l.diagnosisPointers.length} diagnosis pointers; an 837P service line carries at most 4.`);
    }
  });

  if (x12) problems.push(...x12Problems(claim));
  return problems;
}

function x12Problems(claim: Claim): string[] {
  const problems: string[] = [];
  const need = (ok: boolean, sentence: string) => {
    if (!ok) problems.push(sentence);
  };
  need(claim.diagnoses.length >= 1, 'The claim has no diagnoses; an 837P claim needs at least one (loop 2300, HI).');
  need(claim.diagnoses.length <= X12_MAX_DIAGNOSES, `The claim has ${claim.diagnoses.length} diagnoses; an 837P claim carries at most 12 (loop 2300, HI). Remove the least relevant ones.`);
  need(claim.lines.length >= 1, 'The claim has no service lines; an 837P claim needs at least one (loop 2400).');
  need(KNOWN_POS.has(claim.encounter.placeOfService ?? ''), `encounter.placeOfService ${show(claim.encounter.placeOfService)} must be a 2-digit CMS place-of-service code (loop 2300, CLM05-1).`);
  problems.push(...x12FieldProblems(claim).map((p) => p.message));
  return problems;
}

function show(value: string | undefined): string {
  return value === undefined ? '(missing)' : JSON.stringify(value);
}
