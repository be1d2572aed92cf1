import type { NoteModel, Sentence, Span, SpecificityAttributes } from './model';

/** Laterality, acuity, episode, trimester and stage cues near the mention in the same sentence. */
export function attributes(_note: NoteModel, _sentence: Sentence, _span: Span): SpecificityAttributes {
  return { evidence: [] };
}
