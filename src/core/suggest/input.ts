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
  if (looksBinary(bytes)) return { warnings: [BINARY] };
  const warnings: string[] = [];
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('utf-8').decode(bytes);
    warnings.push(INVALID_UTF8);
  }
  return { text, warnings: [...warnings, ...textWarnings(text)] };
}

/**
 * Decodes a note file given a block at a time (a long note is never held whole): what
 * readNoteBytes says of the whole file, said of its blocks. Blocks of at least 8 KB keep the
 * binary test the same.
 */
export class NoteDecoder {
  /** Set by the first block: the file is not text, and nothing is decoded. */
  binary = false;
  private started = false;
  private invalid = false;
  private readonly lenient = new TextDecoder('utf-8');
  private strict: TextDecoder | undefined = new TextDecoder('utf-8', { fatal: true });

  /** The text of `bytes` (with what earlier blocks left unfinished); `last` ends the file. */
  decode(bytes: Uint8Array, last: boolean): string {
    if (!this.started) {
      this.started = true;
      this.binary = looksBinary(bytes);
    }
    if (this.binary) return '';
    if (this.strict) {
      try {
        this.strict.decode(bytes, { stream: !last });
      } catch {
        this.strict = undefined;
        this.invalid = true;
      }
    }
    return this.lenient.decode(bytes, { stream: !last });
  }

  /** What readNoteBytes would warn of the bytes decoded so far (before the text's own warnings). */
  warnings(): string[] {
    if (this.binary) return [BINARY];
    return this.invalid ? [INVALID_UTF8] : [];
  }
}

const BINARY = 'binary file: this is not a text note, so it was not analyzed. Export the note as plain text (UTF-8) and try again.';
const INVALID_UTF8 = 'invalid UTF-8: some bytes could not be decoded and were replaced; save the note as UTF-8 for exact evidence.';

/** Warnings about decoded text: empty, whitespace only, not English. */
export function textWarnings(text: string): string[] {
  return textWarningsOf(text.length === 0, text.trim().length === 0, text.slice(0, HEAD_CHARS));
}

/** How much of the note's beginning the language test reads. */
export const HEAD_CHARS = 4000;

/** textWarnings from what it needs: whether the text is empty or blank, and its first HEAD_CHARS characters. */
export function textWarningsOf(empty: boolean, blank: boolean, head: string): string[] {
  if (empty) return ['empty note: nothing to analyze.'];
  if (blank) return ['empty note: the file holds only whitespace.'];
  const sample = head.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (sample.length >= 30) {
    const english = sample.filter((w) => ENGLISH.has(w)).length;
    if (english / sample.length < 0.03) return ['the note does not look like English: the analyzer reads English notes, so suggestions may be missing.'];
  }
  return [];
}
