// Code search: exact codes in any spelling, code prefixes, words against titles, inclusion
// terms and Alphabetic Index paths, abbreviations and lay terms, typo tolerance.
//
// Ranking: a code's text must contain every word of the query (in some form); among those, the
// text that adds the fewest specific words the coder did not type wins, so a generic query lands
// on the unspecified/NOS code and specific words pick the specific code. An Alphabetic Index path
// that says exactly what was typed names the index's default code for it, the strongest evidence.
// Billable codes rank before headers. The Table of Drugs and Chemicals and the Neoplasm Table are
// searched cell by cell ("acetaminophen poisoning" -> the accidental-poisoning cell).
//
// A query no single text answers may name several conditions ("htn ckd stage 3"): it is split
// into the fewest parts that each have an answer (searchConcepts.ts), and an Alphabetic Index
// "with" entry joining the parts gives the combination code (I12.9) ahead of each part's own
// best code (N18.30). Each result carries the index path that leads to it.
import type { CodeSystem } from '../importers/types';
import { builtinCptCodes } from '../importers/cpt/builtin';
import { displayCode, normalizeCode } from '../codes';
import type { SearchMatch, SearchOptions, SearchResult } from './api';
import type { SearchSource } from './searchSource';
import { expandSynonyms, SEARCH_SYNONYMS } from './synonyms';
import { KINDS, PATH_KINDS, Relation, TextIndex, type DocKind, type ScanLimits, type ScanResult, type TextIndexParts } from './searchIndex';
import { editDistance, queryWords } from './searchWords';
import { bestPartition, conceptUnits, mergeConcepts, type ConceptHits, type Searched, type Segment } from './searchConcepts';
import { TABLE_COLUMNS, tableCode, tablePath, tableWords, type TableSource } from './searchTables';

const SEARCHABLE: CodeSystem[] = ['icd10cm', 'hcpcs', 'cpt'];
const KIND_WEIGHT: Record<DocKind, number> = { title: 1, short: 0.96, inclusion: 0.98, index: 1, eindex: 0.9, indexWith: 1, drug: 1, neoplasm: 1 };
const KIND_MATCH: Record<DocKind, SearchMatch> = {
  title: 'title', short: 'title', inclusion: 'inclusion', index: 'index', eindex: 'index', indexWith: 'index', drug: 'index', neoplasm: 'index',
};
const INDEX_WITH_KIND = KINDS.indexOf('indexWith');
/** Most words a part of a split query may leave unsaid in the text naming it (the words' summed weight). */
const MAX_PART_COST = 0.3;
/** Results (the first ones) for which a code found by its title gets the index path leading to it looked up. */
const MAX_LOOKED_UP_PATHS = 10;
/** Score lost per specific word the code's text adds to the query. */
const EXTRA_COST = 0.1;
const MAX_EXTRAS = 8;
/** An index path saying exactly what was typed names the default code. */
const INDEX_DEFAULT_BONUS = 0.04;
/** Main-term forms ("Failure, failed") and alternatives still leave the path exact. */
const INDEX_DEFAULT_MAX_EXTRAS = 0.3;
const BILLABLE_BONUS = 0.2;
const MAX_SCORE = 1 + INDEX_DEFAULT_BONUS + BILLABLE_BONUS;
const RELATION_PENALTY: Record<number, number> = { [Relation.Exact]: 0, [Relation.Variant]: 0.04, [Relation.Prefix]: 0.06, [Relation.RarePrefix]: 0.1 };
const COMMON_COMPLETION_SHARE = 0.25;
const MISSING_WORD_PENALTY = 0.3;
/** A word read as its nearest indexed word. */
const FUZZY_PENALTY = 0.06;
/** Words of our synonym phrases count as common words when correcting typos. */
const SYNONYM_WORD_FREQUENCY = 1000;
const MAX_QUERY_CHARS = 400;
/** Typo corrections remembered across searches. */
const MAX_CORRECTIONS = 2000;
const MAX_TOKENS = 12;
const MAX_PREFIX_STEMS = 300;
/** Pseudo set of the CPT numbers we label ourselves, used when no licensed CPT file is installed. */
const BUILTIN_CPT_SET = -2;
const BUILTIN_VERSION = 'builtin';

/** Rows read from the database per query while the word index is built. */
const ROWS_PER_BATCH = 10_000;

interface CodeInfo {
  display: string;
  billable: boolean;
  title: string;
}

/**
 * What results show of the codes of one code set, by the word index's code id: arrays rather
 * than an object per code (100,000 codes per ICD-10-CM version). Titles are the word index's
 * texts; a title that made no text (no words) is kept as a string.
 */
interface SetCodes {
  titleDoc: Int32Array;
  billable: Uint8Array;
  otherTitles: Map<number, string>;
}

type Chosen = Map<string, number>;

