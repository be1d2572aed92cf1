// The code-set index over a sql.js database: lookups by date of service, hierarchy, notes,
// 7th characters, index entries, NCCI/MCE edits and search. The SQL plumbing (sqlReader.ts), the
// PTP database (ptpDatabase.ts), built-in codes (builtins.ts), per-set counts of older databases
// (setCounts.ts) and the search index (searchLifecycle.ts) live beside it.
import type { Database, SqlJsStatic, SqlValue } from 'sql.js';
import type {
  AddonEdit, CodeRecord, CodesetIndex, CodesetInfo, IndexEntry, LookupOptions, MceEdit, MueEdit, PtpEdit, SearchOptions, SearchResult, TabularNote,
} from './api';
import type { CodeRange, CodeSystem, IndexSource, SeventhCharRow, SourceRecord, TabularNoteType } from '../importers/types';
import { isIcd10cmShape, normalizeCode, systemByShape } from '../codes';
import { sqliteDamage } from './integrity';
import { handOver } from './handOver';
import { SCHEMA_VERSION } from './schema';
import { pickSet, notesOrder, type Content } from './versions';
import type { CodeSearchParts } from './search';
import { CodesetDatabaseError } from './errors';
import { SqlReader } from './sqlReader';
import { CODE_COLUMNS, INDEX_COLUMNS, toCodeRecord, toIndexEntry, type CodeRow, type IndexRow } from './rows';
import { builtinRecord } from './builtins';
import { metaValue, PtpDatabase } from './ptpDatabase';
import { countsBySet } from './setCounts';
import { SearchLifecycle } from './searchLifecycle';
import type { SearchSource } from './searchSource';

export type { CodesetIndex } from './api';
export { CodesetDatabaseError } from './errors';

export interface OpenOptions {
  /** Loads the PTP database bytes on first use; resolves undefined when PTP is not installed. */
  loadPtp?: () => Promise<Uint8Array | undefined>;
  /** The caller will not use `bytes` (nor the PTP bytes) again: sql.js reads them in place, without a copy. */
  handOver?: boolean;
}

const LOOKUP_ORDER: CodeSystem[] = ['icd10cm', 'hcpcs', 'cpt', 'modifier'];

export function openCodesetIndex(SQL: SqlJsStatic, bytes: Uint8Array, options: OpenOptions = {}): SqlCodesetIndex {
  const header = new TextDecoder().decode(bytes.subarray(0, 15));
  if (bytes.length > 0 && header !== 'SQLite format 3') {
    throw new CodesetDatabaseError('the file is not a MedCode code-set database (not SQLite). Rebuild it with `medcode codesets import`.');
  }
  const damage = sqliteDamage(SQL, bytes);
  if (damage) {
    throw new CodesetDatabaseError(`the database is corrupted (${damage}). Rebuild it: \`medcode codesets import <files> --db <this file>\` sets the damaged file aside and builds a new one.`);
  }
  let db: Database;
  try {
    db = new SQL.Database(options.handOver ? handOver(bytes) : bytes);
    const v = Number(db.exec('PRAGMA user_version')[0]?.values[0]?.[0] ?? 0);
    const tables = db.exec("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'codeset'");
    if (tables.length === 0) throw new CodesetDatabaseError('the database has no code sets (empty or not a MedCode database). Import code sets first.');
    if (v > SCHEMA_VERSION) throw new CodesetDatabaseError(`the database was written by a newer MedCode (schema ${v}, this one reads ${SCHEMA_VERSION}).`);
    // Reads one page of the code table; sqliteDamage() checked the length against the header.
    db.exec('SELECT code FROM code LIMIT 1');
  } catch (e) {
    if (e instanceof CodesetDatabaseError) throw e;
    throw new CodesetDatabaseError(`the database is corrupted or unreadable (${(e as Error).message}). Rebuild it with \`medcode codesets import\`.`);
  }
  return new SqlCodesetIndex(SQL, db, options);
}

export class SqlCodesetIndex implements CodesetIndex, SearchSource {
  private setsCache: CodesetInfo[] | undefined;
  private readonly byId = new Map<number, CodesetInfo>();
  private readonly reader: SqlReader;
  private readonly ptpDb: PtpDatabase;
  private readonly searchIndex = new SearchLifecycle(this);
  /** Per set: the parents whose children do not all extend the parent's code (see childRows). */
  private readonly scatteredParents = new Map<number, Set<string>>();

  constructor(SQL: SqlJsStatic, readonly db: Database, options: OpenOptions) {
    this.reader = new SqlReader(db);
    this.ptpDb = new PtpDatabase(SQL, options.loadPtp, () => metaValue(db, 'ptp-generation'), options.handOver ?? false);
    for (const s of this.sets()) this.byId.set(s.id, s);
  }

  /** Runs a read query and returns rows as objects. */
  query<T extends Record<string, SqlValue>>(sql: string, params: SqlValue[] = []): T[] {
    return this.reader.query<T>(sql, params);
  }

  /** Reads a whole table's rows a batch at a time (see SqlReader.batched). */
  batched(columns: string[], from: string, params: SqlValue[] = [], order?: { column: string; from: SqlValue }): Generator<(string | null)[]> {
    return this.reader.batched(columns, from, params, order);
  }

