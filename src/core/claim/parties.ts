// Who is who on a claim: the patient, the insured (subscriber) and how they are related.
import type { Claim } from './schema';

const RELATIONSHIP_TO_X12: Record<string, string> = {
  self: '18',
  spouse: '01',
  child: '19',
  other: 'G8',
};
/** Individual relationship codes the 837P allows in SBR02/PAT01. */
const X12_RELATIONSHIP_CODES = new Set(['01', '18', '19', '20', '21', '39', '40', '53', 'G8']);

/** The patient is the subscriber unless a subscriber is given with a relationship other than self. */
export function patientIsSubscriber(claim: Claim): boolean {
  const s = claim.subscriber;
  if (s === undefined) return true;
  const rel = (s.relationship ?? '').trim().toLowerCase();
  return rel === 'self' || rel === '18';
}

/** The patient's relationship to the subscriber as an X12 individual relationship code (G8 other). */
export function x12RelationshipCode(relationship: string | undefined): string {
  const rel = (relationship ?? '').trim();
  const named = RELATIONSHIP_TO_X12[rel.toLowerCase()];
  if (named) return named;
  return X12_RELATIONSHIP_CODES.has(rel.toUpperCase()) ? rel.toUpperCase() : 'G8';
}

const X12_TO_FHIR_RELATIONSHIP: Record<string, string> = { '18': 'self', '01': 'spouse', '19': 'child' };

/** http://terminology.hl7.org/CodeSystem/subscriber-relationship code. */
export function fhirRelationshipCode(relationship: string | undefined): string {
  return X12_TO_FHIR_RELATIONSHIP[x12RelationshipCode(relationship)] ?? 'other';
}

export type AdministrativeSex = 'female' | 'male' | 'other' | 'unknown';

export function administrativeSex(sex: string | undefined): AdministrativeSex {
  const s = (sex ?? '').trim().toLowerCase();
  if (s === 'female' || s === 'f') return 'female';
  if (s === 'male' || s === 'm') return 'male';
  if (s === 'other') return 'other';
  return 'unknown';
}

/** X12 DMG03: F, M or U. */
export function x12SexCode(sex: string | undefined): 'F' | 'M' | 'U' {
  const s = administrativeSex(sex);
  return s === 'female' ? 'F' : s === 'male' ? 'M' : 'U';
}
