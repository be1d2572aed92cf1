// Medical decision making for office visits (the 2021 AMA office E/M table, our own wording):
// three elements, each read from the note with the words that support it.
//   problems  number and complexity of the problems addressed at the visit
//   data      tests ordered or reviewed, external notes, independent historian (category 1),
//             independent interpretation (category 2), discussion with another clinician (3)
//   risk      of the management chosen: prescription drug management, decisions about surgery
//             or hospital care, social determinants of health
// Levels: 1 straightforward, 2 low, 3 moderate, 4 high. Two of the three elements set the level.
import type { NoteModel, Span } from '../note/model';
import { readAssessment, type AssessmentReading } from '../note/problems';
import { isChronicCondition } from './history';
import type { Evidence, Suggestion } from './types';

export type MdmLevel = 1 | 2 | 3 | 4;
export const MDM_LABEL: Record<MdmLevel, string> = { 1: 'straightforward', 2: 'low', 3: 'moderate', 4: 'high' };

export interface MdmElement {
  level: MdmLevel;
  /** Plain sentences: what was counted. */
  findings: string[];
  evidence: Evidence[];
}

export interface MedicalDecisionMaking {
  problems: MdmElement;
  data: MdmElement;
  risk: MdmElement;
  level: MdmLevel;
}

type ProblemKind = 'minor' | 'acute' | 'stableChronic' | 'chronicWorse' | 'newUncertain' | 'acuteComplicated' | 'severe';
const KIND_LABEL: Record<ProblemKind, string> = {
  minor: 'self-limited or minor problem', acute: 'acute uncomplicated illness or injury', stableChronic: 'stable chronic illness',
  chronicWorse: 'chronic illness with exacerbation, progression or side effects of treatment', newUncertain: 'undiagnosed new problem with uncertain prognosis',
  acuteComplicated: 'acute complicated injury or acute illness with systemic symptoms', severe: 'severe exacerbation or threat to life or bodily function',
};

const WORSE = /\b(?:worsen\w*|exacerbat\w*|uncontrolled|not (?:well )?controlled|poorly controlled|(?:slightly |mildly )?elevated|progress\w*|increas(?:e|ed|ing) (?:symptoms|pain|shortness)|flare\w*|dietary indiscretion|side effects?|not at goal|above goal)\b/i;
const SEVERE = /\b(?:severe exacerbation|threat to (?:life|bodily function)|life[- ]threatening|sepsis|respiratory failure|loss of (?:vision|function)|vision loss|compression)\b/i;
const WORKUP = /\b(?:blood ?work|labs?|mri|ct|cat scan|biopsy|ultrasound|refer\w*|work[- ]?up|further (?:evaluation|testing)|to determine|rule out|colonoscopy|egd|endoscopy|culture|titer)\b/i;
// Conditions managed over months or years, besides those that keep their code when written as history.
const LONG_LASTING = /^(E55|E28|E29|E23|E22|E21|E27|E66|L70|L68|L40|L20|L71|M10|M1A|M35|M45|M81|K50|K51|K58|J30|J31|J32|J45|G43|G47|G56|F41|F43|F90|D80|D81|D82|D83|D84|D50|D51|D52|D53|D56|D57|D58|D61|D69|N40|N52|N81|N95|H40|H35|I34|I35|I49|B18|B19|B20|Z94|Z95|Z21|C|D3[0-9]|D4[0-9]|Q)/;
const DIAGNOSTIC_WORKUP = /\b(?:colonoscopy|egd|endoscopy|biopsy|hematolog\w*|oncolog\w*|mri|ct scan|capsule)\b/i;
const COMPLICATED = /\b(?:fracture|dislocation|orif|surgery|surgical|systemic|fever|infection spreading|cellulitis)\b/i;

function ev(text: string, span: Span): Evidence {
  return { start: span.start, end: span.end, text: text.slice(span.start, span.end) };
}

function bare(code: string): string {
  return code.replace('.', '');
}

interface ProblemRead { label: string; kind: ProblemKind; evidence: Evidence }

