// A tiny hand-written code set for the suggestion engine's unit tests: a few ICD-10-CM codes in
// the official hierarchy, index paths, a neoplasm-table row, 7th characters and HCPCS drug codes.
import { fixtureIndex, icd } from '../../support/fixtureIndex';
import type { SqlCodesetIndex } from '../../../src/core/codeset/index';
import type { CodeRow, IndexEntryRow } from '../../../src/core/importers/types';

const header = (display: string, title: string, parent?: string): CodeRow => icd(display, title, false, parent);

const CODES: CodeRow[] = [
  header('I10', 'Essential (primary) hypertension'),
  header('I11', 'Hypertensive heart disease'), icd('I11.0', 'Hypertensive heart disease with heart failure'), icd('I11.9', 'Hypertensive heart disease without heart failure'),
  header('I12', 'Hypertensive chronic kidney disease'), icd('I12.0', 'Hypertensive chronic kidney disease with stage 5 chronic kidney disease or end stage renal disease'),
  icd('I12.9', 'Hypertensive chronic kidney disease with stage 1 through stage 4 chronic kidney disease, or unspecified chronic kidney disease'),
  header('I13', 'Hypertensive heart and chronic kidney disease'), header('I13.1', 'Hypertensive heart and chronic kidney disease without heart failure'),
  icd('I13.0', 'Hypertensive heart and chronic kidney disease with heart failure and stage 1 through stage 4 chronic kidney disease, or unspecified chronic kidney disease'),
  icd('I13.2', 'Hypertensive heart and chronic kidney disease with heart failure and with stage 5 chronic kidney disease, or end stage renal disease'),
  header('I21', 'Acute myocardial infarction'), icd('I21.9', 'Acute myocardial infarction, unspecified'),
  header('I25', 'Chronic ischemic heart disease'), icd('I25.2', 'Old myocardial infarction'),
  header('I48', 'Atrial fibrillation and flutter'), header('I48.9', 'Unspecified atrial fibrillation and atrial flutter'), icd('I48.91', 'Unspecified atrial fibrillation'),
  header('I50', 'Heart failure'), header('I50.2', 'Systolic (congestive) heart failure'),
  icd('I50.21', 'Acute systolic (congestive) heart failure'), icd('I50.22', 'Chronic systolic (congestive) heart failure'),
  icd('I50.23', 'Acute on chronic systolic (congestive) heart failure'), icd('I50.20', 'Unspecified systolic (congestive) heart failure'), icd('I50.9', 'Heart failure, unspecified'),
  header('E11', 'Type 2 diabetes mellitus'), header('E11.2', 'Type 2 diabetes mellitus with kidney complications'),
  icd('E11.22', 'Type 2 diabetes mellitus with diabetic chronic kidney disease'), icd('E11.9', 'Type 2 diabetes mellitus without complications'),
  header('N18', 'Chronic kidney disease (CKD)'), header('N18.3', 'Chronic kidney disease, stage 3 (moderate)'),
  icd('N18.30', 'Chronic kidney disease, stage 3 unspecified'), icd('N18.31', 'Chronic kidney disease, stage 3a'), icd('N18.32', 'Chronic kidney disease, stage 3b'),
  icd('N18.4', 'Chronic kidney disease, stage 4 (severe)'), icd('N18.6', 'End stage renal disease'), icd('N18.9', 'Chronic kidney disease, unspecified'),
  header('J18', 'Pneumonia, unspecified organism'), icd('J18.9', 'Pneumonia, unspecified organism'),
  header('J69', 'Pneumonitis due to solids and liquids'), icd('J69.0', 'Pneumonitis due to inhalation of food and vomit'),
  header('J44', 'Other chronic obstructive pulmonary disease'), icd('J44.9', 'Chronic obstructive pulmonary disease, unspecified'),
  header('K21', 'Gastro-esophageal reflux disease'), icd('K21.9', 'Gastro-esophageal reflux disease without esophagitis'),
  header('R05', 'Cough'), icd('R05.9', 'Cough, unspecified'), header('R07', 'Pain in throat and chest'), icd('R07.9', 'Chest pain, unspecified'),
  icd('R52', 'Pain, unspecified'), header('R50', 'Fever of other and unknown origin'), icd('R50.9', 'Fever, unspecified'),
  header('M17', 'Osteoarthritis of knee'), icd('M17.0', 'Bilateral primary osteoarthritis of knee'), header('M17.1', 'Unilateral primary osteoarthritis of knee'),
  icd('M17.10', 'Unilateral primary osteoarthritis, unspecified knee'), icd('M17.11', 'Unilateral primary osteoarthritis, right knee'), icd('M17.12', 'Unilateral primary osteoarthritis, left knee'),
  header('S52', 'Fracture of forearm'), header('S52.5', 'Fracture of lower end of radius'), header('S52.50', 'Unspecified fracture of the lower end of radius'),
  header('S52.501', 'Unspecified fracture of the lower end of right radius'), icd('S52.501A', 'Unspecified fracture of the lower end of right radius, initial encounter for closed fracture'),
  icd('S52.501D', 'Unspecified fracture of the lower end of right radius, subsequent encounter for closed fracture with routine healing'),
  header('S52.502', 'Unspecified fracture of the lower end of left radius'), icd('S52.502A', 'Unspecified fracture of the lower end of left radius, initial encounter for closed fracture'),
  icd('S52.502D', 'Unspecified fracture of the lower end of left radius, subsequent encounter for closed fracture with routine healing'),
  header('S52.509', 'Unspecified fracture of the lower end of unspecified radius'), icd('S52.509A', 'Unspecified fracture of the lower end of unspecified radius, initial encounter for closed fracture'),
  header('C50', 'Malignant neoplasm of breast'), header('C50.9', 'Malignant neoplasm of breast of unspecified site'), header('C50.91', 'Malignant neoplasm of breast of unspecified site, female'),
  icd('C50.919', 'Malignant neoplasm of unspecified site of unspecified female breast'),
  header('C79', 'Secondary malignant neoplasm of other and unspecified sites'), header('C79.8', 'Secondary malignant neoplasm of other specified sites'), icd('C79.81', 'Secondary malignant neoplasm of breast'),
  header('Z80', 'Family history of primary malignant neoplasm'), icd('Z80.3', 'Family history of malignant neoplasm of breast'),
  header('Z85', 'Personal history of malignant neoplasm'), icd('Z85.3', 'Personal history of malignant neoplasm of breast'),
  header('Z82', 'Family history of certain disabilities and chronic diseases'), header('Z82.4', 'Family history of ischemic heart disease and other diseases of the circulatory system'),
  icd('Z82.49', 'Family history of ischemic heart disease and other diseases of the circulatory system'),
  header('D64', 'Other anemias'), icd('D64.9', 'Anemia, unspecified'), header('D50', 'Iron deficiency anemia'), icd('D50.9', 'Iron deficiency anemia, unspecified'),
  header('J02', 'Acute pharyngitis'), icd('J02.0', 'Streptococcal pharyngitis'), icd('J02.9', 'Acute pharyngitis, unspecified'),
  header('B00', 'Herpesviral [herpes simplex] infections'), icd('B00.1', 'Herpesviral vesicular dermatitis'),
  header('M19', 'Other and unspecified osteoarthritis'), header('M19.0', 'Primary osteoarthritis of other joints'), header('M19.01', 'Primary osteoarthritis, shoulder'),
  icd('M19.011', 'Primary osteoarthritis, right shoulder'), icd('M19.012', 'Primary osteoarthritis, left shoulder'), icd('M19.09', 'Primary osteoarthritis, other specified site'),
  header('Z79', 'Long term (current) drug therapy'), icd('Z79.01', 'Long term (current) use of anticoagulants'),
];
// I10 is billable: the header() helper above is only for the hierarchy rows.
CODES[0] = icd('I10', 'Essential (primary) hypertension');

