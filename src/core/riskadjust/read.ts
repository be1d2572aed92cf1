// Reads one model's risk-adjustment tables for a payment year from the code-set database. Each
// table is taken from the set of that payment year when it carries the table, else from the
// nearest payment year that does (earlier first), else from the undated set; the result lists
// which set answered for each table.
import type { SqlValue } from 'sql.js';
import type { CodesetInfo } from '../codeset/api';
import type { RiskTableRow } from '../importers/types';
import { UNDATED_VERSION } from '../importers/riskadjust/index';
import { defaultModel } from './models';
import { buildModelTables, type RiskModelTables, type RiskTableSource } from './tables';

export interface RiskRowReader {
  sets(): CodesetInfo[];
  query<T extends Record<string, SqlValue>>(sql: string, params?: SqlValue[]): T[];
}

/** What the rules, the CLI and the extension ask: a model's tables for a payment year. */
export interface RiskAdjustment {
  /** Undefined when no mapping of that model is imported for any year. */
  tablesFor(paymentYear: number, model?: string): RiskModelTables | undefined;
  /** Payment years with imported sets (PY2025 -> 2025). */
  years(): number[];
}

const TABLES: RiskTableRow['table'][] = ['dx', 'hierarchy', 'label', 'coefficient', 'edit', 'chronic', 'eligible'];

const yearOf = (s: CodesetInfo): number | undefined => {
  const m = /^PY(\d{4})$/i.exec(s.version);
  return m ? Number(m[1]) : undefined;
};

function candidates(sets: CodesetInfo[], year: number): CodesetInfo[] {
  const dated = sets.filter((s) => yearOf(s) !== undefined);
  dated.sort((a, b) => {
    const da = Math.abs(yearOf(a)! - year), db = Math.abs(yearOf(b)! - year);
    return da - db || yearOf(a)! - yearOf(b)!;
  });
  return [...dated, ...sets.filter((s) => s.version === UNDATED_VERSION || yearOf(s) === undefined && !dated.includes(s))];
}

function rowOf(table: RiskTableRow['table'], model: string, key: string, value: string, extra: string | null): RiskTableRow | undefined {
  switch (table) {
    case 'dx': return { table, model, code: key, cc: value };
    case 'hierarchy': return { table, model, parent: key, child: value };
    case 'label': return { table, model, cc: key, label: value };
    case 'coefficient': return { table, model, name: key, value: Number(value) };
    case 'edit': {
      const e = JSON.parse(extra ?? '{}') as Omit<Extract<RiskTableRow, { table: 'edit' }>, 'table' | 'model' | 'code' | 'action'>;
      return { table, model, code: key, action: value === 'invalid' ? 'invalid' : 'override', ...e };
    }
    case 'chronic': return { table, model, cc: key, chronic: value === 'Y' };
    case 'eligible': return { table, model: '', code: key };
  }
}

export function readModelTables(reader: RiskRowReader, paymentYear: number, model: string): RiskModelTables | undefined {
  const sets = reader.sets().filter((s) => s.system === 'cms-hcc');
  if (sets.length === 0) return undefined;
  const ordered = candidates(sets, paymentYear);
  const rows: RiskTableRow[] = [];
  const sources: RiskTableSource[] = [];
  for (const table of TABLES) {
    const m = table === 'eligible' ? '' : model;
    for (const set of ordered) {
      const found = reader.query<{ key: string; value: string; extra: string | null }>(
        'SELECT key, value, extra FROM risk_row WHERE set_id = ? AND tbl = ? AND model = ?', [set.id, table, m],
      );
      if (found.length === 0) continue;
      for (const r of found) {
        const row = rowOf(table, m, r.key, r.value, r.extra);
        if (row) rows.push(row);
      }
      const kind = `hcc-${table === 'dx' ? 'dx' : table === 'hierarchy' ? 'hierarchy' : table === 'label' ? 'labels' : table === 'coefficient' ? 'coefficients' : table === 'edit' ? 'dx-edits' : table}-csv`;
      const file = set.sources.find((s) => s.kind === kind)?.name;
      sources.push({ table, version: set.version, ...(file ? { file } : {}) });
      break;
    }
  }
  if (!sources.some((s) => s.table === 'dx')) return undefined;
  return buildModelTables(model, paymentYear, rows, sources);
}

/** The risk-adjustment tables of a database, read once per (year, model); undefined when none are imported. */
export function riskAdjustmentOf(reader: RiskRowReader): RiskAdjustment | undefined {
  if (!reader.sets().some((s) => s.system === 'cms-hcc')) return undefined;
  const cache = new Map<string, RiskModelTables | undefined>();
  return {
    tablesFor(paymentYear, model = defaultModel(paymentYear)) {
      const k = `${paymentYear}|${model}`;
      if (!cache.has(k)) cache.set(k, readModelTables(reader, paymentYear, model));
      return cache.get(k);
    },
    years() {
      return [...new Set(reader.sets().filter((s) => s.system === 'cms-hcc').map(yearOf).filter((y): y is number => y !== undefined))].sort();
    },
  };
}

const ofIndex = new WeakMap<object, RiskAdjustment | null>();

/** The risk-adjustment tables behind a code-set index that reads SQL (the database index); undefined for other indexes or when none are imported. */
export function riskAdjustmentOfIndex(index: object): RiskAdjustment | undefined {
  const known = ofIndex.get(index);
  if (known !== undefined) return known ?? undefined;
  const reader = index as Partial<RiskRowReader>;
  const risk = typeof reader.query === 'function' && typeof reader.sets === 'function' ? riskAdjustmentOf(reader as RiskRowReader) : undefined;
  ofIndex.set(index, risk ?? null);
  return risk;
}

/** From tables already in memory (tests, the bench). */
export function riskAdjustmentFrom(tables: readonly RiskModelTables[]): RiskAdjustment {
  return {
    tablesFor(paymentYear, model = defaultModel(paymentYear)) {
      return tables.find((t) => t.paymentYear === paymentYear && t.model === model);
    },
    years: () => [...new Set(tables.map((t) => t.paymentYear))].sort(),
  };
}
