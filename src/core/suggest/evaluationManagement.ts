// Office E/M level (CPT 2021+ office visit rules; numbers only, our own labels): new or
// established patient, then the level supported by medical decision making (2 of 3: problems,
// data, risk; see mdm.ts) or by documented total time on the date, whichever is higher; 99417
// for each full 15 minutes beyond the top level's time. A routine examination takes a preventive
// medicine code by age; a postoperative visit inside a global period takes 99024. When the note
// cannot support a level the decision says why instead of staying silent.
import type { NoteModel } from '../note/model';
import { ASSESSMENT_SECTIONS, readAssessment } from '../note/problems';
import { isChronicCondition } from './history';
import { MDM_LABEL, readMedicalDecisionMaking, type MdmLevel } from './mdm';
import { DEFAULT_THRESHOLD, type Evidence, type Suggestion } from './types';

export type PatientStatus = 'new' | 'established';

export interface OfficeVisitOptions {
  /** From the claim (`encounter.patientStatus`); the note's own words are used when absent. */
  patientStatus?: PatientStatus;
  /** Date of service (YYYY-MM-DD), to tell whether a postoperative visit is still inside the global period. */
  date?: string;
}

export interface OfficeVisitDecision {
  suggestions: Suggestion[];
  /** Why no office E/M is suggested, when none is. */
  notice?: string;
}

const NEW = { codes: ['99202', '99203', '99204', '99205'], minutes: [15, 30, 45, 60] };
const ESTABLISHED = { codes: ['99212', '99213', '99214', '99215'], minutes: [10, 20, 30, 40] };

const NEW_PATIENT = /\bnew patient\b|\bnew to (?:the |our |my )?(?:clinic|practice|office)\b|\b(?:first|initial) (?:visit|consultation|appointment|evaluation)\b|\bestablish(?:ing)? care\b|\breferred (?:to (?:me|us|our (?:offices?|clinic|practice)|[a-z]+ology)|by|from)\b|\bseen in consultation\b|\bat the request of\b|\breferred (?:him|her) to (?:me|us|our)\b|\bsent (?:him|her) to (?:me|us)\b|\bpresents? (?:to (?:the |our )?clinic )?(?:today )?as a referral\b|\bfor (?:a )?(?:consultation|consult|second opinion|2nd opinion)\b|\b(?:surgical |new patient )?consult(?:ation)? (?:for|regarding)\b/i;
// "Presents for evaluation of" reads as a first visit for the complaint, unless the visit also
// manages the patient's chronic problems (the practice that follows them).
const EVALUATION_OF = /\bpresents?(?: to (?:the |our )?(?:clinic|office))?(?: today)? for (?:the |an? )?(?:initial )?evaluation of\b/i;
const ESTABLISHED_PATIENT = /\bestablished patient\b|\bfollow[- ]?up (?:visit|appointment|of|for|on)\b|\breturns? (?:to (?:the )?clinic|for (?:a )?follow)|\b(?:i )?(?:last )?saw (?:him|her) (?:last|in)\b|\bseen (?:here |by me )?(?:previously|last)\b|\blast visit\b|\bsince (?:i )?last saw\b|\bsince (?:his|her|our) last (?:visit|appointment)\b|\bcomes? (?:back )?in for (?:his|her) (?:annual|yearly|routine)\b|\b(?:i|we) have been (?:treating|seeing|following)\b/i;
const TIME = /\b(?:i\s+)?spent\s+(?:a\s+total\s+of\s+)?(\d{1,3})\s*(?:minutes|mins?)\b|\btotal\s+(?:time|visit time|encounter time)(?:\s+(?:spent|today|on this date|was|of))*\s*:?\s*(\d{1,3})\s*(?:minutes|mins?)\b|\b(\d{1,3})\s*(?:minutes|mins?)\s+(?:were\s+|was\s+)?spent\b/gi;
const POSTOP = /\bpost-?op(?:erative)? (?:visit|check|follow[- ]?up|appointment)\b|\bglobal (?:surgical )?period\b|\b(?:\d+|one|two|three|four|five|six|eight|ten|twelve) (?:days?|weeks?) (?:post-?op(?:eratively)?|(?:status )?(?:post|after) (?:his |her |the )?(?:[\w-]+ ){0,3}(?:surgery|operation|procedure|repair|replacement|orif|arthroplasty|arthroscopy))\b/i;
const ROUTINE_EXAM = /\b(?:annual|yearly|routine|preventive|wellness) (?:physical|exam|examination|visit|check-?up|wellness visit)\b|\bwell(?:ness)? (?:visit|exam|check)\b/i;
const AGE = /\b(\d{1,3})[- ](year|month|week|day)s?[- ]old\b/i;