const entry = (path: string, code?: string, extra: Partial<IndexEntryRow> = {}): IndexEntryRow => {
  const parts = path.split(' > ');
  return { source: 'index', path, term: parts[parts.length - 1]!, level: parts.length - 1, ...(code ? { code } : {}), ...extra };
};

const INDEX: IndexEntryRow[] = [
  entry('Hypertension, hypertensive', 'I10'), entry('Hypertension, hypertensive > kidney', 'I129'),
  entry('Pneumonia', 'J189'), entry('Pneumonia > aspiration', 'J690'),
  entry('Diabetes, diabetic', 'E119'), entry('Diabetes, diabetic > type 2', 'E119'),
  entry('Diabetes, diabetic > type 2 > with > chronic kidney disease', 'E1122'),
  entry('Disease, diseased > kidney > chronic', 'N189'), entry('Disease, diseased > kidney > chronic > stage 3b', 'N1832'),
  entry('Disease, diseased > kidney > chronic > stage 4', 'N184'), entry('Disease, diseased > end stage renal', 'N186'),
  entry('Failure, failed > heart', 'I509'), entry('Failure, failed > heart > systolic', 'I502'),
  entry('Anemia', 'D649'), entry('Anemia > deficiency > iron', 'D509'), entry('Fever', 'R509'), entry('Fever > sore', 'B001'),
  entry('Sore > throat', 'J029'), entry('Pharyngitis', 'J029'), entry('Pharyngitis > streptococcal', 'J020'),
  entry('Osteoarthritis > primary', 'M190'), entry('Cough', 'R059'), entry('Pain, painful', 'R52'), entry('Pain, painful > chest', 'R079'),
  entry('Infarct, infarction > myocardium, myocardial', 'I219'),
  entry('Fibrillation > atrial', 'I4891'), entry('Reflux > gastroesophageal', 'K219'),
  entry('Disease, diseased > lung > obstructive > chronic', 'J449'),
  entry('Osteoarthritis > knee', 'M171'),
  entry('Fracture, traumatic > radius > lower end', 'S5250'),
  { source: 'neoplasm', path: 'Neoplasm, neoplastic > breast', term: 'breast', level: 1, codes: { malignantPrimary: 'C50919', malignantSecondary: 'C7981' } },
];

