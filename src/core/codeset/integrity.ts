// A cheap look at a SQLite file before it is trusted: the header's page size and page count must
// match the file's length. When they do not (a truncated copy, a file cut by a full disk, bytes
// overwritten) SQLite's own quick_check decides; sql.js would otherwise open such a file and
// answer from the pages that are left.
import type { SqlJsStatic } from 'sql.js';

/** Page size and page count from the 100-byte header, or undefined when the header cannot be read. */
function headerPages(bytes: Uint8Array): { pageSize: number; pages: number } | undefined {
  if (bytes.length < 100) return undefined;
  const raw = (bytes[16]! << 8) | bytes[17]!;
  const pageSize = raw === 1 ? 65536 : raw;
  if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) !== 0) return undefined;
  const pages = ((bytes[28]! << 24) | (bytes[29]! << 16) | (bytes[30]! << 8) | bytes[31]!) >>> 0;
  return { pageSize, pages };
}

/** True when the header agrees with the file's length (no need for a full check). */
export function headerLooksRight(bytes: Uint8Array): boolean {
  const h = headerPages(bytes);
  return h !== undefined && h.pages > 0 && h.pages * h.pageSize === bytes.length;
}

/**
 * Why the SQLite file is damaged, or undefined when it is sound. Runs PRAGMA quick_check only
 * when the header and the length disagree.
 */
export function sqliteDamage(SQL: SqlJsStatic, bytes: Uint8Array): string | undefined {
  if (bytes.length === 0 || headerLooksRight(bytes)) return undefined;
  let db;
  try {
    db = new SQL.Database(bytes);
    const rows = db.exec('PRAGMA quick_check')[0]?.values.map((r) => String(r[0])) ?? [];
    if (rows.length === 1 && rows[0] === 'ok') return undefined;
    return `SQLite quick_check: ${rows.slice(0, 3).join('; ')}${rows.length > 3 ? ` (and ${rows.length - 3} more)` : ''}`;
  } catch (e) {
    return `SQLite cannot read it: ${(e as Error).message}`;
  } finally {
    db?.close();
  }
}
