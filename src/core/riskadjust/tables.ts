// The risk-adjustment tables of one model and payment year, in memory: the mapping from
// ICD-10-CM codes to condition categories, hierarchies, labels, relative factors, age/sex edits,
// chronic flags and the eligible CPT/HCPCS list. Built from `risk_row` rows (read.ts) or, in
// tests, from a handful of rows written by hand.
import type { RiskTableRow } from '../importers/types';

export interface RiskEdit {
  edit: 'age' | 'sex';
  sex?: 'female' | 'male';
  minAge?: number;
  maxAge?: number;
  action: 'override' | 'invalid';
  cc?: string;
  description: string;
}

/** Where one table came from: the set version (PY2026, undated) and, when known, the source file. */
export interface RiskTableSource {
  table: RiskTableRow['table'];
  version: string;
  file?: string;
}

export interface RiskModelTables {
  /** V28, V24 ... */
  model: string;
  paymentYear: number;
  /** ICD-10-CM (no dot) -> condition categories ("38"); a few codes map to two. */
  dx: ReadonlyMap<string, readonly string[]>;
  /** Parent CC -> the CCs it drops. */
  hierarchy: ReadonlyMap<string, readonly string[]>;
  labels: ReadonlyMap<string, string>;
  /** Upper-case variable name (CNA_HCC38, CNA_F70_74, INS_D3) -> the row: name as CMS spells it, relative factor. */
  coefficients: ReadonlyMap<string, { name: string; value: number }>;
  edits: ReadonlyMap<string, readonly RiskEdit[]>;
  chronic: ReadonlySet<string>;
  eligible: ReadonlySet<string>;
  sources: readonly RiskTableSource[];
}

/** Builds one model's tables from rows (rows of other models are ignored; the eligible list has model ''). */
export function buildModelTables(model: string, paymentYear: number, rows: Iterable<RiskTableRow>, sources: RiskTableSource[] = []): RiskModelTables {
  const dx = new Map<string, string[]>();
  const hierarchy = new Map<string, string[]>();
  const labels = new Map<string, string>();
  const coefficients = new Map<string, { name: string; value: number }>();
  const edits = new Map<string, RiskEdit[]>();
  const chronic = new Set<string>();
  const eligible = new Set<string>();
  const push = <T>(m: Map<string, T[]>, k: string, v: T) => {
    const list = m.get(k);
    if (!list) m.set(k, [v]);
    else if (!list.includes(v)) list.push(v);
  };
  for (const r of rows) {
    if (r.table === 'eligible') { eligible.add(r.code); continue; }
    if (r.model !== model) continue;
    switch (r.table) {
      case 'dx': push(dx, r.code, r.cc); break;
      case 'hierarchy': push(hierarchy, r.parent, r.child); break;
      case 'label': labels.set(r.cc, r.label); break;
      case 'coefficient': coefficients.set(r.name.toUpperCase(), { name: r.name, value: r.value }); break;
      case 'edit': {
        const { table: _t, model: _m, code, ...edit } = r;
        push(edits, code, edit);
        break;
      }
      case 'chronic': if (r.chronic) chronic.add(r.cc); break;
    }
  }
  return { model, paymentYear, dx, hierarchy, labels, coefficients, edits, chronic, eligible, sources };
}

/** Payment HCCs of a code in this model, before age/sex edits and hierarchies ("E11.22" or "E1122"). */
export function categoriesOf(tables: RiskModelTables, code: string): readonly string[] {
  return tables.dx.get(code.replace(/[.\s]/g, '').toUpperCase()) ?? [];
}

/** The HCC of a code as every view shows it: {model, category: "HCC37", label}. Undefined when the code maps to none. */
export interface HccTag { model: string; category: string; label: string }

export function hccTag(tables: RiskModelTables, code: string): HccTag | undefined {
  const cc = categoriesOf(tables, code)[0];
  if (cc === undefined) return undefined;
  return { model: tables.model, category: `HCC${cc}`, label: tables.labels.get(cc) ?? '' };
}
