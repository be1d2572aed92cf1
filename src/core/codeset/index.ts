// The code-set index over a sql.js database: lookups by date of service, hierarchy, notes,
// 7th characters, index entries, NCCI/MCE edits and search.
import type { Database, SqlJsStatic, SqlValue } from 'sql.js';
import type {
  AddonEdit, CodeRecord, CodesetIndex, CodesetInfo, IndexEntry, LookupOptions, MceEdit, MueEdit, PtpEdit, SearchOptions, SearchResult, TabularNote,
} from './api';
import type { CodeKind, CodeRange, CodeSystem, IndexSource, SeventhCharRow, SourceRecord, TabularNoteType } from '../importers/types';
import { normalizeCode } from '../importers/text';
import { SCHEMA_VERSION } from './schema';
import { pickSet, notesOrder, type Content } from './versions';
import { CodeSearch, type CodeSearchParts } from './search';
import { builtinCptCodes, builtinCptModifiers } from '../importers/cpt/builtin';
import { builtinPlaceOfService } from '../importers/pos/builtin';

export type { CodesetIndex } from './api';

export interface OpenOptions {
  /** Loads the PTP database bytes on first use; resolves undefined when PTP is not installed. */
  loadPtp?: () => Promise<Uint8Array | undefined>;
}

/** A database that cannot be used: not SQLite, corrupted, or from an unknown schema. */
export class CodesetDatabaseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CodesetDatabaseError';
  }
}

/** Rows per query of a whole-table read: small enough that one query is a short pause, large enough to be fast. */
const ROWS_PER_BATCH = 4_000;
const INDEX_COLUMNS = ['id', 'source', 'path', 'term', 'level', 'nemod', 'code', 'see', 'see_also', 'codes'];
const CODE_COLUMNS = ['code', 'display', 'kind', 'billable', 'short_title', 'long_title', 'parent', 'extra'];
const LOOKUP_ORDER: CodeSystem[] = ['icd10cm', 'hcpcs', 'cpt', 'modifier'];
const ICD_PATTERN = /^[A-TV-Z][0-9][0-9A-Z]/;

export function openCodesetIndex(SQL: SqlJsStatic, bytes: Uint8Array, options: OpenOptions = {}): SqlCodesetIndex {
  const header = new TextDecoder().decode(bytes.subarray(0, 15));
  if (bytes.length > 0 && header !== 'SQLite format 3') {
    throw new CodesetDatabaseError('the file is not a MedCode code-set database (not SQLite). Rebuild it with `medcode codesets import`.');
  }
  let db: Database;
  try {
    db = new SQL.Database(bytes);
    const v = Number(db.exec('PRAGMA user_version')[0]?.values[0]?.[0] ?? 0);
    const tables = db.exec("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'codeset'");
    if (tables.length === 0) throw new CodesetDatabaseError('the database has no code sets (empty or not a MedCode database). Import code sets first.');
    if (v > SCHEMA_VERSION) throw new CodesetDatabaseError(`the database was written by a newer MedCode (schema ${v}, this one reads ${SCHEMA_VERSION}).`);
    db.exec('SELECT count(*) FROM code');
  } catch (e) {
    if (e instanceof CodesetDatabaseError) throw e;
    throw new CodesetDatabaseError(`the database is corrupted or unreadable (${(e as Error).message}). Rebuild it with \`medcode codesets import\`.`);
  }
  return new SqlCodesetIndex(SQL, db, options);
}

export class SqlCodesetIndex implements CodesetIndex {
  private setsCache: CodesetInfo[] | undefined;
  private readonly byId = new Map<number, CodesetInfo>();
  private ptpDb: Database | undefined;
  private ptpState: 'unknown' | 'loaded' | 'absent' = 'unknown';
  private searcher: CodeSearch | undefined;
  private readonly stmtCache = new Map<string, ReturnType<Database['prepare']>>();
  /** Per set: the parents whose children do not all extend the parent's code (see childRows). */
  private readonly scatteredParents = new Map<number, Set<string>>();

  constructor(private readonly SQL: SqlJsStatic, readonly db: Database, private readonly options: OpenOptions) {
    for (const s of this.sets()) this.byId.set(s.id, s);
  }

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