/** A ranked code before it is presented: its code id, set, best text and score. */
interface Hit {
  c: number;
  system: CodeSystem;
  setId: number;
  info: { display: string; billable: boolean };
  score: number;
  doc: number;
  match: SearchMatch;
  /** Summed weight of the best text's words the query did not say. */
  extras: number;
  /** Which scan gave the best text. */
  label: number;
  /** The part of the query this code answers, when the query names several conditions. */
  concept?: string;
}

/** A built search (its word index and what results show of each loaded code set) as plain parts, to save and read back. */
export interface CodeSearchParts {
  text: TextIndexParts;
  loadedSets: number[];
  setCodes: { setId: number; titleDoc: Int32Array; billable: Uint8Array; otherTitles: [number, string][] }[];
  unusualDisplays: [string, string][];
}

/** One search's scores, and the forced match label of each scan (synonym, fuzzy). */
interface Variant {
  tokens: string[];
  match: SearchMatch | undefined;
  /** Whether the last word may be the start of a longer word. */
  prefix: boolean;
}

interface Scan {
  result: ScanResult;
  labels: (SearchMatch | undefined)[];
}

export class CodeSearch {
  private text: TextIndex | undefined;
  private readonly loadedSets = new Set<number>();
  private builtin: Map<string, CodeInfo> | undefined;
  private readonly setCodes = new Map<number, SetCodes>();
  /**
   * Official spellings that differ from the usual one (ICD-10-CM: a dot after the third character;
   * other systems: the code itself), by set and code id; the usual spelling is derived, not stored.
   */
  private readonly unusualDisplays = new Map<string, string>();
  private vocabulary: Map<string, [string, number][]> | undefined;

  /** Where a word index built elsewhere can be read from, tried once when the index is first needed (before building it here). */
  source: (() => CodeSearchParts | undefined) | undefined;

  constructor(private readonly index: SearchSource) {}

  search(query: string, options: SearchOptions = {}): SearchResult[] {
    const limit = Math.max(1, Math.min(options.limit ?? 20, 500));
    const q = query.slice(0, MAX_QUERY_CHARS).trim();
    if (!q) return [];
    const byCode = this.codeMatches(q, options, limit);
    if (byCode.length > 0) return byCode;
    const chosen = this.chooseSets(options);
    if (chosen.size === 0) return [];
    return this.present(this.textHits(q, chosen, limit), q);
  }

  /** Builds the in-memory word index now instead of on the first search, with the typo vocabulary (otherwise built on the first typo); returns its size. */
  warm(options: SearchOptions = {}): number {
    this.chooseSets(options);
    if (this.text) this.vocabularyByInitial(this.text);
    return this.text?.size ?? 0;
  }

  /** Whether the word index is built, adopted, or will be read from a source on first use. */
  get built(): boolean {
    return this.text !== undefined || this.source !== undefined;
  }

  /** The built word index as parts; undefined before anything was built. */
  toParts(): CodeSearchParts | undefined {
    if (!this.text) return undefined;
    return {
      text: this.text.toParts(),
      loadedSets: [...this.loadedSets],
      setCodes: [...this.setCodes].map(([setId, c]) => ({ setId, titleDoc: c.titleDoc, billable: c.billable, otherTitles: [...c.otherTitles] })),
      unusualDisplays: [...this.unusualDisplays],
    };
  }

  /** Takes a word index built elsewhere from this same database (read back from a saved copy); false when one is built already. Throws when the parts do not fit together. */
  adopt(parts: CodeSearchParts): boolean {
    if (this.text) return false;
    const text = TextIndex.fromParts(parts.text);
    const codes = text.codes.length;
    for (const c of parts.setCodes) {
      if (c.titleDoc.length > codes || c.billable.length > codes || !parts.loadedSets.includes(c.setId)) throw new Error('the search parts do not fit together');
    }
    this.text = text;
    for (const id of parts.loadedSets) this.loadedSets.add(id);
    for (const c of parts.setCodes) this.setCodes.set(c.setId, { titleDoc: c.titleDoc, billable: c.billable, otherTitles: new Map(c.otherTitles) });
    for (const [k, v] of parts.unusualDisplays) this.unusualDisplays.set(k, v);
    return true;
  }

  // ---- codes ----

