// Coder queries labelled with the codes a coder expects near the top, written by us for the
// search integration test and the search benchmark. `expect` lists acceptable codes (any one in
// the top 3 passes); a trailing `*` accepts any code starting with what precedes it. `also`
// lists codes that must be in the top 3 as well (a query naming two conditions wants both codes).
export interface LabelledQuery {
  query: string;
  expect: string[];
  /** What the query exercises. */
  kind: 'abbreviation' | 'lay term' | 'generic' | 'typo' | 'code' | 'prefix' | 'hcpcs' | 'cpt' | 'clinical' | 'laterality' | 'several conditions' | 'table';
  also?: string[];
  system?: 'icd10cm' | 'hcpcs' | 'cpt';
}

export const LABELLED_QUERIES: LabelledQuery[] = [
  // Abbreviations
  { query: 'afib', expect: ['I48.91'], kind: 'abbreviation' },
  { query: 'chf', expect: ['I50.9'], kind: 'abbreviation' },
  { query: 'htn', expect: ['I10'], kind: 'abbreviation' },
  { query: 'COPD', expect: ['J44.9'], kind: 'abbreviation' },
  { query: 'uti', expect: ['N39.0'], kind: 'abbreviation' },
  { query: 'gerd', expect: ['K21.9'], kind: 'abbreviation' },
  { query: 't2dm', expect: ['E11.9'], kind: 'abbreviation' },
  { query: 'cad', expect: ['I25.10'], kind: 'abbreviation' },
  { query: 'ckd', expect: ['N18.9'], kind: 'abbreviation' },
  { query: 'osa', expect: ['G47.33'], kind: 'abbreviation' },
  { query: 'bph', expect: ['N40.0'], kind: 'abbreviation' },
  { query: 'tia', expect: ['G45.9'], kind: 'abbreviation' },
  { query: 'adhd', expect: ['F90.9'], kind: 'abbreviation' },
  { query: 'gad', expect: ['F41.1'], kind: 'abbreviation' },
  { query: 'copd exacerbation', expect: ['J44.1'], kind: 'abbreviation' },
  // Lay terms
  { query: 'strep throat', expect: ['J02.0'], kind: 'lay term' },
  { query: 'hay fever', expect: ['J30.1'], kind: 'lay term' },
  { query: 'heart attack', expect: ['I21.9'], kind: 'lay term' },
  { query: 'pink eye', expect: ['H10.9'], kind: 'lay term' },
  { query: 'high cholesterol', expect: ['E78.00'], kind: 'lay term' },
  { query: 'kidney stone', expect: ['N20.0'], kind: 'lay term' },
  { query: 'shingles', expect: ['B02.9'], kind: 'lay term' },
  { query: 'sore throat', expect: ['J02.9'], kind: 'lay term' },
  { query: 'common cold', expect: ['J00'], kind: 'lay term' },
  { query: 'high blood pressure', expect: ['I10'], kind: 'lay term' },
  // Generic terms: the unspecified / NOS code
  { query: 'pneumonia', expect: ['J18.9'], kind: 'generic' },
  { query: 'asthma', expect: ['J45.909', 'J45.90*'], kind: 'generic' },
  { query: 'hypertension', expect: ['I10'], kind: 'generic' },
  { query: 'obesity', expect: ['E66.9'], kind: 'generic' },
  { query: 'anemia', expect: ['D64.9'], kind: 'generic' },
  { query: 'hypothyroidism', expect: ['E03.9'], kind: 'generic' },
  { query: 'migraine', expect: ['G43.909'], kind: 'generic' },
  { query: 'constipation', expect: ['K59.00'], kind: 'generic' },
  { query: 'headache', expect: ['R51.9'], kind: 'generic' },
  { query: 'chest pain', expect: ['R07.9'], kind: 'generic' },
  { query: 'osteoarthritis', expect: ['M19.90'], kind: 'generic' },
  { query: 'gout', expect: ['M10.9'], kind: 'generic' },
  { query: 'cellulitis', expect: ['L03.90'], kind: 'generic' },
  // Typos
  { query: 'pnuemonia', expect: ['J18.9'], kind: 'typo' },
  { query: 'diabetis type 2', expect: ['E11.9'], kind: 'typo' },
  { query: 'athsma', expect: ['J45.909', 'J45.90*'], kind: 'typo' },
  { query: 'hypertenshun', expect: ['I10'], kind: 'typo' },
  { query: 'migrane', expect: ['G43.909'], kind: 'typo' },
  { query: 'cellulitus', expect: ['L03.90'], kind: 'typo' },
  { query: 'bronchitus', expect: ['J40'], kind: 'typo' },
  { query: 'hypothyrodism', expect: ['E03.9'], kind: 'typo' },
  // Codes in any spelling
  { query: 'e1122', expect: ['E11.22'], kind: 'code' },
  { query: 'E11.22', expect: ['E11.22'], kind: 'code' },
  { query: 'E1122', expect: ['E11.22'], kind: 'code' },
  { query: 'j18.9', expect: ['J18.9'], kind: 'code' },
  { query: 'S72.001A', expect: ['S72.001A'], kind: 'code' },
  { query: 'm1711', expect: ['M17.11'], kind: 'code' },
  { query: 'J0696', expect: ['J0696'], kind: 'code' },
  { query: 'g0439', expect: ['G0439'], kind: 'code' },
  { query: '99213', expect: ['99213'], kind: 'cpt' },
  // Code prefixes
  { query: 'E11.6', expect: ['E11.6*'], kind: 'prefix' },
  { query: 'I50.2', expect: ['I50.2*'], kind: 'prefix' },
  { query: 'A425', expect: ['A425*'], kind: 'prefix' },
  // HCPCS drugs and supplies
  { query: 'ceftriaxone injection', expect: ['J0696'], kind: 'hcpcs' },
  { query: 'ketorolac injection', expect: ['J1885'], kind: 'hcpcs' },
  { query: 'methylprednisolone acetate injection', expect: ['J1020', 'J1030', 'J1040'], kind: 'hcpcs' },
  { query: 'blood glucose test strips', expect: ['A4253'], kind: 'hcpcs' },
  { query: 'oxygen concentrator', expect: ['E1390', 'E1391', 'E1392'], kind: 'hcpcs' },
  { query: 'annual wellness visit', expect: ['G0438', 'G0439'], kind: 'hcpcs' },
  { query: 'wheeled walker', expect: ['E0141', 'E0143'], kind: 'hcpcs', system: 'hcpcs' },
  // CPT (our own labels when no licensed file is installed)
  { query: 'office visit established', expect: ['99211', '99212', '99213', '99214', '99215'], kind: 'cpt' },
  { query: 'new patient office visit', expect: ['99202', '99203', '99204', '99205'], kind: 'cpt' },
  // Multiword clinical phrases
  { query: 'type 2 diabetes with chronic kidney disease', expect: ['E11.22'], kind: 'clinical' },
  { query: 'type 2 diabetes with hyperglycemia', expect: ['E11.65'], kind: 'clinical' },
  { query: 'acute kidney failure', expect: ['N17.9'], kind: 'clinical' },
  { query: 'chronic systolic heart failure', expect: ['I50.22'], kind: 'clinical' },
  { query: 'urinary tract infection', expect: ['N39.0'], kind: 'clinical' },
  { query: 'iron deficiency anemia', expect: ['D50.9'], kind: 'clinical' },
  { query: 'vitamin d deficiency', expect: ['E55.9'], kind: 'clinical' },
  { query: 'morbid obesity', expect: ['E66.01'], kind: 'clinical' },
  { query: 'essential hypertension', expect: ['I10'], kind: 'clinical' },
  { query: 'major depressive disorder recurrent severe', expect: ['F33.2'], kind: 'clinical' },
  { query: 'atherosclerotic heart disease', expect: ['I25.10'], kind: 'clinical' },
  // Laterality
  { query: 'right knee primary osteoarthritis', expect: ['M17.11'], kind: 'laterality' },
  { query: 'left ankle sprain', expect: ['S93.402A'], kind: 'laterality' },
  { query: 'carpal tunnel syndrome right wrist', expect: ['G56.01'], kind: 'laterality' },
  { query: 'otitis media right ear', expect: ['H66.91'], kind: 'laterality' },
  { query: 'malignant neoplasm left female breast', expect: ['C50.912'], kind: 'laterality' },
  { query: 'age-related nuclear cataract left eye', expect: ['H25.12'], kind: 'laterality' },
  // Several conditions in one query: the combination code or the pair
  { query: 'htn ckd stage 3', expect: ['I12.9'], also: ['N18.30'], kind: 'several conditions' },
  { query: 'cad s/p cabg', expect: ['I25.10'], also: ['Z95.1'], kind: 'several conditions' },
  { query: 'breast cancer metastatic to bone', expect: ['C79.51'], also: ['C50*'], kind: 'several conditions' },
  { query: 't2dm ckd stage 3', expect: ['E11.22'], also: ['N18.30'], kind: 'several conditions' },
  // Table of Drugs and Chemicals, Neoplasm Table
  { query: 'acetaminophen poisoning', expect: ['T39.1X1A'], kind: 'table' },
  { query: 'adverse effect of warfarin', expect: ['T45.515A'], kind: 'table' },
  { query: 'insulin underdosing', expect: ['T38.3X6A'], kind: 'table' },
  { query: 'benign neoplasm of colon', expect: ['D12.6'], kind: 'table' },
  { query: 'metastatic to liver', expect: ['C78.7'], kind: 'table' },
];

/** Whether the top results answer a labelled query: one of `expect`, and every code of `also`. */
export function answers(codes: string[], q: LabelledQuery): boolean {
  const top = codes.slice(0, 3);
  return top.some((c) => satisfies(c, q.expect)) && (q.also ?? []).every((a) => top.some((c) => satisfies(c, [a])));
}

/** Whether `code` satisfies one of the expected codes (exact, or a `*` prefix). */
export function satisfies(code: string, expect: string[]): boolean {
  return expect.some((e) => (e.endsWith('*') ? code.startsWith(e.slice(0, -1)) : code === e));
}
