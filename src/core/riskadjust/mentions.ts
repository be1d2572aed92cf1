// Where a note names the condition of a code, found from the code set itself: the Alphabetic
// Index entries that lead to the code and its title. A term is found in a sentence when the words
// of its main term and of its last subterm are all there ("Deficiency > immunity > IgA" in
// "IgA deficiency."). Used when neither the claim nor the analyzer gives evidence for a code, so a
// documented condition the analyzer missed is not taken for an undocumented one.
import type { CodesetIndex } from '../codeset/api';
import type { NoteModel, Span } from '../note';

const STOP = new Set(['a', 'an', 'and', 'or', 'of', 'in', 'with', 'without', 'due', 'to', 'the', 'by', 'for', 'nec', 'nos', 'unspecified', 'other', 'site', 'type', 'not', 'elsewhere', 'classified']);

function words(phrase: string): string[] {
  return phrase.replace(/\([^)]*\)|\[[^\]]*\]/g, ' ').split(',')[0]!.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w && !STOP.has(w));
}

const stem = (w: string): string => (w.length <= 4 ? w : w.slice(0, Math.max(4, w.length - 3)));

/** Word lists that name the code: main term + last subterm of each index path, and the title. */
export function namingTerms(index: CodesetIndex, code: string, date?: string): string[][] {
  const out: string[][] = [];
  const seen = new Set<string>();
  const add = (ws: string[]) => {
    const k = ws.join(' ');
    if (ws.length > 0 && !seen.has(k)) { seen.add(k); out.push(ws); }
  };
  const options = date ? { date } : {};
  for (const e of index.indexEntriesFor(code, options)) {
    if (e.source !== 'index') continue;
    const parts = e.path.split(' > ');
    add([...new Set([...words(parts[0]!), ...(parts.length > 1 ? words(parts[parts.length - 1]!) : [])])]);
  }
  const rec = index.lookup(code, { system: 'icd10cm', ...options }) ?? index.lookup(code, { system: 'icd10cm' });
  if (rec) add(words(rec.title.split(/\bwithout\b/i)[0]!.replace(/,/g, ' ')));
  return out;
}

/** Spans (first to last matched word) of the sentences that name the code. */
export function namingSpans(index: CodesetIndex, note: NoteModel, code: string, date?: string): Span[] {
  const terms = namingTerms(index, code, date).map((t) => t.map(stem));
  if (terms.length === 0) return [];
  const out: Span[] = [];
  for (const s of note.sentences) {
    for (const term of terms) {
      const hits = term.map((w) => s.tokens.find((t) => t.norm.startsWith(w)));
      if (hits.some((h) => h === undefined)) continue;
      const start = Math.min(...hits.map((h) => h!.start));
      const end = Math.max(...hits.map((h) => h!.end));
      out.push({ start, end });
      break;
    }
  }
  return out;
}
