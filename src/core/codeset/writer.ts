// Writes importer rows into the sql.js index. The main database is the catalog of every set
// (PTP sets included); PTP rows go to a second database created on first use.
//
// The two files are one generation: each carries a generation id (meta `generation`; the main
// file also `ptp-generation`, the id of the PTP file it was written with). A PTP file whose id
// differs from the one the main file names is left from an interrupted write: it is ignored
// (and the catalog's PTP sets, whose rows it held, dropped so they can be imported again).
import type { Database, SqlJsStatic, Statement } from 'sql.js';
import type {
  AddonRow, CodeRow, CodesetMeta, ImportResult, ImportSink, IndexEntryRow, MceRow, MueRow, PtpRow, RiskTableRow, SeventhCharRow, SourceRecord, TabularNoteRow,
} from '../importers/types';
import { CORE_SCHEMA, PTP_SCHEMA } from './schema';
import { computeCounts } from './setCounts';

function metaValue(db: Database, key: string): string | undefined {
  const v = db.exec('SELECT value FROM meta WHERE key = ?', [key])[0]?.values[0]?.[0];
  return v === undefined || v === null ? undefined : String(v);
}

type Stmts = Record<'code' | 'note' | 'seventh' | 'index' | 'mue' | 'addon' | 'mce' | 'risk', Statement>;

export class CodesetWriter implements ImportSink {
  readonly db: Database;
  private ptpDb: Database | undefined;
  private ptpStmt: Statement | undefined;
  private stmts: Stmts | undefined;
  private readonly touched = new Set<number>();
  private readonly ptpSets = new Set<number>();
  private readonly rationaleIds = new Map<string, number>();
  private begun = new Set<number>();
  private inTransaction = false;
  /** Why the PTP file on disk was not used (it belongs to another generation, or is missing), if so. */
  readonly discardedPtp: string | undefined;

  constructor(private readonly SQL: SqlJsStatic, existing?: Uint8Array, existingPtp?: Uint8Array) {
    this.db = existing && existing.length > 0 ? new SQL.Database(existing) : new SQL.Database();
    this.db.exec(CORE_SCHEMA);
    const expected = metaValue(this.db, 'ptp-generation');
    const catalogued = (this.db.exec("SELECT COUNT(*) FROM codeset WHERE system = 'ncci-ptp'")[0]?.values[0]?.[0] ?? 0) as number;
    if (existingPtp && existingPtp.length > 0) {
      const ptpDb = new SQL.Database(existingPtp);
      ptpDb.exec(PTP_SCHEMA);
      if (metaValue(ptpDb, 'generation') === expected) this.ptpDb = ptpDb;
      else {
        ptpDb.close();
        this.discardedPtp = 'the NCCI PTP file does not belong to this database (an earlier import was interrupted)';
      }
    } else if (catalogued > 0) {
      this.discardedPtp = 'the NCCI PTP file is missing';
    }
    if (this.discardedPtp !== undefined && catalogued > 0) {
      // Its rows are gone: the sets leave the catalog, so importing them again starts clean.
      this.db.exec("DELETE FROM meta WHERE key LIKE 'ptp-count:%' OR key = 'ptp-generation'; DELETE FROM codeset WHERE system = 'ncci-ptp'");
    }
  }

  /**
   * Stamps both databases with one generation id before they are exported: the PTP file (when
   * this session changed it) and the main file, which names the PTP generation it goes with.
   */
  sealGeneration(id: string): void {
    const set = (db: Database, key: string, value: string) => db.run('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)', [key, value]);
    if (this.ptpDb && this.hasPtpChanges()) {
      set(this.ptpDb, 'generation', id);
      set(this.db, 'ptp-generation', id);
    }
    set(this.db, 'generation', id);
  }

  /** True when a source with this SHA-256 was already imported (re-importing it is a no-op). */
  hasSource(sha256: string): boolean {
    const rows = this.db.exec(`SELECT 1 FROM codeset WHERE sources LIKE ? LIMIT 1`, [`%"sha256":"${sha256}"%`]);
    return rows.length > 0;
  }

  begin(): void {
    if (this.inTransaction) return;
    this.db.exec('BEGIN');
    this.ptpDb?.exec('BEGIN');
    this.inTransaction = true;
  }

  commit(): void {
    if (!this.inTransaction) return;
    this.freeStatements();
    this.db.exec('COMMIT');
    this.ptpDb?.exec('COMMIT');
    this.inTransaction = false;
  }

  rollback(): void {
    if (!this.inTransaction) return;
    this.freeStatements();
    this.db.exec('ROLLBACK');
    try { this.ptpDb?.exec('ROLLBACK'); } catch { /* no transaction open on the PTP database yet */ }
    this.inTransaction = false;
  }