  sets(): CodesetInfo[] {
    if (this.setsCache) return this.setsCache;
    const rows = this.query<{ id: number; system: string; version: string; variant: string; effective_from: string | null; effective_to: string | null; imported_at: string; sources: string }>(
      'SELECT id, system, version, variant, effective_from, effective_to, imported_at, sources FROM codeset ORDER BY system, effective_from, id',
    );
    const counts = countsBySet(this.db);
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
        if (row) return toCodeRecord(row, set);
      }
      const builtin = builtinRecord(system, n, set !== undefined);
      if (builtin) return builtin;
    }
    return undefined;
  }

  /** True when a licensed CPT file is installed (otherwise only the built-in CPT numbers are known). */
  hasLicensedCpt(): boolean {
    return this.sets().some((s) => s.system === 'cpt');
  }

  children(code: string, options: LookupOptions = {}): CodeRecord[] {
    const n = normalizeCode(code);
    const system = options.system ?? this.guessSystem(n);
    const set = this.codeSetFor(system, options.date);
    if (!set) return [];
    return this.childRows(set.id, n).map((r) => toCodeRecord(r, set));
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
      .map((r) => toCodeRecord(r, set));
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
        out.push(toCodeRecord(row, notesSet));
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

  indexEntriesFor(code: string, options: LookupOptions = {}): IndexEntry[] {
    const n = normalizeCode(code);
    const out: IndexEntry[] = [];
    for (const { set, source } of this.indexSets(options.date)) {
      for (const r of this.query<IndexRow>('SELECT * FROM index_entry WHERE set_id = ? AND source = ? AND code = ? LIMIT 50', [set.id, source, n])) out.push(toIndexEntry(r, set.version));
    }
    return out;
  }

  allIndexEntries(options: { date?: string; sources?: IndexSource[] } = {}): IndexEntry[] {
    return [...this.eachIndexEntry(options)];
  }

  *eachIndexEntry(options: { date?: string; sources?: IndexSource[] } = {}): Generator<IndexEntry> {
    for (const { set, source } of this.indexSets(options.date, options.sources)) {
      for (const c of this.batched(INDEX_COLUMNS, 'index_entry WHERE +set_id = ? AND source = ?', [set.id, source], { column: 'id', from: -1 })) {
        yield toIndexEntry({ id: Number(c[0]), set_id: set.id, source: c[1]!, path: c[2]!, term: c[3]!, level: Number(c[4]), nemod: c[5]!, code: c[6]!, see: c[7]!, see_also: c[8]!, codes: c[9]! }, set.version);
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
      yield toCodeRecord({ set_id: set.id, code: c[0]!, display: c[1]!, kind: c[2]!, billable: Number(c[3]), short_title: c[4]!, long_title: c[5]!, parent: c[6]!, extra: c[7]! }, set);
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
    return this.searchIndex.search(query, options);
  }

  /** Builds the word-search index now (a few seconds of CPU) so the first search a user types is fast. */
  warmSearch(options: SearchOptions = {}): void {
    this.searchIndex.warm(options);
  }

  /**
   * Where to read a word-search index built from this same database (a saved copy), tried once on
   * the first search instead of building it (seconds); when it returns nothing or does not fit, the
   * index is built as usual.
   */
  provideSearchIndex(load: () => CodeSearchParts | undefined): void {
    this.searchIndex.provide(load);
  }

  /** Whether the word-search index is built (by a search or warmSearch()), adopted, or provided. */
  hasSearchIndex(): boolean {
    return this.searchIndex.built;
  }

  /** The built word-search index as parts (to save it beside the database); undefined before a search or warmSearch(). */
  searchParts(): CodeSearchParts | undefined {
    return this.searchIndex.parts();
  }

  /** Takes a word-search index built from this same database (a saved copy); false when one is built already. Throws when the parts do not fit together. */
  adoptSearch(parts: CodeSearchParts): boolean {
    return this.searchIndex.adopt(parts);
  }

  /** Resolves a normalized code of `system` in the code set for `date` (search uses it). */
  resolve(system: CodeSystem, normalized: string, date?: string): CodeRecord | undefined {
    const set = this.codeSetFor(system, date) ?? (date ? undefined : pickSet(this.sets().filter((s) => s.system === system), 'codes'));
    if (!set) return undefined;
    const row = this.query<CodeRow>('SELECT * FROM code WHERE set_id = ? AND code = ?', [set.id, normalized])[0];
    return row ? toCodeRecord(row, set) : undefined;
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
    return this.ptpDb.edits(set, normalizeCode(codeA), normalizeCode(codeB), options.date);
  }

  /**
   * The system of a normalized code by its shape: a letter and 4 digits is ICD-10-CM when the
   * index has it; what begins with an ICD-10-CM category (codes, the tabular's sections E08-E13) is ICD-10-CM.
   */
  guessSystem(n: string): CodeSystem {
    const shape = systemByShape(n);
    if (shape === 'cpt') return 'cpt';
    if (shape === 'hcpcs') return this.resolve('icd10cm', n) ? 'icd10cm' : 'hcpcs';
    return isIcd10cmShape(n.slice(0, 3)) ? 'icd10cm' : 'hcpcs';
  }

  close(): void {
    this.reader.close();
    this.ptpDb.close();
  }
}