  private codeMatches(q: string, options: SearchOptions, limit: number): SearchResult[] {
    const n = normalizeCode(q);
    const looksLikeCode = /^[A-Z][0-9][0-9A-Z]{0,5}$/.test(n) || /^[0-9]{4}[0-9A-Z]$/.test(n) || /^[0-9]{3,4}$/.test(n);
    if (!looksLikeCode) return [];
    const out: SearchResult[] = [];
    for (const system of this.systems(options)) {
      if (system === 'cpt' && !this.hasCptSet()) {
        for (const r of builtinCptCodes) {
          if (r.code === n) out.push(this.builtinResult(r.code, 'code', 1));
          else if (r.code.startsWith(n)) out.push(this.builtinResult(r.code, 'code-prefix', 0.9 - r.code.length * 0.01));
        }
        continue;
      }
      const setId = this.setFor(system, options.date);
      if (setId === undefined) continue;
      const version = this.index.setById(setId)?.version ?? '';
      // The code itself first, then its descendants: billable first, then the shorter codes.
      const rows = this.index.query<{ code: string; display: string; billable: number; title: string }>(
        `SELECT code, display, billable, COALESCE(long_title, short_title, '') AS title FROM code
         WHERE set_id = ? AND code >= ? AND code < ? AND kind NOT IN ('chapter', 'section')
         ORDER BY code = ? DESC, billable DESC, length(code), code LIMIT ?`,
        [setId, n, `${n}\uffff`, n, limit],
      );
      for (const r of rows) {
        const exact = r.code === n;
        out.push({
          code: r.display, system, title: r.title, billable: r.billable === 1, version,
          match: exact ? 'code' : 'code-prefix', matched: r.display, score: exact ? 1 : Math.round((0.9 - r.code.length * 0.01) * 1000) / 1000,
        });
      }
    }
    return out.slice(0, limit);
  }

  private builtinResult(code: string, match: SearchMatch, score: number): SearchResult {
    const info = this.builtinTable().get(code)!;
    return { code: info.display, system: 'cpt', title: info.title, billable: info.billable, version: BUILTIN_VERSION, match, matched: code, score };
  }

  // ---- versions ----

  private systems(options: SearchOptions): CodeSystem[] {
    return options.system ? [options.system] : SEARCHABLE;
  }

  private hasCptSet(): boolean {
    return this.index.sets().some((s) => s.system === 'cpt' && (s.counts.codes ?? 0) > 0);
  }

  private setFor(system: CodeSystem, date?: string): number | undefined {
    return this.index.codeSetId(system, date) ?? (date ? undefined : this.index.contentSet(system, 'codes')?.id);
  }

  /** The code set answering for each searched system on the date, loaded into the word index. */
  private chooseSets(options: SearchOptions): Chosen {
    const chosen: Chosen = new Map();
    let loaded = false;
    for (const system of this.systems(options)) {
      const id = system === 'cpt' && !this.hasCptSet() ? BUILTIN_CPT_SET : this.setFor(system, options.date);
      if (id === undefined) continue;
      chosen.set(system, id);
      if (this.loadSet(system, id)) loaded = true;
    }
    // Texts were added: release what only adding needs (and derive postings and sorted words) before the index is used.
    if (loaded) this.text?.compact();
    return chosen;
  }

  private textIndex(): TextIndex {
    if (this.text) return this.text;
    const source = this.source;
    this.source = undefined;
    if (source) {
      try {
        const parts = source();
        if (parts && this.adopt(parts)) return this.text!;
      } catch {
        // A copy that cannot be read or does not fit: the index is built from the database below.
      }
    }
    const text = new TextIndex();
    // Inclusion terms and index paths hold for every version a code exists in.
    for (const [code, body, row] of this.rows(['code', 'text', 'rowid'], "tabular_note WHERE type = 'inclusionTerm'")) {
      text.add({ system: 'icd10cm', code, setId: -1, kind: 'inclusion', text: body, row: Number(row) });
    }
    // A "with" subterm is searched with its main term's nonessential modifiers too ("Diabetes,
    // diabetic (mellitus) > type 2 > with > chronic kidney disease" holds "mellitus"), so the
    // words of a condition find its combination code; rows come in index order.
    const mainNemod = new Map<string, string>();
    for (const [code, source, path, nemod, id, level] of this.rows(['code', 'source', 'path', 'nemod', 'id', 'level'], "index_entry WHERE source IN ('index', 'eindex')")) {
      const main = level === '0' ? path : path.slice(0, path.indexOf(' > '));
      if (level === '0') mainNemod.set(main, nemod);
      if (!code) continue;
      const kind = source === 'eindex' ? 'eindex' : WITH_SUBTERM.test(path) ? 'indexWith' : 'index';
      const inherited = kind === 'indexWith' ? mainNemod.get(main) ?? '' : '';
      text.add({ system: 'icd10cm', code, setId: -1, kind, text: indexText(path, inherited ? `${nemod} ${inherited}` : nemod), row: Number(id) });
    }
    // Each cell of the drug and neoplasm tables is a text of its own: the row's path and the column's words.
    for (const [source, path, nemod, codes, id] of this.rows(['source', 'path', 'nemod', 'codes', 'id'], "index_entry WHERE codes IS NOT NULL AND source IN ('drug', 'neoplasm')")) {
      const table = source as TableSource;
      let cells: Record<string, unknown>;
      try {
        cells = JSON.parse(codes) as Record<string, unknown>;
      } catch {
        continue;
      }
      TABLE_COLUMNS[table].forEach((column, col) => {
        const code = cells[column.key];
        if (typeof code !== 'string' || !code) return;
        text.add({ system: 'icd10cm', code: tableCode(table, code), setId: -1, kind: table, text: tableWords(path, nemod, column), row: Number(id) * 8 + col });
      });
    }
    text.sealShared();
    this.text = text;
    return text;
  }