/** The problems the visit addressed: the diagnoses reported, grouped by the assessment's problem they belong to. */
function problemsAddressed(note: NoteModel, reading: AssessmentReading, diagnoses: Suggestion[]): ProblemRead[] {
  const byProblem = new Map<number, Suggestion[]>();
  for (const d of diagnoses) {
    if (d.order === undefined || bare(d.code).startsWith('Z')) continue;
    const p = Math.floor(d.order / 10);
    byProblem.set(p, [...(byProblem.get(p) ?? []), d]);
  }
  const out: ProblemRead[] = [];
  for (const [p, codes] of [...byProblem].sort((a, b) => a[0] - b[0])) {
    const own = (s: { start: number; end: number }) => codes.some((c) => c.evidence.some((e) => e.start >= s.start && e.start < s.end));
    const sentences = reading.sentences.filter((s) => (s.problem === p || own(s)) && s.role !== 'summary');
    const text = sentences.map((s) => note.text.slice(s.start, s.end)).join(' ');
    const code = bare(codes[0]!.code);
    const chronic = codes.some((c) => isChronicCondition(bare(c.code)) || LONG_LASTING.test(bare(c.code)) || /\bchronic\b/i.test(c.title)) || /\bchronic\b/i.test(text);
    let kind: ProblemKind;
    if (SEVERE.test(text)) kind = 'severe';
    // A chronic illness whose cause or course is being worked up is not stable.
    else if (chronic) kind = WORSE.test(text) || DIAGNOSTIC_WORKUP.test(text) ? 'chronicWorse' : 'stableChronic';
    else if (/^[ST]/.test(code)) kind = COMPLICATED.test(text) && /\b(?:fracture|dislocation|orif|surgery)\b/i.test(text) ? 'acuteComplicated' : 'acute';
    else if (WORKUP.test(text)) kind = 'newUncertain';
    else if (COMPLICATED.test(text)) kind = 'acuteComplicated';
    else kind = 'acute';
    const first = sentences.find((s) => s.role === 'problem') ?? sentences[0];
    const evidence = first ? ev(note.text, first) : codes[0]!.evidence[0]!;
    out.push({ label: codes[0]!.title, kind, evidence });
  }
  return out;
}

function problemsElement(problems: ProblemRead[]): MdmElement {
  const count = (k: ProblemKind) => problems.filter((p) => p.kind === k).length;
  let level: MdmLevel = 1;
  if (count('severe') > 0) level = 4;
  else if (count('chronicWorse') > 0 || count('stableChronic') >= 2 || count('newUncertain') > 0 || count('acuteComplicated') > 0) level = 3;
  else if (count('stableChronic') === 1 || count('acute') > 0 || count('minor') >= 2) level = 2;
  return {
    level,
    findings: problems.map((p) => `${p.label}: ${KIND_LABEL[p.kind]}`),
    evidence: problems.map((p) => p.evidence),
  };
}

// Tests a coder counts once each, whether ordered or reviewed.
const TESTS: [string, RegExp][] = [
  ['x-ray', /\bx-?rays?\b|\bradiographs?\b|\bradiographic\b/i], ['CT', /\bct\b(?! scan of the)|\bcat scan\b|\bct scan\b/i],
  ['MRI', /\bmri\b/i], ['ultrasound', /\bultrasound\b|\bsonogram\b|\bdoppler\b/i], ['echocardiogram', /\bechocardiogram\b|\becho\b/i],
  ['ECG', /\bekg\b|\becg\b|\belectrocardiogram\b/i], ['stress test', /\bstress test\b/i],
  ['hemoglobin A1c', /\b(?:hemoglobin )?a1c\b/i], ['CBC', /\bcbc\b|\bcomplete blood count\b/i],
  ['metabolic panel', /\b(?:basic|comprehensive) metabolic panel\b|\bbmp\b|\bcmp\b/i], ['lipid panel', /\blipid panel\b|\bcholesterol (?:panel|levels?)\b/i],
  ['thyroid tests', /\btsh\b|\bthyroid (?:function|panel|studies)\b/i], ['urinalysis', /\burinalysis\b|\burine (?:test|culture)\b/i],
  ['culture', /\bcultures?\b/i], ['biopsy', /\bbiopsy\b/i], ['iron studies', /\biron (?:labs|studies|panel)\b|\bferritin\b/i],
  ['vitamin levels', /\bb-?12\b|\bfolate\b|\bvitamin d level\b/i], ['titer', /\btiters?\b|\bwestern blot\b/i],
  ['blood work', /\bblood ?work\b|\blab ?work\b|\blabs\b|\bblood tests?\b/i], ['visual field test', /\bvisual field\b/i],
  ['pulmonary function tests', /\bpulmonary function\b|\bpfts?\b/i], ['PSA', /\bpsa\b/i],
];
const ORDER_OR_REVIEW = /\b(?:order\w*|obtain\w*|check\w*|repeat|review\w*|recheck|results?|demonstrat\w*|reveal\w*|show\w*|schedul\w*|will get|get (?:a|an)|sent for)\b/i;
const EXTERNAL_NOTES = /\b(?:reviewed (?:the |her |his )?(?:records?|notes?|report) from|outside (?:records|notes)|records from (?:the )?(?:emergency|hospital|er\b)|emergency (?:department|room) (?:records|notes|visit))\b/i;
const HISTORIAN = /\b(?:independent historian|history (?:was )?(?:obtained|provided) (?:from|by) (?:the |her |his )?(?:mother|father|parent|wife|husband|daughter|son|caregiver)|(?:mother|mom|father|dad|parents?|grandmother|caregiver)\b[^.]{0,40}\b(?:reports?|states?|says|notes?|is concerned|brings?|brought|accompan\w*|tells?))\b/i;
// A young child's history comes from the adults who bring them.
const YOUNG_CHILD = /\b(?:\d{1,2}[- ](?:month|week|day)s?[- ]old|(?:[1-9]|1[01])[- ]years?[- ]old)\b/i;
const INTERPRETATION = /\b(?:i (?:personally )?(?:reviewed|interpreted|viewed) the (?:images|films|x-?rays?|ekg|ecg)|independent(?:ly)? interpret\w*|my (?:own )?(?:read|interpretation))\b/i;
const DISCUSSION = /\b(?:discussed (?:the case|with (?:dr|his|her) )|spoke (?:with|to) (?:dr|his|her (?:cardiologist|oncologist|surgeon|primary))|consulted with dr)\b/i;

