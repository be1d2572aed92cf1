import type { ContextFlags, NoteModel, Sentence, Span } from './model';

/** ConText-style assertion of the mention at `span` inside `sentence`. */
export function contextOf(_note: NoteModel, sentence: Sentence, _span: Span): ContextFlags {
  const family = sentence.section === 'familyHistory';
  return { negated: false, uncertain: false, hypothetical: false, historical: false, family, subject: family ? 'family' : 'patient' };
}