  /** Adds the texts of a code set to the word index; false when they were in already. */
  private loadSet(system: CodeSystem, setId: number): boolean {
    const text = this.textIndex();
    if (this.loadedSets.has(setId)) return false;
    this.loadedSets.add(setId);
    if (setId === BUILTIN_CPT_SET) {
      const table = this.builtinTable();
      for (const [code, info] of table) {
        text.markPresent(setId, 'cpt', code, info.billable);
        text.add({ system: 'cpt', code, setId, kind: 'title', text: info.title });
      }
      return true;
    }
    const titleDoc: number[] = [];
    const billables: number[] = [];
    const otherTitles = new Map<number, string>();
    const columns = ['code', 'display', 'billable', 'COALESCE(long_title, short_title)', 'short_title'];
    for (const [code, display, billable, title, short] of this.rows(columns, "code WHERE set_id = ? AND kind NOT IN ('chapter', 'section')", [setId])) {
      text.markPresent(setId, system, code, billable === '1');
      const id = text.codeId(system, code);
      if (display !== displayCode(system, code)) this.unusualDisplays.set(`${setId} ${id}`, display);
      const doc = title ? text.add({ system, code, setId, kind: 'title', text: title }) : -1;
      titleDoc[id] = doc;
      if (doc < 0 && title) otherTitles.set(id, title);
      billables[id] = billable === '1' ? 1 : 0;
      // ICD-10-CM short titles are abbreviations of the long ones; HCPCS short descriptors are how coders name supplies.
      if (system !== 'icd10cm' && short && short !== title) text.add({ system, code, setId, kind: 'short', text: short });
    }
    this.setCodes.set(setId, { titleDoc: Int32Array.from(titleDoc, (d) => d ?? -1), billable: Uint8Array.from(billables, (b) => b ?? 0), otherTitles });
    return true;
  }

  /**
   * The text of doc `d`, read back from its row: the word index keeps only each text's words, and
   * only the few results shown need the text itself.
   */
  private docText(d: number): string {
    const { setId, code, kind, row } = this.textIndex().docSource(d);
    if (setId === BUILTIN_CPT_SET) return this.builtinTable().get(code)?.title ?? '';
    if (kind === 'inclusion') return this.index.query<{ t: string }>('SELECT text AS t FROM tabular_note WHERE rowid = ?', [row])[0]?.t ?? '';
    if (kind === 'index' || kind === 'eindex' || kind === 'indexWith') {
      const r = this.index.query<{ path: string; nemod: string | null }>('SELECT path, nemod FROM index_entry WHERE id = ?', [row])[0];
      return r ? indexText(r.path, r.nemod ?? '') : '';
    }
    if (kind === 'drug' || kind === 'neoplasm') {
      const r = this.index.query<{ path: string; nemod: string | null }>('SELECT path, nemod FROM index_entry WHERE id = ?', [Math.floor(row / 8)])[0];
      const column = TABLE_COLUMNS[kind][row % 8];
      return r && column ? tablePath(kind, r.path, r.nemod ?? '', column) : '';
    }
    const column = kind === 'short' ? 'short_title' : 'COALESCE(long_title, short_title)';
    return this.index.query<{ t: string | null }>(`SELECT ${column} AS t FROM code WHERE set_id = ? AND code = ?`, [setId, code])[0]?.t ?? '';
  }

  /** Display and billable state of code id `c` in code set `setId` (what ranking needs). */
  private codeInfo(setId: number, c: number): { display: string; billable: boolean } {
    if (setId === BUILTIN_CPT_SET) return this.builtinTable().get(this.textIndex().codes.value(c))!;
    const text = this.textIndex();
    return { display: this.unusualDisplays.get(`${setId} ${c}`) ?? displayCode(text.codes.system(c), text.codes.value(c)), billable: this.setCodes.get(setId)!.billable[c] === 1 };
  }

  /** Title of code id `c` in code set `setId` (read for the results shown). */
  private codeTitle(setId: number, c: number): string {
    if (setId === BUILTIN_CPT_SET) return this.builtinTable().get(this.textIndex().codes.value(c))!.title;
    const codes = this.setCodes.get(setId)!;
    const doc = codes.titleDoc[c]!;
    return doc >= 0 ? this.docText(doc) : codes.otherTitles.get(c) ?? '';
  }

  private builtinTable(): Map<string, CodeInfo> {
    let table = this.builtin;
    if (!table) {
      table = new Map(builtinCptCodes.map((r) => [r.code, { display: r.display, billable: r.billable, title: r.longTitle ?? r.shortTitle ?? '' }]));
      this.builtin = table;
    }
    return table;
  }

