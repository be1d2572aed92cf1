// What a format needs from a claim before it can be written at all. These are not compliance
// rules (src/core/rules reports those, and an override can pass them): they are the facts
// without which the file would be malformed, e.g. a 13th diagnosis has no place in an 837P HI
// segment and "2024-13-45" is not a FHIR date. An override never skips them.
import type { Claim } from '../schema';
import type { ExportFormat } from './format';
import { MAX_CHARGE } from './values';
import { isIcd10cmShape, isIsoDate, isModifierShape, isProcedureShape } from '../../codes';
import { patientIsSubscriber } from '../parties';
import { x12Id, x12Text } from './x12/text';

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
    if (x12) {
      need(l.modifiers.length <= X12_MAX_MODIFIERS, `${at} has ${l.modifiers.length} modifiers; an 837P service line carries at most 4.`);
      need(l.diagnosisPointers.length >= 1, `${at} points to no diagnosis; an 837P service line needs 1 to 4 diagnosis pointers (SV107).`);
      need(l.diagnosisPointers.length <= X12_MAX_POINTERS, `${at} has ${l.diagnosisPointers.length} diagnosis pointers; an 837P service line carries at most 4.`);
      const pos = l.placeOfService;
      if (pos !== undefined) need(/^\d{2}$/.test(pos), `${at}.placeOfService ${show(pos)} must be a 2-digit CMS place-of-service code.`);
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
  const bp = claim.billingProvider;
  need(claim.diagnoses.length >= 1, 'The claim has no diagnoses; an 837P claim needs at least one (HI segment).');
  need(claim.diagnoses.length <= X12_MAX_DIAGNOSES, `The claim has ${claim.diagnoses.length} diagnoses; an 837P claim carries at most 12. Remove the least relevant ones.`);
  need(claim.lines.length >= 1, 'The claim has no service lines; an 837P claim needs at least one.');
  need(/^\d{2}$/.test(claim.encounter.placeOfService ?? ''), `encounter.placeOfService ${show(claim.encounter.placeOfService)} must be a 2-digit CMS place-of-service code (837P CLM05).`);
  need(x12Text(bp?.name) !== '', 'billingProvider.name is missing; the 837P billing provider loop (2010AA) needs it.');
  need(/^\d{10}$/.test(bp?.npi ?? ''), `billingProvider.npi ${show(bp?.npi)} must be 10 digits (837P 2010AA NM109).`);
  need(/^\d{9}$/.test((bp?.taxId ?? '').replace(/-/g, '')), `billingProvider.taxId ${show(bp?.taxId)} must be the 9-digit EIN (837P 2010AA REF*EI).`);
  need(x12Text(claim.payer?.name) !== '', 'payer.name is missing; the 837P payer loop (2010BB) needs it.');
  need(x12Id(claim.payer?.id) !== '', 'payer.id is missing; the 837P payer loop (2010BB NM109) needs the payer id.');
  need(x12Text(claim.patient?.name?.family) !== '', 'patient.name.family is missing; the 837P needs the patient\'s last name.');
  if (patientIsSubscriber(claim)) {
    need(x12Id(claim.patient?.memberId) !== '', 'patient.memberId is missing; the 837P subscriber loop (2010BA NM109) needs the member id.');
  } else {
    need(x12Text(claim.subscriber?.name?.family) !== '', 'subscriber.name.family is missing; the 837P subscriber loop (2010BA) needs it.');
    need(x12Id(claim.subscriber?.memberId) !== '', 'subscriber.memberId is missing; the 837P subscriber loop (2010BA NM109) needs the member id.');
  }
  const rp = claim.renderingProvider;
  if (rp?.npi !== undefined && rp.npi !== bp?.npi) {
    need(/^\d{10}$/.test(rp.npi), `renderingProvider.npi ${show(rp.npi)} must be 10 digits (837P 2310B NM109).`);
    need(x12Text(rp.personName?.family ?? rp.name) !== '', 'renderingProvider.name is missing; the 837P rendering provider loop (2310B) needs it when the rendering NPI differs from the billing NPI.');
  }
  return problems;
}

function show(value: string | undefined): string {
  return value === undefined ? '(missing)' : JSON.stringify(value);
}