function dataElement(note: NoteModel, reading: AssessmentReading): MdmElement {
  const evidence: Evidence[] = [];
  const tests = new Set<string>();
  // Results reviewed (results section) and tests ordered or reviewed in the assessment and plan.
  const places = [
    ...note.sentences.filter((s) => s.section === 'results'),
    ...reading.sentences.filter((s) => s.role !== 'summary').map((s) => ({ ...s, section: 'plan' as const })),
  ];
  for (const s of places) {
    const t = note.text.slice(s.start, s.end);
    if (s.section !== 'results' && !ORDER_OR_REVIEW.test(t)) continue;
    for (const [name, re] of TESTS) {
      // Unnamed labs reviewed and unnamed labs ordered are different tests; a named test ordered
      // includes the review of its result.
      const key = name === 'blood work' ? `${name} (${s.section === 'results' || /\b(?:review\w*|results?|recent|revealed|showed)\b/i.test(t) ? 'reviewed' : 'ordered'})` : name;
      if (tests.has(key)) continue;
      const m = re.exec(t);
      if (!m) continue;
      // Generic "labs" counts only when no named test was found in the same sentence.
      if (name === 'blood work' && TESTS.some(([n, r]) => n !== name && r.test(t))) continue;
      tests.add(key);
      evidence.push(ev(note.text, { start: s.start + m.index, end: s.start + m.index + m[0].length }));
    }
  }
  const findings: string[] = [];
  let category1 = tests.size;
  if (tests.size) findings.push(`tests ordered or reviewed: ${[...tests].join(', ')}`);
  const find = (re: RegExp, label: string): boolean => {
    const m = re.exec(note.text);
    if (!m) return false;
    evidence.push(ev(note.text, { start: m.index, end: m.index + m[0].length }));
    findings.push(label);
    return true;
  };
  if (find(EXTERNAL_NOTES, 'external records reviewed')) category1++;
  if (find(HISTORIAN, 'independent historian')) category1++;
  else if (YOUNG_CHILD.test(note.text) && find(YOUNG_CHILD, 'independent historian (a young child\'s history is given by the family)')) category1++;
  const interpretation = find(INTERPRETATION, 'independent interpretation of a test');
  const discussion = find(DISCUSSION, 'management discussed with another clinician');
  const categories = (category1 >= 3 ? 1 : 0) + (interpretation ? 1 : 0) + (discussion ? 1 : 0);
  let level: MdmLevel = 1;
  if (categories >= 2) level = 4;
  else if (categories >= 1) level = 3;
  else if (category1 >= 2) level = 2;
  return { level, findings: findings.length ? findings : ['no tests, records or historian documented'], evidence: evidence.sort((a, b) => a.start - b.start) };
}

