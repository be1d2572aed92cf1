// A tiny hand-written code-set world for the rule unit tests (rows written by us in the index's
// layout; titles are our own short wording). Fictional where a test needs a situation the real
// releases do not offer in a few rows (e.g. a code deleted between two versions).
import { fixtureIndex, icd } from '../../support/fixtureIndex';
import type { CodesetIndex } from '../../../src/core/codeset/api';
import { checkClaim } from '../../../src/core/rules';
import type { RuleContext, RuleId, RuleWarning } from '../../../src/core/rules';

export const FY2024 = { effectiveFrom: '2023-10-01', effectiveTo: '2024-09-30' };

export function buildIndex(options: { withPtp?: boolean; withCpt?: boolean; withMce?: boolean } = {}) {
  const { withPtp = true, withCpt = true, withMce = true } = options;
  return fixtureIndex([
    {
      system: 'icd10cm', version: 'FY2021', effectiveFrom: '2020-10-01', effectiveTo: '2021-09-30',
      codes: [icd('E88', 'Other metabolic disorders', false), icd('E88.8', 'Other specified metabolic disorders'), icd('I10', 'Essential hypertension')],
    },
    {
      system: 'icd10cm', version: 'FY2024', ...FY2024,
      codes: [
        icd('E10', 'Type 1 diabetes mellitus', false), icd('E10.9', 'Type 1 diabetes mellitus without complications'),
        icd('E11', 'Type 2 diabetes mellitus', false), icd('E11.9', 'Type 2 diabetes mellitus without complications'),
        icd('E11.4', 'Type 2 diabetes mellitus with neurological complications', false), icd('E11.40', 'Type 2 diabetes mellitus with diabetic neuropathy, unspecified'),
        icd('I10', 'Essential hypertension'),
        icd('J44', 'Other chronic obstructive pulmonary disease', false), icd('J44.9', 'Chronic obstructive pulmonary disease, unspecified'),
        icd('J45', 'Asthma', false), icd('J45.9', 'Other and unspecified asthma', false), icd('J45.90', 'Unspecified asthma', false),
        icd('J45.909', 'Unspecified asthma, uncomplicated'),
        icd('S52', 'Fracture of forearm', false), icd('S52.5', 'Fracture of lower end of radius', false), icd('S52.50', 'Unspecified fracture of the lower end of radius', false),
        icd('S52.501', 'Unspecified fracture of the lower end of right radius', false),
        icd('S52.501A', 'Unspecified fracture of the lower end of right radius, initial encounter', true, 'S52501'),
        icd('S52.501D', 'Unspecified fracture of the lower end of right radius, subsequent encounter', true, 'S52501'),
        icd('T36', 'Poisoning by systemic antibiotics', false), icd('T36.0', 'Poisoning by penicillins', false), icd('T36.0X1', 'Poisoning by penicillins, accidental', false, 'T360'),
        icd('T36.0X1A', 'Poisoning by penicillins, accidental, initial encounter', true, 'T360X1'),
        icd('T36.0X1D', 'Poisoning by penicillins, accidental, subsequent encounter', true, 'T360X1'),
        icd('G63', 'Polyneuropathy in diseases classified elsewhere'),
        icd('M17', 'Osteoarthritis of knee', false), icd('M17.1', 'Unilateral primary osteoarthritis of knee', false),
        icd('M17.10', 'Unilateral primary osteoarthritis, unspecified knee'), icd('M17.11', 'Unilateral primary osteoarthritis, right knee'),
        icd('M17.12', 'Unilateral primary osteoarthritis, left knee'),
        icd('N40', 'Benign prostatic hyperplasia', false), icd('N40.0', 'Benign prostatic hyperplasia without lower urinary tract symptoms'),
        icd('O80', 'Encounter for full-term uncomplicated delivery'),
        icd('P22', 'Respiratory distress of newborn', false), icd('P22.0', 'Respiratory distress syndrome of newborn'),
        icd('R05', 'Cough', false), icd('R05.9', 'Cough, unspecified'),
        icd('J18', 'Pneumonia, unspecified organism', false), icd('J18.9', 'Pneumonia, unspecified organism'),
        icd('Z79', 'Long term drug therapy', false), icd('Z79.4', 'Long term (current) use of insulin'),
      ],
      notes: [
        { code: 'E11', type: 'excludes1', text: 'type 1 diabetes mellitus (E10.-)', refs: [['E10', 'E10']] },
        { code: 'E11', type: 'useAdditionalCode', text: 'Use additional code to identify control using insulin (Z79.4)', refs: [['Z794', 'Z794']] },
        { code: 'J44', type: 'excludes1', text: 'asthma without chronic obstructive pulmonary disease (J45.-)', refs: [['J45', 'J45']] },
        { code: 'G63', type: 'codeFirst', text: 'Code first underlying disease, such as: diabetes mellitus (E08-E13)', refs: [['E08', 'E13']] },
      ],
      seventhChars: [
        { code: 'S52', chr: 'A', title: 'initial encounter for closed fracture' },
        { code: 'S52', chr: 'D', title: 'subsequent encounter for closed fracture with routine healing' },
        { code: 'T36', chr: 'A', title: 'initial encounter' },
        { code: 'T36', chr: 'D', title: 'subsequent encounter' },
        { code: 'T36', chr: 'S', title: 'sequela' },
      ],
    },
    ...(withMce
      ? [{
          system: 'mce' as const, version: 'v41.1', ...FY2024,
          mce: [
            { code: 'N400', edit: 'sex' as const, rule: 'male only', sex: 'male' as const, text: 'N40.0,Sex,Male Only' },
            { code: 'O80', edit: 'sex' as const, rule: 'female only', sex: 'female' as const, text: 'O80,Sex,Female Only' },
            { code: 'O80', edit: 'age' as const, rule: 'maternity', minAge: 9, maxAge: 64, text: 'O80,Age,Maternity (Ages 9-64)' },
            { code: 'P220', edit: 'age' as const, rule: 'newborn', minAge: 0, maxAge: 0, text: 'P22.0,Age,Perinatal/Newborn (Age 0 Only)' },
            { code: 'G63', edit: 'manifestation' as const, rule: 'manifestation not allowed as principal', text: 'G63,Other,Manifestation' },
          ],
        }]
      : []),
    {
      system: 'hcpcs', version: '2024', effectiveFrom: '2024-01-01', effectiveTo: '2024-12-31',
      codes: [
        { code: 'J0696', display: 'J0696', kind: 'code', billable: true, longTitle: 'Ceftriaxone injection, per 250 mg', extra: { addDate: '2000-01-01', effectiveDate: '2000-01-01' } },
        { code: 'Q9990', display: 'Q9990', kind: 'code', billable: false, longTitle: 'Retired test supply', extra: { terminationDate: '2023-12-31' } },
        { code: 'Q9991', display: 'Q9991', kind: 'code', billable: true, longTitle: 'New test supply', extra: { effectiveDate: '2024-10-01' } },
        // An old code whose latest action (a changed label) takes effect after 2024: as J1885 in the 2025 files.
        { code: 'J1885', display: 'J1885', kind: 'code', billable: true, longTitle: 'Ketorolac injection, per 15 mg', extra: { addDate: '1994-01-01', effectiveDate: '2025-01-01', actionCode: 'C' } },
        { code: 'Q9992', display: 'Q9992', kind: 'code', billable: true, longTitle: 'Added test supply', extra: { addDate: '2024-10-01', effectiveDate: '2024-10-01', actionCode: 'A' } },
      ],
    },
    {
      system: 'modifier', version: '2024', effectiveFrom: '2024-01-01', effectiveTo: '2024-12-31',
      codes: ['LT', 'RT', 'XS', 'XU', 'GA'].map((m) => ({ code: m, display: m, kind: 'modifier' as const, billable: true, longTitle: `modifier ${m}` })),
    },
    ...(withCpt
      ? [{
          system: 'cpt' as const, version: '2024', effectiveFrom: '2024-01-01', effectiveTo: '2024-12-31',
          codes: ['99202', '99203', '99204', '99205', '99211', '99212', '99213', '99214', '99215', '99417', '20610', '20604', '11102', '11103', '97597', '96372', '36415', '27447']
            .map((c) => ({ code: c, display: c, kind: 'code' as const, billable: true, longTitle: `procedure ${c}` })),
        }]
      : []),
    { system: 'pos', version: '2024', codes: ['11', '21', '22'].map((c) => ({ code: c, display: c, kind: 'pos' as const, billable: true, longTitle: `place ${c}` })) },
    {
      system: 'ncci-mue', version: '2024-Q3', variant: 'practitioner', effectiveFrom: '2024-07-01',
      mue: [
        { code: '20610', units: 2, mai: 1, rationale: 'Anatomic consideration' },
        { code: '99213', units: 1, mai: 2, rationale: 'Code descriptor' },
        { code: 'J0696', units: 10, mai: 3, rationale: 'Clinical data' },
      ],
    },
    {
      system: 'ncci-addon', version: '2024-06', effectiveFrom: '2024-06-01',
      addon: [
        { addon: '99417', primary: '99205', editType: 1 }, { addon: '99417', primary: '99215', editType: 1 },
        { addon: '11103', primary: '11102', editType: 1 },
        { addon: 'G2212', primary: 'CCCCC', editType: 2 },
      ],
    },
    ...(withPtp
      ? [{
          system: 'ncci-ptp' as const, version: '2024-Q3', variant: 'practitioner', effectiveFrom: '2024-07-01',
          ptp: [
            { col1: '20610', col2: '20604', modifierIndicator: 0, rationale: 'Misuse of column two code with column one code' },
            { col1: '20610', col2: '99213', modifierIndicator: 1, rationale: 'Standards of medical / surgical practice' },
            { col1: '11102', col2: '97597', modifierIndicator: 9, rationale: 'Not applicable' },
            { col1: '20604', col2: '96372', modifierIndicator: 1, rationale: 'Standards of medical / surgical practice' },
            { col1: '27447', col2: '20610', modifierIndicator: 0, deletionDate: '2023-12-31', rationale: 'Deleted edit' },
          ],
        }]
      : []),
  ]);
}

