// Office E/M level (CPT 2021+ rules, numbers only, our own labels): new vs established patient,
// then the level supported by total time on the date or by medical decision making (2 of 3:
// problems, data, risk), whichever is higher; 99417 per full 15 minutes beyond the top level.
import type { NoteModel } from '../note/model';
import type { Evidence, Suggestion } from './types';

type Mdm = 1 | 2 | 3 | 4; // straightforward, low, moderate, high

const NEW = { codes: ['99202', '99203', '99204', '99205'], minutes: [15, 30, 45, 60] };
const ESTABLISHED = { codes: ['99212', '99213', '99214', '99215'], minutes: [10, 20, 30, 40] };
const LEVEL_LABEL = ['straightforward', 'low', 'moderate', 'high'];

const NEW_PATIENT = /\bnew patient\b|\bnew to (?:the |our )?(?:clinic|practice|office)\b|\b(?:first|initial) (?:visit|consultation|appointment)\b|\bestablish(?:ing)? care\b/i;
const ESTABLISHED_PATIENT = /\bestablished patient\b|\bfollow[- ]?up (?:visit|appointment)\b|\breturns? (?:to clinic|for (?:a )?follow)|\bseen (?:here |by me )?(?:previously|last)\b|\blast visit\b/i;
const TIME = /\b(?:i\s+)?spent\s+(?:a\s+total\s+of\s+)?(\d{1,3})\s*(?:minutes|mins?)\b|\btotal\s+(?:time|visit time|encounter time)(?:\s+(?:spent|today|on this date|was|of))*\s*:?\s*(\d{1,3})\s*(?:minutes|mins?)\b|\b(\d{1,3})\s*(?:minutes|mins?)\s+(?:were\s+|was\s+)?spent\b/gi;

const RISK_HIGH = /\b(?:admit(?:ted)? to (?:the )?hospital|hospital admission|decision (?:regarding|for) hospitali[sz]ation|emergency (?:major )?surgery|do not resuscitate|intensive monitoring for toxicity)\b/i;
const RISK_MODERATE = /\b(?:prescri(?:be|bed|ption)|start(?:ed)? (?:on|her on|him on)|increase(?:d)? (?:the )?(?:dose|dosage)|refill(?:ed)?|titrat(?:e|ed|ing)|elective (?:major )?surgery|social determinants)\b/i;
const DATA_CUES = /\b(?:review(?:ed)? (?:the |her |his )?(?:labs?|results?|imaging|records?|notes?)|order(?:ed)? (?:a |an |the )?(?:labs?|x-?ray|ct|mri|ultrasound|ekg|ecg|cbc|cmp|bmp|a1c|lipid)|independent historian|discussed (?:with|the case with)|independent(?:ly)? interpret)/gi;
const EXACERBATION = /\b(?:worsening|exacerbation|uncontrolled|poorly controlled|not controlled|progressing|flare)\b/i;
const SEVERE = /\b(?:severe exacerbation|threat to life|life[- ]threatening|sepsis|acute myocardial infarction|respiratory failure)\b/i;

function ev(text: string, index: number, length: number): Evidence {
  return { start: index, end: index + length, text: text.slice(index, index + length) };
}

function problemsLevel(diagnosisCount: number, text: string): Mdm {
  if (SEVERE.test(text)) return 4;
  if (EXACERBATION.test(text) || diagnosisCount >= 2) return 3;
  if (diagnosisCount === 1) return 2;
  return 1;
}

function dataLevel(cues: number): Mdm {
  return cues >= 3 ? 3 : cues >= 2 ? 2 : 1;
}

function riskLevel(text: string): Mdm {
  if (RISK_HIGH.test(text)) return 4;
  if (RISK_MODERATE.test(text)) return 3;
  return 2;
}

/** The middle of three levels is the one two elements reach. */
function twoOfThree(a: Mdm, b: Mdm, c: Mdm): Mdm {
  return [a, b, c].sort()[1] as Mdm;
}

/**
 * E/M suggestion for an office visit note. `diagnosisCount`: confirmed problems addressed
 * (the analyzer's ICD-10-CM suggestions from the assessment). Returns nothing when the note does
 * not read as an office visit (no new/established cue and no time statement).
 */
export function suggestOfficeVisit(note: NoteModel, diagnosisCount: number): Suggestion[] {
  const text = note.text;
  const evidence: Evidence[] = [];
  const newMatch = NEW_PATIENT.exec(text);
  const estMatch = ESTABLISHED_PATIENT.exec(text);
  let minutes: number | undefined;
  for (const m of text.matchAll(TIME)) {
    const v = Number(m[1] ?? m[2] ?? m[3]);
    if (v > 0 && v < 600 && (minutes === undefined || v > minutes)) {
      minutes = v;
      evidence.push(ev(text, m.index!, m[0].length));
    }
  }
  if (!newMatch && !estMatch && minutes === undefined) return [];
  const isNew = !!newMatch && (!estMatch || newMatch.index <= estMatch.index);
  const patient = isNew ? NEW : ESTABLISHED;
  if (isNew && newMatch) evidence.push(ev(text, newMatch.index, newMatch[0].length));
  if (!isNew && estMatch) evidence.push(ev(text, estMatch.index, estMatch[0].length));
  const dataCues = [...text.matchAll(DATA_CUES)];
  const mdm = twoOfThree(problemsLevel(diagnosisCount, text), dataLevel(dataCues.length), riskLevel(text));
  let timeLevel = 0;
  if (minutes !== undefined) patient.minutes.forEach((min, i) => { if (minutes! >= min) timeLevel = i + 1; });
  const level = Math.max(mdm, timeLevel);
  if (level === 0) return [];
  const code = patient.codes[level - 1]!;
  const byTime = timeLevel >= mdm && minutes !== undefined;
  const missing: string[] = [];
  if (!newMatch && !estMatch) missing.push('patient status (new or established)');
  if (minutes === undefined) missing.push('total time');
  const out: Suggestion[] = [{
    code, system: 'cpt',
    title: `Office visit, ${isNew ? 'new' : 'established'} patient, level ${code.slice(-1)}`,
    score: byTime ? 0.8 : 0.6,
    evidence: evidence.sort((a, b) => a.start - b.start),
    reason: byTime ? `total time ${minutes} min (>= ${patient.minutes[level - 1]} min)` : `medical decision making ${LEVEL_LABEL[mdm - 1]} (2 of 3: problems, data, risk)`,
    context: { sections: [] }, missing,
  }];
  const top = patient.minutes[3]!;
  if (minutes !== undefined && minutes >= top + 15) {
    out.push({
      code: '99417', system: 'cpt', title: 'Prolonged office visit, each 15 minutes', score: 0.8,
      evidence: evidence.filter((e) => /\d/.test(e.text)), reason: `total time ${minutes} min exceeds ${top} min by ${minutes - top}`,
      context: { sections: [] }, missing: [], units: Math.floor((minutes - top) / 15),
    });
  }
  return out;
}
