// Outpatient coding decisions (ICD-10-CM guidelines Section IV): the assessment and plan decide
// what is coded. A condition is reported when the provider lists it as a problem, or reasons
// about, treats or orders for it in the assessment and plan (IV.J, IV.I). History, review of
// systems, exam and results supply specificity and evidence; on their own they do not put a code
// on the claim. The first-listed diagnosis is the first problem the assessment addresses (IV.G).
// Codes that are not reported stay in the ranking below the default threshold, with the reason.
import type { NoteModel } from '../note/model';
import { assessedSentenceAt, readAssessment, type AssessedSentence, type AssessmentReading } from '../note/problems';
import { integralSymptomReason } from './combination';
import { DEFAULT_THRESHOLD, type Suggestion } from './types';

/** Score ceiling of a code the visit did not address: ranked (--all), never shown by default. */
export const UNADDRESSED_CAP = 0.3;
/** A specific code documented outside the assessment must itself be a real candidate to replace a vague one. */
const MIN_SPECIFIC_SCORE = 0.2;

const NOT_ADDRESSED = 'not addressed in the assessment or plan (guideline IV.J: history, review of systems and exam support codes, they do not add them)';
const SYMPTOM_WORKUP = /\b(?:evaluat\w*|work[- ]?up|further (?:testing|evaluation|assessment)|to assess|to check|investigat\w*|refer\w* (?:to|for))\b/i;

export interface OutpatientOptions {
  /** True when `code` has a "use additional code"/"code also" note naming `other` (so `code` is sequenced first). */
  alsoCoded?: (code: string, other: string) => boolean;
  /** Signs and symptoms integral to a reported diagnosis are not reported (I.B.5). */
  dropIntegralSymptoms?: boolean;
  /** The personal-history code of an active code (C50.911 -> Z85.3), when one exists. */
  historyCodeOf?: (code: string) => string | undefined;
  /** Billable codes under the same parent as `code` (its other lateralities). */
  siblingsOf?: (code: string) => { code: string; title: string }[];
  /** Title of a billable ICD-10-CM code in force, for codes this stage adds (routine examinations). */
  titleOf?: (code: string) => string | undefined;
}

// Encounter reasons (examinations, screening, aftercare, follow-up) are stated in so many words;
// words gathered from across a sentence ("check his blood supply for the wound") are not one.
const ENCOUNTER_REASON = /^Z(0[0-9]|1[0-3]|3[0-9]|4[0-9]|5[0-3])/;
const MAX_ENCOUNTER_PHRASE = 12;
// A drug taken for a few days is not long-term therapy (Z79).
const SHORT_COURSE = /\bfor (?:\d+|a few|one|two|three|four|five|six|seven|ten|fourteen) (?:more )?days?\b|\b(?:\d+|\w+)[- ]day (?:course|supply|taper)\b|\btaper\b|\bcourse of\b/i;

function tightEnough(s: Suggestion, text: string): boolean {
  const code = bare(s.code);
  if (!ENCOUNTER_REASON.test(code) || s.evidence.length < 2) return true;
  return s.evidence.some((e, i) => i > 0 && e.start - s.evidence[i - 1]!.end < MAX_ENCOUNTER_PHRASE) && text.length > 0;
}

interface Placement { order: number; via: 'problem' | 'prose' }

function bare(code: string): string {
  return code.replace('.', '');
}

// Signs and symptoms: chapter R, and the symptom codes of other chapters (joint pain, back pain,
// limb pain, myalgia, pain not elsewhere classified).
const SYMPTOM = /^(R|M25[4-6]|M54[2-9]|M79[16]|G89)/;
function isSymptom(code: string): boolean {
  return SYMPTOM.test(code);
}

function placement(s: Suggestion, reading: AssessmentReading, text: string): Placement | undefined {
  if (!tightEnough(s, text)) return undefined;
  const longTerm = bare(s.code).startsWith('Z79');
  let best: Placement | undefined;
  const consider = (p: Placement) => {
    if (!best || p.order < best.order) best = p;
  };
  for (const e of s.evidence) {
    const at: AssessedSentence | undefined = assessedSentenceAt(reading, e.start);
    if (!at || at.role === 'summary' || at.role === 'discussion') continue;
    if (longTerm && SHORT_COURSE.test(text.slice(at.start, at.end))) continue;
    if (at.role === 'problem') consider({ order: at.problem * 10, via: 'problem' });
    else if (!isSymptom(bare(s.code)) || SYMPTOM_WORKUP.test(text.slice(at.start, at.end))) consider({ order: at.problem * 10 + 5, via: 'prose' });
  }
  return best;
}