  /**
   * Reads rows as concatenated strings: sql.js converts each value of each row separately, which
   * costs seconds over 100,000 rows; one string per batch costs a fraction of that. Batches (not one
   * string for the whole table) because SQLite builds the string inside the WebAssembly memory,
   * which grows to the largest string and never shrinks.
   */
  private *rows(columns: string[], from: string, params: (string | number)[] = []): Generator<string[]> {
    const joined = columns.map((c) => `COALESCE(${c}, '')`).join(' || char(31) || ');
    for (let offset = 0; ; offset += ROWS_PER_BATCH) {
      const [row] = this.index.query<{ v: string | null }>(`SELECT group_concat(v, char(30)) AS v FROM (SELECT ${joined} AS v FROM ${from} LIMIT ? OFFSET ?)`, [...params, ROWS_PER_BATCH, offset]);
      if (!row?.v) return;
      const lines = row.v.split('\u001e');
      for (const line of lines) {
        const cells = line.split('\u001f');
        if (cells.length === columns.length) yield cells;
      }
      if (lines.length < ROWS_PER_BATCH) return;
    }
  }

  // ---- words ----

  /** The ranked codes for a query: one condition, several (with their combination), or a near match. */
  private textHits(q: string, chosen: Chosen, limit: number): Hit[] {
    const whole = this.completeScan(q, chosen, true);
    if (whole.scan.result.touched.length > 0) {
      const hits = this.rank(whole.scan, chosen, limit);
      // A combination code answers the whole query: list it, then what its parts ask for on their own.
      const text = this.textIndex();
      if (hits[0] && text.kind(hits[0].doc) === 'indexWith') {
        const combined = hits.filter((h) => text.kind(h.doc) === 'indexWith');
        return this.concepts(q, chosen, limit, combined) ?? hits;
      }
      return hits;
    }
    const concepts = this.concepts(q, chosen, limit);
    if (concepts) return concepts;
    // Nothing has every word: accept texts missing one of them.
    const text = this.textIndex();
    const scan: Scan = { result: text.newScan(), labels: [] };
    const { corrected } = whole;
    for (const v of this.queryVariants(corrected ?? q)) this.matchAll(text, v, v.match ?? (corrected ? 'fuzzy' : undefined), chosen, 1, corrected ? FUZZY_PENALTY : 0, scan);
    return this.rank(scan, chosen, limit);
  }

  /**
   * Texts containing every word of `q` (as typed, with abbreviations expanded, or with typos read
   * as the nearest indexed word). `lastWordPrefix`: the last word may be unfinished.
   */
  private completeScan(q: string, chosen: Chosen, lastWordPrefix: boolean, limits: ScanLimits = {}): { scan: Scan; corrected: string | undefined } {
    const text = this.textIndex();
    const scan: Scan = { result: text.newScan(), labels: [] };
    for (const v of this.queryVariants(q)) this.matchAll(text, { ...v, prefix: v.prefix && lastWordPrefix }, v.match, chosen, 0, 0, scan, limits);
    // Words found nowhere as typed are also read as their nearest indexed word.
    const corrected = this.correctTypos(q, text);
    if (corrected) {
      for (const v of this.queryVariants(corrected)) this.matchAll(text, { ...v, prefix: v.prefix && lastWordPrefix }, v.match ?? 'fuzzy', chosen, 0, FUZZY_PENALTY, scan, limits);
    }
    return { scan, corrected };
  }

  // ---- several conditions in one query ----

  /**
   * A query naming several conditions: the fewest parts that each have an answer, each part's
   * codes, and the combination codes of Alphabetic Index "with" entries joining the parts
   * (`combined`: found already for the whole query). Undefined when the query is one word or cannot be split so.
   */
  private concepts(q: string, chosen: Chosen, limit: number, combined?: Hit[]): Hit[] | undefined {
    const units = conceptUnits(q);
    const parts = new Map<string, Segment | null>();
    // A part is a condition some text names (nearly) as typed ("right wrist" is only a site):
    // only such texts are scanned while choosing the split.
    const evaluate = (from: number, to: number): Segment | null => {
      const key = `${from} ${to}`;
      let part = parts.get(key);
      if (part === undefined) {
        const said = units.slice(from, to).map((u) => u.said).join(' ');
        const { result } = this.completeScan(said, chosen, to === units.length, { maxExtras: MAX_PART_COST }).scan;
        part = result.touched.length === 0 ? null : {
          from, to, said, tokens: [...new Set(units.slice(from, to).flatMap((u) => u.tokens))], units: units.slice(from, to).map((u) => u.tokens),
          cost: Math.min(...result.touched.map((c) => result.extras[c]!)), best: Math.max(...result.touched.map((c) => result.score[c]!)),
        };
        parts.set(key, part);
      }
      return part;
    };
    const partition = bestPartition(units.length, evaluate);
    if (!partition) return undefined;
    const segments = partition.map((p) => ({ ...p, hits: this.rank(this.completeScan(p.said, chosen, p.to === units.length).scan, chosen, limit) }));
    const combinations = combined ? { hits: combined, absorbed: segments.map(() => true) } : this.combinations(segments, chosen, limit);
    return mergeConcepts(segments, combinations, limit, (combination, hit) => this.asksFor(combination, hit));
  }

