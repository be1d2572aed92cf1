// Clinical abbreviations and lay synonyms we write ourselves (no text from the code-set files).
// An entry either expands a note word into the words of a canonical phrase, which then match the
// official titles and index paths like any other words, or names a code directly.

export interface LexiconEntry {
  /** The abbreviation or synonym as it appears in notes (one word; matched on the folded form). */
  word: string;
  /** Canonical phrase whose words stand in for `word`. */
  expands?: string;
  /** ICD-10-CM code (official spelling) when the word alone settles it. */
  code?: string;
  /** Match only when written in capitals in the note ("PE" the embolism, not "pe"). */
  upperOnly?: boolean;
  /** The abbreviation means something else when the sentence matches this ("on RA" = room air). */
  unless?: RegExp;
}

export const LEXICON: LexiconEntry[] = [
  { word: 'htn', expands: 'hypertension' },
  { word: 'hta', expands: 'hypertension', upperOnly: true },
  { word: 'hypertensive', expands: 'hypertension' },
  { word: 't2dm', expands: 'type 2 diabetes mellitus' },
  { word: 'dm2', expands: 'type 2 diabetes mellitus' },
  { word: 't1dm', expands: 'type 1 diabetes mellitus' },
  { word: 'dm1', expands: 'type 1 diabetes mellitus' },
  { word: 'iddm', expands: 'type 1 diabetes mellitus' },
  { word: 'niddm', expands: 'type 2 diabetes mellitus' },
  { word: 'dm', expands: 'diabetes mellitus', upperOnly: true },
  { word: 'diabetic', expands: 'diabetes' },
  { word: 'chf', expands: 'congestive heart failure' },
  { word: 'hfref', expands: 'systolic heart failure' },
  { word: 'hfpef', expands: 'diastolic heart failure' },
  { word: 'copd', expands: 'chronic obstructive pulmonary disease' },
  { word: 'epoc', expands: 'chronic obstructive pulmonary disease', upperOnly: true },
  { word: 'ckd', expands: 'chronic kidney disease' },
  { word: 'esrd', expands: 'end stage renal disease' },
  { word: 'aki', expands: 'acute kidney failure' },
  { word: 'arf', expands: 'acute kidney failure', upperOnly: true },
  { word: 'gerd', expands: 'gastroesophageal reflux disease' },
  { word: 'afib', expands: 'atrial fibrillation' },
  { word: 'af', expands: 'atrial fibrillation', upperOnly: true },
  { word: 'cad', expands: 'coronary artery disease', upperOnly: true },
  { word: 'bph', expands: 'benign prostatic hyperplasia' },
  { word: 'uti', expands: 'urinary tract infection' },
  { word: 'uri', expands: 'upper respiratory infection' },
  { word: 'oa', expands: 'osteoarthritis', upperOnly: true },
  { word: 'ra', expands: 'rheumatoid arthritis', upperOnly: true, unless: /room air|\bon RA\b|%\s*(?:on\s+)?RA\b|\bRA\s*(?:sat|\d)|\bRA\b.{0,20}\b(?:atrium|atrial)|right atri/i },
  { word: 'mi', expands: 'myocardial infarction', upperOnly: true },
  { word: 'ami', expands: 'acute myocardial infarction', upperOnly: true },
  { word: 'stemi', expands: 'st elevation myocardial infarction' },
  { word: 'nstemi', expands: 'non st elevation myocardial infarction' },
  { word: 'cva', expands: 'cerebral infarction', upperOnly: true },
  { word: 'stroke', expands: 'cerebral infarction' },
  { word: 'tia', expands: 'transient ischemic attack', upperOnly: true },
  { word: 'dvt', expands: 'deep vein thrombosis' },
  { word: 'pe', expands: 'pulmonary embolism', upperOnly: true, unless: /\bPE\s*[:\-]|physical exam|\bPE\s+(?:was|is)\s+(?:normal|unremarkable)|pressure equali[sz]|PE tubes?/i },
  { word: 'osa', expands: 'obstructive sleep apnea' },
  { word: 'hld', expands: 'hyperlipidemia' },
  { word: 'hyperlipidaemia', expands: 'hyperlipidemia' },
  { word: 'dyslipidemia', expands: 'hyperlipidemia' },
  { word: 'dyslipidaemia', expands: 'hyperlipidemia' },
  { word: 'hypercholesterolemia', expands: 'pure hypercholesterolemia' },
  { word: 'hypothyroid', expands: 'hypothyroidism' },
  { word: 'hyperthyroid', expands: 'hyperthyroidism' },
  { word: 'obese', expands: 'obesity' },
  { word: 'sob', expands: 'shortness of breath', upperOnly: true },
  { word: 'doe', expands: 'dyspnea', upperOnly: true },
  { word: 'cp', expands: 'chest pain', upperOnly: true, unless: /cerebral palsy|\bCP\s*:/i },
  { word: 'lbp', expands: 'low back pain' },
  { word: 'ha', expands: 'headache', upperOnly: true, unless: /\bha\s+ha\b|hyaluronic/i },
  { word: 'n/v', expands: 'nausea vomiting' },
  { word: 'hiv', expands: 'human immunodeficiency virus disease' },
  { word: 'aids', expands: 'human immunodeficiency virus disease', upperOnly: true },
  { word: 'ibs', expands: 'irritable bowel syndrome' },
  { word: 'ibd', expands: 'inflammatory bowel disease' },
  { word: 'adhd', expands: 'attention deficit hyperactivity disorder' },
  { word: 'mdd', expands: 'major depressive disorder' },
  { word: 'gad', expands: 'generalized anxiety disorder', upperOnly: true },
  { word: 'ptsd', expands: 'post traumatic stress disorder' },
  { word: 'uc', expands: 'ulcerative colitis', upperOnly: true },
  { word: 'sle', expands: 'systemic lupus erythematosus', upperOnly: true },
  { word: 'pna', expands: 'pneumonia', upperOnly: true },
  { word: 'cap', expands: 'pneumonia', upperOnly: true },
  { word: 'ards', expands: 'acute respiratory distress syndrome' },
  { word: 'pvd', expands: 'peripheral vascular disease' },
  { word: 'pad', expands: 'peripheral arterial disease', upperOnly: true },
  { word: 'ich', expands: 'intracerebral hemorrhage', upperOnly: true },
  { word: 'sah', expands: 'subarachnoid hemorrhage', upperOnly: true },
  { word: 'ms', expands: 'multiple sclerosis', upperOnly: true, unless: /\bMS\s*[:\-]|mental status|morphine|\bms\b\s*(?:contin|ir)|mitral stenosis/i },
  { word: 'als', expands: 'amyotrophic lateral sclerosis', upperOnly: true },
  { word: 'tb', expands: 'tuberculosis', upperOnly: true },
  { word: 'hcv', expands: 'hepatitis c' },
  { word: 'hbv', expands: 'hepatitis b' },
  { word: 'cmv', expands: 'cytomegaloviral disease' },
  { word: 'ebv', expands: 'epstein barr virus' },
  { word: 'fever', expands: 'fever' },
  { word: 'febrile', expands: 'fever' },
  { word: 'anaemia', expands: 'anemia' },
  { word: 'oedema', expands: 'edema' },
  { word: 'haematuria', expands: 'hematuria' },
  { word: 'tumour', expands: 'tumor' },
  { word: 'tumours', expands: 'tumor' },
  { word: 'leukaemia', expands: 'leukemia' },
  { word: 'haemorrhage', expands: 'hemorrhage' },
  { word: 'oesophageal', expands: 'esophageal' },
  { word: 'diarrhoea', expands: 'diarrhea' },
  { word: 'renal', expands: 'kidney' },
  { word: 'kidney', expands: 'renal' },
  { word: 'painful', expands: 'pain' },
  { word: 'vomit', expands: 'vomiting' },
  { word: 'vomited', expands: 'vomiting' },
];