const HOSPITAL = /\b(?:admit(?:ted)? (?:him |her )?to (?:the )?hospital|hospital admission|decision (?:regarding|for|about) hospitali[sz]ation|send (?:him|her) to the (?:emergency|er)|do not resuscitate|dnr\b|intensive monitoring for toxicity)/i;
const MAJOR_SURGERY = /\b(?:orif|open reduction|arthroplasty|replacement surgery|resection|craniotomy|laminectomy|fusion|(?:trans-?sphenoidal|major) (?:resection|surgery)|proceed with (?:a |the )?(?:[\w-]+ ){0,3}surgery|schedule (?:the |her |his )?(?:surgery|operation)|surgical (?:removal|intervention|repair))\b/i;
const MINOR_PROCEDURE = /\b(?:debridement|injection|incision and drainage|excision|biopsy|cryotherapy|laceration repair|joint aspiration|egd|colonoscopy|endoscopy)\b/i;
// A dosed drug the plan starts, changes, treats with or continues is prescription drug management
// (unless it is an over-the-counter product).
const DOSED_DRUG = /\b[a-z][a-z-]{3,} \d+(?:\.\d+)? ?(?:mg|mcg|units?|ml|g)\b/i;
const MANAGEMENT_VERB = /\b(?:treat|prescri|start|initiat|increas|decreas|continu|refill|resum|adjust|switch|chang|provid|take|taking)\w*/i;
const RX = /\b(?:prescri(?:be|bed|bing|ption)|start(?:ed)? (?:him |her |them )?on|initiat(?:e|ed|ing)|increas(?:e|ed|ing) (?:the |his |her )?(?:\w+ )?(?:dose|to \d)|increase \w+ to|decreas(?:e|ed) (?:the |his |her )?(?:\w+ )?(?:dose|to \d)|titrat\w*|refill\w*|switch(?:ed)? (?:him |her )?to|continue (?:with )?(?:his |her |the |current )?(?:\w+ ){0,2}\d+(?:\.\d+)? ?(?:mg|mcg|units?|g)\b|(?:will )?continue (?:on )?(?:his |her )?(?:\w+)(?:pril|sartan|olol|statin|pine|formin|zide|semide|mide|azole|cycline|cillin|mycin|prazole|xaban|arin|tide|gliptin|flozin)\b)/i;
const OTC = /\b(?:tylenol|acetaminophen|aleve|over[- ]the[- ]counter|otc|vitamin|iron supplement|ferrous sulfate|(?:ibuprofen|motrin|advil) (?:200|400|600) ?mg)\b/i;
const SDOH = /\b(?:unable to afford|cannot afford|can't afford|no insurance|uninsured|housing insecurity|food insecurity|lack of transportation)\b/i;

function riskElement(note: NoteModel, reading: AssessmentReading): MdmElement {
  const plan = reading.sentences.filter((s) => s.role !== 'summary');
  const findings: string[] = [];
  const evidence: Evidence[] = [];
  let level: MdmLevel = 1;
  const consider = (re: RegExp, l: MdmLevel, label: string): void => {
    for (const s of plan) {
      const t = note.text.slice(s.start, s.end);
      const m = re.exec(t);
      if (!m) continue;
      evidence.push(ev(note.text, { start: s.start + m.index, end: s.start + m.index + m[0].length }));
      findings.push(label);
      if (l > level) level = l;
      return;
    }
  };
  consider(HOSPITAL, 4, 'decision about hospital care');
  consider(MAJOR_SURGERY, 3, 'decision for major surgery');
  consider(RX, 3, 'prescription drug management');
  if (level < 3) {
    const dosed = plan.find((s) => {
      const t = note.text.slice(s.start, s.end);
      return DOSED_DRUG.test(t) && MANAGEMENT_VERB.test(t) && !OTC.test(t);
    });
    if (dosed) {
      const t = note.text.slice(dosed.start, dosed.end);
      const m = DOSED_DRUG.exec(t)!;
      evidence.push(ev(note.text, { start: dosed.start + m.index, end: dosed.start + m.index + m[0].length }));
      findings.push('prescription drug management');
      level = 3;
    }
  }
  consider(SDOH, 3, 'management limited by social determinants of health');
  consider(MINOR_PROCEDURE, 2, 'decision about a minor or diagnostic procedure');
  consider(OTC, 2, 'over-the-counter drugs');
  if (level === 1 && plan.some((s) => /\b(?:physical therapy|brace|splint|sling|crutches|ice|referral)\b/i.test(note.text.slice(s.start, s.end)))) {
    level = 2;
    findings.push('low-risk treatment (therapy, bracing, referral)');
  }
  return { level, findings: findings.length ? findings : ['no management with more than minimal risk documented'], evidence: evidence.sort((a, b) => a.start - b.start) };
}

/** The middle of three levels is the one two elements reach. */
function twoOfThree(a: MdmLevel, b: MdmLevel, c: MdmLevel): MdmLevel {
  return [a, b, c].sort()[1] as MdmLevel;
}

/** Reads the three MDM elements of an office visit note; `diagnoses` are the analyzer's diagnosis suggestions (outpatient, with `order`). */
export function readMedicalDecisionMaking(note: NoteModel, diagnoses: Suggestion[], reading: AssessmentReading = readAssessment(note)): MedicalDecisionMaking {
  const problems = problemsElement(problemsAddressed(note, reading, diagnoses));
  const data = dataElement(note, reading);
  const risk = riskElement(note, reading);
  return { problems, data, risk, level: twoOfThree(problems.level, data.level, risk.level) };
}
