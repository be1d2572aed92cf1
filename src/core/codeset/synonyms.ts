// Clinical abbreviations and lay terms coders type, mapped to the words the official titles use.
// Written by us for search; the analyzer keeps its own richer lexicon.
export const SEARCH_SYNONYMS: Record<string, string> = {
  afib: 'atrial fibrillation',
  'a fib': 'atrial fibrillation',
  af: 'atrial fibrillation',
  aflutter: 'atrial flutter',
  htn: 'hypertension',
  'high blood pressure': 'essential hypertension',
  chf: 'heart failure',
  hf: 'heart failure',
  hfref: 'chronic systolic heart failure',
  hfpef: 'chronic diastolic heart failure',
  copd: 'chronic obstructive pulmonary disease',
  'copd exacerbation': 'chronic obstructive pulmonary disease with acute exacerbation',
  uti: 'urinary tract infection',
  uri: 'acute upper respiratory infection',
  'strep throat': 'streptococcal pharyngitis',
  'hay fever': 'allergic rhinitis due to pollen',
  'pink eye': 'conjunctivitis',
  'heart attack': 'acute myocardial infarction',
  mi: 'myocardial infarction',
  stemi: 'st elevation myocardial infarction',
  nstemi: 'non-st elevation myocardial infarction',
  cad: 'atherosclerotic heart disease of native coronary artery',
  'coronary artery disease': 'atherosclerotic heart disease of native coronary artery',
  cva: 'cerebral infarction',
  stroke: 'cerebral infarction',
  tia: 'transient cerebral ischemic attack',
  dvt: 'deep vein thrombosis',
  pe: 'pulmonary embolism',
  gerd: 'gastro-esophageal reflux disease',
  'acid reflux': 'gastro-esophageal reflux disease',
  'heartburn': 'heartburn',
  t2dm: 'type 2 diabetes mellitus',
  dm2: 'type 2 diabetes mellitus',
  't2 dm': 'type 2 diabetes mellitus',
  niddm: 'type 2 diabetes mellitus',
  t1dm: 'type 1 diabetes mellitus',
  dm1: 'type 1 diabetes mellitus',
  iddm: 'type 1 diabetes mellitus',
  dm: 'diabetes mellitus',
  diabetes: 'diabetes mellitus',
  ckd: 'chronic kidney disease',
  esrd: 'end stage renal disease',
  aki: 'acute kidney failure',
  'acute kidney injury': 'acute kidney failure',
  bph: 'benign prostatic hyperplasia',
  oa: 'osteoarthritis',
  ra: 'rheumatoid arthritis',
  osa: 'obstructive sleep apnea',
  hld: 'hyperlipidemia',
  'high cholesterol': 'pure hypercholesterolemia',
  ibs: 'irritable bowel syndrome',
  uc: 'ulcerative colitis',
  mdd: 'major depressive disorder',
  depression: 'depression',
  gad: 'generalized anxiety disorder',
  adhd: 'attention-deficit hyperactivity disorder',
  ptsd: 'post-traumatic stress disorder',
  'flu': 'influenza',
  'cold': 'acute nasopharyngitis',
  'common cold': 'acute nasopharyngitis',
  'sore throat': 'acute pharyngitis',
  'ear infection': 'otitis media',
  'pinworm': 'enterobiasis',
  'shingles': 'zoster',
  'chicken pox': 'varicella',
  'chickenpox': 'varicella',
  'lazy eye': 'amblyopia',
  'bed sore': 'pressure ulcer',
  'bedsore': 'pressure ulcer',
  'low back pain': 'low back pain',
  lbp: 'low back pain',
  'knee pain': 'pain in knee',
  'hip pain': 'pain in hip',
  'shoulder pain': 'pain in shoulder',
  sob: 'shortness of breath',
  cp: 'chest pain',
  ha: 'headache',
  'n/v': 'nausea with vomiting',
  'nausea and vomiting': 'nausea with vomiting',
  hypothyroid: 'hypothyroidism',
  hyperthyroid: 'hyperthyroidism',
  'obesity': 'obesity',
  'morbid obesity': 'morbid (severe) obesity due to excess calories',
  'vit d deficiency': 'vitamin d deficiency',
  'iron deficiency anemia': 'iron deficiency anemia',
  ida: 'iron deficiency anemia',
  'kidney stone': 'calculus of kidney',
  'kidney stones': 'calculus of kidney',
  'gallstones': 'calculus of gallbladder',
  'pneumonia': 'pneumonia',
  cap: 'pneumonia, unspecified organism',
  'broken wrist': 'fracture of wrist',
  'broken arm': 'fracture of forearm',
  'sprained ankle': 'sprain of ankle',
  'ankle sprain': 'sprain of ankle',
  'tennis elbow': 'lateral epicondylitis',
  'carpal tunnel': 'carpal tunnel syndrome',
  'migraine': 'migraine',
  'pcos': 'polycystic ovarian syndrome',
  'ed': 'erectile dysfunction',
  'bmi': 'body mass index',
  // Shorthand for sides, sites and history in coders' notes.
  rt: 'right',
  lt: 'left',
  bilat: 'bilateral',
  fx: 'fracture',
  abd: 'abdominal',
  hx: 'personal history',
  pna: 'pneumonia',
  sz: 'seizure',
  cancer: 'malignant neoplasm',
  ca: 'malignant neoplasm',
  metastatic: 'secondary malignant neoplasm',
  metastasis: 'secondary malignant neoplasm',
  mets: 'secondary malignant neoplasm',
  's/p': 'status',
  'status post': 'status',
  cabg: 'coronary artery bypass graft',
  overdose: 'poisoning',
};

const MAX_PHRASE_WORDS = 3;

/** One unit of a query: a word as typed, or a phrase we know, with the words it stands for. */
export interface QueryUnit {
  /** The words as typed. */
  said: string;
  /** The words the unit stands for (the phrase's official wording, or the word itself). */
  means: string;
  synonym: boolean;
}

/** Splits a query into words and the abbreviations and lay phrases we know (longest phrase first). */
export function queryUnits(query: string): QueryUnit[] {
  // Punctuation around words ("afib," "(chf)") does not hide them; "n/v" keeps its slash.
  const words = query.toLowerCase().replace(/[^a-z0-9/'\s-]+/g, ' ').split(/\s+/).filter(Boolean);
  const out: QueryUnit[] = [];
  for (let i = 0; i < words.length;) {
    let unit: QueryUnit | undefined;
    for (let n = Math.min(MAX_PHRASE_WORDS, words.length - i); n >= 1 && !unit; n--) {
      const phrase = words.slice(i, i + n).join(' ');
      const hit = SEARCH_SYNONYMS[phrase];
      if (hit !== undefined && hit !== phrase) unit = { said: phrase, means: hit, synonym: true };
    }
    unit ??= { said: words[i]!, means: words[i]!, synonym: false };
    out.push(unit);
    i += unit.said.split(' ').length;
  }
  return out;
}

/** Rewrites known abbreviations and lay phrases; returns the rewritten query and what changed. */
export function expandSynonyms(query: string): { text: string; applied: string[] } {
  const units = queryUnits(query);
  return { text: units.map((u) => u.means).join(' '), applied: units.filter((u) => u.synonym).map((u) => `${u.said} = ${u.means}`) };
}