  sets(): CodesetInfo[] {
    if (this.setsCache) return this.setsCache;
    const rows = this.query<{ id: number; system: string; version: string; variant: string; effective_from: string | null; effective_to: string | null; imported_at: string; sources: string }>(
      'SELECT id, system, version, variant, effective_from, effective_to, imported_at, sources FROM codeset ORDER BY system, effective_from, id',
    );
    const counts = this.countsBySet();
    this.setsCache = rows.map((r) => ({
      id: r.id,
      system: r.system as CodeSystem,
      version: r.version,
      variant: r.variant,
      ...(r.effective_from ? { effectiveFrom: r.effective_from } : {}),
      ...(r.effective_to ? { effectiveTo: r.effective_to } : {}),
      importedAt: r.imported_at,
      sources: JSON.parse(r.sources) as SourceRecord[],
      counts: counts.get(r.id) ?? {},
    }));
    return this.setsCache;
  }

  /** Counts are computed when a set is written (see CodesetWriter.finalize) and read from `meta`. */
  private countsBySet(): Map<number, Record<string, number>> {
    const m = new Map<number, Record<string, number>>();
    for (const row of this.db.exec("SELECT key, value FROM meta WHERE key LIKE 'counts:%'")[0]?.values ?? []) {
      m.set(Number(String(row[0]).slice('counts:'.length)), JSON.parse(String(row[1])) as Record<string, number>);
    }
    const missing = this.db.exec('SELECT id FROM codeset')[0]?.values.map((r) => Number(r[0])).filter((id) => !m.has(id)) ?? [];
    for (const [id, counts] of computeCounts(this.db, missing)) m.set(id, counts);
    return m;
  }

  setFor(system: CodeSystem, date?: string, variant?: string): CodesetInfo | undefined {
    const sets = this.sets().filter((s) => s.system === system && (variant === undefined || s.variant === variant));
    return pickSet(sets, system === 'icd10cm' ? 'codes' : 'edits', date, date !== undefined);
  }

  /** Set for a kind of content: lenient (falls back to the nearest version that has it). */
  contentSet(system: CodeSystem, content: Content, date?: string, variant?: string): CodesetInfo | undefined {
    const sets = this.sets().filter((s) => s.system === system && (variant === undefined || s.variant === variant));
    return pickSet(sets, content, date, false);
  }

  private codeSetFor(system: CodeSystem, date?: string): CodesetInfo | undefined {
    const sets = this.sets().filter((s) => s.system === system);
    return pickSet(sets, 'codes', date, date !== undefined);
  }