  /** Whether a combination code's tabular notes ask for `hit`'s code as well ("use additional code", "code also"). */
  private asksFor(combination: Hit, hit: Hit): boolean {
    if (combination.system !== 'icd10cm' || hit.system !== 'icd10cm') return false;
    const text = this.textIndex();
    const notes = this.index.notes(text.codes.value(combination.c), { types: ['useAdditionalCode', 'codeAlso'] });
    const code = text.codes.value(hit.c);
    return notes.some((n) => this.index.inRanges(code, n.refs));
  }

  /**
   * Codes of Alphabetic Index "with" entries that hold every part, one of them possibly without its
   * last words (the detail a combination code leaves to an additional code, such as the stage in
   * "ckd stage 3"). The parts the best entry holds whole are absorbed by it.
   */
  private combinations(segments: Searched<Hit>[], chosen: Chosen, limit: number): ConceptHits<Hit> {
    const text = this.textIndex();
    const scan: Scan = { result: text.newScan(), labels: [] };
    const shortened: number[] = [];
    const words = (i: number, keep: number): string[] => segments.flatMap((s, j) => (j === i ? s.units.slice(0, keep) : s.units).flat());
    for (let i = 0; i < segments.length; i++) {
      for (let keep = segments[i]!.units.length - 1; keep >= 1; keep--) {
        const before = scan.labels.length;
        this.match(text, [...new Set(words(i, keep))], false, undefined, chosen, MISSING_WORD_PENALTY, scan, { kind: INDEX_WITH_KIND });
        for (let l = before; l < scan.labels.length; l++) shortened[l] = i;
      }
    }
    const hits = scan.result.touched.length > 0 ? this.rank(scan, chosen, limit) : [];
    const best = hits[0];
    const absorbed = segments.map((_, i) => best !== undefined && shortened[best.label] !== i);
    return { hits, absorbed };
  }

  /**
   * The query as typed, and rewritten with abbreviations and lay terms expanded. When a rewrite
   * applies, the typed words are not read as prefixes ("afib" is not the start of "afibrinogenemia").
   */
  private queryVariants(q: string): Variant[] {
    const out: Variant[] = [];
    const { text, applied } = expandSynonyms(q);
    const literal = queryWords(q).slice(0, MAX_TOKENS);
    if (literal.length > 0) out.push({ tokens: literal, match: undefined, prefix: applied.length === 0 });
    if (applied.length > 0) {
      const expanded = queryWords(text).slice(0, MAX_TOKENS);
      if (expanded.length > 0) out.push({ tokens: expanded, match: 'synonym', prefix: false });
    }
    return out;
  }

  private matchAll(text: TextIndex, v: Variant, match: SearchMatch | undefined, chosen: Chosen, allowMissing: number, penalty: number, scan: Scan, limits: ScanLimits = {}): void {
    const { tokens, prefix } = v;
    if (allowMissing === 0) {
      this.match(text, tokens, prefix, match, chosen, penalty, scan, limits);
      return;
    }
    if (tokens.length < 2) return;
    for (let i = 0; i < tokens.length; i++) this.match(text, tokens.filter((_, j) => j !== i), prefix, match, chosen, penalty + MISSING_WORD_PENALTY, scan);
  }

