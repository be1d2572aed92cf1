// Long notes analyzed in pieces, so memory follows the piece, not the note. Notes up to
// LONG_NOTE_CHARS go to analyzeNote whole (the answer is analyzeNote's); longer ones are cut at
// blank lines (else line ends) into pieces analyzed one by one, and each code's suggestions
// merged: the best score, the evidence of every piece moved to its place in the whole note (at
// most MAX_EVIDENCE spans per code). A note can also come as parts of its text (a file read a
// block at a time: analyzeNoteParts), so that not even its text is held whole.
import type { CodesetIndex } from '../codeset/api';
import type { Span } from '../note/model';
import { analyzeNote, type NoteAnalysis } from './analyze';
import { HEAD_CHARS, textWarningsOf } from './input';
import type { AnalyzeOptions, Suggestion } from './types';

export const LONG_NOTE_CHARS = 1_000_000;
export const LONG_NOTE_PIECE_CHARS = 64_000;
const MAX_EVIDENCE = 1_000;

/**
 * Where the piece of `text` that starts at `start` ends: about `size` characters on, at a blank
 * line in the piece's second half, else at the last line end, else at `size`. Reads at most
 * `start + size + 2` characters of `text`.
 */
function pieceEnd(text: string, start: number, size: number): number {
  const end = Math.min(text.length, start + size);
  if (end >= text.length) return end;
  const para = text.lastIndexOf('\n\n', end);
  const line = text.lastIndexOf('\n', end);
  return para > start + size / 2 ? para + 2 : line > start ? line + 1 : end;
}

/** Splits long text at blank lines (else line ends) into pieces of about `size` characters. */
export function chunkBounds(text: string, size: number): Span[] {
  const out: Span[] = [];
  for (let start = 0; start < text.length;) {
    const end = pieceEnd(text, start, size);
    out.push({ start, end });
    start = end;
  }
  return out;
}

/** A copy of `s` that does not keep alive the (much longer) piece it was cut from. */
function ownCopy(s: string): string {
  // Concatenation then a slice makes V8 flatten into a new string of s.length + 1 characters.
  return s.length < 13 ? s : ` ${s}`.slice(1);
}

/** analyzeNote for notes of any length (see the file comment). */
export function analyzeLongNote(index: CodesetIndex, text: string, options: AnalyzeOptions = {}, pieceChars = LONG_NOTE_PIECE_CHARS, wholeChars = LONG_NOTE_CHARS): NoteAnalysis {
  if (text.length <= wholeChars) return analyzeNote(index, text, options);
  return analyzeNoteParts(index, [text], options, pieceChars, wholeChars);
}

/**
 * analyzeLongNote for a note given as consecutive parts of its text (a file read a block at a
 * time), with the same answer: the whole note is never held, only the piece being analyzed and
 * the next part, so memory stays flat however long the note is.
 */
export function analyzeNoteParts(index: CodesetIndex, parts: Iterable<string>, options: AnalyzeOptions = {}, pieceChars = LONG_NOTE_PIECE_CHARS, wholeChars = LONG_NOTE_CHARS): NoteAnalysis {
  const source = parts[Symbol.iterator]();
  let pending = '';
  let ended = false;
  let blank = true;
  const pull = (): void => {
    const r = source.next();
    if (r.done) ended = true;
    else {
      pending += r.value;
      blank &&= r.value.trim().length === 0;
    }
  };
  while (!ended && pending.length <= wholeChars) pull();
  if (pending.length <= wholeChars) return analyzeNote(index, pending, options);
  const head = pending.slice(0, HEAD_CHARS);
  // A piece's own warnings are textWarnings of the piece (a blank stretch is not an empty note):
  // the note's are read from the whole, below.
  const byCode = new Map<string, Suggestion>();
  let capped = false;
  let offset = 0;
  try {
    for (;;) {
      // pieceEnd reads two characters past the piece's nominal end.
      while (!ended && pending.length < pieceChars + 2) pull();
      if (pending.length === 0) break;
      const end = pieceEnd(pending, 0, pieceChars);
      const piece = analyzeNote(index, pending.slice(0, end), options);
      pending = pending.slice(end);
      for (const s of piece.suggestions) {
        const evidence = s.evidence.map((e) => ({ ...e, start: e.start + offset, end: e.end + offset, text: ownCopy(e.text) }));
        const prev = byCode.get(s.code);
        if (!prev) {
          byCode.set(s.code, { ...s, evidence: evidence.slice(0, MAX_EVIDENCE) });
          capped ||= evidence.length > MAX_EVIDENCE;
          continue;
        }
        prev.score = Math.max(prev.score, s.score);
        for (const e of evidence) {
          if (prev.evidence.length >= MAX_EVIDENCE) { capped = true; break; }
          prev.evidence.push(e);
        }
      }
      offset += end;
    }
  } finally {
    source.return?.();
  }
  const total = offset;
  const warnings = [
    ...textWarningsOf(false, blank, head),
    `long note (${total.toLocaleString('en-US')} characters): analyzed in pieces of about ${pieceChars.toLocaleString('en-US')} characters; a section heading applies only within its piece.`,
  ];
  if (capped) warnings.push(`some codes have more than ${MAX_EVIDENCE.toLocaleString('en-US')} evidence spans; the first ${MAX_EVIDENCE.toLocaleString('en-US')} are listed.`);
  const suggestions = [...byCode.values()].sort((a, b) => b.score - a.score || a.code.localeCompare(b.code));
  return { suggestions, warnings };
}