  private toRecord(row: CodeRow, set: CodesetInfo): CodeRecord {
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

  private systemsFor(options: LookupOptions): CodeSystem[] {
    return options.system ? [options.system] : LOOKUP_ORDER;
  }

  lookup(code: string, options: LookupOptions = {}): CodeRecord | undefined {
    const n = normalizeCode(code);
    if (!n) return undefined;
    for (const system of this.systemsFor(options)) {
      const set = this.codeSetFor(system, options.date);
      if (set) {
        const row = this.query<CodeRow>('SELECT * FROM code WHERE set_id = ? AND code = ?', [set.id, n])[0];
        if (row) return this.toRecord(row, set);
      }
      const builtin = this.builtin(system, n, set !== undefined);
      if (builtin) return builtin;
    }
    return undefined;
  }

  /** True when a licensed CPT file is installed (otherwise only the built-in CPT numbers are known). */
  hasLicensedCpt(): boolean {
    return this.sets().some((s) => s.system === 'cpt');
  }

  /**
   * The CPT numbers MedCode's own logic needs, with our plain labels: answered when no licensed
   * CPT file is installed; CPT modifiers (25, 59 ...) always, since the HCPCS file has none.
   */
  private builtin(system: CodeSystem, n: string, haveSet: boolean): CodeRecord | undefined {
    const table = system === 'cpt' && !haveSet ? builtinCptCodes
      : system === 'modifier' ? builtinCptModifiers
        : system === 'pos' && !haveSet ? builtinPlaceOfService : undefined;
    const row = table?.find((r) => r.code === n);
    if (!row) return undefined;
    return {
      code: row.display, normalized: row.code, system, version: 'builtin', setId: -1, kind: row.kind, billable: row.billable,
      title: row.longTitle ?? '', ...(row.shortTitle ? { shortTitle: row.shortTitle } : {}), extra: { builtin: true },
    };
  }

  children(code: string, options: LookupOptions = {}): CodeRecord[] {
    const n = normalizeCode(code);
    const system = options.system ?? this.guessSystem(n);
    const set = this.codeSetFor(system, options.date);
    if (!set) return [];
    return this.childRows(set.id, n).map((r) => this.toRecord(r, set));
  }

  /**
   * Children sorted by code. They mostly extend their parent's code (E11 -> E112), so the primary
   * key's range finds them without an index on parent; the parents with a child outside that range
   * (chapters, sections, the odd code the tabular nests under a sibling: H54.512A under H54.511)
   * are listed once per set and read by scanning the set.
   */
  private childRows(setId: number, n: string): CodeRow[] {
    let scattered = this.scatteredParents.get(setId);
    if (!scattered) {
      const rows = this.query<{ parent: string }>('SELECT DISTINCT parent FROM code WHERE set_id = ? AND parent IS NOT NULL AND NOT (code >= parent AND code < parent || char(65535))', [setId]);
      scattered = new Set(rows.map((r) => r.parent));
      this.scatteredParents.set(setId, scattered);
    }
    if (scattered.has(n)) return this.query<CodeRow>('SELECT * FROM code WHERE set_id = ? AND parent = ? ORDER BY code', [setId, n]);
    return this.query<CodeRow>('SELECT * FROM code WHERE set_id = ? AND code >= ? AND code < ? AND parent = ? ORDER BY code', [setId, n, `${n}\uffff`, n]);
  }

  billableDescendants(code: string, options: LookupOptions & { limit?: number } = {}): CodeRecord[] {
    const n = normalizeCode(code);
    const system = options.system ?? this.guessSystem(n);
    const set = this.codeSetFor(system, options.date);
    if (!set) return [];
    const limit = options.limit ?? 1000;
    return this.query<CodeRow>('SELECT * FROM code WHERE set_id = ? AND code >= ? AND code < ? AND billable = 1 ORDER BY code LIMIT ?', [set.id, n, `${n}\uffff`, limit])
      .map((r) => this.toRecord(r, set));
  }

  ancestors(code: string, options: LookupOptions = {}): CodeRecord[] {
    const out: CodeRecord[] = [];
    let current = this.lookup(code, options);
    const seen = new Set<string>();
    while (current?.parent && !seen.has(current.parent)) {
      seen.add(current.parent);
      const parent = this.lookup(current.parent, { ...options, system: current.system });
      if (!parent) break;
      out.push(parent);
      current = parent;
    }
    if (current && current.system === 'icd10cm') {
      // The order file stops at the category; the tabular knows its section and chapter.
      const notesSet = this.contentSet('icd10cm', 'notes', options.date);
      let p = notesSet ? this.query<{ parent: string | null }>('SELECT parent FROM code WHERE set_id = ? AND code = ?', [notesSet.id, current.normalized])[0]?.parent : null;
      while (notesSet && p && !seen.has(p)) {
        seen.add(p);
        const row = this.query<CodeRow>('SELECT * FROM code WHERE set_id = ? AND code = ?', [notesSet.id, p])[0];
        if (!row) break;
        out.push(this.toRecord(row, notesSet));
        p = row.parent;
      }
    }
    return out;
  }

  /** Normalized codes from the code itself up through its ICD-10-CM prefixes (E1122, E112, E11). */
  private icdChain(n: string): string[] {
    const chain: string[] = [];
    for (let len = n.length; len >= 3; len--) chain.push(n.slice(0, len));
    return chain;
  }

  notes(code: string, options: LookupOptions & { inherited?: boolean; types?: TabularNoteType[] } = {}): TabularNote[] {
    const n = normalizeCode(code);
    const chain = options.inherited === false ? [n] : this.icdChain(n);
    const date = options.date;
    const candidates = notesOrder(this.sets().filter((s) => s.system === 'icd10cm'), date);
    for (const set of candidates) {
      const placeholders = chain.map(() => '?').join(',');
      const rows = this.query<{ code: string; type: string; text: string; refs: string | null }>(
        `SELECT code, type, text, refs FROM tabular_note WHERE set_id = ? AND code IN (${placeholders})`, [set.id, ...chain],
      );
      const known = this.query<{ c: number }>(`SELECT COUNT(*) AS c FROM code WHERE set_id = ? AND code IN (${placeholders})`, [set.id, ...chain])[0]?.c ?? 0;
      if (rows.length === 0 && known === 0) continue;
      const order = new Map(chain.map((c, i) => [c, i]));
      return rows
        .filter((r) => !options.types || options.types.includes(r.type as TabularNoteType))
        .sort((a, b) => (order.get(a.code)! - order.get(b.code)!))
        .map((r) => ({ type: r.type as TabularNoteType, text: r.text, refs: r.refs ? (JSON.parse(r.refs) as CodeRange[]) : [], from: r.code, version: set.version }));
    }
    return [];
  }

  seventhChars(code: string, options: LookupOptions = {}): SeventhCharRow[] {
    const n = normalizeCode(code);
    const candidates = notesOrder(this.sets().filter((s) => s.system === 'icd10cm'), options.date);
    for (const set of candidates) {
      for (const prefix of this.icdChain(n.length >= 7 ? n.slice(0, 6) : n)) {
        const rows = this.query<{ code: string; chr: string; title: string }>('SELECT code, chr, title FROM seventh_char WHERE set_id = ? AND code = ? ORDER BY chr', [set.id, prefix]);
        if (rows.length > 0) return rows.map((r) => ({ code: r.code, chr: r.chr, title: r.title }));
      }
      const known = this.query<{ c: number }>('SELECT COUNT(*) AS c FROM code WHERE set_id = ? AND code = ?', [set.id, n.slice(0, 3)])[0]?.c ?? 0;
      if (known > 0) return [];
    }
    return [];
  }

  private indexSets(date?: string, sources: IndexSource[] = ['index', 'drug', 'neoplasm', 'eindex']): { set: CodesetInfo; source: IndexSource }[] {
    const out: { set: CodesetInfo; source: IndexSource }[] = [];
    for (const source of sources) {
      const set = this.contentSet('icd10cm', source, date);
      if (set) out.push({ set, source });
    }
    return out;
  }

  private toIndexEntry(r: IndexRow, version: string): IndexEntry {
    return {
      id: r.id, source: r.source as IndexSource, path: r.path, term: r.term, level: r.level, version,
      ...(r.nemod ? { nemod: r.nemod } : {}), ...(r.code ? { code: r.code } : {}), ...(r.see ? { see: r.see } : {}),
      ...(r.see_also ? { seeAlso: r.see_also } : {}), ...(r.codes ? { codes: JSON.parse(r.codes) as Record<string, string> } : {}),
    };
  }

  indexEntriesFor(code: string, options: LookupOptions = {}): IndexEntry[] {
    const n = normalizeCode(code);
    const out: IndexEntry[] = [];
    for (const { set, source } of this.indexSets(options.date)) {
      for (const r of this.query<IndexRow>('SELECT * FROM index_entry WHERE set_id = ? AND source = ? AND code = ? LIMIT 50', [set.id, source, n])) out.push(this.toIndexEntry(r, set.version));
    }
    return out;
  }

  allIndexEntries(options: { date?: string; sources?: IndexSource[] } = {}): IndexEntry[] {
    return [...this.eachIndexEntry(options)];
  }

  *eachIndexEntry(options: { date?: string; sources?: IndexSource[] } = {}): Generator<IndexEntry> {
    for (const { set, source } of this.indexSets(options.date, options.sources)) {
      for (const c of this.batched(INDEX_COLUMNS, 'index_entry WHERE +set_id = ? AND source = ?', [set.id, source], { column: 'id', from: -1 })) {
        yield this.toIndexEntry({ id: Number(c[0]), set_id: set.id, source: c[1]!, path: c[2]!, term: c[3]!, level: Number(c[4]), nemod: c[5]!, code: c[6]!, see: c[7]!, see_also: c[8]!, codes: c[9]! }, set.version);
      }
    }
  }

  allCodes(system: CodeSystem, options: { date?: string } = {}): CodeRecord[] {
    return [...this.eachCode(system, options)];
  }

  *eachCode(system: CodeSystem, options: { date?: string } = {}): Generator<CodeRecord> {
    const set = pickSet(this.sets().filter((s) => s.system === system), 'codes', options.date, false);
    if (!set) return;
    for (const c of this.batched(CODE_COLUMNS, "code WHERE set_id = ? AND kind NOT IN ('chapter','section')", [set.id], { column: 'code', from: '' })) {
      yield this.toRecord({ set_id: set.id, code: c[0]!, display: c[1]!, kind: c[2]!, billable: Number(c[3]), short_title: c[4]!, long_title: c[5]!, parent: c[6]!, extra: c[7]! }, set);
    }
  }

  allNotes(types: TabularNoteType[], options: { date?: string } = {}): (TabularNote & { code: string })[] {
    return [...this.eachNote(types, options)];
  }

  *eachNote(types: TabularNoteType[], options: { date?: string } = {}): Generator<TabularNote & { code: string }> {
    const set = this.contentSet('icd10cm', 'notes', options.date);
    if (!set || types.length === 0) return;
    const rows = this.batched(['code', 'type', 'text', 'refs'], `tabular_note WHERE set_id = ? AND type IN (${types.map(() => '?').join(',')})`, [set.id, ...types]);
    for (const [code, type, text, refs] of rows) yield { code: code!, from: code!, type: type as TabularNoteType, text: text!, refs: refs ? (JSON.parse(refs) as CodeRange[]) : [], version: set.version };
  }

  inRanges(code: string, ranges: CodeRange[]): boolean {
    const n = normalizeCode(code);
    for (const [from, to] of ranges) {
      const a = normalizeCode(from);
      const b = normalizeCode(to);
      if (n.startsWith(a) || n.startsWith(b)) return true;
      // Compare on the range's own precision: E10-E13 covers E11.9 (E11 within E10..E13).
      const len = Math.max(a.length, b.length);
      const head = n.slice(0, len);
      if (head >= a && head <= b) return true;
    }
    return false;
  }

  search(query: string, options: SearchOptions = {}): SearchResult[] {
    this.searcher ??= new CodeSearch(this);
    return this.searcher.search(query, options);
  }

  /** Builds the word-search index now (a few seconds of CPU) so the first search a user types is fast. */
  warmSearch(options: SearchOptions = {}): void {
    this.searcher ??= new CodeSearch(this);
    this.searcher.warm(options);
  }

  /**
   * Where to read a word-search index built from this same database (a saved copy), tried once on
   * the first search instead of building it (seconds); when it returns nothing or does not fit, the
   * index is built as usual.
   */
  provideSearchIndex(load: () => CodeSearchParts | undefined): void {
    this.searcher ??= new CodeSearch(this);
    if (!this.searcher.built) this.searcher.source = load;
  }

  /** Whether the word-search index is built (by a search or warmSearch()), adopted, or provided. */
  hasSearchIndex(): boolean {
    return this.searcher?.built ?? false;
  }

  /** The built word-search index as parts (to save it beside the database); undefined before a search or warmSearch(). */
  searchParts(): CodeSearchParts | undefined {
    return this.searcher?.toParts();
  }

  /** Takes a word-search index built from this same database (a saved copy); false when one is built already. Throws when the parts do not fit together. */
  adoptSearch(parts: CodeSearchParts): boolean {
    this.searcher ??= new CodeSearch(this);
    return this.searcher.adopt(parts);
  }

  /** Resolves a normalized code of `system` in the code set for `date` (search uses it). */
  resolve(system: CodeSystem, normalized: string, date?: string): CodeRecord | undefined {
    const set = this.codeSetFor(system, date) ?? (date ? undefined : pickSet(this.sets().filter((s) => s.system === system), 'codes'));
    if (!set) return undefined;
    const row = this.query<CodeRow>('SELECT * FROM code WHERE set_id = ? AND code = ?', [set.id, normalized])[0];
    return row ? this.toRecord(row, set) : undefined;
  }

  codeSetId(system: CodeSystem, date?: string): number | undefined {
    return this.codeSetFor(system, date)?.id;
  }

  setById(id: number): CodesetInfo | undefined {
    return this.byId.get(id);
  }

  mue(code: string, options: { date?: string; variant?: string } = {}): MueEdit | undefined {
    const set = this.contentSet('ncci-mue', 'edits', options.date, options.variant ?? 'practitioner');
    if (!set) return undefined;
    const row = this.query<{ code: string; units: number; mai: number; rationale: string | null }>('SELECT * FROM mue WHERE set_id = ? AND code = ?', [set.id, normalizeCode(code)])[0];
    return row ? { code: row.code, units: row.units, mai: row.mai, variant: set.variant, version: set.version, ...(row.rationale ? { rationale: row.rationale } : {}) } : undefined;
  }

  addonPrimaries(addonCode: string, options: { date?: string } = {}): AddonEdit[] {
    const set = this.contentSet('ncci-addon', 'edits', options.date);
    if (!set) return [];
    return this.query<{ addon: string; primary_code: string; edit_type: number }>('SELECT * FROM addon WHERE set_id = ? AND addon = ?', [set.id, normalizeCode(addonCode)])
      .map((r) => ({ addon: r.addon, primary: r.primary_code, editType: r.edit_type, version: set.version }));
  }

  mceEdits(code: string, options: { date?: string } = {}): MceEdit[] {
    const set = this.contentSet('mce', 'edits', options.date);
    if (!set) return [];
    return this.query<{ code: string; edit: string; rule: string; min_age: number | null; max_age: number | null; sex: string | null; text: string }>(
      'SELECT * FROM mce_edit WHERE set_id = ? AND code = ?', [set.id, normalizeCode(code)],
    ).map((r) => ({
      code: r.code, edit: r.edit as MceEdit['edit'], rule: r.rule, text: r.text, version: set.version,
      ...(r.min_age !== null ? { minAge: r.min_age } : {}), ...(r.max_age !== null ? { maxAge: r.max_age } : {}),
      ...(r.sex ? { sex: r.sex as 'female' | 'male' } : {}),
    }));
  }

  hasPtp(): boolean {
    return this.sets().some((s) => s.system === 'ncci-ptp');
  }

  async ptp(codeA: string, codeB: string, options: { date?: string; variant?: string } = {}): Promise<PtpEdit[] | undefined> {
    const set = this.contentSet('ncci-ptp', 'edits', options.date, options.variant ?? 'practitioner');
    if (!set) return undefined;
    const db = await this.openPtp();
    if (!db) return undefined;
    const a = normalizeCode(codeA);
    const b = normalizeCode(codeB);
    const stmt = db.prepare(`SELECT col1, col2, effective_date, deletion_date, modifier_indicator, r.text AS rationale
      FROM ptp LEFT JOIN ptp_rationale r ON r.id = ptp.rationale_id
      WHERE set_id = ? AND ((col1 = ? AND col2 = ?) OR (col1 = ? AND col2 = ?))`);
    const out: PtpEdit[] = [];
    try {
      stmt.bind([set.id, a, b, b, a]);
      while (stmt.step()) {
        const r = stmt.getAsObject() as { col1: string; col2: string; effective_date: string | null; deletion_date: string | null; modifier_indicator: number; rationale: string | null };
        if (options.date && r.deletion_date && r.deletion_date < options.date) continue;
        if (options.date && r.effective_date && r.effective_date > options.date) continue;
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

  private async openPtp(): Promise<Database | undefined> {
    if (this.ptpState === 'loaded') return this.ptpDb;
    if (this.ptpState === 'absent') return undefined;
    const bytes = await this.options.loadPtp?.();
    if (!bytes || bytes.length === 0) {
      this.ptpState = 'absent';
      return undefined;
    }
    try {
      this.ptpDb = new this.SQL.Database(bytes);
      this.ptpDb.exec('SELECT count(*) FROM ptp LIMIT 1');
    } catch (e) {
      this.ptpState = 'absent';
      throw new CodesetDatabaseError(`the NCCI PTP database is corrupted or unreadable (${(e as Error).message}). Re-import the PTP file.`);
    }
    this.ptpState = 'loaded';
    return this.ptpDb;
  }

  /** Guesses the system of a normalized code from its shape. */
  guessSystem(n: string): CodeSystem {
    if (/^\d{4}[0-9A-Z]$/.test(n)) return 'cpt';
    if (/^[A-V]\d{4}$/.test(n) && !this.resolve('icd10cm', n)) return 'hcpcs';
    if (ICD_PATTERN.test(n)) return 'icd10cm';
    return 'hcpcs';
  }

  close(): void {
    for (const s of this.stmtCache.values()) s.free();
    this.stmtCache.clear();
    this.db.close();
    this.ptpDb?.close();
  }
}

/** Per-set counts straight from the tables (the writer stores them; old databases compute them on open). */
export function computeCounts(db: Database, ids: number[]): Map<number, Record<string, number>> {
  const m = new Map<number, Record<string, number>>();
  if (ids.length === 0) return m;
  const list = ids.join(',');
  const add = (sql: string, fields: string[]) => {
    for (const row of db.exec(sql)[0]?.values ?? []) {
      const id = Number(row[0]);
      const c = m.get(id) ?? {};
      fields.forEach((f, i) => { if (Number(row[i + 1]) > 0) c[f] = (c[f] ?? 0) + Number(row[i + 1]); });
      m.set(id, c);
    }
  };
  add(`SELECT set_id, SUM(kind NOT IN ('chapter','section')), SUM(billable AND kind NOT IN ('chapter','section')), SUM(kind = 'chapter'), SUM(kind = 'section') FROM code WHERE set_id IN (${list}) GROUP BY set_id`, ['codes', 'billable', 'chapters', 'sections']);
  add(`SELECT set_id, COUNT(*), SUM(type = 'excludes1'), SUM(type = 'excludes2'), SUM(type = 'inclusionTerm') FROM tabular_note WHERE set_id IN (${list}) GROUP BY set_id`, ['notes', 'excludes1', 'excludes2', 'inclusionTerms']);
  add(`SELECT set_id, COUNT(DISTINCT code) FROM seventh_char WHERE set_id IN (${list}) GROUP BY set_id`, ['seventhCharDefinitions']);
  add(`SELECT set_id, COUNT(*), SUM(level = 0) FROM index_entry WHERE set_id IN (${list}) GROUP BY set_id`, ['indexEntries', 'mainTerms']);
  add(`SELECT set_id, COUNT(*) FROM mue WHERE set_id IN (${list}) GROUP BY set_id`, ['edits']);
  add(`SELECT set_id, COUNT(*) FROM addon WHERE set_id IN (${list}) GROUP BY set_id`, ['edits']);
  add(`SELECT set_id, COUNT(*) FROM mce_edit WHERE set_id IN (${list}) GROUP BY set_id`, ['edits']);
  add(`SELECT set_id, SUM(tbl = 'dx'), SUM(tbl = 'hierarchy'), SUM(tbl = 'label'), SUM(tbl = 'coefficient'), SUM(tbl = 'edit'), SUM(tbl = 'chronic'), SUM(tbl = 'eligible') FROM risk_row WHERE set_id IN (${list}) GROUP BY set_id`,
    ['mappings', 'hierarchies', 'labels', 'coefficients', 'edits', 'chronicFlags', 'eligibleCodes']);
  for (const row of db.exec("SELECT key, value FROM meta WHERE key LIKE 'ptp-count:%'")[0]?.values ?? []) {
    const id = Number(String(row[0]).slice('ptp-count:'.length));
    if (!ids.includes(id)) continue;
    const parsed = JSON.parse(String(row[1])) as { edits: number; active: number };
    m.set(id, { ...(m.get(id) ?? {}), edits: parsed.edits, activeEdits: parsed.active });
  }
  for (const id of ids) if (!m.has(id)) m.set(id, {});
  return m;
}

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

interface IndexRow extends Record<string, SqlValue> {
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
