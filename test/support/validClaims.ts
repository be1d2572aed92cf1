// Random claims that a billing team could send as they are: every field the 837P needs is
// filled with a well-formed value, in all the shapes the model allows (self or dependent,
// optional loops, drug lines, corrected and voided claims, 1 to 50 lines). Every one must be
// exported, and every export must pass the strict validator.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { exportClaim } from '../../src/core/claim/export/index';
import { validateClaim } from '../../src/core/claim/parse';
import type { ClaimInput } from '../../src/core/claim/schema';
import { assertWellFormed837p } from '../unit/claim/support';

const pick = <T>(...values: T[]) => fc.constantFrom(...values);
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined, freq: 3 });
const date = (min: string, max: string) =>
  fc.date({ min: new Date(`${min}T00:00:00Z`), max: new Date(`${max}T00:00:00Z`), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

const name = fc.record(
  {
    family: pick('Rivera', 'Nuñez', "O'Brien", 'Smith-Jones', 'Lê', 'Van der Berg', 'Okafor'),
    given: maybe(pick('Ana', 'Zoë', 'José', 'Grace', 'Li')),
    middle: maybe(pick('J', 'Marie')),
    suffix: maybe(pick('Jr', 'III')),
  },
  { requiredKeys: ['family'] },
);
const address = (zip: fc.Arbitrary<string>) =>
  fc.record(
    { line1: pick('1 Main St', '400 Lake Shore Dr', '12 Birch Lane #4', '77 W. Jackson Blvd'), line2: maybe(pick('Suite 2', 'Apt 3B')), city: pick('Springfield', 'Saint Paul', "Coeur d'Alene"), state: pick('IL', 'MN', 'ID', 'il'), postalCode: zip },
    { requiredKeys: ['line1', 'city', 'state', 'postalCode'] },
  );
const zip5or9 = pick('62704', '62701-0400', '557012345');
const zip9 = pick('627010400', '62701-0400', '551011234');
const npi = pick('1234567893', '1987654328', '1679576722', '1245319599');
const memberId = pick('XKZ123456789', 'HMO-5550192', 'W1234-5678', 'A1');

const line = fc.oneof(
  fc.record(
    {
      code: pick('99213', '99204', '20610', '25565', '36415', '96372'),
      system: fc.constant('cpt' as const),
      modifiers: fc.array(pick('25', 'RT', 'LT', '59', 'XS', '95'), { maxLength: 4 }),
      units: fc.oneof(fc.integer({ min: 1, max: 12 }), pick(0.5, 1.25)),
      charge: fc.integer({ min: 0, max: 500_000 }).map((c) => c / 100),
      diagnosisPointers: fc.uniqueArray(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 4 }),
      serviceDate: maybe(date('2024-01-01', '2024-08-31')),
      placeOfService: maybe(pick('11', '22', '02')),
    },
    { requiredKeys: ['code', 'system', 'modifiers', 'units', 'charge', 'diagnosisPointers'] },
  ),
  fc.record(
    {
      code: pick('J1885', 'J0696', 'J3490'),
      system: fc.constant('hcpcs' as const),
      modifiers: fc.constant([] as string[]),
      units: fc.integer({ min: 1, max: 10 }),
      charge: fc.integer({ min: 1, max: 20_000 }).map((c) => c / 100),
      diagnosisPointers: fc.constant([1]),
      ndc: maybe(pick('00409-3795-01', '00781314895', '63323-0347-20')),
      ndcQuantity: pick(1, 2, 0.5, 250),
      ndcUnit: pick('UN', 'ML', 'GR', 'F2', 'ME'),
    },
    { requiredKeys: ['code', 'system', 'modifiers', 'units', 'charge', 'diagnosisPointers', 'ndcQuantity', 'ndcUnit'] },
  ).map((l) => (l.ndc === undefined ? { ...l, ndcQuantity: undefined, ndcUnit: undefined } : l)),
);

const subscriberOf = fc.record(
  {
    relationship: pick('spouse', 'child', 'other', '19', 'G8', '01'),
    name,
    memberId,
    birthDate: maybe(date('1940-01-01', '2000-12-31')),
    sex: maybe(pick('female', 'male', 'unknown')),
    address: maybe(address(zip5or9)),
    groupNumber: maybe(pick('GRP-881', 'G1')),
  },
  { requiredKeys: ['relationship', 'name', 'memberId'] },
);

export const validClaimArbitrary: fc.Arbitrary<ClaimInput> = fc
  .record({
    id: maybe(pick('CLM-2024-0815-07', 'A1', '0001')),
    frequency: pick(undefined, '1', '7', '8'),
    dateOfService: date('2024-01-01', '2024-08-31'),
    placeOfService: pick('11', '22', '02', '21'),
    patient: fc.record(
      { id: maybe(pick('P-1', 'P.77')), name, birthDate: date('1930-01-01', '2023-12-31'), sex: pick('female', 'male', 'other', 'unknown'), memberId, address: address(zip5or9) },
      { requiredKeys: ['name', 'birthDate', 'memberId', 'address'] },
    ),
    dependent: maybe(subscriberOf),
    payer: fc.record({ name: pick('Acme Health Plan', 'Prairie Mutual Health', 'Medicaid of Illinois'), id: pick('ACME01', 'PRM77', '00123') }),
    billingProvider: fc.record(
      { npi, name: pick('Lakeside Family Medicine, P.C.', 'Harbor Telehealth Group'), taxId: pick('123456789', '12-3456789'), taxonomy: maybe(pick('207Q00000X', '208D00000X')), address: address(zip9), phone: pick('217-555-0100', '(410) 555 0199', '+1 217 555 0100'), contactName: maybe(pick('Billing Office', 'Ana Rivera')) },
      { requiredKeys: ['npi', 'name', 'taxId', 'address', 'phone'] },
    ),
    renderingProvider: maybe(fc.record({ npi, personName: name, taxonomy: maybe(pick('207Q00000X')) }, { requiredKeys: ['npi', 'personName'] })),
    referringProvider: maybe(fc.record({ npi, personName: name }, { requiredKeys: ['npi', 'personName'] })),
    priorAuthorization: maybe(pick('AUTH-7781', 'PA12345')),
    diagnoses: fc.array(pick('I10', 'E11.9', 'S52.521A', 'W09.8XXA', 'J45.20', 'M17.11', 'Z79.4'), { minLength: 4, maxLength: 12 }),
    lines: fc.oneof({ weight: 9, arbitrary: fc.array(line, { minLength: 1, maxLength: 6 }) }, { weight: 1, arbitrary: fc.array(line, { minLength: 40, maxLength: 50 }) }),
  })
  .map((r) => {
    const claim: ClaimInput = {
      schemaVersion: '1',
      ...(r.id !== undefined ? { id: r.id } : {}),
      encounter: {
        dateOfService: r.dateOfService,
        placeOfService: r.placeOfService,
        ...(r.frequency !== undefined ? { frequency: r.frequency } : {}),
        ...(r.frequency === '7' || r.frequency === '8' ? { originalClaimId: 'PCN-2024-000123' } : {}),
      },
      patient: r.patient,
      ...(r.dependent !== undefined ? { subscriber: r.dependent } : {}),
      payer: r.payer,
      billingProvider: r.billingProvider,
      ...(r.renderingProvider !== undefined ? { renderingProvider: r.renderingProvider } : {}),
      ...(r.referringProvider !== undefined ? { referringProvider: r.referringProvider } : {}),
      ...(r.priorAuthorization !== undefined ? { priorAuthorization: r.priorAuthorization } : {}),
      diagnoses: r.diagnoses.map((code) => ({ code, system: 'icd10cm' as const })),
      lines: r.lines.map((l) => JSON.parse(JSON.stringify({ ...l, diagnosisPointers: l.diagnosisPointers.filter((p) => p <= r.diagnoses.length) }))),
    };
    return claim;
  });

/** Exports `count` random valid claims as X12 (each read back by node-x12), with distinct control numbers for one batch. */
export function exportValidClaims(count: number, seed?: number): Array<{ name: string; text: string }> {
  const texts: Array<{ name: string; text: string }> = [];
  fc.sample(validClaimArbitrary, { numRuns: count, ...(seed !== undefined ? { seed } : {}) }).forEach((input, i) => {
    const parsed = validateClaim(input);
    if (!parsed.ok) throw new Error(`generated claim ${i} fails the schema: ${parsed.errors.join(' ')}`);
    const out = exportClaim(parsed.claim, 'x12', [], { x12: { controlNumber: i + 1, now: new Date('2024-09-05T08:00:00Z') } });
    assert.ok(out.ok, `claim ${i} was refused: ${out.ok ? '' : out.errors.join(' ')}\n${JSON.stringify(input)}`);
    assertWellFormed837p(out.content, parsed.claim, i + 1);
    texts.push({ name: `valid claim ${i}: ${JSON.stringify(input)}`, text: out.content });
  });
  return texts;
}