// The longest (major surgery) global period is 90 days after the day of surgery.
const GLOBAL_DAYS = 90;
const SURGERY_DATE = /\b(?:status post|s\/p|underwent|had)\b[^.\n]{0,80}?\b(\d{1,2})\/(?:(\d{1,2})\/)?(\d{4})\b/i;
const ANY_DATE = /\b(\d{1,2})\/(?:(\d{1,2})\/)?(\d{4})\b/g;

function dayNumber(month: string, day: string | undefined, year: string): number {
  return Date.UTC(Number(year), Number(month) - 1, day ? Number(day) : 1) / 86_400_000;
}

/**
 * A postoperative visit is outside the global period when the note (or the date of service)
 * shows more than 90 days since the surgery date it gives: "status post ... 10/10/2020", last
 * seen 03/2021.
 */
function outsideGlobalPeriod(text: string, dateOfService: string | undefined): boolean {
  const s = SURGERY_DATE.exec(text);
  if (!s) return false;
  const surgery = dayNumber(s[1]!, s[2], s[3]!);
  let latest = dateOfService ? Date.parse(dateOfService) / 86_400_000 : -Infinity;
  for (const m of text.matchAll(ANY_DATE)) latest = Math.max(latest, dayNumber(m[1]!, m[2], m[3]!));
  return latest - surgery > GLOBAL_DAYS;
}

function ev(text: string, index: number, length: number): Evidence {
  return { start: index, end: index + length, text: text.slice(index, index + length) };
}

/** Preventive medicine visit code by age band and patient status. */
function preventiveCode(years: number, status: PatientStatus): string {
  const band = years < 1 ? 1 : years < 5 ? 2 : years < 12 ? 3 : years < 18 ? 4 : years < 40 ? 5 : years < 65 ? 6 : 7;
  return `99${status === 'new' ? 38 : 39}${band}`;
}

function ageInYears(text: string): number | undefined {
  const m = AGE.exec(text);
  if (!m) return undefined;
  return m[2]!.toLowerCase() === 'year' ? Number(m[1]) : 0;
}

interface StatusRead { status: PatientStatus; evidence?: Evidence; how: string }

// Where a note says why the patient came: the chief complaint and history, before the assessment
// (a plan's "referred to physical therapy" says nothing about this visit).
const HISTORY_SECTIONS = new Set(['chiefComplaint', 'hpi', 'other']);

function historyText(note: NoteModel): { text: string; offsets: number[] } {
  let text = '';
  const offsets: number[] = [];
  let assessed = false;
  for (const s of note.sentences) {
    if (ASSESSMENT_SECTIONS.has(s.section)) assessed = true;
    // Untitled text after the assessment (instructions) speaks of later visits.
    if (!HISTORY_SECTIONS.has(s.section) || (assessed && s.section === 'other')) continue;
    offsets.push(text.length, s.start);
    text += note.text.slice(s.start, s.end) + '\n';
  }
  return { text, offsets };
}

/** Moves a match in historyText back to the note. */
function inNote(h: { offsets: number[] }, at: number): number {
  let start = 0, base = 0;
  for (let i = 0; i < h.offsets.length; i += 2) if (h.offsets[i]! <= at) { base = h.offsets[i]!; start = h.offsets[i + 1]!; }
  return start + (at - base);
}

