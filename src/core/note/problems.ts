// The visit's assessed problems, as a coder reads them: the assessment, impression, diagnosis and
// plan sections hold the conditions the provider addressed (ICD-10-CM guideline IV.J). Inside
// them a problem is usually a short line of its own ("Hypertension.", "1. Right knee MCL strain.",
// "• Iron deficiency anemia"), followed by prose that reasons about it and plans for it. A
// sentence that restates the patient ("58-year-old male ... who presents today for ...") is a
// summary, not a problem.
import type { NoteModel, Sentence, SectionKind, Span } from './model';

export const ASSESSMENT_SECTIONS: ReadonlySet<SectionKind> = new Set<SectionKind>(['assessment', 'assessmentPlan', 'diagnoses', 'plan']);

/**
 * problem: a problem line; prose: reasoning, treatment and orders about the problems; summary:
 * the patient restated; discussion: risks explained and counseling, which name conditions the
 * patient could have, not ones they have.
 */
export type AssessmentRole = 'problem' | 'prose' | 'summary' | 'discussion';

export interface AssessedSentence extends Span {
  role: AssessmentRole;
  /** Position among the problem lines (0 = the first problem addressed); prose takes the last problem before it. */
  problem: number;
}

export interface AssessmentReading {
  /** True when the note has an assessment, impression, diagnosis or plan section with text. */
  present: boolean;
  sentences: AssessedSentence[];
  /** How many problem lines the assessment lists. */
  problems: number;
}

const MAX_PROBLEM_WORDS = 14;
const LABEL = /^(?:medical reasoning|medical treatment|additional testing|patient education|specialist referrals?|patient agreements?|counseling|education|plan|disposition|follow[- ]?up|recommendations?|instructions|orders?|discussion|diagnostic testing|testing|treatment|referrals?)\b/i;
const PROSE_START = /^(?:he|she|they|we|i|it|this|that|these|his|her|their|our|the patient|patient|mr|mrs|ms|dr|continue|will|would|we'll|i'll|after|at this point|given|based|if|in regard|regarding|today|she's|he's|there)\b/i;
const SUMMARY = /\b\d{1,3}[- ](?:year|month|week|day)s?[- ]old\b|\bpresents?\b[^.]*\b(?:today|for|with)\b|\bis (?:here|seen) (?:today )?for\b/i;
const DISCUSSION = /\brisks?\b[^.]{0,40}\b(?:of|include|includes|including|such as)\b|\bside effects?\b|\bcomplications (?:include|such as)\b|\b(?:encourag|advis|educat|counsel|instruct|remind)\w*\b|^patient (?:education|agreements?)\b/i;
const LIST_PREFIX = /^[ \t]*(?:[-*•·▪◦‣●○■□➢►–—+]|\d{1,2}[.)]|\(\d{1,2}\)|[a-z]\))?[ \t]*$/;

function lineBounds(text: string, span: Span): { prefix: string; suffix: string } {
  const lineStart = text.lastIndexOf('\n', span.start - 1) + 1;
  let lineEnd = text.indexOf('\n', span.end);
  if (lineEnd < 0) lineEnd = text.length;
  return { prefix: text.slice(lineStart, span.start), suffix: text.slice(span.end, lineEnd) };
}

function roleOf(text: string, s: Sentence): AssessmentRole {
  const words = s.tokens.filter((t) => /\p{L}/u.test(t.text)).length;
  const body = text.slice(s.start, s.end);
  if (SUMMARY.test(body)) return 'summary';
  const { prefix, suffix } = lineBounds(text, s);
  const ownLine = LIST_PREFIX.test(prefix) && /^[\s.:;,]*$/.test(suffix);
  if (ownLine && words > 0 && words <= MAX_PROBLEM_WORDS && !LABEL.test(body) && !PROSE_START.test(body)) return 'problem';
  return DISCUSSION.test(body) ? 'discussion' : 'prose';
}

/** Reads the assessment and plan sections of a note into problem lines, prose and summaries. */
export function readAssessment(note: NoteModel): AssessmentReading {
  const sentences: AssessedSentence[] = [];
  let problems = 0;
  for (const s of note.sentences) {
    if (!ASSESSMENT_SECTIONS.has(s.section) || s.tokens.length === 0) continue;
    const role = roleOf(note.text, s);
    if (role === 'problem') problems++;
    sentences.push({ start: s.start, end: s.end, role, problem: Math.max(0, problems - 1) });
  }
  return { present: sentences.length > 0, sentences, problems };
}

/** The assessment sentence holding `offset`, if any (sentences are in text order). */
export function assessedSentenceAt(reading: AssessmentReading, offset: number): AssessedSentence | undefined {
  let lo = 0, hi = reading.sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = reading.sentences[mid]!;
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return s;
  }
  return undefined;
}
