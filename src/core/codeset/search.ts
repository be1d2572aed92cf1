// Code search: exact codes in any spelling, code prefixes, words against titles, inclusion
// terms and Alphabetic Index paths, abbreviations and lay terms, typo tolerance.
//
// Ranking: a code's text must contain every word of the query (in some form); among those, the
// text that adds the fewest specific words the coder did not type wins, so a generic query lands
// on the unspecified/NOS code and specific words pick the specific code. An Alphabetic Index path
// that says exactly what was typed names the index's default code for it, the strongest evidence.
// Billable codes rank before headers.
import type { CodeSystem } from '../importers/types';
import { builtinCptCodes } from '../importers/cpt/builtin';
import type { CodeRecord, SearchMatch, SearchOptions, SearchResult } from './api';
import type { SqlCodesetIndex } from './index';
import { expandSynonyms, SEARCH_SYNONYMS } from './synonyms';
import { TextIndex, type DocKind } from './searchIndex';
import { editDistance, queryWords } from './searchWords';

const SEARCHABLE: CodeSystem[] = ['icd10cm', 'hcpcs', 'cpt'];
const KIND_WEIGHT: Record<DocKind, number> = { title: 1, short: 0.96, inclusion: 0.98, index: 1, eindex: 0.9 };
const KIND_MATCH: Record<DocKind, SearchMatch> = { title: 'title', short: 'title', inclusion: 'inclusion', index: 'index', eindex: 'index' };
/** Score lost per specific word the code's text adds to the query. */
const EXTRA_COST = 0.1;
const MAX_EXTRAS = 8;
/** An index path saying exactly what was typed names the default code. */
const INDEX_DEFAULT_BONUS = 0.04;
const BILLABLE_BONUS = 0.12;
const VARIANT_PENALTY = 0.04;
const PREFIX_PENALTY = 0.06;
const MISSING_WORD_PENALTY = 0.3;
const MAX_QUERY_CHARS = 400;
const MAX_TOKENS = 12;
const MAX_PREFIX_STEMS = 300;
/** Pseudo set of the CPT numbers we label ourselves, used when no licensed CPT file is installed. */
const BUILTIN_CPT_SET = -2;
const BUILTIN_VERSION = 'builtin';

interface CodeInfo {
  display: string;
  billable: boolean;
  title: string;
}

interface Hit {
  system: CodeSystem;
  code: string;
  score: number;
  match: SearchMatch;
  matched: string;
}

type Chosen = Map<string, number>;

export class CodeSearch {
  private text: TextIndex | undefined;
  private readonly loadedSets = new Set<number>();
  private readonly codeTables = new Map<number, Map<string, CodeInfo>>();
  private vocabulary: Map<number, number[]> | undefined;

  constructor(private readonly index: SqlCodesetIndex) {}

  search(query: string, options: SearchOptions = {}): SearchResult[] {
    const limit = Math.max(1, Math.min(options.limit ?? 20, 500));
    const q = query.slice(0, MAX_QUERY_CHARS).trim();
    if (!q) return [];
    const byCode = this.codeMatches(q, options, limit);
    if (byCode.length > 0) return byCode;
    const chosen = this.chooseSets(options);
    if (chosen.size === 0) return [];
    return this.finish(this.textHits(q, chosen), chosen, limit);
  }

  /** Builds the in-memory word index now instead of on the first search; returns its size. */
  warm(options: SearchOptions = {}): number {
    this.chooseSets(options);
    return this.text?.size ?? 0;
  }

  // ---- codes ----

