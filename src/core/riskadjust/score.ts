// A patient's CMS-HCC risk score for one model and payment year: the demographic factor of the
// segment, the payment HCCs left after the age/sex edits and hierarchies, the interaction terms
// and the payment-HCC-count term, each with the relative-factor row it came from. The raw score
// is rounded to 3 decimals; normalized and coding-adjusted scores only when the caller gives
// that year's factors (CMS publishes them in the Rate Announcement; they are never guessed).
import { ageOnFebruaryFirst, demographicCell, segmentOf, SEGMENT_LABELS, type Beneficiary, type Segment } from './demographics';
import { MODELS, type ModelDefinition, type Term } from './models';
import type { RiskModelTables } from './tables';

export interface ScoredDiagnosis {
  /** ICD-10-CM, any spelling. */
  code: string;
  /** Whether the record supports it (MEAT); undefined when no note was there to check. */
  supported?: boolean;
}

export interface PaymentFactors {
  /** Divides the raw score (e.g. 1.045). */
  normalization?: number;
  /** The MA coding-pattern adjustment as a fraction (0.059). */
  codingAdjustment?: number;
}

export interface ScoredHcc {
  category: string;
  label: string;
  factor: number;
  /** Official spellings of the codes that map to it. */
  codes: string[];
  /** true when some code of it is supported, false when all were checked and none is, null when unchecked. */
  supported: boolean | null;
  /** The relative-factor row: CNA_HCC38. */
  row: string;
}

export interface RiskScore {
  model: string;
  year: number;
  age: number;
  segment: Segment;
  segmentLabel: string;
  demographic: { cell: string; factor: number; row: string };
  hccs: ScoredHcc[];
  dropped: { category: string; by: string }[];
  interactions: { name: string; factor: number; row: string }[];
  counts: { name: string; factor: number; row: string } | null;
  /** Codes whose mapping an age/sex edit changed, with the edit's description. */
  edits: { code: string; description: string }[];
  raw: number;
  normalized?: number;
  codingAdjusted?: number;
}

export class RiskScoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RiskScoreError';
  }
}

const round3 = (n: number): number => Math.round((n + Number.EPSILON) * 1000) / 1000;
const dotted = (code: string): string => (code.length > 3 ? `${code.slice(0, 3)}.${code.slice(3)}` : code);
const numeric = (a: string, b: string): number => Number(a) - Number(b) || a.localeCompare(b);

/** Condition categories of one code for this beneficiary: the mapping, then the model's age/sex edits. */
function mapCode(tables: RiskModelTables, code: string, b: Beneficiary, age: number): { ccs: readonly string[]; edit?: string } {
  const ccs = tables.dx.get(code) ?? [];
  for (const e of tables.edits.get(code) ?? []) {
    if (e.sex && e.sex !== b.sex) continue;
    if (e.minAge !== undefined && age < e.minAge) continue;
    if (e.maxAge !== undefined && age > e.maxAge) continue;
    if (e.action === 'invalid') return { ccs: [], edit: e.description };
    if (e.cc) return { ccs: [e.cc], edit: e.description };
  }
  return { ccs };
}

function termHolds(term: Term, def: ModelDefinition, hccs: ReadonlySet<string>, disabled: boolean): boolean {
  if (term === 'DISABLED') return disabled;
  if (term.startsWith('g:')) return (def.groups[term.slice(2)] ?? []).some((cc) => hccs.has(cc));
  return hccs.has(term);
}

