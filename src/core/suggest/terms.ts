// Word normalization shared by the dictionary and the matcher, so a title word and a note word
// meet on the same key. Plurals fold ("ulcers" -> "ulcer"); derivations do not ("nephritis" and
// "nephric" stay distinct) because ICD-10-CM distinguishes them.
import { IRREGULAR_PLURALS, americanSpelling } from '../codeset/spelling';

/** Words that carry no clinical meaning for matching (connectors in titles and index paths). */
export const STOP_WORDS = new Set([
  'a', 'an', 'the', 'of', 'in', 'on', 'at', 'to', 'for', 'with', 'without', 'and', 'or', 'by', 'from',
  'as', 'is', 'was', 'are', 'were', 'be', 'been', 'being', 'due', 'its', 'it', 'this', 'that', 'these',
  'than', 'other', 'specified', 'unspecified', 'nos', 'nec', 'type', 'not', 'elsewhere', 'classified',
  'into', 'involving', 'any', 'site', 'part', 'his', 'her', 'he', 'she', 'patient', 'also', 'which',
  's', 'use', 'additional', 'code', 'following', 'except', 'e', 'g', 'i', 'ie', 'eg', 'etc', 'both',
  'has', 'have', 'had', 'who', 'we', 'there', 'their', 'they', 'them', 'our', 'you', 'your', 'my',
]);

// Exceptions where dropping a final "s" would merge different words or break a Latin ending.
const KEEP_S = /(?:ss|us|is|ys|os|ous|pes)$/;


/** Folds accents and case; the note model already does this for note tokens. */
export function foldWord(word: string): string {
  return word.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/** Reduces plural and possessive forms (and British spellings) to one key. */
export function stem(word: string): string {
  return americanSpelling(pluralStem(word));
}

function pluralStem(word: string): string {
  let w = word;
  if (w.endsWith("'s") || w.endsWith('\u2019s')) w = w.slice(0, -2);
  if (w.length <= 3) return w;
  const irregular = IRREGULAR_PLURALS.get(w);
  if (irregular) return irregular;
  if (w.endsWith('ies') && w.length > 4) return w.slice(0, -3) + 'y';
  // Greek plurals: metastases, stenoses, paralyses, prostheses.
  if (w.length > 6 && /(?:tases|oses|yses|theses)$/.test(w)) return w.slice(0, -2) + 'is';
  // Latin -a plurals: vertebrae, bullae, sequelae; streptococci -> streptococcus.
  // Species names keep theirs: Klebsiella pneumoniae is no pneumonia, Haemophilus influenzae no influenza.
  if (w.length > 5 && w.endsWith('ae') && !/(?:niae|zae|oeae)$/.test(w)) return w.slice(0, -1);
  if (w.length > 6 && w.endsWith('cocci')) return w.slice(0, -1) + 'us';
  if (/(?:ch|sh|x|ss)es$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('s') && !KEEP_S.test(w)) return w.slice(0, -1);
  return w;
}

const WORD = /[\p{L}\p{N}]+(?:['\u2019][\p{L}]+)?/gu;

/** Words of a dictionary phrase with their stems, stop words removed. */
export function phraseKeys(phrase: string): string[] {
  const out: string[] = [];
  for (const m of foldWord(phrase).matchAll(WORD)) {
    const w = m[0];
    if (STOP_WORDS.has(w)) continue;
    out.push(stem(w));
  }
  return out;
}

/** Removes parenthesized nonessential words: "Hypertension (essential) (primary)" -> "Hypertension". */
export function withoutParentheses(text: string): string {
  return text.replace(/\([^)]*\)|\[[^\]]*\]/g, ' ').replace(/\s+/g, ' ').trim();
}
