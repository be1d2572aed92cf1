// What the analyzer accepts: bytes that decode as text. Binary files, invalid UTF-8, empty notes
// and notes in another language get a warning a user can act on instead of silent nonsense.

export interface NoteInput {
  /** Decoded text (invalid sequences replaced by U+FFFD); undefined when the bytes are not text. */
  text?: string;
  warnings: string[];
}

// Common English function words: a note without them is probably in another language.
const ENGLISH = new Set(['the', 'and', 'of', 'with', 'was', 'is', 'in', 'to', 'for', 'no', 'patient', 'a', 'on', 'he', 'she', 'has', 'denies', 'history', 'pain']);

function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return n > 0 && control / n > 0.1;
}

/** Decodes a note file's bytes and says what is wrong with them, if anything. */
export function readNoteBytes(bytes: Uint8Array): NoteInput {
  if (looksBinary(bytes)) return { warnings: ['binary file: this is not a text note, so it was not analyzed. Export the note as plain text (UTF-8) and try again.'] };
  const warnings: string[] = [];
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('utf-8').decode(bytes);
    warnings.push('invalid UTF-8: some bytes could not be decoded and were replaced; save the note as UTF-8 for exact evidence.');
  }
  return { text, warnings: [...warnings, ...textWarnings(text)] };
}

/** Warnings about decoded text: empty, whitespace only, not English. */
export function textWarnings(text: string): string[] {
  if (text.length === 0) return ['empty note: nothing to analyze.'];
  if (text.trim().length === 0) return ['empty note: the file holds only whitespace.'];
  const sample = text.slice(0, 4000).toLowerCase().match(/\p{L}+/gu) ?? [];
  if (sample.length >= 30) {
    const english = sample.filter((w) => ENGLISH.has(w)).length;
    if (english / sample.length < 0.03) return ['the note does not look like English: the analyzer reads English notes, so suggestions may be missing.'];
  }
  return [];
}
