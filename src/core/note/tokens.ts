// Tokens: maximal runs of letters, marks and digits, and every other visible character on its own
// (so "s/p" is s, /, p and "doesn't" is doesn, ', t). Offsets are UTF-16 indexes into the original
// text; astral characters (emoji) are kept whole so a token never splits a surrogate pair.
import type { Token } from './model';

const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
const MARKS = /\p{M}/gu;
const ASCII_WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  ASCII_WORD[c] = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : 0;
}

/** Length in UTF-16 units of the code point at `i` (2 for a valid surrogate pair). */
export function codePointLength(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return 2;
  }
  return 1;
}

export function isWhitespace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200b)
    || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

export function isWordCharAt(text: string, i: number, len: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return ASCII_WORD[c] === 1;
  return WORD_CHAR.test(len === 1 ? text[i]! : text.slice(i, i + len));
}

const PUNCT_NORM: Record<string, string> = {
  '\u2019': "'", '\u2018': "'", '\u02bc': "'", '`': "'", '\u201c': '"', '\u201d': '"',
  '\u2013': '-', '\u2014': '-', '\u2010': '-', '\u2011': '-', '\u2212': '-', '\uff1f': '?',
};

/** Lower case with accents folded ("Ménière" -> "meniere"); no stemming. */
export function normalizeWord(word: string): string {
  let ascii = true;
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) >= 128) { ascii = false; break; }
  if (ascii) return word.toLowerCase();
  return word.normalize('NFD').replace(MARKS, '').toLowerCase().normalize('NFC');
}

export function isWordToken(token: Token): boolean {
  const c = token.text.charCodeAt(0);
  return c < 128 ? ASCII_WORD[c] === 1 : WORD_CHAR.test(token.text);
}

/** Tokens of text[start, end). */
export function tokenize(text: string, start: number, end: number): Token[] {
  const tokens: Token[] = [];
  let i = start;
  while (i < end) {
    const len = codePointLength(text, i);
    if (isWhitespace(text.charCodeAt(i))) { i += len; continue; }
    if (isWordCharAt(text, i, len)) {
      let j = i + len;
      while (j < end) {
        const l = codePointLength(text, j);
        if (!isWordCharAt(text, j, l)) break;
        j += l;
      }
      const word = text.slice(i, j);
      tokens.push({ start: i, end: j, text: word, norm: normalizeWord(word) });
      i = j;
    } else {
      const ch = text.slice(i, i + len);
      tokens.push({ start: i, end: i + len, text: ch, norm: PUNCT_NORM[ch] ?? ch });
      i += len;
    }
  }
  return tokens;
}
