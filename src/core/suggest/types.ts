// What the analyzer returns: a ranked list of codes, each anchored to the words that support it.
import type { Span } from '../note/model';

export type Setting = 'outpatient' | 'inpatient';

export interface Evidence extends Span { text: string }

export interface SuggestionContext {
  /** The mention was uncertain and coded as confirmed (inpatient rule). */
  uncertain?: boolean;
  /** The mention was historical and mapped to a personal-history code. */
  historical?: boolean;
  /** The mention was about a relative and mapped to a family-history code. */
  family?: boolean;
  /** Section kinds the evidence came from. */
  sections: string[];
}

export interface Suggestion {
  code: string;
  system: 'icd10cm' | 'hcpcs' | 'cpt';
  title: string;
  score: number;
  evidence: Evidence[];
  /** How the code was reached, e.g. index "Pneumonia > aspiration", or the combination rule. */
  reason: string;
  context: SuggestionContext;
  /** Specificity axes the note does not document (laterality, acuity, stage, episode, trimester). */
  missing: string[];
  units?: number;
  /**
   * Outpatient sequence: set on the diagnoses the visit addressed, in the order the assessment
   * takes them up (lower first; the first is the first-listed diagnosis, guideline IV.G).
   */
  order?: number;
  /** Plain lines explaining the decision (an E/M level: each decision-making element and why not the next level). */
  details?: string[];
}

export interface AnalyzeOptions {
  setting?: Setting;
  /** Minimum score returned; default DEFAULT_THRESHOLD, or ALL_THRESHOLD with --all. */
  threshold?: number;
  /** ISO date of service (picks the code-set version). */
  date?: string;
  /** Demote R-code symptoms when a confirmed diagnosis of the same body system is suggested (guideline I.B.5). Default: on for outpatient, off for inpatient. */
  dropIntegralSymptoms?: boolean;
  /**
   * Demote an unspecified code when a specific code of the same category is documented (guideline
   * I.B). Default: on for outpatient, off for inpatient (the CodiEsp inpatient coders coded both:
   * demoting cost 0.007 F1 and 0.010 MAP on train).
   */
  preferSpecific?: boolean;
  /**
   * The visit's date of service when the code-set view is chosen elsewhere (the front door): the
   * E/M reads it to tell whether a postoperative visit is inside the global period.
   */
  visitDate?: string;
  /** New or established patient, from the claim (`encounter.patientStatus`); read from the note when absent. */
  patientStatus?: 'new' | 'established';
}

export const DEFAULT_THRESHOLD = 0.35;
export const ALL_THRESHOLD = 0.1;