function capped(s: Suggestion, why: string): Suggestion {
  return { ...s, score: Math.min(s.score, UNADDRESSED_CAP), reason: `${s.reason}; ${why}` };
}

/** "Unspecified" or "without complications" codes of a category where a more specific code of it is reported. */
function lessSpecific(reported: Suggestion[], also: (code: string, other: string) => boolean = () => false): Set<string> {
  const out = new Set<string>();
  const vague = (s: Suggestion) => /\bunspecified\b|\bwithout complications?\b/i.test(s.title);
  for (const s of reported) {
    const path = indexPath(s.reason);
    // The same condition elaborated in the Alphabetic Index: "anemia" (D64.9) beside "iron
    // deficiency anemia" (Anemia > deficiency > iron, D50.9).
    if (path?.length === 1 && reported.some((o) => o !== s && (indexPath(o.reason) ?? []).length > 1 && indexPath(o.reason)![0] === path[0])) {
      out.add(s.code);
      continue;
    }
    // An unknown primary (C80.1) is not reported beside a malignancy whose site is documented.
    if (bare(s.code) === 'C801' && reported.some((o) => o !== s && /^C(?!80)/.test(o.code))) {
      out.add(s.code);
      continue;
    }
    if (!vague(s)) continue;
    const cat = bare(s.code).slice(0, 3);
    if (reported.some((o) => o !== s && bare(o.code).slice(0, 3) === cat && !vague(o))) out.add(s.code);
    // "Anemia, unspecified" beside "Iron deficiency anemia, unspecified": the title names the same condition less precisely.
    const head = s.title.replace(/,?\s*unspecified\b.*$/i, '').trim().toLowerCase();
    // Not where the combination asks for it as well (I11.0 "use additional code" for the heart failure).
    if (head.length >= 4 && reported.some((o) => o !== s && o.title.toLowerCase().includes(head) && o.title.length > s.title.length && !/^Z/.test(o.code) && !also(bare(o.code), bare(s.code)))) out.add(s.code);
  }
  return out;
}

/**
 * One problem line names one injury: an injury code with an unspecified part ("fracture of
 * unspecified carpal bone", from "wrist fracture") yields to the specific injury the same line
 * names ("Colles fracture", S52.531A).
 */
function vagueInjuryOnLine(reported: Suggestion[], order: (s: Suggestion) => number | undefined): Set<string> {
  const out = new Set<string>();
  const injury = (s: Suggestion) => /^[ST]/.test(s.code);
  const vague = (s: Suggestion) => /\bunspecified\b/i.test(s.title);
  for (const s of reported) {
    if (!injury(s) || !vague(s)) continue;
    const line = order(s);
    if (line !== undefined && line % 10 === 0 && reported.some((o) => o !== s && injury(o) && !vague(o) && order(o) === line)) out.add(s.code);
  }
  return out;
}

/** Main term of an Alphabetic Index reason: `index "Arthritis, arthritic > knee"` -> ["arthritis", "knee"]. */
function indexPath(reason: string): string[] | undefined {
  const m = /^index "([^"]+)"/.exec(reason);
  return m ? m[1]!.toLowerCase().split(' > ').map((p) => p.split(',')[0]!.trim()) : undefined;
}

/**
 * Guideline I.B (highest specificity documented): a reported code that leaves a part open
 * ("Medial epicondylitis" -> unspecified elbow; "Arthritis" -> unspecified site) takes the
 * specific code the history, exam or results document for the same condition ("right elbow",
 * "arthritis in both knees"): same category, or the same index main term elaborated. Several
 * documented sites give several codes.
 */
