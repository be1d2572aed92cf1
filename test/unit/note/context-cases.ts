// Hand-written context cases: a sentence, the mention inside it, and what must hold about it.
// `expect` lists only the flags and attributes the case is about; every listed value must match.
// `occurrence` picks the n-th appearance of the target when it occurs more than once (0-based).
import type { ContextFlags, SpecificityAttributes } from '../../../src/core/note';

export interface ContextCase {
  text: string;
  target: string;
  occurrence?: number;
  expect: Partial<Pick<ContextFlags, 'negated' | 'uncertain' | 'hypothetical' | 'historical' | 'family' | 'subject'>>
    & Partial<Omit<SpecificityAttributes, 'evidence'>>;
  /** Text of the cue that must be reported (context cases only). */
  cue?: string;
}

const plain = { negated: false, uncertain: false, hypothetical: false, historical: false, family: false, subject: 'patient' as const };

export const CONTEXT_CASES: ContextCase[] = [
  // negated, pre-cues
  { text: 'She denies chest pain and shortness of breath.', target: 'shortness of breath', expect: { negated: true }, cue: 'denies' },
  { text: 'No fever, chills, or night sweats.', target: 'night sweats', expect: { negated: true }, cue: 'No' },
  { text: 'Patient is negative for cough and wheezing.', target: 'wheezing', expect: { negated: true } },
  { text: 'Abdomen soft without rebound or guarding.', target: 'guarding', expect: { negated: true } },
  { text: 'Skin is free of rashes.', target: 'rashes', expect: { negated: true } },
  { text: 'There is no evidence of pneumothorax.', target: 'pneumothorax', expect: { negated: true }, cue: 'no evidence of' },
  { text: 'Absence of peripheral edema.', target: 'peripheral edema', expect: { negated: true } },
  { text: 'He does not have diabetes.', target: 'diabetes', expect: { negated: true } },
  { text: 'No history of stroke.', target: 'stroke', expect: { negated: true, historical: false } },
  { text: 'Ruled out myocardial infarction.', target: 'myocardial infarction', expect: { negated: true } },
  { text: 'She has never had seizures.', target: 'seizures', expect: { negated: true } },
  { text: 'Chest x-ray was negative for pneumonia.', target: 'pneumonia', expect: { negated: true } },
  // negated, post-cues
  { text: 'Pulmonary embolism was ruled out.', target: 'Pulmonary embolism', expect: { negated: true }, cue: 'was ruled out' },
  { text: 'Appendicitis is ruled out by CT.', target: 'Appendicitis', expect: { negated: true } },
  { text: 'Rapid strep test was negative.', target: 'strep', expect: { negated: true } },
  { text: 'Pedal pulses absent.', target: 'Pedal pulses', expect: { negated: true } },
  { text: 'Hydronephrosis not seen on ultrasound.', target: 'Hydronephrosis', expect: { negated: true } },
  { text: 'Patient is pain-free today.', target: 'pain', expect: { negated: true } },
  // scope termination
  { text: 'Strep test was positive, flu negative.', target: 'Strep', expect: { negated: false } },
  { text: 'Strep test was positive, flu negative.', target: 'flu', expect: { negated: true } },
  { text: 'She walks without her cane because of knee osteoarthritis.', target: 'knee osteoarthritis', expect: { negated: false } },
  { text: 'No need to change the dose for her hypertension.', target: 'hypertension', expect: { negated: false } },
  { text: 'Denies fever but reports a productive cough.', target: 'productive cough', expect: plain },
  { text: 'No nausea; however, she has had diarrhea for two days.', target: 'diarrhea', expect: { negated: false } },
  { text: 'She denies headache, although she has neck pain.', target: 'neck pain', expect: { negated: false } },
  { text: 'No chest pain, which is reassuring given her angina history.', target: 'angina', expect: { negated: false } },
  { text: 'Denies dysuria; positive for hematuria.', target: 'hematuria', expect: { negated: false } },
  { text: 'Denies chest pain, history of myocardial infarction in 2015.', target: 'myocardial infarction', expect: { negated: false, historical: true } },
  { text: 'No fever. Cough for three days.', target: 'Cough', expect: { negated: false } },
  { text: 'X-rays did not reveal a fracture, and that he sustained an ankle sprain.', target: 'ankle sprain', expect: { negated: false } },
  { text: 'She denies fever, she has a cough.', target: 'cough', expect: { negated: false } },
  // pseudo-triggers
  { text: 'No change in her chronic back pain.', target: 'back pain', expect: { negated: false } },
  { text: 'Blood cultures grew gram negative rods.', target: 'rods', expect: { negated: false } },
  { text: 'No increase in the size of the thyroid nodule.', target: 'thyroid nodule', expect: { negated: false } },
  { text: 'Not only fatigue but also weight loss.', target: 'fatigue', expect: { negated: false } },
  { text: 'History of present illness: he has low back pain.', target: 'low back pain', expect: { historical: false, negated: false } },
  { text: 'She is Rh negative and pregnant.', target: 'pregnant', expect: { negated: false } },
  { text: 'She swallows without difficulty.', target: 'difficulty', expect: { negated: true } },
  { text: 'She is not able to bear weight on the ankle.', target: 'bear weight', expect: { negated: false } },
  // uncertain
  { text: 'Rule out pneumonia.', target: 'pneumonia', expect: { uncertain: true, negated: false }, cue: 'Rule out' },
  { text: 'R/O appendicitis.', target: 'appendicitis', expect: { uncertain: true } },
  { text: 'Possible early cellulitis of the left leg.', target: 'cellulitis', expect: { uncertain: true } },
  { text: 'Probable viral gastroenteritis.', target: 'viral gastroenteritis', expect: { uncertain: true } },
  { text: 'Likely bronchitis.', target: 'bronchitis', expect: { uncertain: true } },
  { text: 'Suspected urinary tract infection.', target: 'urinary tract infection', expect: { uncertain: true } },
  { text: 'Findings are suspicious for malignancy.', target: 'malignancy', expect: { uncertain: true } },
  { text: 'Concern for deep vein thrombosis.', target: 'deep vein thrombosis', expect: { uncertain: true } },
  { text: 'We cannot exclude a small fracture.', target: 'fracture', expect: { uncertain: true, negated: false } },
  { text: 'Pulmonary embolism cannot be ruled out.', target: 'Pulmonary embolism', expect: { uncertain: true, negated: false } },
  { text: 'Questionable early pneumonia.', target: 'pneumonia', expect: { uncertain: true } },
  { text: 'Migraine versus tension headache.', target: 'Migraine', expect: { uncertain: true } },
  { text: 'Migraine versus tension headache.', target: 'tension headache', expect: { uncertain: true } },
  { text: 'Differential includes gout and pseudogout.', target: 'pseudogout', expect: { uncertain: true } },
  { text: 'It is not clear whether she has asthma.', target: 'asthma', expect: { uncertain: true, negated: false } },
  { text: 'Working diagnosis is sinusitis.', target: 'sinusitis', expect: { uncertain: true } },
  { text: '? pneumonia on the right.', target: 'pneumonia', expect: { uncertain: true } },
  { text: 'Findings consistent with cholecystitis.', target: 'cholecystitis', expect: { uncertain: true } },
  // hypothetical / planned
  { text: 'Return if fever develops.', target: 'fever', expect: { hypothetical: true }, cue: 'Return if' },
  { text: 'She should call if she has chest pain.', target: 'chest pain', expect: { hypothetical: true } },
  { text: 'He is at risk of falls.', target: 'falls', expect: { hypothetical: true } },
  { text: 'Screening for colon cancer.', target: 'colon cancer', expect: { hypothetical: true } },
  { text: 'Aspirin to prevent stroke.', target: 'stroke', expect: { hypothetical: true } },
  { text: 'Start DVT prophylaxis.', target: 'DVT', expect: { hypothetical: true } },
  { text: 'We plan to repair the hernia next month.', target: 'repair', expect: { hypothetical: true } },
  { text: 'We plan to repair the hernia next month.', target: 'hernia', expect: { hypothetical: false } },
  { text: 'She should continue metformin for her type 2 diabetes.', target: 'type 2 diabetes', expect: plain },
  { text: 'Avoid NSAIDs given her chronic kidney disease.', target: 'chronic kidney disease', expect: { hypothetical: false } },
  { text: 'Should she develop shortness of breath, she will go to the ER.', target: 'shortness of breath', expect: { hypothetical: true } },
  { text: 'Prior to admission she had chest pain.', target: 'chest pain', expect: { historical: false } },
  { text: 'Old myocardial infarction on ECG.', target: 'myocardial infarction', expect: { historical: true } },
  // historical
  { text: 'History of breast cancer, treated in 2010.', target: 'breast cancer', expect: { historical: true }, cue: 'History of' },
  { text: 'He has a h/o DVT.', target: 'DVT', expect: { historical: true } },
  { text: 'Hx of appendicitis.', target: 'appendicitis', expect: { historical: true } },
  { text: 'She is s/p cholecystectomy.', target: 'cholecystectomy', expect: { historical: true } },
  { text: 'Status post left knee replacement.', target: 'knee replacement', expect: { historical: true } },
  { text: 'Prior stroke without residual deficits.', target: 'stroke', expect: { historical: true } },
  { text: 'Pneumonia in March, now resolved.', target: 'Pneumonia', expect: { historical: true, negated: false } },
  { text: 'Former smoker, quit in 2005.', target: 'smoker', expect: { historical: true } },
  { text: 'Had a myocardial infarction 5 years ago.', target: 'myocardial infarction', expect: { historical: true } },
  // family and subject
  { text: 'Mother with breast cancer.', target: 'breast cancer', expect: { family: true, subject: 'family' }, cue: 'Mother' },
  { text: 'Her father died of a myocardial infarction at 60.', target: 'myocardial infarction', expect: { family: true, subject: 'family' } },
  { text: 'Family history of colon cancer.', target: 'colon cancer', expect: { family: true, subject: 'family' } },
  { text: 'No family history of diabetes.', target: 'diabetes', expect: { family: true, negated: true } },
  { text: 'Diabetes in her maternal grandmother.', target: 'Diabetes', expect: { family: true } },
  { text: "Her sister's lupus was diagnosed last year.", target: 'lupus', expect: { family: true } },
  { text: 'Mother has hypertension and the patient has asthma.', target: 'asthma', expect: { family: false, subject: 'patient' } },
  { text: 'Mother has hypertension and the patient has asthma.', target: 'hypertension', expect: { family: true } },
  { text: 'His wife has COVID-19.', target: 'COVID-19', expect: { family: false, subject: 'other' } },
  { text: 'She lives with her mother and has asthma.', target: 'asthma', expect: { family: false } },
  { text: 'Hypertension, well controlled on lisinopril.', target: 'Hypertension', expect: plain },
  // laterality
  { text: 'Right knee pain for two weeks.', target: 'knee pain', expect: { laterality: 'right' } },
  { text: 'Pain in the L shoulder.', target: 'shoulder', expect: { laterality: 'left' } },
  { text: 'Bilateral lower extremity edema.', target: 'lower extremity edema', expect: { laterality: 'bilateral' } },
  { text: 'Osteoarthritis of both knees.', target: 'Osteoarthritis', expect: { laterality: 'bilateral' } },
  { text: 'Rt hip fracture.', target: 'hip fracture', expect: { laterality: 'right' } },
  { text: 'b/l otitis media.', target: 'otitis media', expect: { laterality: 'bilateral' } },
  { text: 'Cellulitis of the lower leg, left.', target: 'Cellulitis', expect: { laterality: undefined } },
  { text: 'Left wrist sprain and right ankle fracture.', target: 'ankle fracture', expect: { laterality: 'right' } },
  // acuity
  { text: 'Acute bronchitis.', target: 'bronchitis', expect: { acuity: 'acute' } },
  { text: 'Chronic sinusitis.', target: 'sinusitis', expect: { acuity: 'chronic' } },
  { text: 'Acute on chronic diastolic heart failure.', target: 'diastolic heart failure', expect: { acuity: 'acute-on-chronic' } },
  { text: 'COPD exacerbation.', target: 'COPD', expect: { acuity: 'acute' } },
  { text: 'Chronic systolic heart failure with acute exacerbation.', target: 'systolic heart failure', expect: { acuity: 'acute-on-chronic' } },
  // stage
  { text: 'CKD stage 3b.', target: 'CKD', expect: { stage: '3b' } },
  { text: 'Chronic kidney disease, stage IV.', target: 'kidney disease', expect: { stage: '4' } },
  { text: 'ESRD on hemodialysis.', target: 'ESRD', expect: { stage: 'esrd' } },
  { text: 'Stage 2 pressure ulcer of the sacrum.', target: 'pressure ulcer', expect: { stage: '2' } },
  { text: 'CKD 3a due to hypertension.', target: 'CKD', expect: { stage: '3a' } },
  // trimester
  { text: 'Gestational diabetes in the second trimester.', target: 'Gestational diabetes', expect: { trimester: 2 } },
  { text: 'She is 30 weeks pregnant with preeclampsia.', target: 'preeclampsia', expect: { trimester: 3 } },
  { text: 'Hyperemesis at 10 weeks gestation.', target: 'Hyperemesis', expect: { trimester: 1 } },
  { text: 'Urinary tract infection, 27 weeks pregnant.', target: 'Urinary tract infection', expect: { trimester: 2 } },
  { text: 'Cough for 3 weeks.', target: 'Cough', expect: { trimester: undefined } },
  // episode of care
  { text: 'She fell today and has a right wrist fracture.', target: 'wrist fracture', expect: { episode: 'initial', laterality: 'right' } },
  { text: 'Follow-up of left radius fracture with routine healing.', target: 'radius fracture', expect: { episode: 'subsequent', laterality: 'left' } },
  { text: 'Scar contracture, sequela of a burn of the hand.', target: 'burn', expect: { episode: 'sequela' } },
  { text: 'Laceration of the forearm, initial encounter.', target: 'Laceration', expect: { episode: 'initial' } },
];
