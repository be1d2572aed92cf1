// Locates a mention's tokens inside its sentence by binary search, so every context or attribute
// question costs O(log n) plus a bounded window, whatever the sentence length.
import type { Sentence, Span, Token } from './model';
import { isWordToken } from './tokens';

export interface MentionTokens { first: number; last: number }

/** Index of the first and last token overlapping `span`; an empty or between-token span gets the next token. */
export function mentionTokens(sentence: Sentence, span: Span): MentionTokens | undefined {
  const tokens = sentence.tokens;
  if (tokens.length === 0) return undefined;
  let lo = 0, hi = tokens.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (tokens[mid]!.end <= span.start) lo = mid + 1; else hi = mid; }
  const first = Math.min(lo, tokens.length - 1);
  lo = first; hi = tokens.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (tokens[mid]!.start < span.end) lo = mid + 1; else hi = mid; }
  const last = Math.max(first, lo - 1);
  return { first, last };
}

/** Number of word tokens strictly between token indexes a and b (a < b). */
export function wordsBetween(tokens: Token[], a: number, b: number): number {
  let n = 0;
  for (let i = a + 1; i < b; i++) if (isWordToken(tokens[i]!)) n++;
  return n;
}
