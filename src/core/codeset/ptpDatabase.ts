// The NCCI procedure-to-procedure edits: a separate database file (some hundreds of MB as a full
// release), opened on the first PTP question and only then.
import type { Database, SqlJsStatic } from 'sql.js';
import type { CodesetInfo, PtpEdit } from './api';
import { CodesetDatabaseError } from './errors';
import { handOver } from './handOver';

/** A value of a database's meta table, or null (no such key, or a file from before generations). */
export function metaValue(db: Database, key: string): unknown {
  try {
    return db.exec('SELECT value FROM meta WHERE key = ?', [key])[0]?.values[0]?.[0] ?? null;
  } catch {
    return null;
  }
}

export class PtpDatabase {
  private db: Database | undefined;
  private state: 'unknown' | 'loaded' | 'absent' = 'unknown';

  /** `load` resolves the PTP database's bytes, or undefined when PTP is not installed. */
  /**
   * `expectedGeneration`: the generation the main database names for its PTP file; a PTP file of
   * another generation is left from an interrupted import and is not read.
   */
  constructor(private readonly SQL: SqlJsStatic, private readonly load: (() => Promise<Uint8Array | undefined>) | undefined, private readonly expectedGeneration: () => unknown = () => null, private readonly bytesHandedOver = false) {}

  /**
   * The edits of `set` between normalized codes `a` and `b` (either column order) in force on
   * `date` when given; undefined when the PTP database is not installed.
   */
  async edits(set: CodesetInfo, a: string, b: string, date?: string): Promise<PtpEdit[] | undefined> {
    const db = await this.open();
    if (!db) return undefined;
    const stmt = db.prepare(`SELECT col1, col2, effective_date, deletion_date, modifier_indicator, r.text AS rationale
      FROM ptp LEFT JOIN ptp_rationale r ON r.id = ptp.rationale_id
      WHERE set_id = ? AND ((col1 = ? AND col2 = ?) OR (col1 = ? AND col2 = ?))`);
    const out: PtpEdit[] = [];
    try {
      stmt.bind([set.id, a, b, b, a]);
      while (stmt.step()) {
        const r = stmt.getAsObject() as { col1: string; col2: string; effective_date: string | null; deletion_date: string | null; modifier_indicator: number; rationale: string | null };
        if (date && r.deletion_date && r.deletion_date < date) continue;
        if (date && r.effective_date && r.effective_date > date) continue;
        out.push({
          col1: r.col1, col2: r.col2, modifierIndicator: r.modifier_indicator, version: set.version, variant: set.variant,
          ...(r.effective_date ? { effectiveDate: r.effective_date } : {}), ...(r.deletion_date ? { deletionDate: r.deletion_date } : {}),
          ...(r.rationale ? { rationale: r.rationale } : {}),
        });
      }
    } finally {
      stmt.free();
    }
    return out;
  }

  private async open(): Promise<Database | undefined> {
    if (this.state === 'loaded') return this.db;
    if (this.state === 'absent') return undefined;
    const bytes = await this.load?.();
    if (!bytes || bytes.length === 0) {
      this.state = 'absent';
      return undefined;
    }
    try {
      this.db = new this.SQL.Database(this.bytesHandedOver ? handOver(bytes) : bytes);
      this.db.exec('SELECT count(*) FROM ptp LIMIT 1');
    } catch (e) {
      this.state = 'absent';
      throw new CodesetDatabaseError(`the NCCI PTP database is corrupted or unreadable (${(e as Error).message}). Re-import the PTP file.`);
    }
    if (metaValue(this.db, 'generation') !== this.expectedGeneration()) {
      this.db.close();
      this.db = undefined;
      this.state = 'absent';
      return undefined;
    }
    this.state = 'loaded';
    return this.db;
  }

  close(): void {
    this.db?.close();
  }
}
