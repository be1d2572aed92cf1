// Short notes written by us, each with what a coder expects: codes that must be suggested
// (`has`) and codes or code prefixes that must not be (`not`), by context family.
import type { Setting } from '../../../src/core/suggest/types';

export interface ContextCase { family: string; text: string; setting?: Setting; has?: string[]; not?: string[] }

export const CONTEXT_CASES: ContextCase[] = [
  // negated
  { family: 'negated', text: 'Patient denies chest pain.', not: ['R07'] },
  { family: 'negated', text: 'No fever or chills.', not: ['R50', 'R68.83'] },
  { family: 'negated', text: 'Negative for cough.', not: ['R05'] },
  { family: 'negated', text: 'She denies nausea, vomiting or diarrhea.', not: ['R11', 'R19.7'] },
  { family: 'negated', text: 'Pneumonia was ruled out.', setting: 'inpatient', not: ['J18'] },
  { family: 'negated', text: 'No evidence of deep vein thrombosis.', not: ['I82'] },
  { family: 'negated', text: 'Without shortness of breath.', not: ['R06'] },
  { family: 'negated', text: 'He has no history of diabetes.', not: ['E11', 'E10', 'E13', 'E08', 'E09'] },
  { family: 'negated', text: 'Denies headache. Reports cough.', has: ['R05.9'], not: ['R51'] },
  { family: 'negated', text: 'Abdomen soft, no tenderness, no masses.', not: ['R10.8', 'R19.0'] },
  // uncertain
  { family: 'uncertain', text: 'Cough and fever. Possible pneumonia.', setting: 'outpatient', has: ['R05.9', 'R50.9'], not: ['J18'] },
  { family: 'uncertain', text: 'Rule out appendicitis. Abdominal pain.', setting: 'outpatient', has: ['R10.9'], not: ['K35', 'K37'] },
  { family: 'uncertain', text: 'Suspected urinary tract infection.', setting: 'outpatient', not: ['N39.0'] },
  { family: 'uncertain', text: 'Probable pneumonia.', setting: 'inpatient', has: ['J18.9'] },
  { family: 'uncertain', text: 'Suspected urinary tract infection.', setting: 'inpatient', has: ['N39.0'] },
  { family: 'uncertain', text: 'Concern for pulmonary embolism.', setting: 'outpatient', not: ['I26'] },
  // historical
  { family: 'historical', text: 'History of MI in 2015.', has: ['I25.2'], not: ['I21'] },
  { family: 'historical', text: 'History of breast cancer, treated in 2010.', has: ['Z85.3'], not: ['C50'] },
  { family: 'historical', text: 'Past history of kidney stones.', has: ['Z87.442'], not: ['N20'] },
  { family: 'historical', text: 'History of pulmonary embolism.', has: ['Z86.711'], not: ['I26'] },
  { family: 'historical', text: 'History of prostate cancer.', has: ['Z85.46'], not: ['C61'] },
  { family: 'historical', text: 'History of hypertension, on lisinopril.', has: ['I10'] },
  { family: 'historical', text: 'History of stroke.', has: ['Z86.73'], not: ['I63'] },
  { family: 'historical', text: 'Past medical history of type 2 diabetes.', has: ['E11.9'] },
  // family
  { family: 'family', text: 'Mother with breast cancer.', has: ['Z80.3'], not: ['C50'] },
  { family: 'family', text: 'Family history of colon cancer.', has: ['Z80.0'], not: ['C18'] },
  { family: 'family', text: 'Father had a myocardial infarction at 50.', has: ['Z82.49'], not: ['I21', 'I25.2'] },
  { family: 'family', text: 'Family history of diabetes.', has: ['Z83.3'], not: ['E11', 'E10'] },
  { family: 'family', text: 'His brother has asthma.', not: ['J45'] },
  { family: 'family', text: 'Family history of stroke.', has: ['Z82.3'], not: ['I63'] },
  // laterality
  { family: 'laterality', text: 'Primary osteoarthritis of the right knee.', has: ['M17.11'] },
  { family: 'laterality', text: 'Primary osteoarthritis of the left knee.', has: ['M17.12'] },
  { family: 'laterality', text: 'Primary osteoarthritis of knee.', has: ['M17.10'], not: ['M17.11', 'M17.12'] },
  { family: 'laterality', text: 'Left ear otitis media.', not: ['H66.91', 'H66.93'] },
  { family: 'laterality', text: 'Carpal tunnel syndrome, right wrist.', has: ['G56.01'] },
  { family: 'laterality', text: 'Carpal tunnel syndrome of left upper limb.', has: ['G56.02'] },
  { family: 'laterality', text: 'Age-related nuclear cataract, right eye.', has: ['H25.11'] },
  // acuity, stage, type
  { family: 'specificity', text: 'Acute on chronic systolic heart failure.', has: ['I50.23'] },
  { family: 'specificity', text: 'Chronic diastolic heart failure.', has: ['I50.32'] },
  { family: 'specificity', text: 'CKD stage 3b.', has: ['N18.32'] },
  { family: 'specificity', text: 'Chronic kidney disease stage 4.', has: ['N18.4'] },
  { family: 'specificity', text: 'End stage renal disease on dialysis.', has: ['N18.6'] },
  { family: 'specificity', text: 'Acute kidney injury.', has: ['N17.9'] },
  // combination
  { family: 'combination', text: 'Type 2 diabetes mellitus with CKD stage 3a.', has: ['E11.22', 'N18.31'], not: ['E11.9'] },
  { family: 'combination', text: 'Hypertension. CKD stage 4.', has: ['I12.9', 'N18.4'], not: ['I10'] },
  { family: 'combination', text: 'Hypertension and chronic systolic heart failure.', has: ['I11.0', 'I50.22'], not: ['I10'] },
  { family: 'combination', text: 'Assessment: HTN, CKD stage 3b, acute on chronic systolic heart failure.', has: ['I13.0', 'N18.32', 'I50.23'], not: ['I10', 'I12.9', 'I11.0'] },
  { family: 'combination', text: 'Hypertension with end stage renal disease.', has: ['I12.0', 'N18.6'], not: ['I10'] },
  { family: 'combination', text: 'Type 2 diabetes, no complications.', has: ['E11.9'] },
  // abbreviations
  { family: 'abbreviation', text: 'Assessment: HTN.', has: ['I10'] },
  { family: 'abbreviation', text: 'T2DM, well controlled.', has: ['E11.9'] },
  { family: 'abbreviation', text: 'COPD exacerbation.', has: ['J44.1'] },
  { family: 'abbreviation', text: 'GERD.', has: ['K21.9'] },
  { family: 'abbreviation', text: 'Afib on apixaban.', has: ['I48.91'] },
  { family: 'abbreviation', text: 'CAD.', has: ['I25.10'] },
  { family: 'abbreviation', text: 'BPH.', has: ['N40.0'] },
  { family: 'abbreviation', text: 'UTI.', has: ['N39.0'] },
  { family: 'abbreviation', text: 'OSA on CPAP.', has: ['G47.33'] },
  { family: 'abbreviation', text: 'HLD, on statin.', has: ['E78.5'] },
  { family: 'abbreviation', text: 'AKI on CKD.', has: ['N17.9'] },
  { family: 'abbreviation', text: 'DVT of the left leg.', not: ['I82.90'] },
  { family: 'abbreviation', text: 'Patient is on room air, RA.', not: ['M06', 'M05'] },
];