  private codeMatches(q: string, options: SearchOptions, limit: number): SearchResult[] {
    const n = q.replace(/[.\s]/g, '').toUpperCase();
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
      const exact = this.index.resolve(system, n, options.date);
      if (exact) out.push(this.result(exact, 'code', 1, exact.code));
      const setId = this.setFor(system, options.date);
      if (setId === undefined) continue;
      const rows = this.index.query<{ code: string }>(
        'SELECT code FROM code WHERE set_id = ? AND code > ? AND code < ? ORDER BY billable DESC, length(code), code LIMIT ?',
        [setId, n, `${n}\uffff`, limit],
      );
      for (const r of rows) {
        const rec = this.index.resolve(system, r.code, options.date);
        if (rec) out.push(this.result(rec, 'code-prefix', 0.9 - r.code.length * 0.01, rec.code));
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
    for (const system of this.systems(options)) {
      const id = system === 'cpt' && !this.hasCptSet() ? BUILTIN_CPT_SET : this.setFor(system, options.date);
      if (id === undefined) continue;
      chosen.set(system, id);
      this.loadSet(system, id);
    }
    return chosen;
  }

  private textIndex(): TextIndex {
    if (this.text) return this.text;
    const text = new TextIndex();
    // Inclusion terms and index paths hold for every version a code exists in.
    for (const [code, body] of this.rows("SELECT code, text FROM tabular_note WHERE type = 'inclusionTerm'", 2)) {
      text.add({ system: 'icd10cm', code: code!, setId: -1, kind: 'inclusion', text: body! });
    }
    for (const [code, source, path, nemod] of this.rows("SELECT code, source, path, COALESCE(nemod, '') FROM index_entry WHERE code IS NOT NULL AND source IN ('index', 'eindex')", 4)) {
      text.add({ system: 'icd10cm', code: code!, setId: -1, kind: source === 'eindex' ? 'eindex' : 'index', text: nemod ? `${path} ${nemod}` : path! });
    }
    this.text = text;
    return text;
  }

  private loadSet(system: CodeSystem, setId: number): void {
    const text = this.textIndex();
    if (this.loadedSets.has(setId)) return;
    this.loadedSets.add(setId);
    if (setId === BUILTIN_CPT_SET) {
      const table = this.builtinTable();
      for (const [code, info] of table) text.add({ system: 'cpt', code, setId, kind: 'title', text: info.title });
      return;
    }
    const table = new Map<string, CodeInfo>();
    const sql = "SELECT code, display, billable, COALESCE(long_title, short_title, ''), COALESCE(short_title, '') FROM code WHERE set_id = ? AND kind NOT IN ('chapter', 'section')";
    for (const [code, display, billable, title, short] of this.rows(sql, 5, [setId])) {
      table.set(code!, { display: display!, billable: billable === '1', title: title! });
      if (title) text.add({ system, code: code!, setId, kind: 'title', text: title });
      // ICD-10-CM short titles are abbreviations of the long ones; HCPCS short descriptors are how coders name supplies.
      if (system !== 'icd10cm' && short && short !== title) text.add({ system, code: code!, setId, kind: 'short', text: short });
    }
    this.codeTables.set(setId, table);
  }

  private builtinTable(): Map<string, CodeInfo> {
    let table = this.codeTables.get(BUILTIN_CPT_SET);
    if (!table) {
      table = new Map(builtinCptCodes.map((r) => [r.code, { display: r.display, billable: r.billable, title: r.longTitle ?? r.shortTitle ?? '' }]));
      this.codeTables.set(BUILTIN_CPT_SET, table);
    }
    return table;
  }

  /**
   * Reads rows as one concatenated string: sql.js converts each value of each row separately,
   * which costs seconds over 100,000 rows; one string costs a fraction of that.
   */
  private *rows(sql: string, columns: number, params: (string | number)[] = []): Generator<(string | undefined)[]> {
    const inner = sql.replace(/^SELECT (.*?) FROM /s, (_, cols: string) => {
      const parts = splitColumns(cols).map((c) => `COALESCE(${c}, '')`);
      return `SELECT group_concat(${parts.join(" || char(31) || ")}, char(30)) FROM `;
    });
    const [row] = this.index.query<{ v: string | null }>(inner.replace(/^SELECT group_concat\((.*)\) FROM /s, 'SELECT group_concat($1) AS v FROM '), params);
    const all = row?.v;
    if (!all) return;
    for (const line of all.split('\u001e')) {
      const cells = line.split('\u001f');
      if (cells.length === columns) yield cells;
    }
  }

  // ---- words ----

  private textHits(q: string, chosen: Chosen): Hit[] {
    const text = this.textIndex();
    const variants = this.queryVariants(q);
    let hits = variants.flatMap((v) => this.matchAll(text, v.tokens, v.match, chosen, 0));
    if (hits.length > 0) return hits;
    const corrected = this.correctTypos(q, text);
    if (corrected) {
      hits = this.queryVariants(corrected).flatMap((v) => this.matchAll(text, v.tokens, v.match ?? 'fuzzy', chosen, 0));
      if (hits.length > 0) return hits;
    }
    // Nothing has every word: accept texts missing one of them.
    return this.queryVariants(corrected ?? q).flatMap((v) => this.matchAll(text, v.tokens, v.match ?? (corrected ? 'fuzzy' : undefined), chosen, 1));
  }

  /** The query as typed, and rewritten with abbreviations and lay terms expanded. */
  private queryVariants(q: string): { tokens: string[]; match: SearchMatch | undefined }[] {
    const out: { tokens: string[]; match: SearchMatch | undefined }[] = [];
    const literal = queryWords(q).slice(0, MAX_TOKENS);
    if (literal.length > 0) out.push({ tokens: literal, match: undefined });
    const { text, applied } = expandSynonyms(q);
    if (applied.length > 0) {
      const expanded = queryWords(text).slice(0, MAX_TOKENS);
      if (expanded.length > 0) out.push({ tokens: expanded, match: 'synonym' });
    }
    return out;
  }

  private matchAll(text: TextIndex, tokens: string[], match: SearchMatch | undefined, chosen: Chosen, allowMissing: number): Hit[] {
    if (allowMissing === 0 || tokens.length < 2) return allowMissing === 0 ? this.match(text, tokens, match, chosen, 0) : [];
    const out: Hit[] = [];
    for (let i = 0; i < tokens.length; i++) {
      out.push(...this.match(text, tokens.filter((_, j) => j !== i), match, chosen, MISSING_WORD_PENALTY));
    }
    return out;
  }

  /** Texts containing every token (exactly, as a form of the same word, or the last one as a prefix), scored. */
  private match(text: TextIndex, tokens: string[], forced: SearchMatch | undefined, chosen: Chosen, basePenalty: number): Hit[] {
    if (tokens.length === 0) return [];
    const alts: Map<number, number>[] = tokens.map((t, i) => {
      const m = new Map<number, number>();
      for (const v of text.variants(t)) m.set(v, VARIANT_PENALTY);
      if (i === tokens.length - 1 && t.length >= 3 && !/^\d/.test(t)) {
        for (const p of text.withPrefix(t, MAX_PREFIX_STEMS)) if (!m.has(p)) m.set(p, PREFIX_PENALTY);
      }
      const exact = text.idOf(t);
      if (exact !== undefined) m.set(exact, 0);
      return m;
    });
    if (alts.some((m) => m.size === 0)) return [];
    const queryRoots = new Set<number>();
    for (const t of tokens) {
      const r = text.rootIdOf(t);
      if (r !== undefined) queryRoots.add(r);
    }
    // Drive from the rarest token; verify the others on each candidate's own words.
    let driver = 0;
    let driverSize = Infinity;
    alts.forEach((m, i) => {
      let size = 0;
      for (const id of m.keys()) size += text.postings[id]!.length;
      if (size < driverSize) { driverSize = size; driver = i; }
    });
    const candidates = new Set<number>();
    for (const id of alts[driver]!.keys()) for (const d of text.postings[id]!) candidates.add(d);

    const hits: Hit[] = [];
    const best = new Array<number>(tokens.length);
    for (const d of candidates) {
      const system = text.docSystem[d]!;
      const setId = chosen.get(system);
      if (setId === undefined) continue;
      const docSet = text.docSet[d]!;
      if (docSet !== -1 && docSet !== setId) continue;
      best.fill(Infinity);
      let extras = 0;
      const [a, b] = text.wordRange(d);
      for (let j = a; j < b; j++) {
        const w = text.wordId(j);
        let covered = false;
        for (let i = 0; i < tokens.length; i++) {
          const p = alts[i]!.get(w);
          if (p !== undefined) {
            covered = true;
            if (p < best[i]!) best[i] = p;
          }
        }
        if (!covered && !queryRoots.has(text.rootOf(w))) extras += text.wordWeight(j);
      }
      let penalty = basePenalty;
      let complete = true;
      for (let i = 0; i < tokens.length; i++) {
        if (best[i] === Infinity) { complete = false; break; }
        penalty += best[i]!;
      }
      if (!complete) continue;
      const kind = text.kind(d);
      const code = text.docCode[d]!;
      if (docSet === -1 && !this.codeTables.get(setId)?.has(code)) continue;
      const isIndex = kind === 'index' || kind === 'eindex';
      const score = KIND_WEIGHT[kind] - EXTRA_COST * Math.min(extras, MAX_EXTRAS) - penalty + (isIndex && extras < 0.05 ? INDEX_DEFAULT_BONUS : 0);
      hits.push({ system: system as CodeSystem, code, score, match: forced ?? KIND_MATCH[kind], matched: text.docText[d]! });
    }
    return hits;
  }

  // ---- typos ----

  /** Replaces words found nowhere (and not abbreviations we know) with the nearest indexed word. */
  private correctTypos(q: string, text: TextIndex): string | undefined {
    const tokens = queryWords(q).slice(0, MAX_TOKENS);
    let changed = false;
    const fixed = tokens.map((t, i) => {
      if (text.idOf(t) !== undefined || text.variants(t).length > 0 || t.length < 4 || /\d/.test(t) || t in SEARCH_SYNONYMS) return t;
      if (i === tokens.length - 1 && text.withPrefix(t, 1).length > 0) return t;
      const near = this.nearestWord(t, text);
      if (near === undefined) return t;
      changed = true;
      return near;
    });
    return changed ? fixed.join(' ') : undefined;
  }

  /** Nearest word: one edit for short words, two for longer; ties go to the more frequent word. */
  private nearestWord(t: string, text: TextIndex): string | undefined {
    const vocab = this.vocabularyByLength(text);
    const max = t.length <= 5 ? 1 : 2;
    let best: string | undefined;
    let bestDistance = max + 1;
    let bestFrequency = -1;
    for (let len = t.length - max; len <= t.length + max; len++) {
      for (const id of vocab.get(len) ?? []) {
        const s = text.stems[id]!;
        const d = editDistance(t, s, Math.min(max, bestDistance));
        if (d > max) continue;
        const frequency = text.postings[id]!.length;
        if (d < bestDistance || (d === bestDistance && frequency > bestFrequency)) {
          best = s;
          bestDistance = d;
          bestFrequency = frequency;
        }
      }
    }
    return best;
  }

  private vocabularyByLength(text: TextIndex): Map<number, number[]> {
    if (this.vocabulary && this.vocabularySize === text.stems.length) return this.vocabulary;
    const byLength = new Map<number, number[]>();
    text.stems.forEach((s, id) => {
      if (s.length < 3 || /\d/.test(s)) return;
      const list = byLength.get(s.length);
      if (list) list.push(id);
      else byLength.set(s.length, [id]);
    });
    this.vocabulary = byLength;
    this.vocabularySize = text.stems.length;
    return byLength;
  }

  private vocabularySize = 0;

  // ---- results ----

  private finish(hits: Hit[], chosen: Chosen, limit: number): SearchResult[] {
    const best = new Map<string, Hit>();
    for (const h of hits) {
      const key = `${h.system}:${h.code}`;
      const prev = best.get(key);
      if (!prev || h.score > prev.score) best.set(key, h);
    }
    const results: SearchResult[] = [];
    for (const h of best.values()) {
      const setId = chosen.get(h.system)!;
      const info = this.codeTables.get(setId)?.get(h.code);
      if (!info) continue;
      const version = setId === BUILTIN_CPT_SET ? BUILTIN_VERSION : this.index.setById(setId)?.version ?? '';
      results.push({
        code: info.display, system: h.system, title: info.title, billable: info.billable, version,
        match: h.match, matched: h.matched, score: h.score + (info.billable ? BILLABLE_BONUS : 0),
      });
    }
    results.sort((a, b) => b.score - a.score || Number(b.billable) - Number(a.billable) || a.code.length - b.code.length || a.code.localeCompare(b.code));
    return results.slice(0, limit).map((r) => ({ ...r, score: Math.round(Math.max(0, Math.min(1, r.score)) * 1000) / 1000 }));
  }

  private result(rec: CodeRecord, match: SearchMatch, score: number, matched: string): SearchResult {
    return { code: rec.code, system: rec.system, title: rec.title, billable: rec.billable, version: rec.version, match, matched, score };
  }
}

/** Splits a SELECT column list on top-level commas. */
function splitColumns(cols: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < cols.length; i++) {
    const c = cols[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ',' && depth === 0) {
      out.push(cols.slice(start, i).trim());
      start = i + 1;
    }
  }
  out.push(cols.slice(start).trim());
  return out;
}
