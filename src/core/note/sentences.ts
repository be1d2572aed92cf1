// Sentences and list items inside one section body. A blank line, a list marker ("1.", "-", "•",
// "*") or a line that does not read as a continuation ends a sentence; so do ". ! ?" before a
// capital, a digit or a marker. Spans are trimmed to the first and last token.
import type { Sentence, SectionKind } from './model';
import { isWhitespace, tokenize } from './tokens';

const BULLETS = new Set(['-', '*', '•', '·', '▪', '◦', '‣', '●', '○', '■', '□', '➢', '►', '–', '—', '>', '+']);
const ABBREVIATIONS = new Set(['dr', 'mr', 'mrs', 'ms', 'prof', 'vs', 'approx', 'pt', 'fig', 'jr', 'sr', 'st']);

function isLineBreak(c: number): boolean { return c === 10 || c === 13 || c === 0x2028 || c === 0x2029; }
function isSpaceOrTab(c: number): boolean { return !isLineBreak(c) && isWhitespace(c); }
function isLower(ch: string | undefined): boolean { return ch !== undefined && ch !== ch.toUpperCase() && ch === ch.toLowerCase(); }

/** Length of a list marker at `i` including the spaces after it, or 0. */
export function listMarkerLength(text: string, i: number, end: number): number {
  const ch = text[i];
  if (ch === undefined) return 0;
  let j = i;
  if (BULLETS.has(ch)) {
    j = i + 1;
    const asciiBullet = ch.charCodeAt(0) < 128 || ch === '–' || ch === '—';
    if (asciiBullet && !(j < end && isSpaceOrTab(text.charCodeAt(j)))) return 0;
  } else if (ch >= '0' && ch <= '9') {
    while (j < end && j - i < 3 && text[j]! >= '0' && text[j]! <= '9') j++;
    if (text[j] !== '.' && text[j] !== ')') return 0;
    j++;
    if (!(j < end && isSpaceOrTab(text.charCodeAt(j)))) return 0;
  } else if (ch === '(' && /^\(\d{1,2}\)[ \t]/.test(text.slice(i, i + 5))) {
    j = text.indexOf(')', i) + 1;
  } else if (/[a-z]/.test(ch) && text[i + 1] === ')' && isSpaceOrTab(text.charCodeAt(i + 2))) {
    j = i + 2;
  } else {
    return 0;
  }
  while (j < end && isSpaceOrTab(text.charCodeAt(j))) j++;
  return j - i;
}

function abbreviationBefore(text: string, dot: number, floor: number): boolean {
  let s = dot;
  while (s > floor && s > dot - 8 && /[A-Za-z]/.test(text[s - 1]!)) s--;
  if (s === dot) return false;
  const word = text.slice(s, dot);
  return ABBREVIATIONS.has(word.toLowerCase()) && (s === floor || !/[A-Za-z]/.test(text[s - 1]!));
}

export function segmentSentences(text: string, start: number, end: number, section: SectionKind, out: Sentence[]): void {
  let curStart = -1;
  let curList = false;
  const close = (at: number): void => {
    if (curStart < 0) return;
    const tokens = tokenize(text, curStart, at);
    while (tokens.length > 0 && tokens[tokens.length - 1]!.text === ',') tokens.pop(); // MTSamples ".,"
    if (tokens.some((t) => /[\p{L}\p{N}]/u.test(t.text))) {
      out.push({ start: tokens[0]!.start, end: tokens[tokens.length - 1]!.end, section, listItem: curList, tokens });
    }
    curStart = -1;
  };
  let lineIsItem = false; // later sentences of a list item's line stay part of the item
  const open = (at: number, lineEnd: number): void => {
    let p = at;
    while (p < lineEnd && (isSpaceOrTab(text.charCodeAt(p)) || text[p] === ',')) p++;
    const m = listMarkerLength(text, p, lineEnd);
    curList = m > 0 || lineIsItem;
    curStart = p + m;
  };

  let prevSoft = false;
  let ls = start;
  while (ls < end) {
    let le = ls;
    while (le < end && !isLineBreak(text.charCodeAt(le))) le++;
    let p = ls;
    while (p < le && isWhitespace(text.charCodeAt(p))) p++;
    if (p === le) {
      close(ls);
    } else {
      const marker = listMarkerLength(text, p, le) > 0;
      const continues = curStart >= 0 && !marker && prevSoft && isLower(text[p]);
      if (curStart >= 0 && !continues) close(ls);
      if (!continues) lineIsItem = false;
      if (curStart < 0) { open(p, le); lineIsItem = curList; }
      let lastVisible = p;
      for (let k = Math.max(p, curStart); k < le; k++) {
        const c = text.charCodeAt(k);
        if (!isWhitespace(c)) lastVisible = k;
        if (c !== 46 && c !== 33 && c !== 63) continue; // . ! ?
        let after = k + 1;
        while (after < le && /["')\]]/.test(text[after]!)) after++;
        const next = text.charCodeAt(after);
        if (after < le && !isSpaceOrTab(next) && next !== 44) continue; // not followed by space or ","
        let q = after;
        while (q < le && (isSpaceOrTab(text.charCodeAt(q)) || text[q] === ',')) q++;
        if (q >= le) continue; // the line end decides
        if (isLower(text[q])) continue;
        if (c === 46 && abbreviationBefore(text, k, ls)) continue;
        close(after);
        open(q, le);
        k = curStart - 1;
      }
      const last = text[lastVisible]!;
      prevSoft = !/[.!?:;]/.test(last);
    }
    // CRLF, CR or LF: one line break.
    ls = le + (text.charCodeAt(le) === 13 && text.charCodeAt(le + 1) === 10 ? 2 : 1);
  }
  close(end);
}
