// Outpatient coding decisions (ICD-10-CM guidelines Section IV): the assessment and plan decide
// what is coded. A condition is reported when the provider lists it as a problem, or reasons
// about, treats or orders for it in the assessment and plan (IV.J, IV.I). History, review of
// systems, exam and results supply specificity and evidence; on their own they do not put a code
// on the claim. The first-listed diagnosis is the first problem the assessment addresses (IV.G).
// Codes that are not reported stay in the ranking below the default threshold, with the reason.
import type { NoteModel } from '../note/model';
import { assessedSentenceAt, readAssessment, type AssessedSentence, type AssessmentReading } from '../note/problems';
import type { Suggestion } from './types';

/** Score ceiling of a code the visit did not address: ranked (--all), never shown by default. */
export const UNADDRESSED_CAP = 0.3;

const NOT_ADDRESSED = 'not addressed in the assessment or plan (guideline IV.J: history, review of systems and exam support codes, they do not add them)';
const SYMPTOM_WORKUP = /\b(?:evaluat\w*|work[- ]?up|further (?:testing|evaluation|assessment)|to assess|to check|investigat\w*|refer\w* (?:to|for))\b/i;

export interface OutpatientOptions {
  /** True when `code` has a "use additional code"/"code also" note naming `other` (so `code` is sequenced first). */
  alsoCoded?: (code: string, other: string) => boolean;
}

interface Placement { order: number; via: 'problem' | 'prose' }

function bare(code: string): string {
  return code.replace('.', '');
}

function isSymptom(code: string): boolean {
  return code.startsWith('R');
}

function placement(s: Suggestion, reading: AssessmentReading, text: string): Placement | undefined {
  let best: Placement | undefined;
  const consider = (p: Placement) => {
    if (!best || p.order < best.order) best = p;
  };
  for (const e of s.evidence) {
    const at: AssessedSentence | undefined = assessedSentenceAt(reading, e.start);
    if (!at || at.role === 'summary') continue;
    if (at.role === 'problem') consider({ order: at.problem * 10, via: 'problem' });
    else if (!isSymptom(bare(s.code)) || SYMPTOM_WORKUP.test(text.slice(at.start, at.end))) consider({ order: at.problem * 10 + 5, via: 'prose' });
  }
  return best;
}

function capped(s: Suggestion, why: string): Suggestion {
  return { ...s, score: Math.min(s.score, UNADDRESSED_CAP), reason: `${s.reason}; ${why}` };
}

/** "Unspecified" or "without complications" codes of a category where a more specific code of it is reported. */
function lessSpecific(reported: Suggestion[]): Set<string> {
  const out = new Set<string>();
  const vague = (s: Suggestion) => /\bunspecified\b|\bwithout complications?\b/i.test(s.title);
  for (const s of reported) {
    if (!vague(s)) continue;
    const cat = bare(s.code).slice(0, 3);
    if (reported.some((o) => o !== s && bare(o.code).slice(0, 3) === cat && !vague(o))) out.add(s.code);
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

/**
 * Applies the outpatient decisions to the engine's diagnosis suggestions (any threshold). Notes
 * without an assessment, impression, diagnosis or plan section are left as they are.
 */
export function decideOutpatient(note: NoteModel, suggestions: Suggestion[], options: OutpatientOptions = {}): Suggestion[] {
  const reading = readAssessment(note);
  if (!reading.present) return suggestions;
  const placed = new Map<Suggestion, Placement>();
  for (const s of suggestions) {
    const p = placement(s, reading, note.text);
    if (p) placed.set(s, p);
  }
  const reported = suggestions.filter((s) => placed.has(s));
  const vague = lessSpecific(reported);
  const history = historyBesideActive(reported);
  const out = suggestions.map((s) => {
    const p = placed.get(s);
    if (!p) return capped(s, NOT_ADDRESSED);
    if (vague.has(s.code)) return capped(s, 'a more specific code of the same category is reported (guideline I.A.9, I.B)');
    if (history.has(s.code)) return capped(s, 'the condition is reported as active at this visit, so its history code is not');
    return { ...s, order: p.order };
  });
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