function patientStatus(note: NoteModel, fromClaim: PatientStatus | undefined, managesChronicProblems: boolean): StatusRead {
  if (fromClaim) return { status: fromClaim, how: `${fromClaim} patient (from the claim)` };
  const h = historyText(note);
  const text = note.text;
  const find = (re: RegExp): { index: number; length: number } | undefined => {
    const m = re.exec(h.text);
    return m ? { index: inNote(h, m.index), length: m[0].length } : undefined;
  };
  const e = find(ESTABLISHED_PATIENT);
  const n = find(NEW_PATIENT) ?? (managesChronicProblems ? undefined : find(EVALUATION_OF));
  if (n && (!e || n.index <= e.index)) return { status: 'new', evidence: ev(text, n.index, n.length), how: 'new patient (the note says so)' };
  if (e) return { status: 'established', evidence: ev(text, e.index, e.length), how: 'established patient (the note says so)' };
  return { status: 'established', how: 'established patient assumed: the note does not say, so set encounter.patientStatus on the claim' };
}

/** The office E/M decision for an outpatient note; `diagnoses` are the analyzer's outpatient diagnosis suggestions. */
export function suggestOfficeVisit(note: NoteModel, diagnoses: Suggestion[], options: OfficeVisitOptions = {}): OfficeVisitDecision {
  const text = note.text;
  const h = historyText(note);
  const postopMatch = POSTOP.exec(h.text);
  const postop = postopMatch ? { index: inNote(h, postopMatch.index), 0: postopMatch[0] } : undefined;
  if (postop && !outsideGlobalPeriod(text, options.date)) {
    return {
      suggestions: [{
        code: '99024', system: 'cpt', title: 'Visit after surgery, inside its global period', score: 0.6,
        evidence: [ev(text, postop.index, postop[0].length)], reason: 'a postoperative visit inside the global period is part of the surgery, not a separately paid office visit',
        context: { sections: [] }, missing: [],
      }],
      notice: 'no separately billable office E/M: the note reads as a postoperative visit inside the surgery\'s global period (99024).',
    };
  }
  const assessed = readAssessment(note);
  // Without an assessment section the whole note is read for decision making, and each
  // diagnosis the analyzer reports is a problem of its own.
  const reading = assessed.present ? assessed : { present: false, problems: 0, sentences: note.sentences.map((s) => ({ start: s.start, end: s.end, role: 'prose' as const, problem: -1 })) };
  const reported = assessed.present ? diagnoses : diagnoses.filter((d) => d.score >= DEFAULT_THRESHOLD).map((d, i) => ({ ...d, order: i * 10 }));
  let minutes: number | undefined;
  let timeEvidence: Evidence | undefined;
  for (const m of text.matchAll(TIME)) {
    const v = Number(m[1] ?? m[2] ?? m[3]);
    if (v > 0 && v < 600 && (minutes === undefined || v > minutes)) {
      minutes = v;
      timeEvidence = ev(text, m.index!, m[0].length);
    }
  }
  const managesChronic = new Set(reported.filter((d) => d.order !== undefined && isChronicCondition(d.code.replace('.', ''))).map((d) => Math.floor(d.order! / 10))).size >= 1
    && new Set(reported.filter((d) => d.order !== undefined).map((d) => Math.floor(d.order! / 10))).size >= 2;
  const status = patientStatus(note, options.patientStatus, managesChronic);
  if (!assessed.present && minutes === undefined && !status.evidence) {
    return { suggestions: [], notice: 'no office E/M suggested: the note has no assessment or plan, no total time, and does not say whether the patient is new or established, so it does not read as an office visit note.' };
  }
  const base: Evidence[] = [];
  if (status.evidence) base.push(status.evidence);
  const exam = reading.sentences.find((s) => s.role === 'problem' && ROUTINE_EXAM.test(text.slice(s.start, s.end)));
  const years = ageInYears(text);
  if (exam && years !== undefined) {
    const code = preventiveCode(years, status.status);
    return {
      suggestions: [{
        code, system: 'cpt', title: `Preventive medicine visit, ${status.status} patient, age ${years}`, score: 0.7,
        evidence: [...base, ev(text, exam.start, exam.end - exam.start)].sort((a, b) => a.start - b.start),
        reason: `routine examination named in the assessment; ${status.how}; age band from "${AGE.exec(text)![0]}"`,
        context: { sections: [] }, missing: status.evidence || options.patientStatus ? [] : ['patient status (new or established)'],
        details: ['Problems treated at the same visit beyond the preventive service may add a problem-oriented office visit with modifier 25.'],
      }],
    };
  }
  const table = status.status === 'new' ? NEW : ESTABLISHED;
  const mdm = readMedicalDecisionMaking(note, reported, reading);
  let timeLevel = 0;
  if (minutes !== undefined) table.minutes.forEach((min, i) => { if (minutes! >= min) timeLevel = i + 1; });
  const level = Math.max(mdm.level, timeLevel) as MdmLevel;
  const code = table.codes[level - 1]!;
  const byTime = timeLevel > mdm.level;
  const elements = [
    `problems addressed: ${MDM_LABEL[mdm.problems.level]} (${mdm.problems.findings.join('; ') || 'none reported'})`,
    `data reviewed and analyzed: ${MDM_LABEL[mdm.data.level]} (${mdm.data.findings.join('; ')})`,
    `risk of management: ${MDM_LABEL[mdm.risk.level]} (${mdm.risk.findings.join('; ')})`,
  ];
  const details = [...elements, status.how];
  if (level < 4) {
    const next = table.codes[level]!;
    const short = ([['problems', mdm.problems.level], ['data', mdm.data.level], ['risk', mdm.risk.level]] as [string, MdmLevel][]).filter(([, l]) => l <= level).map(([n]) => n);
    details.push(`not ${next}: ${MDM_LABEL[(level + 1) as MdmLevel]} decision making needs two of problems, data and risk at that level (${short.join(', ')} ${short.length === 1 ? 'is' : 'are'} below it)${minutes === undefined ? ', and no total time is documented' : `, and ${minutes} minutes is under the ${table.minutes[level]} minutes it takes by time`}.`);
  }
  const evidence = [...base, ...mdm.problems.evidence, ...mdm.data.evidence, ...mdm.risk.evidence, ...(timeEvidence ? [timeEvidence] : [])];
  const seen = new Set<string>();
  const unique = evidence.filter((e) => !seen.has(`${e.start}:${e.end}`) && seen.add(`${e.start}:${e.end}`)).sort((a, b) => a.start - b.start);
  const missing: string[] = [];
  if (!status.evidence && !options.patientStatus) missing.push('patient status (new or established)');
  if (minutes === undefined) missing.push('total time');
  const out: Suggestion[] = [{
    code, system: 'cpt',
    title: `Office visit, ${status.status} patient, level ${code.slice(-1)}`,
    score: byTime ? 0.8 : 0.6,
    evidence: unique,
    reason: byTime ? `total time ${minutes} min (>= ${table.minutes[level - 1]} min)` : `medical decision making ${MDM_LABEL[mdm.level]} (2 of 3: problems ${MDM_LABEL[mdm.problems.level]}, data ${MDM_LABEL[mdm.data.level]}, risk ${MDM_LABEL[mdm.risk.level]})`,
    context: { sections: [] }, missing, details,
  }];
  const top = table.minutes[3]!;
  if (minutes !== undefined && minutes >= top + 15 && level === 4) {
    out.push({
      code: '99417', system: 'cpt', title: 'Prolonged office visit, each 15 minutes', score: 0.8,
      evidence: timeEvidence ? [timeEvidence] : [], reason: `total time ${minutes} min exceeds ${top} min by ${minutes - top}`,
      context: { sections: [] }, missing: [], units: Math.floor((minutes - top) / 15),
    });
  }
  return { suggestions: out };
}
