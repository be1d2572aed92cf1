// How much a mention counts, by where it sits and how it was matched. Assessment and plan are
// the coder's primary source; ROS and history lists are the weakest (guideline IV: code what
// the encounter addresses). Numbers tuned on CodiEsp train only.
import type { SectionKind } from '../note/model';
import type { TermSource } from './dictionary';

export const SECTION_WEIGHT: Record<SectionKind, number> = {
  assessment: 1, assessmentPlan: 1, diagnoses: 1, plan: 0.95, chiefComplaint: 0.9, hpi: 0.85,
  procedures: 0.8, other: 0.85, exam: 0.75, results: 0.75, pmh: 0.75, psh: 0.7, familyHistory: 0.8,
  socialHistory: 0.7, ros: 0.6, medications: 0.35, allergies: 0.2,
};

export const SOURCE_WEIGHT: Record<TermSource, number> = { lexicon: 0.9, index: 0.85, title: 0.75, inclusion: 0.5, neoplasm: 0.65 };

/** Words spread over a window (a discontinuous match) are weaker evidence than the same words together. */
export function termStrength(keyCount: number, width: number): number {
  return width > keyCount ? 0.85 : 1;
}

/** Combines mention scores: the best mention sets the level, repeats raise it with diminishing returns. */
const REPEAT_GAIN = 0.5;

export function combineMentions(scores: number[]): number {
  const sorted = scores.slice().sort((a, b) => b - a);
  let s = sorted[0] ?? 0;
  for (const m of sorted.slice(1)) s += (1 - s) * REPEAT_GAIN * m;
  return Math.min(1, s);
}

/** A term found only inside a longer matched term ("pain" in "chest pain") is a weak candidate. */
export const SUBSUMED_WEIGHT = 0.3;

/**
 * Repeating such words never lifts them to the default threshold: "CKD stage 3a ... chronic
 * kidney disease" is one N18.31, not also an N18.9 and an N28.9. They stay in the --all ranking.
 */
export const SUBSUMED_CAP = 0.3;

/** CodiEsp train ranks 0.35-0.7 alike; 0.6 keeps a drug named in the history section above the default threshold. */
export const STATUS_CODE_WEIGHT = 0.6;

/**
 * Status and long-term therapy codes (Z79 drugs, Z99 dependence on machines, Z9x statuses)
 * are secondary codes: they describe the patient around the conditions treated and rank below them.
 */
export function codeWeight(normalizedCode: string): number {
  return /^Z(79|9)/.test(normalizedCode) ? STATUS_CODE_WEIGHT : 1;
}