/** Lexicon keyed by folded word. */
export const LEXICON_BY_WORD: ReadonlyMap<string, LexiconEntry> = new Map(LEXICON.map((e) => [e.word, e]));

/** Phrases we map straight to a code where the index's own wording rarely appears in notes. */
export interface LexiconPhrase { words: string; code: string }

const LYMPH_NODE_SITES = ['cervical', 'axillary', 'inguinal', 'retroperitoneal', 'mediastinal', 'hilar', 'mesenteric', 'supraclavicular', 'submandibular', 'paratracheal', 'paraaortic', 'iliac', 'pelvic', 'abdominal', 'neck', 'locoregional', 'regional', 'celiac', 'perigastric', 'obturator'];

// Edema confined to one region is localized edema (R60.0), not the unspecified R60.9.
const EDEMA_SITES = ['genital', 'scrotal', 'leg', 'legs', 'lower limb', 'lower limbs', 'lower extremity', 'lower extremities', 'ankle', 'ankles', 'foot', 'feet', 'hand', 'hands', 'face', 'facial', 'palpebral', 'eyelid', 'penile', 'vulvar', 'pretibial', 'periorbital'];

export const LEXICON_PHRASES: LexiconPhrase[] = [
  { words: 'lymphadenopathy', code: 'R59.9' },
  { words: 'adenopathy', code: 'R59.9' },
  { words: 'enlarged lymph nodes', code: 'R59.9' },
  { words: 'generalized lymphadenopathy', code: 'R59.1' },
  ...LYMPH_NODE_SITES.flatMap((site) => [{ words: `${site} lymphadenopathy`, code: 'R59.0' }, { words: `${site} adenopathy`, code: 'R59.0' }]),
  { words: 'pale skin', code: 'R23.1' },
  { words: 'pale mucous membranes', code: 'R23.1' },
  { words: 'mucocutaneous pallor', code: 'R23.1' },
  { words: 'hyperbilirubinemia', code: 'E80.7' },
  { words: 'former smoker', code: 'Z87.891' },
  { words: 'ex smoker', code: 'Z87.891' },
  { words: 'exsmoker', code: 'Z87.891' },
  { words: 'weight loss', code: 'R63.4' },
  { words: 'lost weight', code: 'R63.4' },
  { words: 'nausea vomiting', code: 'R11.2' },
  { words: 'renal failure', code: 'N19' },
  { words: 'kidney failure', code: 'N19' },
  { words: 'elevated blood pressure', code: 'R03.0' },
  { words: 'smoker cigarettes', code: 'F17.210' },
  { words: 'macroscopic hematuria', code: 'R31.0' },
  { words: 'diffuse abdominal pain', code: 'R10.84' },
  { words: 'generalized abdominal pain', code: 'R10.84' },
  ...EDEMA_SITES.map((site) => ({ words: `${site} edema`, code: 'R60.0' })),
];