  beginSet(meta: CodesetMeta): number {
    const variant = meta.variant ?? '';
    const found = this.db.exec('SELECT id, sources, effective_from, effective_to FROM codeset WHERE system = ? AND version = ? AND variant = ?', [meta.system, meta.version, variant]);
    const source: SourceRecord = meta.source;
    let id: number;
    if (found.length > 0) {
      const row = found[0]!.values[0]!;
      id = Number(row[0]);
      const sources = (JSON.parse(String(row[1])) as SourceRecord[]).filter((s) => s.name !== source.name);
      sources.push(source);
      this.db.run('UPDATE codeset SET sources = ?, effective_from = COALESCE(effective_from, ?), effective_to = COALESCE(effective_to, ?) WHERE id = ?', [
        JSON.stringify(sources), meta.effectiveFrom ?? null, meta.effectiveTo ?? null, id,
      ]);
    } else {
      this.db.run('INSERT INTO codeset (system, version, effective_from, effective_to, imported_at, sources, variant) VALUES (?, ?, ?, ?, ?, ?, ?)', [
        meta.system, meta.version, meta.effectiveFrom ?? null, meta.effectiveTo ?? null, new Date().toISOString(), JSON.stringify([source]), variant,
      ]);
      id = Number(this.db.exec('SELECT last_insert_rowid()')[0]!.values[0]![0]);
    }
    this.touched.add(id);
    this.begun.add(id);
    if (meta.system === 'ncci-ptp') this.ptpSets.add(id);
    return id;
  }

  /** The sets begun since the last call (one file may begin several: HCPCS codes and modifiers). */
  takeBegunSets(): number[] {
    const ids = [...this.begun];
    this.begun = new Set();
    return ids;
  }

  /** Records an importer's own counts on its source entry, so `info` can show per-file counts. */
  recordResult(setId: number, sourceName: string, result: ImportResult): void {
    const row = this.db.exec('SELECT sources FROM codeset WHERE id = ?', [setId])[0]?.values[0];
    if (!row) return;
    const sources = JSON.parse(String(row[0])) as (SourceRecord & { counts?: unknown })[];
    for (const s of sources) if (s.name === sourceName) s.counts = result.counts;
    this.db.run('UPDATE codeset SET sources = ? WHERE id = ?', [JSON.stringify(sources), setId]);
  }

