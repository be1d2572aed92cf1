// Finding the sentence or section that holds an offset, by binary search over the ordered lists.
import type { NoteModel, Section, Sentence } from './model';

function search<T extends { start: number; end: number }>(items: T[], offset: number): T | undefined {
  let lo = 0, hi = items.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const it = items[mid]!;
    if (offset < it.start) hi = mid - 1;
    else if (offset >= it.end) lo = mid + 1;
    else return it;
  }
  return undefined;
}

/** The sentence containing `offset`, or undefined when it falls between sentences. */
export function sentenceAt(note: NoteModel, offset: number): Sentence | undefined {
  return search(note.sentences, offset);
}

/** The section containing `offset`. */
export function sectionAt(note: NoteModel, offset: number): Section | undefined {
  return search(note.sections, offset);
}
