// Section headings: the names clinicians and transcription templates use, and the section kind each
// one opens. Unknown ALL-CAPS labels ("HEENT:", "MSK:", "BP:") are exam or vitals sub-labels, not
// sections, unless a keyword says which section they open ("PREOPERATIVE DIAGNOSIS:").
import type { SectionKind } from './model';

const NAMES: Record<Exclude<SectionKind, never>, string[]> = {
  chiefComplaint: ['chief complaint', 'chief complaints', 'cc', 'reason for visit', 'reason for consultation',
    'reason for consult', 'reason for referral', 'presenting complaint'],
  hpi: ['history of present illness', 'history of the present illness', 'hpi', 'present illness', 'subjective',
    'interval history', 'history'],
  ros: ['review of systems', 'review of system', 'review of symptoms', 'ros', 'systems review'],
  pmh: ['past medical history', 'pmh', 'pmhx', 'medical history', 'past history', 'problem list', 'active problems',
    'past medical and surgical history', 'past medical/surgical history', 'medical problems'],
  psh: ['past surgical history', 'psh', 'pshx', 'surgical history', 'past procedures'],
  familyHistory: ['family history', 'fh', 'fhx', 'family hx', 'family medical history'],
  socialHistory: ['social history', 'sh', 'shx', 'social hx'],
  medications: ['medications', 'medication', 'meds', 'current medications', 'current medication', 'current meds',
    'home medications', 'outpatient medications', 'medications on admission', 'admission medications',
    'discharge medications', 'medication list'],
  allergies: ['allergies', 'allergy', 'drug allergies', 'medication allergies'],
  exam: ['physical exam', 'physical examination', 'exam', 'examination', 'pe', 'objective', 'vitals', 'vital signs',
    'vitals reviewed', 'general exam'],
  results: ['results', 'labs', 'lab', 'laboratory', 'laboratory data', 'laboratory results', 'lab results',
    'laboratory studies', 'imaging', 'radiology', 'studies', 'diagnostic studies', 'diagnostic data', 'data',
    'findings', 'pertinent results', 'test results', 'labs/imaging', 'imaging results'],
  assessment: ['assessment', 'assessments', 'impression', 'impressions', 'clinical impression', 'assessment/impression',
    'summary'],
  plan: ['plan', 'plans', 'treatment plan', 'recommendations', 'recommendation', 'plan of care', 'orders',
    'follow-up', 'follow up', 'followup'],
  assessmentPlan: ['assessment and plan', 'assessment & plan', 'assessment/plan', 'a/p', 'a&p', 'a & p',
    'impression and plan', 'impression/plan', 'impression & plan', 'medical decision making', 'mdm'],
  procedures: ['procedure', 'procedures', 'procedure performed', 'procedures performed', 'operation',
    'operations performed', 'operation performed', 'procedure in detail', 'description of procedure',
    'operative procedure', 'procedure note', 'surgery performed', 'name of procedure'],
  diagnoses: ['diagnosis', 'diagnoses', 'dx', 'final diagnosis', 'final diagnoses', 'preoperative diagnosis',
    'preoperative diagnoses', 'postoperative diagnosis', 'postoperative diagnoses', 'pre-operative diagnosis',
    'post-operative diagnosis', 'discharge diagnosis', 'discharge diagnoses', 'admitting diagnosis',
    'admission diagnosis', 'principal diagnosis', 'secondary diagnoses', 'primary diagnosis'],
  // "working diagnosis" and "differential diagnosis" stay text: they are uncertainty cues.
  other: ['instructions', 'patient instructions', 'discharge instructions', 'anesthesia', 'indications',
    'indication', 'indications for procedure', 'complications', 'estimated blood loss', 'specimens', 'specimen',
    'drains', 'disposition', 'condition', 'hospital course', 'brief hospital course', 'immunizations',
    'birth history', 'addendum', 'consultations', 'history of injury'],
};

const BY_NAME = new Map<string, SectionKind>();
for (const [kind, names] of Object.entries(NAMES) as [SectionKind, string[]][]) {
  for (const n of names) BY_NAME.set(n, kind);
}

const KEYWORDS: [RegExp, SectionKind][] = [
  [/^REASONS? FOR\b/, 'chiefComplaint'],
  [/^INDICATIONS?\b/, 'other'], // why a procedure was done, not what was done
  [/^HISTORY AND PHYSICAL\b/, 'other'],
  [/\bPRESENT ILLNESS\b/, 'hpi'],
  [/\bFAMILY\b/, 'familyHistory'],
  [/\bSOCIAL\b/, 'socialHistory'],
  [/\bSURGICAL HISTORY\b/, 'psh'],
  [/\bASSESSMENT\b.*\bPLAN\b|\bIMPRESSION\b.*\bPLAN\b/, 'assessmentPlan'],
  [/DIAGNOS/, 'diagnoses'],
  [/\bPROCEDURES?\b|\bOPERATIONS?\b/, 'procedures'],
  [/\bASSESSMENT\b|\bIMPRESSION/, 'assessment'],
  [/\bPLAN\b/, 'plan'],
  [/\bREVIEW OF SYSTEMS\b/, 'ros'],
  [/\bMEDICATIONS?\b/, 'medications'],
  [/\bALLERG/, 'allergies'],
  [/\bLAB|\bRESULTS?\b|\bIMAGING\b|\bRADIOLOG/, 'results'],
  [/\bEXAM/, 'exam'],
  [/\bCOMPLAINT/, 'chiefComplaint'],
  [/\bHISTORY\b/, 'pmh'],
];

/** Lower case, single spaces, no trailing colon or dash. */
export function headingKey(label: string): string {
  return label.toLowerCase().replace(/\s+/g, ' ').replace(/[\s:.\-]+$/, '').trim();
}

/** Section kind named by a heading, or undefined when the label is not a section heading. */
export function headingKind(label: string, allowKeywords: boolean): SectionKind | undefined {
  const kind = BY_NAME.get(headingKey(label));
  if (kind !== undefined || !allowKeywords) return kind;
  for (const [re, k] of KEYWORDS) if (re.test(label)) return k;
  return undefined;
}

export function isUpperCaseLabel(label: string): boolean {
  return /\p{Lu}/u.test(label) && label === label.toUpperCase();
}

const MINOR_WORDS = new Set(['of', 'and', 'the', 'for', 'to', 'in', 'on', 'or', '&', '/']);

/** "History of Present Illness", "Assessment and Plan". */
export function isTitleCaseLabel(label: string): boolean {
  const words = label.trim().split(/\s+/);
  return words.every((w, i) => (i > 0 && MINOR_WORDS.has(w)) || /^[\p{Lu}\p{N}]/u.test(w));
}
