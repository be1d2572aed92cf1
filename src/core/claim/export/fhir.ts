// FHIR R4 Claim (professional) with the parties it references carried as contained resources,
// so the resource stands alone and every reference resolves (dom-3). Element choices follow
// the R4 Claim resource and the "CMS 1500" example (Claim-MED-00050) in the R4 examples.
import { administrativeSex, fhirRelationshipCode, patientIsSubscriber } from '../parties';
import type { Address, Claim, ExportOverride, PersonName, Provider, ServiceLine } from '../schema';
import { ClaimExportError } from './format';
import { overrideExtension } from './overrideRecord';
import { exportProblems } from './requirements';
import { centsToDecimal, lineTotalCents, toCents } from './values';
import { icdDisplay } from '../../codes';
import { ndcDigits } from './x12/fields';

export const FHIR_SYSTEMS = {
  claimType: 'http://terminology.hl7.org/CodeSystem/claim-type',
  priority: 'http://terminology.hl7.org/CodeSystem/processpriority',
  diagnosisType: 'http://terminology.hl7.org/CodeSystem/ex-diagnosistype',
  careTeamRole: 'http://terminology.hl7.org/CodeSystem/claimcareteamrole',
  subscriberRelationship: 'http://terminology.hl7.org/CodeSystem/subscriber-relationship',
  icd10cm: 'http://hl7.org/fhir/sid/icd-10-cm',
  cpt: 'http://www.ama-assn.org/go/cpt',
  hcpcs: 'https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets',
  placeOfService: 'https://www.cms.gov/Medicare/Coding/place-of-service-codes/Place_of_Service_Code_Set',
  npi: 'http://hl7.org/fhir/sid/us-npi',
  ein: 'urn:oid:2.16.840.1.113883.4.4',
  ndc: 'http://hl7.org/fhir/sid/ndc',
} as const;

export interface FhirExportOptions {
  /** Claim.created (dateTime); default now. Injected by golden tests. */
  created?: string;
  /** Identifier system for the claim id and patient id (the practice's own namespace). */
  identifierSystem?: string;
  /** The override this export is sent under: carried as a Claim extension (see overrideRecord.ts). */
  override?: ExportOverride;
}

type Json = Record<string, unknown>;

/** FHIR strings may not hold control characters or be blank; absent beats invalid. */
function text(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const clean = value.replace(/[\p{Cc}\p{Cs}]/gu, ' ').replace(/\s+/g, ' ').trim();
  return clean === '' ? undefined : clean;
}

/** FHIR code: no leading/trailing or repeated white space. */
function code(value: string): string {
  return value.trim().toUpperCase();
}

/** Copies only the members that have a value, so no empty strings or arrays reach the resource. */
function compact(obj: Json): Json {
  const out: Json = {};
  for (const [k, v] of Object.entries(obj)) {
    if (v === undefined) continue;
    if (Array.isArray(v) && v.length === 0) continue;
    if (v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0) continue;
    out[k] = v;
  }
  return out;
}

function humanName(n: PersonName | undefined): Json[] {
  if (n === undefined) return [];
  const given = [text(n.given), text(n.middle)].filter((g): g is string => g !== undefined);
  const suffix = text(n.suffix);
  const name = compact({ family: text(n.family), given, suffix: suffix ? [suffix] : undefined });
  return Object.keys(name).length > 0 ? [name] : [];
}

function address(a: Address | undefined): Json[] {
  if (a === undefined) return [];
  const line = [text(a.line1), text(a.line2)].filter((l): l is string => l !== undefined);
  const out = compact({ line, city: text(a.city), state: text(a.state), postalCode: text(a.postalCode), country: text(a.country) });
  return Object.keys(out).length > 0 ? [out] : [];
}

function identifier(system: string | undefined, value: string | undefined): Json[] {
  const v = text(value);
  return v === undefined ? [] : [compact({ system, value: v })];
}

function money(cents: number): Json {
  return { value: centsToDecimal(cents), currency: 'USD' };
}

