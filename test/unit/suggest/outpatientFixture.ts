// A tiny code set for the outpatient-coding tests: the codes a coder would delete when a note is
// read word by word (stroke from "CVA tenderness", metastasis from "secondary to", a congenital
// deformity from "dinner fork deformity") beside the codes the visit does report.
import { fixtureIndex, icd } from '../../support/fixtureIndex';
import type { SqlCodesetIndex } from '../../../src/core/codeset/index';
import type { CodeRow, IndexEntryRow } from '../../../src/core/importers/types';

const header = (display: string, title: string): CodeRow => icd(display, title, false);

const CODES: CodeRow[] = [
  icd('I10', 'Essential (primary) hypertension'),
  header('I11', 'Hypertensive heart disease'), icd('I11.0', 'Hypertensive heart disease with heart failure'),
  header('I50', 'Heart failure'), icd('I50.9', 'Heart failure, unspecified'),
  header('I63', 'Cerebral infarction'), icd('I63.9', 'Cerebral infarction, unspecified'),
  header('R06', 'Abnormalities of breathing'), header('R06.0', 'Dyspnea'), icd('R06.00', 'Dyspnea, unspecified'),
  header('R60', 'Edema, not elsewhere classified'), icd('R60.9', 'Edema, unspecified'),
  header('R53', 'Malaise and fatigue'), header('R53.8', 'Other malaise and fatigue'), icd('R53.83', 'Other fatigue'),
  header('N20', 'Calculus of kidney and ureter'), icd('N20.0', 'Calculus of kidney'),
  header('C34', 'Malignant neoplasm of bronchus and lung'), header('C34.9', 'Malignant neoplasm of unspecified part of bronchus or lung'),
  icd('C34.90', 'Malignant neoplasm of unspecified part of unspecified bronchus or lung'),
  header('C50', 'Malignant neoplasm of breast'), header('C50.9', 'Malignant neoplasm of breast of unspecified site'), header('C50.91', 'Malignant neoplasm of breast of unspecified site, female'),
  icd('C50.919', 'Malignant neoplasm of unspecified site of unspecified female breast'),
  header('C78', 'Secondary malignant neoplasm of respiratory and digestive organs'), header('C78.8', 'Secondary malignant neoplasm of other and unspecified digestive organs'),
  icd('C78.89', 'Secondary malignant neoplasm of other digestive organs'),
  header('Z85', 'Personal history of malignant neoplasm'), header('Z85.1', 'Personal history of malignant neoplasm of trachea, bronchus and lung'),
  header('Z85.11', 'Personal history of malignant neoplasm of bronchus and lung'), icd('Z85.118', 'Personal history of other malignant neoplasm of bronchus and lung'),
  icd('Z85.3', 'Personal history of malignant neoplasm of breast'),
  header('K20', 'Esophagitis'), header('K20.9', 'Esophagitis, unspecified'), icd('K20.90', 'Esophagitis, unspecified without bleeding'),
  header('E86', 'Volume depletion'), icd('E86.0', 'Dehydration'),
  header('Q89', 'Other congenital malformations, not elsewhere classified'), icd('Q89.9', 'Congenital malformation, unspecified'),
  header('F10', 'Alcohol related disorders'), header('F10.9', 'Alcohol use, unspecified'), header('F10.92', 'Alcohol use, unspecified with intoxication'),
  icd('F10.929', 'Alcohol use, unspecified with intoxication, unspecified'), icd('F10.90', 'Alcohol use, unspecified, uncomplicated'),
  header('S52', 'Fracture of forearm'), header('S52.5', 'Fracture of lower end of radius'), header('S52.53', "Colles' fracture"),
  header('S52.531', "Colles' fracture of right radius"), icd('S52.531A', "Colles' fracture of right radius, initial encounter for closed fracture"),
  header('Z87', 'Personal history of other diseases and conditions'), header('Z87.8', 'Personal history of other specified conditions'), icd('Z87.81', 'Personal history of (healed) traumatic fracture'),
  header('A69', 'Other spirochetal infections'), header('A69.2', 'Lyme disease'), icd('A69.20', 'Lyme disease, unspecified'),
  header('E11', 'Type 2 diabetes mellitus'), header('E11.6', 'Type 2 diabetes mellitus with other specified complications'),
  header('E11.62', 'Type 2 diabetes mellitus with skin complications'), icd('E11.621', 'Type 2 diabetes mellitus with foot ulcer'),
  icd('E11.9', 'Type 2 diabetes mellitus without complications'),
  header('S39', 'Other and unspecified injuries of abdomen, lower back, pelvis and external genitals'), header('S39.0', 'Injury of muscle, fascia and tendon of abdomen, lower back and pelvis'),
  header('S39.01', 'Strain of muscle, fascia and tendon of abdomen, lower back and pelvis'), header('S39.012', 'Strain of muscle, fascia and tendon of lower back'),
  icd('S39.012A', 'Strain of muscle, fascia and tendon of lower back, initial encounter'),
  header('F32', 'Depressive episode'), icd('F32.A', 'Depression, unspecified'),
  header('R01', 'Cardiac murmurs and other cardiac sounds'), icd('R01.1', 'Cardiac murmur, unspecified'),
  header('M77', 'Other enthesopathies'), header('M77.0', 'Medial epicondylitis'), icd('M77.00', 'Medial epicondylitis, unspecified elbow'),
  icd('M77.01', 'Medial epicondylitis, right elbow'), icd('M77.02', 'Medial epicondylitis, left elbow'),
  header('M25', 'Other joint disorder, not elsewhere classified'), header('M25.5', 'Pain in joint'), header('M25.52', 'Pain in elbow'),
  icd('M25.521', 'Pain in right elbow'), icd('M25.522', 'Pain in left elbow'), icd('M25.529', 'Pain in unspecified elbow'),
  header('C43', 'Malignant melanoma of skin'), header('C43.5', 'Malignant melanoma of trunk'), icd('C43.59', 'Malignant melanoma of other part of trunk'),
  icd('C43.9', 'Malignant melanoma of skin, unspecified'),
  header('Z00', 'Encounter for general examination without complaint, suspected or reported diagnosis'), header('Z00.0', 'Encounter for general adult medical examination'),
  icd('Z00.00', 'Encounter for general adult medical examination without abnormal findings'), icd('Z00.01', 'Encounter for general adult medical examination with abnormal findings'),
];