const HCPCS: CodeRow[] = [
  ['J0696', 'Injection, ceftriaxone sodium, per 250 mg'],
  ['J1100', 'Injection, dexamethasone sodium phosphate, 1 mg'],
  ['J1885', 'Injection, ketorolac tromethamine, per 15 mg'],
  ['J3420', 'Injection, vitamin b-12 cyanocobalamin, up to 1000 mcg'],
].map(([code, title]) => ({ code: code!, display: code!, kind: 'code', billable: true, longTitle: title!, shortTitle: title!.slice(0, 28) }));

let cached: Promise<SqlCodesetIndex> | undefined;

export function suggestFixtureIndex(): Promise<SqlCodesetIndex> {
  cached ??= fixtureIndex([
    {
      system: 'icd10cm', version: 'FY2024', effectiveFrom: '2023-10-01', effectiveTo: '2024-09-30', codes: CODES, indexEntries: INDEX,
      seventhChars: [{ code: 'S52', chr: 'A', title: 'initial encounter for closed fracture' }, { code: 'S52', chr: 'D', title: 'subsequent encounter for closed fracture with routine healing' }],
      notes: [{ code: 'I12', type: 'useAdditionalCode', text: 'Use additional code to identify the stage of chronic kidney disease (N18.1-N18.4, N18.9)', refs: [['N181', 'N184'], ['N189', 'N189']] }],
    },
    { system: 'hcpcs', version: '2025-Oct', codes: HCPCS },
  ]);
  return cached;
}
