// Injected drugs with a documented dose and route -> HCPCS J-codes with billed units
// ("ceftriaxone 1 g IM" -> J0696 x 4). Oral doses have no J-code and are left alone.
import type { CodeRecord, CodesetIndex } from '../codeset/api';
import type { NoteModel } from '../note/model';
import { billedUnits, descriptorUnit, unitOf, type DoseUnit } from './drugDose';
import type { NoteReader } from './engine';
import type { Suggestion } from './types';

interface DrugCode { record: CodeRecord; words: string[]; per: DoseUnit; special: boolean }

export interface DrugCatalog { byFirstWord: Map<string, DrugCode[]> }

// Descriptor words that narrow a code to a special product or route the note must name itself.
const SPECIAL = /intraocular|intravitreal|suprachoroidal|implant|extended-release|microsphere|liposom|biosimilar|\(.*\)/i;
const ROUTE = /\b(IM|IV|IVP|IVPB|SC|SQ|subq|subcut|subcutaneous(?:ly)?|intramuscular(?:ly)?|intravenous(?:ly)?|injection|injected|inj|infusion|infused|shot)\b/i;
const DOSE = /\b([a-z][a-z-]{3,})(?:\s+(?:sodium|acetate|hcl|hydrochloride|phosphate|succinate|tromethamine|sulfate|acetonide))?\s*\(?\s*(\d+(?:\.\d+)?)\s*(mg|mcg|g|gm|grams?|units?|iu|ml)\b/gi;

export function buildDrugCatalog(index: CodesetIndex): DrugCatalog {
  const byFirstWord = new Map<string, DrugCode[]>();
  for (const record of index.allCodes('hcpcs')) {
    const m = /^Injection,\s*([^,]+)/i.exec(record.title);
    if (!m) continue;
    const per = descriptorUnit(record.title);
    if (!per) continue;
    const words = m[1]!.toLowerCase().match(/[a-z0-9-]+/g) ?? [];
    if (words.length === 0) continue;
    const entry: DrugCode = { record, words, per, special: SPECIAL.test(record.title) || !/^J/.test(record.code) };
    const list = byFirstWord.get(words[0]!);
    if (list) list.push(entry);
    else byFirstWord.set(words[0]!, [entry]);
  }
  return { byFirstWord };
}

const cache = new WeakMap<CodesetIndex, DrugCatalog>();
export function drugCatalogFor(index: CodesetIndex): DrugCatalog {
  let c = cache.get(index);
  if (!c) {
    c = buildDrugCatalog(index);
    cache.set(index, c);
  }
  return c;
}

/** The code to bill: plain J-codes first, an exact fixed-size match, then the smallest unit. */
function pick(codes: DrugCode[], sentence: string, dose: number, unit: DoseUnit['unit']): { code: DrugCode; units: number } | undefined {
  const lower = sentence.toLowerCase();
  const ranked = codes
    .map((c) => ({ c, units: billedUnits(dose, unit, c.per) }))
    .filter((x): x is { c: DrugCode; units: number } => x.units !== undefined)
    .map((x) => {
      const words = x.c.words.filter((w) => lower.includes(w)).length;
      const exact = !x.c.per.upTo && billedUnits(dose, unit, x.c.per) === 1 && toExact(dose, unit, x.c.per);
      const fits = x.c.per.upTo && x.units === 1;
      return { ...x, rank: (x.c.special ? -10 : 0) + words * 2 + (exact || fits ? 3 : 0) - x.units * 0.001 };
    })
    .sort((a, b) => b.rank - a.rank);
  const best = ranked[0];
  return best ? { code: best.c, units: best.units } : undefined;
}

function toExact(dose: number, unit: DoseUnit['unit'], per: DoseUnit): boolean {
  const f = unit === 'g' ? 1000 : unit === 'mcg' ? 0.001 : 1;
  const g = per.unit === 'g' ? 1000 : per.unit === 'mcg' ? 0.001 : 1;
  return Math.abs(dose * f - per.amount * g) < 1e-9;
}

// A drug is billed when it was given at the visit, not when it is planned, prescribed for home, or
// offered for later: "we will give", "if needed", "next visit", "prescribed ... to take".
const PLANNED = /\b(?:will (?:give|administer|inject|start|consider|plan)|would|plan(?:s|ned)? to|consider(?:ing)?|may (?:give|need|require)|if (?:needed|necessary|symptoms)|at (?:the|her|his) next (?:visit|appointment)|next (?:visit|time)|schedul\w+|prescri\w+|to take at home|recommend\w*|discuss\w* (?:the option|options))\b/i;
const GIVEN = /\b(?:was|were|is being|has been|have been) (?:given|administered|injected|infused)\b|\badministered\b|\binjected\b|\bgiven (?:today|in (?:the )?(?:office|clinic))\b|\b(?:received|we gave|i gave|was infused)\b/i;

export function suggestDrugCodes(index: CodesetIndex, note: NoteModel, reader: NoteReader): Suggestion[] {
  const catalog = drugCatalogFor(index);
  const out = new Map<string, Suggestion>();
  for (const sentence of note.sentences) {
    const text = note.text.slice(sentence.start, sentence.end);
    if (!ROUTE.test(text)) continue;
    for (const m of text.matchAll(DOSE)) {
      const codes = catalog.byFirstWord.get(m[1]!.toLowerCase());
      const unit = unitOf(m[3]!);
      if (!codes || !unit) continue;
      const after = text.slice(m.index! + m[0].length, m.index! + m[0].length + 40);
      if (!ROUTE.test(m[0] + after) && !ROUTE.test(text.slice(Math.max(0, m.index! - 30), m.index!))) continue;
      const start = sentence.start + m.index!;
      const span = { start, end: start + m[0].length };
      const flags = reader.contextOf(note, sentence, span);
      if (flags.negated || flags.hypothetical) continue;
      if (PLANNED.test(text) && !GIVEN.test(text)) continue;
      const chosen = pick(codes, text, Number(m[2]), unit);
      if (!chosen) continue;
      const { record } = chosen.code;
      if (out.has(record.code)) continue;
      out.set(record.code, {
        code: record.code, system: 'hcpcs', title: record.title, score: 0.8,
        evidence: [{ ...span, text: note.text.slice(span.start, span.end) }],
        reason: `drug dose ${m[2]} ${m[3]} / descriptor unit ${chosen.code.per.upTo ? 'up to ' : 'per '}${chosen.code.per.amount} ${chosen.code.per.unit}`,
        context: { sections: [sentence.section] }, missing: [], units: chosen.units,
      });
    }
  }
  return [...out.values()];
}