function specificFromElsewhere(reported: Suggestion[], unplaced: Suggestion[]): Map<string, Suggestion[]> {
  const out = new Map<string, Suggestion[]>();
  const vague = (s: Suggestion) => /\bunspecified\b/i.test(s.title);
  const taken = new Set(reported.map((s) => s.code));
  for (const r of reported) {
    const path = indexPath(r.reason);
    const bareTerm = path && path.length === 1 ? path[0] : undefined;
    if (!vague(r) && !bareTerm) continue;
    const cat = bare(r.code).slice(0, 3);
    const found = unplaced.filter((s) => {
      if (taken.has(s.code) || vague(s) || s.context.historical || s.context.family || s.score < MIN_SPECIFIC_SCORE) return false;
      if (!/^[A-Z]/.test(s.code) || isSymptom(bare(s.code)) !== isSymptom(bare(r.code))) return false;
      if (bare(s.code).slice(0, 3) === cat && vague(r)) return true;
      const sp = indexPath(s.reason);
      return bareTerm !== undefined && sp !== undefined && sp.length > 1 && sp[0] === bareTerm;
    });
    if (found.length > 0 && found.length <= 2) {
      out.set(r.code, found);
      for (const f of found) taken.add(f.code);
    }
  }
  return out;
}

/**
 * Laterality from the rest of the note (guideline I.B.13 read with IV): the assessment names
 * "Medial epicondylitis" and the history or exam puts the pain in the right and left elbow: the
 * reported code takes the documented side, or both sides when both are documented and the
 * classification has no bilateral code. The side is read from other suggestions naming the same
 * body part ("Pain in right elbow").
 */
function lateralityFromElsewhere(reported: Suggestion[], others: Suggestion[], siblingsOf: (code: string) => { code: string; title: string }[], titleOf: (code: string) => string | undefined): Map<string, Suggestion[]> {
  const out = new Map<string, Suggestion[]>();
  for (const r of reported) {
    if (!r.missing.includes('laterality') && !/\bunspecified (?:side|\w+)$/i.test(r.title)) continue;
    const site = /\bunspecified (\w+)\s*$/i.exec(r.title.replace(/,? initial encounter.*$/i, ''))?.[1]?.toLowerCase();
    if (!site || site === 'site') continue;
    const sides = new Set<string>();
    for (const o of [...reported, ...others]) {
      if (o === r || o.context.historical || o.context.family) continue;
      const m = new RegExp(`\\b(right|left|bilateral)\\s+${site}s?\\b`, 'i').exec(o.title);
      if (!m) continue;
      const side = m[1]!.toLowerCase();
      if (side === 'bilateral') {
        sides.add('right');
        sides.add('left');
      } else sides.add(side);
    }
    if (sides.size === 0) continue;
    const siblings = siblingsOf(r.code);
    const pick = (words: RegExp) => siblings.find((s) => words.test(s.title) && new RegExp(`\\b${site}`, 'i').test(s.title) && !/\bunspecified\b/i.test(s.title));
    const both = sides.size === 2 ? pick(/\bbilateral\b/i) : undefined;
    const chosen = both ? [both] : [...sides].map((side) => pick(new RegExp(`\\b${side}\\b`, 'i'))).filter((x): x is { code: string; title: string } => x !== undefined);
    if (chosen.length === 0 || chosen.length !== (both ? 1 : sides.size)) continue;
    out.set(r.code, chosen.filter((c) => titleOf(c.code.replace('.', ''))).map((c) => ({
      ...r, code: c.code, title: c.title, missing: r.missing.filter((m) => m !== 'laterality'),
      reason: `${r.reason}; side from the rest of the note (${[...sides].join(' and ')} ${site})`,
    })));
  }
  return out;
}

/** A personal-history code beside the active code of the same condition (a cancer under treatment is not history). */
function historyBesideActive(reported: Suggestion[]): Set<string> {
  const out = new Set<string>();
  const active = new Set(reported.filter((s) => !s.context.historical).map((s) => bare(s.code).slice(0, 3)));
  for (const s of reported) {
    const m = /personal history of ([A-Z]\d{2})/.exec(s.reason);
    if (s.context.historical && m && active.has(m[1]!)) out.add(s.code);
  }
  return out;
}

const ROUTINE_EXAM = /\b(?:annual|yearly|routine|preventive|wellness) (?:physical|exam|examination|visit|check-?up|wellness visit)\b|\bwell(?:ness)? (?:visit|exam|check)\b|\bphysical exam(?:ination)? visit\b/i;
const CHILD_AGE = /\b(\d{1,2})[- ](?:year|month|week|day)s?[- ]old\b/i;

/**
 * A problem line naming a routine examination (Z00.0-, Z00.12-): with abnormal findings when the
 * visit also reports a sign or symptom (R00-R99) found at it.
 */
