// The rows of the `code` and `index_entry` tables and the records the index answers with.
import type { SqlValue } from 'sql.js';
import type { CodeRecord, CodesetInfo, IndexEntry } from './api';
import type { CodeKind, IndexSource } from '../importers/types';

export const CODE_COLUMNS = ['code', 'display', 'kind', 'billable', 'short_title', 'long_title', 'parent', 'extra'];
export const INDEX_COLUMNS = ['id', 'source', 'path', 'term', 'level', 'nemod', 'code', 'see', 'see_also', 'codes'];

export interface CodeRow extends Record<string, SqlValue> {
  set_id: number;
  code: string;
  display: string;
  kind: string;
  billable: number;
  short_title: string | null;
  long_title: string | null;
  parent: string | null;
  extra: string | null;
}

export interface IndexRow extends Record<string, SqlValue> {
  id: number;
  set_id: number;
  source: string;
  path: string;
  term: string;
  level: number;
  nemod: string | null;
  code: string | null;
  see: string | null;
  see_also: string | null;
  codes: string | null;
}

export function toCodeRecord(row: CodeRow, set: CodesetInfo): CodeRecord {
  return {
    code: row.display,
    normalized: row.code,
    system: set.system,
    version: set.version,
    setId: set.id,
    kind: row.kind as CodeKind,
    billable: row.billable === 1,
    title: row.long_title ?? row.short_title ?? '',
    ...(row.short_title ? { shortTitle: row.short_title } : {}),
    ...(row.parent ? { parent: row.parent } : {}),
    ...(row.extra ? { extra: JSON.parse(row.extra) as Record<string, unknown> } : {}),
  };
}

export function toIndexEntry(r: IndexRow, version: string): IndexEntry {
  return {
    id: r.id, source: r.source as IndexSource, path: r.path, term: r.term, level: r.level, version,
    ...(r.nemod ? { nemod: r.nemod } : {}), ...(r.code ? { code: r.code } : {}), ...(r.see ? { see: r.see } : {}),
    ...(r.see_also ? { seeAlso: r.see_also } : {}), ...(r.codes ? { codes: JSON.parse(r.codes) as Record<string, string> } : {}),
  };
}
