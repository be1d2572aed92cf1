// Public face of the note model.
//   const note = parseNote(text);                       // sections, sentences (list items), tokens
//   for (const s of note.sentences) ... s.tokens[i].norm // lower-cased, accent-folded words and marks
//   contextOf(note, sentence, span)                     // negated / uncertain / hypothetical / historical / family
//   attributes(note, sentence, span)                    // laterality, acuity, episode, trimester, stage (+ evidence)
// Normalize lexicon terms with `tokenize(term, 0, term.length).map(t => t.norm)` so they compare equal
// to note tokens ("s/p" -> s, /, p; "Ménière's" -> meniere, ', s).
export * from './model';
export { parseNote } from './parse';
export { contextOf } from './context';
export { attributes } from './attributes';
export { sentenceAt, sectionAt } from './lookup';
export { tokenize, normalizeWord, isWordToken } from './tokens';
export { headingKind } from './headings';
