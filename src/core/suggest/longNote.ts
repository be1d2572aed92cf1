// Long notes analyzed in pieces, so memory follows the piece, not the note: the note model of a
// whole 20 MB note took 864 MB. Notes up to LONG_NOTE_CHARS go to analyzeNote whole (the answer
// is analyzeNote's); longer ones are cut at blank lines (else line ends) into pieces analyzed one
// by one, and each code's suggestions merged: the best score, the evidence of every piece moved
// to its place in the whole note (at most MAX_EVIDENCE spans per code).
import type { CodesetIndex } from '../codeset/api';
import type { Span } from '../note/model';
import { analyzeNote, type NoteAnalysis } from './analyze';
import { textWarnings } from './input';
import type { AnalyzeOptions, Suggestion } from './types';

export const LONG_NOTE_CHARS = 1_000_000;
export const LONG_NOTE_PIECE_CHARS = 64_000;
const MAX_EVIDENCE = 1_000;

/** Splits long text at blank lines (else line ends) into pieces of about `size` characters. */
export function chunkBounds(text: string, size: number): Span[] {
  const out: Span[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + size);
    if (end < text.length) {
      const para = text.lastIndexOf('\n\n', end);
      const line = text.lastIndexOf('\n', end);
      end = para > start + size / 2 ? para + 2 : line > start ? line + 1 : end;
    }
    out.push({ start, end });
    start = end;
  }
  return out;
}

/** analyzeNote for notes of any length (see the file comment). */
export function analyzeLongNote(index: CodesetIndex, text: string, options: AnalyzeOptions = {}, pieceChars = LONG_NOTE_PIECE_CHARS, wholeChars = LONG_NOTE_CHARS): NoteAnalysis {
  if (text.length <= wholeChars) return analyzeNote(index, text, options);
  const warnings = [
    ...textWarnings(text),
    `long note (${text.length.toLocaleString('en-US')} characters): analyzed in pieces of about ${pieceChars.toLocaleString('en-US')} characters; a section heading applies only within its piece.`,
  ];
  const byCode = new Map<string, Suggestion>();
  let capped = false;
  for (const b of chunkBounds(text, pieceChars)) {
    const piece = analyzeNote(index, text.slice(b.start, b.end), options);
    for (const w of piece.warnings) if (!warnings.includes(w)) warnings.push(w);
    for (const s of piece.suggestions) {
      const evidence = s.evidence.map((e) => ({ ...e, start: e.start + b.start, end: e.end + b.start }));
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
  }
  if (capped) warnings.push(`some codes have more than ${MAX_EVIDENCE.toLocaleString('en-US')} evidence spans; the first ${MAX_EVIDENCE.toLocaleString('en-US')} are listed.`);
  const suggestions = [...byCode.values()].sort((a, b) => b.score - a.score || a.code.localeCompare(b.code));
  return { suggestions, warnings };
}
