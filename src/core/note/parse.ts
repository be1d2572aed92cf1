import type { NoteModel, Sentence } from './model';
import { buildSections, findHeadings } from './sections';
import { segmentSentences } from './sentences';

/**
 * Splits a note into sections, sentences (and list items) and tokens. Never throws on any string;
 * work is linear in the text length. Whitespace-only text gives an empty model.
 */
export function parseNote(text: string): NoteModel {
  if (typeof text !== 'string' || !/\S/.test(text.length > 65536 ? text.slice(0, 65536) : text) && text.trim() === '') {
    return { text: typeof text === 'string' ? text : '', sections: [], sentences: [] };
  }
  const headings = findHeadings(text);
  const sections = buildSections(text, headings);
  const sentences: Sentence[] = [];
  for (const section of sections) {
    const bodyStart = section.headingSpan ? section.headingSpan.end : section.start;
    segmentSentences(text, bodyStart, section.end, section.kind, sentences);
  }
  return { text, sections, sentences };
}