  /** Texts containing every token (exactly, as a form of the same word, or the last one as a prefix), within `limits`, scored. */
  private match(text: TextIndex, tokens: string[], prefix: boolean, forced: SearchMatch | undefined, chosen: Chosen, basePenalty: number, scan: Scan, limits: ScanLimits = {}): void {
    if (tokens.length === 0) return;
    const relations: Uint8Array[] = [];
    const alternatives: number[][] = [];
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      const rel = this.relationBuffer(i, text.stems.length);
      const ids: number[] = [];
      const set = (id: number, r: number) => {
        if (rel[id] === Relation.None) ids.push(id);
        rel[id] = r;
      };
      if (prefix && i === tokens.length - 1 && t.length >= 3 && !/^\d/.test(t)) {
        // A typed start most likely begins a common word ("pneumo" -> pneumonia, not pneumomycosis).
        const completions = text.withPrefix(t, MAX_PREFIX_STEMS);
        const common = Math.max(0, ...completions.map((p) => text.postingCount(p))) * COMMON_COMPLETION_SHARE;
        for (const p of completions) set(p, text.postingCount(p) >= common ? Relation.Prefix : Relation.RarePrefix);
      }
      for (const v of text.variants(t)) set(v, Relation.Variant);
      const exact = text.idOf(t);
      if (exact !== undefined) set(exact, Relation.Exact);
      relations.push(rel);
      alternatives.push(ids);
    }
    try {
      if (alternatives.every((ids) => ids.length > 0)) this.scanWith(text, relations, alternatives, forced, chosen, basePenalty, scan, limits);
    } finally {
      // Buffers are reused by the next scan: clear exactly what was set.
      relations.forEach((rel, i) => { for (const id of alternatives[i]!) rel[id] = Relation.None; });
    }
  }

  /** Relation buffer for query word `i`, reused across scans so a search allocates no per-word arrays. */
  private relationBuffer(i: number, size: number): Uint8Array {
    let buffer = this.relationBuffers[i];
    if (!buffer || buffer.length < size) {
      buffer = new Uint8Array(size + 1024);
      this.relationBuffers[i] = buffer;
    }
    return buffer;
  }

  private readonly relationBuffers: Uint8Array[] = [];

  private scanWith(text: TextIndex, relations: Uint8Array[], alternatives: number[][], forced: SearchMatch | undefined, chosen: Chosen, basePenalty: number, scan: Scan, limits: ScanLimits): void {
    const label = scan.labels.length;
    scan.labels.push(forced);
    text.scan(relations, alternatives, chosen, (kindId, extras, found, billable) => {
      let penalty = basePenalty;
      for (let i = 0; i < found.length; i++) penalty += RELATION_PENALTY[found[i]!] ?? 0;
      const kind = KINDS[kindId]!;
      return KIND_WEIGHT[kind] - EXTRA_COST * Math.min(extras, MAX_EXTRAS) - penalty
        + (PATH_KINDS.has(kind) && extras < INDEX_DEFAULT_MAX_EXTRAS ? INDEX_DEFAULT_BONUS : 0) + (billable ? BILLABLE_BONUS : 0);
    }, scan.result, label, limits);
  }

  // ---- typos ----

  /** Replaces words found nowhere (and not abbreviations we know) with the nearest indexed word. */
  private correctTypos(q: string, text: TextIndex): string | undefined {
    const tokens = queryWords(q).slice(0, MAX_TOKENS);
    let changed = false;
    const fixed = tokens.map((t) => {
      if (text.idOf(t) !== undefined || t.length < 4 || /\d/.test(t) || t in SEARCH_SYNONYMS) return t;
      const near = this.nearest(t, text);
      if (near === undefined) return t;
      changed = true;
      return near;
    });
    return changed ? fixed.join(' ') : undefined;
  }

  /** The nearest word, remembered: a query split into parts asks for the same words again. */
  private nearest(t: string, text: TextIndex): string | undefined {
    this.vocabularyByInitial(text);
    if (this.corrections.has(t)) return this.corrections.get(t) ?? undefined;
    if (this.corrections.size >= MAX_CORRECTIONS) this.corrections.clear();
    const near = this.nearestWord(t, text);
    this.corrections.set(t, near ?? null);
    return near;
  }

  private readonly corrections = new Map<string, string | null>();

  /**
   * Nearest word: one edit for short words, two for longer; ties go to the more frequent word.
   * Coders rarely mistype the first letter, so candidates start like the word (or swap its first two letters).
   */
  private nearestWord(t: string, text: TextIndex): string | undefined {
    const vocab = this.vocabularyByInitial(text);
    const max = t.length <= 5 ? 1 : 2;
    let best: string | undefined;
    let bestRank = Infinity;
    const initials = t.length > 1 && t[1] !== t[0] ? [t[0]!, t[1]!] : [t[0]!];
    for (const initial of initials) {
      for (let len = t.length - max; len <= t.length + max; len++) {
        for (const [s, frequency] of vocab.get(`${initial}${len}`) ?? []) {
          if (initial !== t[0] && s[1] !== t[0]) continue;
          const d = editDistance(t, s, max);
          if (d > max) continue;
          // Fewer edits first; then a dropped letter (the typed word is inside the candidate); then the commoner word.
          const rank = d * 2 + (isSubsequence(t, s) ? 0 : 1) - frequency / (frequency + 1);
          if (rank < bestRank) {
            best = s;
            bestRank = rank;
          }
        }
      }
    }
    return best;
  }

  /** Indexed words and the words of our synonym phrases, by first letter and length, with how many texts use them. */
  private vocabularyByInitial(text: TextIndex): Map<string, [string, number][]> {
    if (this.vocabulary && this.vocabularySize === text.stems.length) return this.vocabulary;
    const frequency = new Map<string, number>();
    text.stems.forEach((s, id) => {
      if (s.length >= 3 && !/\d/.test(s)) frequency.set(s, text.postingCount(id));
    });
    for (const phrase of Object.keys(SEARCH_SYNONYMS)) {
      for (const w of queryWords(phrase)) if (w.length >= 3 && !/\d/.test(w)) frequency.set(w, Math.max(frequency.get(w) ?? 0, SYNONYM_WORD_FREQUENCY));
    }
    const byInitial = new Map<string, [string, number][]>();
    for (const [s, f] of frequency) {
      const key = `${s[0]!}${s.length}`;
      const list = byInitial.get(key);
      if (list) list.push([s, f]);
      else byInitial.set(key, [[s, f]]);
    }
    this.vocabulary = byInitial;
    this.vocabularySize = text.stems.length;
    this.corrections.clear();
    return byInitial;
  }

  private vocabularySize = 0;

  // ---- results ----

  /** The best `limit` codes of a scan: highest score, then billable, then the shorter (less specific) code. */
  private rank(scan: Scan, chosen: Chosen, limit: number): Hit[] {
    const text = this.textIndex();
    const { touched, score } = scan.result;
    let pool = touched;
    if (touched.length > limit * 4) {
      // Only codes scoring at least the limit-th best score need ordering.
      const scores = Float64Array.from(touched, (c) => score[c]!).sort();
      const floor = scores[scores.length - limit]!;
      pool = touched.filter((c) => score[c]! >= floor);
    }
    const rows = pool.map((c): Hit => {
      const system = text.codes.system(c) as CodeSystem;
      const setId = chosen.get(system)!;
      const doc = scan.result.doc[c]!;
      const label = scan.result.label[c]!;
      return {
        c, system, setId, info: this.codeInfo(setId, c), score: score[c]!, doc, label,
        match: scan.labels[label] ?? KIND_MATCH[text.kind(doc)], extras: scan.result.extras[c]!,
      };
    });
    rows.sort((a, b) => b.score - a.score || Number(b.info.billable) - Number(a.info.billable)
      || a.info.display.length - b.info.display.length || a.info.display.localeCompare(b.info.display));
    return rows.slice(0, limit);
  }

  /** Ranked codes as results: version, the text that matched, the title and the index path leading to the code. */
  private present(hits: Hit[], q: string): SearchResult[] {
    const text = this.textIndex();
    const paths = this.indexPathsTo(hits.slice(0, MAX_LOOKED_UP_PATHS).filter((h) => h.system === 'icd10cm' && !PATH_KINDS.has(text.kind(h.doc))).map((h) => text.codes.value(h.c)), q);
    return hits.map(({ c, system, setId, info, score, doc, match, concept }) => {
      const version = setId === BUILTIN_CPT_SET ? BUILTIN_VERSION : this.index.setById(setId)?.version ?? '';
      const matched = this.docText(doc);
      // Most results matched on their own title: read it once.
      const title = setId !== BUILTIN_CPT_SET && this.setCodes.get(setId)!.titleDoc[c] === doc ? matched : this.codeTitle(setId, c);
      const path = PATH_KINDS.has(text.kind(doc)) ? matched : system === 'icd10cm' ? paths.get(text.codes.value(c)) : undefined;
      return {
        code: info.display, system, title, billable: info.billable, version, match, matched,
        score: Math.round(Math.max(0, Math.min(1, score / MAX_SCORE)) * 1000) / 1000,
        ...(path ? { path } : {}), ...(concept ? { concept } : {}),
      };
    });
  }

  /**
   * For each ICD-10-CM code, the Alphabetic Index path leading to it (to its first six characters
   * for a code with a 7th character) that shares most words with the query, the shorter on a tie;
   * codes the index names nowhere are left out. One query for all of them.
   */
  private indexPathsTo(codes: string[], q: string): Map<string, string> {
    const out = new Map<string, string>();
    const sets = this.indexSets();
    if (codes.length === 0 || sets.length === 0) return out;
    const keys = [...new Set(codes.flatMap((c) => (c.length === 7 ? [c, c.slice(0, 6)] : [c])))];
    const rows = this.index.query<{ code: string; path: string; nemod: string | null }>(
      `SELECT code, path, nemod FROM index_entry WHERE set_id IN (${sets.join(',')}) AND code IN (${keys.map(() => '?').join(',')}) AND source IN ('index', 'eindex')`,
      keys,
    );
    const words = queryWords(expandSynonyms(q).text);
    const best = new Map<string, { path: string; shared: number }>();
    for (const r of rows) {
      const path = indexText(r.path, r.nemod ?? '');
      const lower = path.toLowerCase();
      const shared = words.filter((w) => lower.includes(w)).length;
      const now = best.get(r.code);
      if (!now || shared > now.shared || (shared === now.shared && path.length < now.path.length)) best.set(r.code, { path, shared });
    }
    for (const c of codes) {
      const found = best.get(c) ?? (c.length === 7 ? best.get(c.slice(0, 6)) : undefined);
      if (found) out.set(c, found.path);
    }
    return out;
  }

  private indexSetIds: number[] | undefined;

  /** The ICD-10-CM code sets (where Alphabetic Index entries live). */
  private indexSets(): number[] {
    this.indexSetIds ??= this.index.sets().filter((s) => s.system === 'icd10cm').map((s) => s.id);
    return this.indexSetIds;
  }
}

/** An Alphabetic Index path with a "with" subterm: the conditions it joins have a combination code. */
const WITH_SUBTERM = /(?:^|> )with(?: >|$)/i;

/** The text an index entry is searched by: its path, and its nonessential modifiers when it has some. */
function indexText(path: string, nemod: string): string {
  return nemod ? `${path} ${nemod}` : path;
}

/** Whether every letter of `a` appears in `b` in order. */
function isSubsequence(a: string, b: string): boolean {
  let i = 0;
  for (let j = 0; j < b.length && i < a.length; j++) if (a[i] === b[j]) i++;
  return i === a.length;
}