function routineExamination(note: NoteModel, reading: AssessmentReading, reported: Suggestion[], titleOf: (code: string) => string | undefined): Suggestion | undefined {
  const line = reading.sentences.find((s) => s.role === 'problem' && ROUTINE_EXAM.test(note.text.slice(s.start, s.end)));
  if (!line) return undefined;
  const age = CHILD_AGE.exec(note.text);
  const child = age !== null && (!/year/i.test(age[0]) || Number(age[1]) < 18);
  const abnormal = reported.some((s) => isSymptom(bare(s.code)));
  const code = child ? (abnormal ? 'Z00121' : 'Z00129') : abnormal ? 'Z0001' : 'Z0000';
  const title = titleOf(code);
  if (!title) return undefined;
  const words = note.text.slice(line.start, line.end);
  return {
    code: `${code.slice(0, 3)}.${code.slice(3)}`, system: 'icd10cm', title, score: 0.9,
    evidence: [{ start: line.start, end: line.end, text: words }],
    reason: `routine examination named in the assessment${abnormal ? ', with abnormal findings reported at this visit' : ''}`,
    context: { sections: ['assessmentPlan'] }, missing: [], order: line.problem * 10,
  };
}

function integralAmong(reported: Suggestion[]): Map<string, string> {
  const confirmed = reported.map((s) => bare(s.code));
  const out = new Map<string, string>();
  for (const s of reported) {
    const why = integralSymptomReason(bare(s.code), confirmed);
    if (why) out.set(s.code, why);
  }
  return out;
}

function withoutIntegral(all: Suggestion[], reported: Suggestion[]): Suggestion[] {
  const integral = integralAmong(reported);
  return all.map((s) => (integral.has(s.code) ? capped(s, integral.get(s.code)!) : s));
}

// Guideline I.C.2.d: a malignancy excised or eradicated, with no further treatment directed to
// the site and no evidence of disease, is reported with its personal history code (Z85).
const TREATED = /\b(?:status post|s\/p|history of|underwent|had (?:a |an )?)[^.]{0,60}\b(?:lumpectomy|mastectomy|excision|excised|resection|resected|removal|removed|prostatectomy|colectomy|lobectomy|orchiectomy|hysterectomy|nephrectomy|thyroidectomy|radiation|chemotherapy)\b|\b(?:no (?:evidence of )?(?:recurrence|residual|disease)|in remission|completed (?:radiation|chemotherapy|treatment))\b/i;
const SURVEILLANCE = /\b(?:surveillance|continued monitoring|routine monitoring|annual (?:mammogram|imaging|scan)|follow[- ]?up (?:imaging|mammogram))\b/i;
const ACTIVE_TREATMENT = /\b(?:currently (?:on|undergoing|receiving)|undergoing|receiving|continu\w+ (?:with )?(?:the |her |his |current )?(?:chemo\w*|radiation|immunotherapy|tamoxifen|anastrozole|letrozole|hormon\w+)|(?:start|begin|initiat)\w* (?:chemo\w*|radiation)|metasta\w+|recurren(?:ce|t) (?:of|was|is)|stage (?:iv|4)|tumor (?:will|to) (?:decrease|shrink))\b/i;

/** Malignancies the note shows as treated and watched, with the personal-history code to report instead. */
function cancerHistory(note: NoteModel, reported: Suggestion[], historyOf: (code: string) => string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  const text = note.text;
  if (!TREATED.test(text) || ACTIVE_TREATMENT.test(text) || !SURVEILLANCE.test(text) && !/\bno (?:evidence of )?(?:recurrence|disease)\b/i.test(text)) return out;
  for (const s of reported) {
    if (!/^C(?!7[7-9]|80)/.test(s.code)) continue;
    const z = historyOf(bare(s.code));
    if (z) out.set(s.code, z);
  }
  return out;
}

/**
 * Applies the outpatient decisions to the engine's diagnosis suggestions (any threshold). Notes
 * without an assessment, impression, diagnosis or plan section are left as they are.
 */