function organization(id: string, p: { name?: string; npi?: string; taxId?: string; payerId?: string; address?: Address; phone?: string; contactName?: string } | undefined): Json {
  const phone = text(p?.phone);
  const telecom = phone === undefined ? [] : [{ system: 'phone', value: phone }];
  const contactName = text(p?.contactName);
  return compact({
    resourceType: 'Organization',
    id,
    identifier: [...identifier(FHIR_SYSTEMS.npi, p?.npi), ...identifier(FHIR_SYSTEMS.ein, p?.taxId), ...identifier(undefined, p?.payerId)],
    name: text(p?.name),
    telecom,
    address: address(p?.address),
    // The billing contact: who answers the number (837P 1000A PER).
    contact: contactName === undefined ? undefined : [compact({ purpose: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/contactentity-type', code: 'BILL' }] }, name: { text: contactName }, telecom })],
  });
}

function practitioner(id: string, p: Provider): Json {
  return compact({
    resourceType: 'Practitioner',
    id,
    identifier: identifier(FHIR_SYSTEMS.npi, p.npi),
    name: humanName(p.personName ?? (p.name !== undefined ? { family: p.name } : undefined)),
    address: address(p.address),
  });
}

export function fhirClaim(claim: Claim, options: FhirExportOptions = {}): Json {
  const problems = exportProblems(claim, 'fhir');
  if (problems.length > 0) throw new ClaimExportError('fhir', problems);

  const patient = claim.patient ?? {};
  const self = patientIsSubscriber(claim);
  const dos = claim.encounter.dateOfService;
  const pos = text(claim.encounter.placeOfService);
  const contained: Json[] = [
    compact({
      resourceType: 'Patient',
      id: 'patient',
      identifier: identifier(options.identifierSystem, patient.id),
      name: humanName(patient.name),
      gender: patient.sex !== undefined ? administrativeSex(patient.sex) : undefined,
      birthDate: patient.birthDate,
      address: address(patient.address),
    }),
    organization('billing-provider', claim.billingProvider),
    organization('payer', { name: claim.payer?.name, payerId: claim.payer?.id, address: claim.payer?.address }),
  ];
  if (!self) {
    const s = claim.subscriber!;
    contained.push(
      compact({
        resourceType: 'RelatedPerson',
        id: 'subscriber',
        patient: { reference: '#patient' },
        relationship: relatedPersonRole(s.relationship),
        name: humanName(s.name),
        gender: s.sex !== undefined ? administrativeSex(s.sex) : undefined,
        birthDate: s.birthDate,
        address: address(s.address),
      }),
    );
  }
  const memberId = text(self ? patient.memberId : claim.subscriber?.memberId);
  contained.push(
    compact({
      resourceType: 'Coverage',
      id: 'coverage',
      status: 'active',
      subscriber: { reference: self ? '#patient' : '#subscriber' },
      subscriberId: memberId,
      beneficiary: { reference: '#patient' },
      relationship: { coding: [{ system: FHIR_SYSTEMS.subscriberRelationship, code: self ? 'self' : fhirRelationshipCode(claim.subscriber?.relationship) }] },
      payor: [{ reference: '#payer' }],
    }),
  );
  const rendering = claim.renderingProvider;
  const hasRendering = rendering !== undefined && (text(rendering.npi) !== undefined || text(rendering.name) !== undefined || rendering.personName !== undefined);
  if (hasRendering) contained.push(practitioner('rendering-provider', rendering));
  const referring = claim.referringProvider;
  const hasReferring = referring !== undefined && (text(referring.npi) !== undefined || text(referring.name) !== undefined || referring.personName !== undefined);
  if (hasReferring) contained.push(practitioner('referring-provider', referring));
  const careTeam = [
    ...(hasRendering ? [{ provider: '#rendering-provider', role: 'primary' }] : []),
    // claimcareteamrole has no "referring" code: "other", with the 837P meaning in the qualification.
    ...(hasReferring ? [{ provider: '#referring-provider', role: 'other', qualification: 'referring provider (837P 2310A)' }] : []),
  ].map((m, i) =>
    compact({
      sequence: i + 1,
      provider: { reference: m.provider },
      role: { coding: [{ system: FHIR_SYSTEMS.careTeamRole, code: m.role }] },
      qualification: m.qualification === undefined ? undefined : { text: m.qualification },
    }),
  );
  const frequency = claim.encounter.frequency?.trim();
  const original = text(claim.encounter.originalClaimId);
  const corrects = (frequency === '7' || frequency === '8') && original !== undefined;

  const items = claim.lines.map((l, i) =>
    compact({
      sequence: i + 1,
      careTeamSequence: hasRendering ? [1] : undefined,
      diagnosisSequence: l.diagnosisPointers,
      productOrService: { coding: [{ system: l.system === 'cpt' ? FHIR_SYSTEMS.cpt : FHIR_SYSTEMS.hcpcs, code: code(l.code) }] },
      modifier: l.modifiers.map((m) => ({
        // Two digits are CPT modifiers (25, 59); letters are HCPCS Level II modifiers (LT, XS).
        coding: [{ system: /^\d{2}$/.test(m.trim()) ? FHIR_SYSTEMS.cpt : FHIR_SYSTEMS.hcpcs, code: code(m) }],
      })),
      servicedDate: l.serviceDate ?? dos,
      locationCodeableConcept: lineLocation(text(l.placeOfService) ?? pos),
      quantity: { value: l.units },
      unitPrice: money(Math.round(toCents(l.charge) / l.units)),
      net: money(toCents(l.charge)),
      detail: drugDetail(l),
    }),
  );

  return compact({
    resourceType: 'Claim',
    id: fhirId(claim.id),
    extension: options.override ? [overrideExtension(options.override)] : undefined,
    contained,
    identifier: identifier(options.identifierSystem, claim.id),
    // A void (837P frequency 8) cancels the claim it relates to.
    status: frequency === '8' ? 'cancelled' : 'active',
    type: { coding: [{ system: FHIR_SYSTEMS.claimType, code: 'professional' }] },
    use: 'claim',
    patient: { reference: '#patient' },
    billablePeriod: billablePeriod(claim),
    created: options.created ?? new Date().toISOString(),
    insurer: { reference: '#payer' },
    provider: { reference: '#billing-provider' },
    priority: { coding: [{ system: FHIR_SYSTEMS.priority, code: 'normal' }] },
    related: corrects
      ? [{ claim: { identifier: { value: original } }, relationship: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/ex-relatedclaimrelationship', code: 'prior' }] } }]
      : undefined,
    careTeam,
    diagnosis: claim.diagnoses.map((d, i) =>
      compact({
        sequence: i + 1,
        diagnosisCodeableConcept: { coding: [{ system: FHIR_SYSTEMS.icd10cm, code: icdDisplay(d.code) }] },
        type: i === 0 ? [{ coding: [{ system: FHIR_SYSTEMS.diagnosisType, code: 'principal' }] }] : undefined,
      }),
    ),
    insurance: [compact({ sequence: 1, focal: true, coverage: { reference: '#coverage' }, preAuthRef: text(claim.priorAuthorization) !== undefined ? [text(claim.priorAuthorization)] : undefined })],
    item: items,
    total: money(lineTotalCents(claim.lines)),
  });
}

/** The drug given on a line, by NDC (5-4-2) with its quantity and unit (837P 2410). */
function drugDetail(l: ServiceLine): Json[] | undefined {
  const ndc = l.ndc === undefined ? undefined : ndcDigits(l.ndc);
  if (ndc === undefined) return undefined;
  const unit = text(l.ndcUnit)?.toUpperCase();
  return [
    compact({
      sequence: 1,
      productOrService: { coding: [{ system: FHIR_SYSTEMS.ndc, code: `${ndc.slice(0, 5)}-${ndc.slice(5, 9)}-${ndc.slice(9)}` }] },
      quantity: l.ndcQuantity === undefined ? undefined : compact({ value: l.ndcQuantity, unit }),
    }),
  ];
}

/** From the first to the last date of service on the claim (lines may carry their own dates). */
function billablePeriod(claim: Claim): Json | undefined {
  const dates = [claim.encounter.dateOfService, ...claim.lines.map((l) => l.serviceDate)].filter((d): d is string => d !== undefined).sort();
  return dates.length === 0 ? undefined : { start: dates[0], end: dates[dates.length - 1] };
}

function lineLocation(pos: string | undefined): Json | undefined {
  return pos === undefined ? undefined : { coding: [{ system: FHIR_SYSTEMS.placeOfService, code: pos.replace(/\s+/g, '') }] };
}

/**
 * RelatedPerson.relationship says what the subscriber is to the patient (v3-RoleCode): the
 * parent of a child patient, the spouse of a spouse; "other" has no precise code, so none.
 */
function relatedPersonRole(relationship: string | undefined): Json[] | undefined {
  const rel = fhirRelationshipCode(relationship);
  const role = rel === 'spouse' ? 'SPS' : rel === 'child' ? 'PRN' : undefined;
  return role === undefined ? undefined : [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-RoleCode', code: role }] }];
}

/** A FHIR id is [A-Za-z0-9-.]{1,64}; other claim ids go only into Claim.identifier. */
function fhirId(id: string | undefined): string | undefined {
  return id !== undefined && /^[A-Za-z0-9\-.]{1,64}$/.test(id) ? id : undefined;
}
