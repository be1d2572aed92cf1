// Read queries over a sql.js database: prepared statements kept per SQL text, and whole-table
// reads a batch at a time.
import type { Database, SqlValue } from 'sql.js';

/** Rows per query of a whole-table read: small enough that one query is a short pause, large enough to be fast. */
const ROWS_PER_BATCH = 4_000;

export class SqlReader {
  private readonly stmtCache = new Map<string, ReturnType<Database['prepare']>>();

  constructor(readonly db: Database) {}

  /** Runs a read query and returns rows as objects. */
  query<T extends Record<string, SqlValue>>(sql: string, params: SqlValue[] = []): T[] {
    let stmt = this.stmtCache.get(sql);
    if (!stmt) {
      stmt = this.db.prepare(sql);
      this.stmtCache.set(sql, stmt);
    }
    stmt.bind(params);
    const out: T[] = [];
    while (stmt.step()) out.push(stmt.getAsObject() as T);
    stmt.reset();
    return out;
  }

  /**
   * Reads a whole table's rows (`from` is the FROM clause onward) a batch at a time, each batch as
   * one string: sql.js converts every value of every row separately, which costs seconds over
   * 100,000 rows; one string per batch costs a fraction. Cells come back as text, NULL as null.
   * Batches keep the string SQLite builds inside its WebAssembly memory small (that memory never shrinks).
   * With `order`, rows come in the order of that unique column (listed first in `columns`), each
   * batch starting after the last one read; without it, in the table's scan order.
   */
  *batched(columns: string[], from: string, params: SqlValue[] = [], order?: { column: string; from: SqlValue }): Generator<(string | null)[]> {
    const joined = columns.map((c) => `IFNULL(${c}, char(29))`).join(' || char(31) || ');
    const sql = order
      ? `SELECT group_concat(v, char(30)) AS v FROM (SELECT ${joined} AS v FROM ${from} AND ${order.column} > ? ORDER BY ${order.column} LIMIT ?)`
      : `SELECT group_concat(v, char(30)) AS v FROM (SELECT ${joined} AS v FROM ${from} LIMIT ? OFFSET ?)`;
    let after: SqlValue = order?.from ?? null;
    for (let offset = 0; ; offset += ROWS_PER_BATCH) {
      const v = this.query<{ v: string | null }>(sql, order ? [...params, after, ROWS_PER_BATCH] : [...params, ROWS_PER_BATCH, offset])[0]?.v;
      if (!v) return;
      const lines = v.split('\u001e');
      for (const line of lines) {
        const cells: (string | null)[] = line.split('\u001f');
        if (cells.length !== columns.length) continue;
        for (let i = 0; i < cells.length; i++) if (cells[i] === '\u001d') cells[i] = null;
        yield cells;
      }
      if (lines.length < ROWS_PER_BATCH) return;
      if (order) {
        const last = lines[lines.length - 1]!.split('\u001f')[0]!;
        after = typeof order.from === 'number' ? Number(last) : last;
      }
    }
  }

  close(): void {
    for (const s of this.stmtCache.values()) s.free();
    this.stmtCache.clear();
    this.db.close();
  }
}