export function decideOutpatient(note: NoteModel, suggestions: Suggestion[], options: OutpatientOptions = {}): Suggestion[] {
  const reading = readAssessment(note);
  if (!reading.present) return options.dropIntegralSymptoms === false ? suggestions : withoutIntegral(suggestions, suggestions.filter((s) => s.score >= DEFAULT_THRESHOLD));
  const placed = new Map<Suggestion, Placement>();
  for (const s of suggestions) {
    const p = placement(s, reading, note.text);
    if (p) placed.set(s, p);
  }
  const reported = suggestions.filter((s) => placed.has(s) && s.score >= UNADDRESSED_CAP);
  const specific = specificFromElsewhere(reported, suggestions.filter((s) => !placed.has(s)));
  for (const [code, found] of specific) {
    const r = reported.find((s) => s.code === code)!;
    const p = placed.get(r)!;
    for (const f of found) {
      placed.set(f, p);
      reported.push(f);
    }
    placed.delete(r);
  }
  const replacedBy = new Map([...specific].map(([code, found]) => [code, found.map((f) => f.code).join(', ')]));
  // A specific code found outside the assessment is as sure as the assessed code it refines.
  const refinedScore = new Map<Suggestion, number>();
  for (const [code, found] of specific) for (const f of found) refinedScore.set(f, suggestions.find((s) => s.code === code)!.score);
  const vague = lessSpecific(reported, options.alsoCoded);
  for (const c of vagueInjuryOnLine(reported, (s) => placed.get(s)?.order)) vague.add(c);
  const integral = options.dropIntegralSymptoms === false ? new Map<string, string>() : integralAmong(reported);
  const history = historyBesideActive(reported);
  const out = suggestions.map((s) => {
    const p = placed.get(s);
    const by = replacedBy.get(s.code);
    if (by) return capped(s, `the note documents the specific code ${by} for the same condition (guideline I.B)`);
    if (!p) return capped(s, NOT_ADDRESSED);
    const why = integral.get(s.code);
    if (why) return capped(s, why);
    if (vague.has(s.code)) return capped(s, 'a more specific code of the same category is reported (guideline I.A.9, I.B)');
    if (history.has(s.code)) return capped(s, 'the condition is reported as active at this visit, so its history code is not');
    const from = specific.size && [...specific.values()].some((f) => f.includes(s)) ? '; the assessment names the condition, the note documents its specificity' : '';
    return { ...s, order: p.order, ...(from ? { reason: s.reason + from, score: Math.max(s.score, refinedScore.get(s) ?? 0) } : {}) };
  });
  if (options.siblingsOf && options.titleOf) {
    const sided = lateralityFromElsewhere(out.filter((s) => s.order !== undefined && s.score >= DEFAULT_THRESHOLD), out.filter((s) => s.order === undefined), options.siblingsOf, options.titleOf);
    for (const [code, replacements] of sided) {
      const i = out.findIndex((s) => s.code === code);
      const r = out[i]!;
      out.splice(i, 1, ...replacements, capped({ ...r, order: undefined }, `the note documents the side: ${replacements.map((x) => x.code).join(', ')}`));
    }
  }
  if (options.historyCodeOf && options.titleOf) {
    const treated = cancerHistory(note, out.filter((s) => s.order !== undefined), options.historyCodeOf);
    for (const [code, z] of treated) {
      const i = out.findIndex((s) => s.code === code);
      const r = out[i]!;
      const title = options.titleOf(z);
      if (!title || out.some((s) => bare(s.code) === z && s.order !== undefined)) {
        out.splice(i, 1, capped({ ...r, order: undefined }, 'the note shows this malignancy treated and under surveillance (guideline I.C.2.d: history code)'));
        continue;
      }
      out.splice(i, 1, { ...r, code: `${z.slice(0, 3)}.${z.slice(3)}`, title, context: { ...r.context, historical: true }, reason: `personal history of ${r.code}: treated, no further treatment directed to it and under surveillance (guideline I.C.2.d)` },
        capped({ ...r, order: undefined }, `treated and under surveillance: reported as its history code ${z.slice(0, 3)}.${z.slice(3)} (guideline I.C.2.d)`));
    }
  }
  const exam = options.titleOf ? routineExamination(note, reading, reported, options.titleOf) : undefined;
  if (exam && !out.some((s) => bare(s.code).startsWith('Z00'))) out.push(exam);
  // Within one problem, the code whose notes ask for the other ("use additional code") goes first.
  const also = options.alsoCoded;
  if (also) {
    for (const s of out) {
      if (s.order === undefined) continue;
      const before = out.find((o) => o !== s && o.order === s.order && also(bare(o.code), bare(s.code)));
      if (before) s.order += 1;
    }
  }
  return out;
}