let shared: Promise<CodesetIndex> | undefined;
export function index(): Promise<CodesetIndex> {
  shared ??= buildIndex();
  return shared;
}

/** The minimal claim of the issue, plus a billing address, with no warnings on the fixture world. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests reshape the claim freely
export function baseClaim(): Record<string, any> {
  return {
    schemaVersion: '1',
    encounter: { dateOfService: '2024-08-14', placeOfService: '11', patientStatus: 'established', setting: 'outpatient', totalTimeMinutes: 25 },
    patient: { id: 'P-1', name: { family: 'Rivera', given: 'Ana' }, birthDate: '1961-05-20', sex: 'female', memberId: 'XKZ123456789', address: { line1: '18 Elm St', city: 'Springfield', state: 'IL', postalCode: '62704' } },
    payer: { name: 'Acme Health Plan', id: 'ACME01' },
    billingProvider: { npi: '1234567893', name: 'Lakeside Family Medicine', taxId: '123456789', phone: '217-555-0100', address: { line1: '1 Main St', city: 'Springfield', state: 'IL', postalCode: '62701-0400' } },
    renderingProvider: { npi: '1234567893' },
    diagnoses: [{ code: 'I10', system: 'icd10cm' }],
    lines: [{ code: '99213', system: 'cpt', modifiers: [], units: 1, charge: 125.0, diagnosisPointers: [1] }],
  };
}

export function ctxFor(idx: CodesetIndex, extra: Partial<RuleContext> = {}): RuleContext {
  return { index: idx, date: '2024-08-14', settings: { severity: {} }, today: '2024-09-01', ...extra };
}

export async function check(claim: unknown, extra: Partial<RuleContext> = {}, idx?: CodesetIndex): Promise<RuleWarning[]> {
  return checkClaim(claim, ctxFor(idx ?? (await index()), extra));
}

export async function fired(rule: RuleId, claim: unknown, extra: Partial<RuleContext> = {}, idx?: CodesetIndex): Promise<RuleWarning[]> {
  return (await check(claim, extra, idx)).filter((w) => w.rule === rule);
}