const entry = (path: string, code?: string): IndexEntryRow => {
  const parts = path.split(' > ');
  return { source: 'index', path, term: parts[parts.length - 1]!, level: parts.length - 1, ...(code ? { code } : {}) };
};

const INDEX: IndexEntryRow[] = [
  entry('Hypertension, hypertensive', 'I10'), entry('Failure, failed > heart > congestive', 'I509'),
  entry('Infarct, infarction > cerebral', 'I639'), entry('Dyspnea', 'R0600'), entry('Edema, edematous', 'R609'), entry('Fatigue', 'R5383'),
  entry('Nephrolithiasis', 'N200'), entry('Inflammation, inflamed, inflammatory > esophagus', 'K2090'), entry('Dehydration', 'E860'),
  entry('Deformity', 'Q899'), entry('Intoxication > alcohol', 'F10929'), entry('Use > alcohol', 'F1090'),
  entry("Colles' fracture", 'S52531A'), entry('Injury > arm', 'Z8781'), entry('Disease, diseased > Lyme', 'A6920'),
  entry('Diabetes, diabetic > type 2', 'E119'), entry('Diabetes, diabetic > with > foot ulcer', 'E11621'),
  entry('Strain > low back', 'S39012A'), entry('Melanoma', 'C439'), entry('Melanoma > skin > back', 'C4359'), entry('Epicondylitis > medial', 'M7700'), entry('Pain, painful > joint > elbow', 'M2552'), entry('Depression', 'F32A'), entry('Murmur', 'R011'),
  { source: 'neoplasm', path: 'Neoplasm, neoplastic > lung', term: 'lung', level: 1, codes: { malignantPrimary: 'C3490' } },
  { source: 'neoplasm', path: 'Neoplasm, neoplastic > breast', term: 'breast', level: 1, codes: { malignantPrimary: 'C50919' } },
  { source: 'neoplasm', path: 'Neoplasm, neoplastic > esophagus', term: 'esophagus', level: 1, codes: { malignantSecondary: 'C7889' } },
];

let cached: Promise<SqlCodesetIndex> | undefined;

export function outpatientFixtureIndex(): Promise<SqlCodesetIndex> {
  cached ??= fixtureIndex([
    {
      system: 'icd10cm', version: 'FY2024', effectiveFrom: '2023-10-01', effectiveTo: '2024-09-30', codes: CODES, indexEntries: INDEX,
      seventhChars: [{ code: 'S52', chr: 'A', title: 'initial encounter for closed fracture' }, { code: 'S39', chr: 'A', title: 'initial encounter' }],
    },
  ]);
  return cached;
}
