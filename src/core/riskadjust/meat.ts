// MEAT support: a diagnosis counts for risk adjustment only when the visit note shows the
// condition Monitored, Evaluated, Assessed/addressed or Treated. A mention supports it when it is
// asserted (not negated, uncertain, hypothetical or about a relative) and either sits in the
// assessment/plan (or the visit diagnoses), or its sentence shows one of the four: monitoring,
// an evaluation, an assessment, a treatment. "History of" alone is not support: a historical
// mention needs monitoring or treatment in the same sentence.
import { contextOf, type NoteModel, type Sentence, type Span } from '../note';
import { hccTag, type HccTag, type RiskModelTables } from './tables';

export type MeatKind = 'monitored' | 'evaluated' | 'assessed' | 'treated';

export interface MeatSupport {
  supported: boolean;
  /** The span that supports it (or the best mention when none does). */
  span?: Span;
  /** How: 'assessment/plan', 'treated (continue)' ...; or why not. */
  reason: string;
}

const CUES: Record<MeatKind, readonly string[]> = {
  monitored: ['monitor', 'monitored', 'monitoring', 'follow', 'following', 'followed', 'recheck', 'rechecked', 'check', 'checked', 'checking', 'stable', 'controlled', 'uncontrolled', 'tracking', 'trend'],
  evaluated: ['exam', 'examination', 'evaluated', 'evaluation', 'review', 'reviewed', 'labs', 'lab', 'a1c', 'hba1c', 'hemoglobin', 'level', 'levels', 'echo', 'echocardiogram', 'ekg', 'ecg', 'xray', 'x-ray', 'ct', 'mri', 'ultrasound', 'results', 'showed', 'shows', 'revealed', 'egfr', 'creatinine', 'spirometry', 'ordered', 'order'],
  assessed: ['assessed', 'worsening', 'worsened', 'worse', 'improving', 'improved', 'progressing', 'progressed', 'discussed', 'counseled', 'counselled', 'exacerbation', 'flare'],
  treated: ['continue', 'continued', 'continuing', 'start', 'started', 'starting', 'increase', 'increased', 'decrease', 'decreased', 'adjust', 'adjusted', 'prescribe', 'prescribed', 'refill', 'refilled', 'medication', 'medications', 'mg', 'insulin', 'therapy', 'treat', 'treated', 'treating', 'treatment', 'manage', 'managed', 'management', 'refer', 'referred', 'referral', 'dialysis', 'taking', 'takes', 'diet', 'inhaler', 'titrate'],
};

const CUE_KIND = new Map<string, MeatKind>();
for (const [kind, words] of Object.entries(CUES) as [MeatKind, readonly string[]][]) for (const w of words) CUE_KIND.set(w, kind);

const ASSESSMENT_SECTIONS = new Set(['assessment', 'plan', 'assessmentPlan', 'diagnoses']);

function cueIn(sentence: Sentence, kinds?: readonly MeatKind[]): { kind: MeatKind; word: string } | undefined {
  for (const t of sentence.tokens) {
    const kind = CUE_KIND.get(t.norm);
    if (kind && (!kinds || kinds.includes(kind))) return { kind, word: t.norm };
  }
  return undefined;
}

export function meatSupport(note: NoteModel, spans: readonly Span[], setting: 'outpatient' | 'inpatient' = 'outpatient'): MeatSupport {
  if (spans.length === 0) return { supported: false, reason: 'the note does not mention it' };
  let why = 'the note mentions it only where it is negated or about someone else';
  let first: Span | undefined;
  for (const span of spans) {
    const sentence = note.sentences.find((s) => s.start <= span.start && span.end <= s.end);
    if (!sentence || sentence.section === 'familyHistory') continue;
    const c = contextOf(note, sentence, span);
    if (c.negated || c.family || c.hypothetical) continue;
    first ??= span;
    if (c.uncertain && setting === 'outpatient') { why = 'the note states it only as uncertain (probable, suspected, rule out)'; continue; }
    if (c.historical) {
      const cue = cueIn(sentence, ['monitored', 'treated']);
      if (cue) return { supported: true, span, reason: `${cue.kind} (${cue.word})` };
      why = 'the note gives it only as history, with no monitoring or treatment';
      continue;
    }
    if (ASSESSMENT_SECTIONS.has(sentence.section)) return { supported: true, span, reason: 'assessed in the assessment/plan' };
    const cue = cueIn(sentence);
    if (cue) return { supported: true, span, reason: `${cue.kind} (${cue.word})` };
    why = 'the note mentions it outside the assessment/plan with no monitoring, evaluation, assessment or treatment';
  }
  return first ? { supported: false, span: first, reason: why } : { supported: false, reason: why };
}

/** What MEAT needs of an analyzer suggestion (the rules' AnalyzedSuggestion and the analyzer's Suggestion both fit). */
export interface EvidencedCode {
  code: string;
  system?: string;
  evidence: readonly Span[];
  context?: { negated?: boolean; family?: boolean };
}

const norm = (code: string): string => code.replace(/[.\s]/g, '').toUpperCase();

/** A suggestion the note asserts: an ICD-10-CM code with evidence, not negated, not about a relative. */
export function assertedDiagnosis(s: EvidencedCode): boolean {
  return (s.system === undefined || s.system === 'icd10cm') && s.context?.negated !== true && s.context?.family !== true && s.evidence.length > 0;
}

/** Mentions of the condition a code names: the claim's spans, and the analyzer's spans for the same code, category (first 3 characters) or HCC. */
export function conditionSpans(code: string, claimSpans: readonly Span[], suggestions: readonly EvidencedCode[], tables: RiskModelTables): Span[] {
  const n = norm(code);
  const tag: HccTag | undefined = hccTag(tables, n);
  const out: Span[] = claimSpans.map((s) => ({ start: s.start, end: s.end }));
  for (const s of suggestions) {
    if (!assertedDiagnosis(s)) continue;
    const c = norm(s.code);
    if (c === n || c.slice(0, 3) === n.slice(0, 3) || (tag !== undefined && hccTag(tables, c)?.category === tag.category)) {
      for (const e of s.evidence) out.push({ start: e.start, end: e.end });
    }
  }
  return out;
}
