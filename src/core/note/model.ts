// The clinical note model shared by the context engine (this folder) and the suggestion engine
// (src/core/suggest). Every Span is an offset pair into the ORIGINAL note text, in UTF-16 code
// units, so `text.slice(span.start, span.end)` is always exactly the words it names.

export interface Span { start: number; end: number }

export type SectionKind =
  | 'chiefComplaint' | 'hpi' | 'ros' | 'pmh' | 'psh' | 'familyHistory' | 'socialHistory'
  | 'medications' | 'allergies' | 'exam' | 'results' | 'assessment' | 'plan' | 'assessmentPlan'
  | 'procedures' | 'diagnoses' | 'other';

/** A run of the note under one heading; a note without headings has one 'other' section. */
export interface Section extends Span { kind: SectionKind; heading: string; headingSpan?: Span }

/** norm: lower-cased, accents folded, no stemming. */
export interface Token extends Span { text: string; norm: string }

/** A sentence or a list item ("1.", "-", "•", "*"); headings are not sentences. */
export interface Sentence extends Span { section: SectionKind; listItem: boolean; tokens: Token[] }

export interface NoteModel { text: string; sections: Section[]; sentences: Sentence[] }

export type Assertion = 'present' | 'negated' | 'uncertain' | 'hypothetical' | 'historical' | 'family';

/**
 * How a mention is asserted. `cue` is the strongest cue found (negated > family > hypothetical >
 * uncertain > historical). Section kind is NOT folded in except for the family history section;
 * callers read `sentence.section` to weigh PMH/ROS mentions themselves.
 */
export interface ContextFlags {
  negated: boolean; uncertain: boolean; hypothetical: boolean; historical: boolean; family: boolean;
  subject: 'patient' | 'family' | 'other';
  cue?: { text: string; span: Span; kind: Assertion };
}

export type Laterality = 'right' | 'left' | 'bilateral';
export type Acuity = 'acute' | 'chronic' | 'acute-on-chronic';
export type EpisodeOfCare = 'initial' | 'subsequent' | 'sequela';
export type Trimester = 1 | 2 | 3;

/** Specificity cues near a mention in the same sentence; `evidence` spans point at the cue words. */
export interface SpecificityAttributes {
  laterality?: Laterality;
  acuity?: Acuity;
  episode?: EpisodeOfCare;
  trimester?: Trimester;
  /** e.g. "1", "2", "3a", "3b", "4", "5", "esrd" (CKD); roman numerals become digits. */
  stage?: string;
  evidence: Span[];
}