export function scoreBeneficiary(tables: RiskModelTables, b: Beneficiary, diagnoses: readonly ScoredDiagnosis[], factors: PaymentFactors = {}): RiskScore {
  const def = MODELS[tables.model];
  if (!def) throw new RiskScoreError(`model ${tables.model} is not scored by MedCode (it scores ${Object.keys(MODELS).join(' and ')}).`);
  if (tables.coefficients.size === 0) throw new RiskScoreError(`no relative factors of model ${tables.model} are imported for payment year ${tables.paymentYear}; import that year's ra_coefficients file.`);
  const year = tables.paymentYear;
  const age = ageOnFebruaryFirst(b.birthDate, year);
  const segment = segmentOf(b, age);
  const coefficient = (name: string): { name: string; value: number } | undefined => tables.coefficients.get(`${segment}_${name}`.toUpperCase());

  const cell = demographicCell(b, age);
  const demo = coefficient(cell);
  if (!demo) throw new RiskScoreError(`the ${tables.model} factors of payment year ${year} have no row ${segment}_${cell} (segment ${SEGMENT_LABELS[segment]}, age ${age} on 1 February ${year}).`);

  // Condition categories with the codes behind each.
  const byCc = new Map<string, { codes: Set<string>; supported: (boolean | undefined)[] }>();
  const edits: RiskScore['edits'] = [];
  for (const d of diagnoses) {
    const code = d.code.replace(/[.\s]/g, '').toUpperCase();
    const { ccs, edit } = mapCode(tables, code, b, age);
    if (edit && !edits.some((e) => e.code === dotted(code))) edits.push({ code: dotted(code), description: edit });
    for (const cc of ccs) {
      const entry = byCc.get(cc) ?? { codes: new Set(), supported: [] };
      entry.codes.add(dotted(code));
      entry.supported.push(d.supported);
      byCc.set(cc, entry);
    }
  }

  // Hierarchies: a category drops every category its row lists when both are present.
  const present = new Set(byCc.keys());
  const dropped: RiskScore['dropped'] = [];
  for (const cc of [...present].sort(numeric)) {
    const by = [...present].filter((p) => p !== cc && (tables.hierarchy.get(p) ?? []).includes(cc)).sort(numeric)[0];
    if (by !== undefined) dropped.push({ category: `HCC${cc}`, by: `HCC${by}` });
  }
  const payment = new Set([...present].filter((cc) => !dropped.some((d) => d.category === `HCC${cc}`)));

  // New enrollees are scored on demographics alone.
  const scored = segment === 'NE' ? new Set<string>() : payment;
  const hccs: ScoredHcc[] = [...scored].sort(numeric).map((cc) => {
    const entry = byCc.get(cc)!;
    const row = coefficient(`HCC${cc}`);
    const checked = entry.supported.filter((s): s is boolean => s !== undefined);
    return {
      category: `HCC${cc}`,
      label: tables.labels.get(cc) ?? '',
      factor: row?.value ?? 0,
      codes: [...entry.codes].sort(),
      supported: checked.some((s) => s) ? true : checked.length === entry.supported.length && checked.length > 0 ? false : null,
      row: row?.name ?? `${segment}_HCC${cc}`,
    };
  });

  const interactions: RiskScore['interactions'] = [];
  const disabled = age < 65;
  const addInteraction = (name: string) => {
    const row = coefficient(name);
    if (row) interactions.push({ name: row.name.slice(segment.length + 1), factor: row.value, row: row.name });
  };
  if (segment !== 'NE') {
    for (const [name, [a, bTerm]] of Object.entries(def.interactions)) {
      if (termHolds(a, def, scored, disabled) && termHolds(bTerm, def, scored, disabled)) addInteraction(name);
    }
  }
  // Demographic interactions: originally disabled (aged community and institutional), Medicaid in the institutional segment.
  if (b.originallyDisabled && !disabled && segment !== 'NE') {
    addInteraction(segment === 'INS' ? 'ORIGDS' : `OriginallyDisabled_${b.sex === 'female' ? 'Female' : 'Male'}`);
  }
  if (segment === 'INS' && b.dual !== 'none') addInteraction('LTIMCAID');

  let counts: RiskScore['counts'] = null;
  if (scored.size > 0) {
    const name = scored.size >= 10 ? 'D10P' : `D${scored.size}`;
    const row = coefficient(name);
    if (row) counts = { name, factor: row.value, row: row.name };
  }

  const sum = demo.value + hccs.reduce((s, h) => s + h.factor, 0) + interactions.reduce((s, i) => s + i.factor, 0) + (counts?.factor ?? 0);
  const raw = round3(sum);
  const out: RiskScore = {
    model: tables.model, year, age, segment, segmentLabel: SEGMENT_LABELS[segment],
    demographic: { cell, factor: demo.value, row: demo.name },
    hccs, dropped, interactions, counts, edits, raw,
  };
  const normalized = factors.normalization !== undefined ? raw / factors.normalization : undefined;
  if (normalized !== undefined) out.normalized = round3(normalized);
  if (factors.codingAdjustment !== undefined) out.codingAdjusted = round3((normalized ?? raw) * (1 - factors.codingAdjustment));
  return out;
}