  private statements(): Stmts {
    if (!this.stmts) {
      this.stmts = {
        code: this.db.prepare(`INSERT INTO code (set_id, code, display, kind, billable, short_title, long_title, parent, extra)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
          ON CONFLICT (set_id, code) DO UPDATE SET
            billable = MAX(billable, excluded.billable),
            kind = CASE WHEN code.kind IN ('chapter', 'section') THEN code.kind ELSE excluded.kind END,
            short_title = COALESCE(excluded.short_title, code.short_title),
            long_title = COALESCE(excluded.long_title, code.long_title),
            parent = COALESCE(code.parent, excluded.parent),
            extra = COALESCE(excluded.extra, code.extra)`),
        note: this.db.prepare('INSERT INTO tabular_note (set_id, code, type, text, refs) VALUES (?, ?, ?, ?, ?)'),
        seventh: this.db.prepare('INSERT OR REPLACE INTO seventh_char (set_id, code, chr, title) VALUES (?, ?, ?, ?)'),
        index: this.db.prepare('INSERT INTO index_entry (set_id, source, path, term, level, nemod, code, see, see_also, codes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)'),
        mue: this.db.prepare('INSERT OR REPLACE INTO mue (set_id, code, units, mai, rationale) VALUES (?, ?, ?, ?, ?)'),
        addon: this.db.prepare('INSERT OR REPLACE INTO addon (set_id, addon, primary_code, edit_type) VALUES (?, ?, ?, ?)'),
        mce: this.db.prepare('INSERT INTO mce_edit (set_id, code, edit, rule, min_age, max_age, sex, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
        risk: this.db.prepare('INSERT INTO risk_row (set_id, tbl, model, key, value, extra) VALUES (?, ?, ?, ?, ?, ?)'),
      };
    }
    return this.stmts;
  }

  private freeStatements(): void {
    if (this.stmts) for (const s of Object.values(this.stmts)) s.free();
    this.stmts = undefined;
    this.ptpStmt?.free();
    this.ptpStmt = undefined;
  }

  code(setId: number, r: CodeRow): void {
    this.statements().code.run([
      setId, r.code, r.display, r.kind, r.billable ? 1 : 0, r.shortTitle ?? null, r.longTitle ?? null, r.parent ?? null,
      r.extra ? JSON.stringify(r.extra) : null,
    ]);
  }

  note(setId: number, r: TabularNoteRow): void {
    this.statements().note.run([setId, r.code, r.type, r.text, r.refs && r.refs.length > 0 ? JSON.stringify(r.refs) : null]);
  }

  seventhChar(setId: number, r: SeventhCharRow): void {
    this.statements().seventh.run([setId, r.code, r.chr, r.title]);
  }

  indexEntry(setId: number, r: IndexEntryRow): void {
    this.statements().index.run([
      setId, r.source, r.path, r.term, r.level, r.nemod ?? null, r.code ?? null, r.see ?? null, r.seeAlso ?? null,
      r.codes ? JSON.stringify(r.codes) : null,
    ]);
  }

  mue(setId: number, r: MueRow): void {
    this.statements().mue.run([setId, r.code, r.units, r.mai, r.rationale ?? null]);
  }

  addon(setId: number, r: AddonRow): void {
    this.statements().addon.run([setId, r.addon, r.primary, r.editType]);
  }

  mce(setId: number, r: MceRow): void {
    this.statements().mce.run([setId, r.code, r.edit, r.rule, r.minAge ?? null, r.maxAge ?? null, r.sex ?? null, r.text]);
  }

  riskRow(setId: number, r: RiskTableRow): void {
    const [key, value, extra] = riskColumns(r);
    this.statements().risk.run([setId, r.table, r.model, key, value, extra]);
  }

  ptp(setId: number, r: PtpRow): void {
    if (!this.ptpStmt) {
      if (!this.ptpDb) {
        this.ptpDb = new this.SQL.Database();
        this.ptpDb.exec(PTP_SCHEMA);
        if (this.inTransaction) this.ptpDb.exec('BEGIN');
      }
      this.ptpStmt = this.ptpDb.prepare('INSERT INTO ptp (set_id, col1, col2, effective_date, deletion_date, modifier_indicator, rationale_id) VALUES (?, ?, ?, ?, ?, ?, ?)');
      for (const row of this.ptpDb.exec('SELECT id, text FROM ptp_rationale')[0]?.values ?? []) this.rationaleIds.set(String(row[1]), Number(row[0]));
    }
    let rationaleId: number | null = null;
    if (r.rationale) {
      rationaleId = this.rationaleIds.get(r.rationale) ?? null;
      if (rationaleId === null) {
        rationaleId = this.rationaleIds.size + 1;
        this.ptpDb!.run('INSERT INTO ptp_rationale (id, text) VALUES (?, ?)', [rationaleId, r.rationale]);
        this.rationaleIds.set(r.rationale, rationaleId);
      }
    }
    this.ptpStmt.run([setId, r.col1, r.col2, r.effectiveDate ?? null, r.deletionDate ?? null, r.modifierIndicator, rationaleId]);
  }

  /** Stores PTP and per-set counts for every set touched in this session (read by `info` without scanning). */
  finalize(): void {
    if (this.ptpDb && this.ptpSets.size > 0) {
      for (const id of this.ptpSets) {
        const row = this.ptpDb.exec('SELECT COUNT(*), SUM(deletion_date IS NULL) FROM ptp WHERE set_id = ?', [id])[0]?.values[0];
        this.db.run('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)', [`ptp-count:${id}`, JSON.stringify({ edits: Number(row?.[0] ?? 0), active: Number(row?.[1] ?? 0) })]);
      }
    }
    const ids = [...this.touched].sort((a, b) => a - b);
    if (ids.length === 0) return;
    for (const [id, counts] of computeCounts(this.db, ids)) {
      this.db.run('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)', [`counts:${id}`, JSON.stringify(counts)]);
    }
    this.touched.clear();
  }

  exportMain(): Uint8Array {
    return this.db.export();
  }

  /** The PTP database bytes, or undefined when no PTP set exists. */
  exportPtp(): Uint8Array | undefined {
    return this.ptpDb?.export();
  }

  hasPtpChanges(): boolean {
    return this.ptpSets.size > 0;
  }

  close(): void {
    this.freeStatements();
    this.db.close();
    this.ptpDb?.close();
  }
}

/** A risk-adjustment row as the (key, value, extra) columns of `risk_row`. */
function riskColumns(r: RiskTableRow): [string, string, string | null] {
  switch (r.table) {
    case 'dx': return [r.code, r.cc, null];
    case 'hierarchy': return [r.parent, r.child, null];
    case 'label': return [r.cc, r.label, null];
    case 'coefficient': return [r.name, String(r.value), null];
    case 'edit': {
      const { table: _t, model: _m, code, action, ...rest } = r;
      return [code, action, JSON.stringify(rest)];
    }
    case 'chronic': return [r.cc, r.chronic ? 'Y' : 'N', null];
    case 'eligible': return [r.code, '', null];
  }
}
