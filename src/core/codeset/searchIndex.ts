// In-memory inverted index over the texts search ranks: code titles (per code set), tabular
// inclusion terms, Alphabetic Index paths and the drug and neoplasm tables' cells. Built on first
// search from the database tables (or read back from a saved copy): sql.js runs FTS4 queries on
// common words ("fracture": 25,000 rows) in tens to hundreds of milliseconds, too slow for
// search-as-you-type; typed arrays in JS answer in a few. Everything a query reads (postings,
// stems in sorted order) is a flat array that a saved copy holds as is, so reading one back
// derives nothing.
import { LineTable } from './textPool';
import { ByteList, IntList } from './numberList';
import { analyze, root, stem } from './searchWords';

/**
 * What a text is: a code's title or short title, an inclusion term, an Alphabetic Index path
 * (`indexWith`: one with a "with" subterm, which names a combination code), an External Cause
 * Index path, or a cell of the Table of Drugs and Chemicals or the Neoplasm Table.
 */
export type DocKind = 'title' | 'short' | 'inclusion' | 'index' | 'eindex' | 'indexWith' | 'drug' | 'neoplasm';
export const KINDS: DocKind[] = ['title', 'short', 'inclusion', 'index', 'eindex', 'indexWith', 'drug', 'neoplasm'];
/** Kinds whose text is a path through the Alphabetic Index or one of its tables. */
export const PATH_KINDS: ReadonlySet<DocKind> = new Set(['index', 'eindex', 'indexWith', 'drug', 'neoplasm']);

/** How a text word relates to a query word. Lower is closer; a scan keeps the closest relation found per query word. */
export const Relation = { None: 0, Exact: 1, Variant: 2, Prefix: 3, RarePrefix: 4 } as const;

/** Roots whose stems are remembered (see variants()). */
const MAX_REMEMBERED_ROOTS = 4096;

export interface DocSource {
  system: string;
  code: string;
  /** Code set the text belongs to; -1 when it holds for every version the code exists in. */
  setId: number;
  kind: DocKind;
  text: string;
  /** Row the text comes from (tabular_note rowid, index_entry id; for table cells id * 8 + column), so it can be read back; -1 for titles (read back by set and code). */
  row?: number;
}

/**
 * The codes of the index by id: each one's system (an id into the index's few names) and its value
 * (a line of a LineTable, read in place from a saved copy): no string per code on the heap.
 */
export class CodeTable {
  private systems = new ByteList();
  private values = new LineTable();

  /** `systemNames`: the index's system names by id (shared, not copied). */
  constructor(private readonly systemNames: readonly string[]) {}

  get length(): number {
    return this.values.length;
  }

  push(systemId: number, value: string): number {
    if (systemId > 255) throw new Error('too many code systems in the word index');
    this.systems.push(systemId);
    return this.values.push(value);
  }

  system(c: number): string {
    return this.systemNames[this.systems.data[c]!]!;
  }

  value(c: number): string {
    return this.values.get(c);
  }

  /** Drops the growth slack. */
  trim(): void {
    this.values.trim();
    this.systems.trim();
  }

  /** For saving: each code's system id, and the values as newline-separated UTF-8. */
  toParts(): { codeSystemIds: Uint8Array; codeValueLines: Uint8Array } {
    return { codeSystemIds: this.systems.used(), codeValueLines: this.values.lines() };
  }

  /** A table over saved parts (the values' bytes are used in place, not decoded); throws when they do not fit together. */
  static fromParts(systemNames: readonly string[], codeSystemIds: Uint8Array, codeValueLines: Uint8Array): CodeTable {
    const t = new CodeTable(systemNames);
    t.values = LineTable.fromLines(codeValueLines, codeSystemIds.length);
    if (t.values.length !== codeSystemIds.length || codeSystemIds.some((id) => id >= systemNames.length)) throw new Error('the word index parts do not fit together');
    t.systems = ByteList.of(codeSystemIds);
    return t;
  }
}

/**
 * A word index as plain parts (for saving it beside the database and reading it back): the words
 * per text and what each text belongs to; the stems and code names as strings. Postings, the
 * stem and code lookups are derived again when read.
 */
export interface TextIndexParts {
  stems: string[];
  systems: string[];
  /** Each code id's value, as newline-separated UTF-8. */
  codeValueLines: Uint8Array;
  /** System id of each code id. */
  codeSystemIds: Uint8Array;
  presence: [setId: number, present: Uint8Array][];
  /** Stem ids in the stems' sorted order. */
  sortedStems: Int32Array;
  /** Texts containing each stem (see TextIndex.postings). */
  postingStart: Uint32Array;
  postingDocs: Uint32Array;
  docCodeId: Int32Array;
  docSystemId: Int32Array;
  docSetId: Int32Array;
  docKindId: Int32Array;
  docRow: Int32Array;
  docStart: Int32Array;
  words: Int32Array;
  weights: Uint8Array;
}

/** Which texts a scan considers: only those of one kind, only those leaving at most `maxExtras` of their words' weight unsaid. */
export interface ScanLimits {
  kind?: number;
  maxExtras?: number;
}

/** Best text per code of one scan; `touched` lists the code ids that scored. */
export interface ScanResult {
  readonly stamp: number;
  touched: number[];
  score: Float64Array;
  doc: Int32Array;
  /** Which scan (the caller's label) gave the best text. */
  label: Int32Array;
  /** Summed weight of the best text's words the query did not say. */
  extras: Float64Array;
}

export class TextIndex {
  /** Stem -> id, while texts are added (dropped by compact(), rebuilt if more are added; lookups use the sorted stems). */
  private stemIds: Map<string, number> | undefined = new Map();
  /**
   * Texts containing each stem, in text order: stem s's texts are postingDocs[postingStart[s] ..
   * postingStart[s + 1]). Derived from the words of the texts (flat arrays instead of one JS array
   * per stem); rebuilt on the first read after texts were added.
   */
  private postingStart: Uint32Array = new Uint32Array(1);
  private postingDocs: Uint32Array = new Uint32Array(0);
  private postingsFor = -1;
  /** Stem ids in the stems' sorted order (for exact words, prefixes and forms of a word); rebuilt when stems were added. */
  private sorted: Int32Array | undefined;
  /** Raw word -> stem id, so each distinct word is normalized once (dropped by compact()). */
  private wordCache = new Map<string, number>();

  /** Codes by id, per system: code -> id. Only adding texts needs it: dropped by compact(), rebuilt when more are added. */
  private codeIdMaps: Map<string, Map<string, number>> | undefined = new Map();
  private readonly systemIds = new Map<string, number>();
  private readonly systemNames: string[] = [];
  /** Replaced once when the index is read from saved parts. */
  codes = new CodeTable(this.systemNames);
  /** Per code set: per code id, 0 = absent, 1 = header, 2 = billable. */
  private readonly presence = new Map<number, Uint8Array>();

  private docCodeId = new IntList();
  private docSystemId = new IntList();
  private docSetId = new IntList();
  private docKindId = new IntList();
  /** The row each text comes from: the texts themselves are read back from the database for the few results shown. */
  private docRow = new IntList();
  /** Word i of doc d is at words[docStart[d] + i]; weights in tenths. */
  private docStart = new IntList();
  private words = new IntList(1 << 16);
  private weights = new ByteList(1 << 16);
  private shared: Set<string> | undefined = new Set<string>();
  private docStamp = new Int32Array(0);
  private codeStamp = new Int32Array(0);
  private stamp = 0;

  /** `stems`: the stems of an index read back (used as is). */
  constructor(readonly stems: string[] = []) {
    this.docStart.push(0);
  }

  get size(): number {
    return this.docRow.length;
  }

  /** Where doc `d` comes from: its code set (-1: every version), code and kind, and its row (-1 for titles). */
  docSource(d: number): { setId: number; system: string; code: string; kind: DocKind; row: number } {
    const c = this.docCodeId.data[d]!;
    return { setId: this.docSetId.data[d]!, system: this.codes.system(c), code: this.codes.value(c), kind: this.kind(d), row: this.docRow.data[d]! };
  }

  private codeIds(): Map<string, Map<string, number>> {
    if (!this.codeIdMaps) {
      const maps = new Map<string, Map<string, number>>();
      for (let id = 0; id < this.codes.length; id++) {
        const system = this.codes.system(id);
        let ids = maps.get(system);
        if (!ids) maps.set(system, (ids = new Map()));
        ids.set(this.codes.value(id), id);
      }
      this.codeIdMaps = maps;
    }
    return this.codeIdMaps;
  }

  codeId(system: string, code: string): number {
    const codeIds = this.codeIds();
    let ids = codeIds.get(system);
    if (!ids) codeIds.set(system, (ids = new Map()));
    let id = ids.get(code);
    if (id === undefined) {
      id = this.codes.push(this.systemId(system), code);
      ids.set(code, id);
    }
    return id;
  }

  private systemId(system: string): number {
    let id = this.systemIds.get(system);
    if (id === undefined) {
      id = this.systemIds.size;
      this.systemIds.set(system, id);
      this.systemNames.push(system);
    }
    return id;
  }

  /** Records that `code` exists in code set `setId`. */
  markPresent(setId: number, system: string, code: string, billable: boolean): void {
    const id = this.codeId(system, code);
    let p = this.presence.get(setId) ?? new Uint8Array(1024);
    if (id >= p.length) {
      const next = new Uint8Array(Math.max(id + 1, p.length * 2));
      next.set(p);
      p = next;
    }
    this.presence.set(setId, p);
    p[id] = billable ? 2 : 1;
  }

  /** Adds a text; texts valid for every version (setId -1) are added once per code. Returns its doc number, -1 when not added. */
  add(doc: DocSource): number {
    if (doc.setId === -1 && this.shared) {
      const key = `${doc.system}\u0001${doc.code}\u0001${doc.text}`;
      if (this.shared.has(key)) return -1;
      this.shared.add(key);
    }
    const before = this.words.length;
    analyze(doc.text, PATH_KINDS.has(doc.kind), (raw, weight) => {
      this.words.push(this.wordId(raw));
      this.weights.push(Math.round(weight * 10));
    });
    if (this.words.length === before) return -1;
    this.docCodeId.push(this.codeId(doc.system, doc.code));
    this.docSystemId.push(this.systemId(doc.system));
    this.docSetId.push(doc.setId);
    this.docKindId.push(KINDS.indexOf(doc.kind));
    this.docStart.push(this.words.length);
    this.docRow.push(doc.row ?? -1);
    return this.docRow.length - 1;
  }

  /** Number of texts containing stem `id`. */
  postingCount(id: number): number {
    this.ensurePostings();
    return this.postingStart[id + 1]! - this.postingStart[id]!;
  }

  /** The texts containing stem `id`, in text order. */
  postings(id: number): Uint32Array {
    this.ensurePostings();
    return this.postingDocs.subarray(this.postingStart[id]!, this.postingStart[id + 1]!);
  }

  private ensurePostings(): void {
    const nDocs = this.docRow.length;
    if (this.postingsFor === nDocs) return;
    const nStems = this.stems.length;
    const words = this.words.data;
    const starts = this.docStart.data;
    // A stem counts once per text however often the text repeats it.
    const last = new Int32Array(nStems).fill(-1);
    const start = new Uint32Array(nStems + 1);
    for (let d = 0; d < nDocs; d++) {
      for (let j = starts[d]!, end = starts[d + 1]!; j < end; j++) {
        const w = words[j]!;
        if (last[w] !== d) { last[w] = d; start[w + 1]!++; }
      }
    }
    for (let i = 0; i < nStems; i++) start[i + 1]! += start[i]!;
    const docs = new Uint32Array(start[nStems]!);
    const fill = start.slice(0, nStems);
    last.fill(-1);
    for (let d = 0; d < nDocs; d++) {
      for (let j = starts[d]!, end = starts[d + 1]!; j < end; j++) {
        const w = words[j]!;
        if (last[w] !== d) { last[w] = d; docs[fill[w]!++] = d; }
      }
    }
    this.postingStart = start;
    this.postingDocs = docs;
    this.postingsFor = nDocs;
  }

  /** Frees what only adding texts needs (the word cache, the code lookup, growth slack); adding more later still works. */
  compact(): void {
    this.wordCache = new Map();
    this.codeIdMaps = undefined;
    this.stemIds = undefined;
    for (const list of [this.docCodeId, this.docSystemId, this.docSetId, this.docKindId, this.docStart, this.docRow, this.words]) list.trim();
    this.weights.trim();
    this.codes.trim();
    this.ensurePostings();
    this.sortedStemIds();
  }

  /** Frees the duplicate check once every version-independent text is in (they are added once, together). */
  sealShared(): void {
    this.shared = undefined;
  }

  private wordId(raw: string): number {
    let id = this.wordCache.get(raw);
    if (id === undefined) {
      id = this.stemId(stem(raw));
      this.wordCache.set(raw, id);
    }
    return id;
  }

  private stemId(s: string): number {
    if (!this.stemIds) {
      this.stemIds = new Map();
      this.stems.forEach((stemmed, id) => this.stemIds!.set(stemmed, id));
    }
    let id = this.stemIds.get(s);
    if (id !== undefined) return id;
    id = this.stems.length;
    this.stemIds.set(s, id);
    this.stems.push(s);
    this.sorted = undefined;
    return id;
  }

  /** Stem ids in the stems' sorted order. */
  private sortedStemIds(): Int32Array {
    if (!this.sorted) {
      const stems = this.stems;
      this.sorted = Int32Array.from(stems.keys()).sort((a, b) => (stems[a]! < stems[b]! ? -1 : stems[a]! > stems[b]! ? 1 : 0));
    }
    return this.sorted;
  }

  /** Position in the sorted stems of the first stem not before `s`. */
  private lowerBound(s: string): number {
    const sorted = this.sortedStemIds();
    const stems = this.stems;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (stems[sorted[mid]!]! < s) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The index as parts (after compact(): every version-independent text is in, the postings are current). */
  toParts(): TextIndexParts {
    return {
      stems: this.stems, systems: [...this.systemNames], ...this.codes.toParts(),
      presence: [...this.presence],
      docCodeId: this.docCodeId.used(), docSystemId: this.docSystemId.used(), docSetId: this.docSetId.used(), docKindId: this.docKindId.used(),
      docRow: this.docRow.used(), docStart: this.docStart.used(), words: this.words.used(), weights: this.weights.used(),
      sortedStems: this.sortedStemIds(), postingStart: this.postingStart, postingDocs: this.postingDocs,
    };
  }

  /** An index from parts (used in place, nothing derived); throws when they do not fit together. */
  static fromParts(p: TextIndexParts): TextIndex {
    const n = p.docRow.length;
    const nStems = p.stems.length;
    const fits = [p.docCodeId, p.docSystemId, p.docSetId, p.docKindId].every((a) => a.length === n) && p.docStart.length === n + 1
      && p.docStart[n] === p.words.length && p.weights.length === p.words.length
      && p.sortedStems.length === nStems && p.postingStart.length === nStems + 1 && p.postingStart[nStems] === p.postingDocs.length;
    if (!fits) throw new Error('the word index parts do not fit together');
    for (let i = 0; i < p.words.length; i++) if (p.words[i]! < 0 || p.words[i]! >= nStems) throw new Error('the word index refers to a word it does not have');
    for (let i = 0; i < p.postingDocs.length; i++) if (p.postingDocs[i]! >= n) throw new Error('the word index refers to a text it does not have');
    for (let i = 0; i < nStems; i++) if (p.sortedStems[i]! < 0 || p.sortedStems[i]! >= nStems || p.postingStart[i]! > p.postingStart[i + 1]!) throw new Error('the word index parts do not fit together');
    const t = new TextIndex(p.stems);
    t.stemIds = undefined;
    t.sorted = p.sortedStems;
    p.systems.forEach((name) => t.systemId(name));
    t.codes = CodeTable.fromParts(t.systemNames, p.codeSystemIds, p.codeValueLines);
    t.codeIdMaps = undefined;
    for (const [setId, present] of p.presence) t.presence.set(setId, present);
    t.docCodeId = IntList.of(p.docCodeId);
    t.docSystemId = IntList.of(p.docSystemId);
    t.docSetId = IntList.of(p.docSetId);
    t.docKindId = IntList.of(p.docKindId);
    t.docRow = IntList.of(p.docRow);
    t.docStart = IntList.of(p.docStart);
    t.words = IntList.of(p.words);
    t.weights = ByteList.of(p.weights);
    t.shared = undefined;
    t.postingStart = p.postingStart;
    t.postingDocs = p.postingDocs;
    t.postingsFor = n;
    return t;
  }

  idOf(s: string): number | undefined {
    if (this.stemIds) return this.stemIds.get(s);
    const at = this.lowerBound(s);
    const id = this.sorted![at];
    return id !== undefined && this.stems[id] === s ? id : undefined;
  }

  /**
   * Stems sharing the root of `s` (asthma -> asthmatic), `s` included when indexed. A root is a
   * start of its stems: they sit together in sorted order. Remembered per root (a query's words
   * come back as it is typed and when it is split into parts).
   */
  variants(s: string): number[] {
    const r = root(s);
    const sorted = this.sortedStemIds();
    if (this.variantsFor !== sorted) {
      this.variantsByRoot.clear();
      this.variantsFor = sorted;
    }
    const known = this.variantsByRoot.get(r);
    if (known) return known;
    const out: number[] = [];
    for (let i = this.lowerBound(r); i < sorted.length; i++) {
      const stemmed = this.stems[sorted[i]!]!;
      if (!stemmed.startsWith(r)) break;
      if (root(stemmed) === r) out.push(sorted[i]!);
    }
    if (this.variantsByRoot.size >= MAX_REMEMBERED_ROOTS) this.variantsByRoot.clear();
    this.variantsByRoot.set(r, out);
    return out;
  }

  private readonly variantsByRoot = new Map<string, number[]>();
  private variantsFor: Int32Array | undefined;

  /** Stems starting with `prefix`, at most `max`. */
  withPrefix(prefix: string, max: number): number[] {
    const sorted = this.sortedStemIds();
    const out: number[] = [];
    for (let i = this.lowerBound(prefix); i < sorted.length && out.length < max && this.stems[sorted[i]!]!.startsWith(prefix); i++) out.push(sorted[i]!);
    return out;
  }

  kind(d: number): DocKind {
    return KINDS[this.docKindId.data[d]!]!;
  }

  /** An empty result for one search; buffers are reused across searches. */
  newScan(): ScanResult {
    const nCodes = this.codes.length;
    if (this.codeStamp.length < nCodes) {
      const size = nCodes + 1024;
      this.codeStamp = new Int32Array(size);
      this.buffers = { score: new Float64Array(size), doc: new Int32Array(size), label: new Int32Array(size), extras: new Float64Array(size) };
    }
    if (this.docStamp.length < this.docRow.length) this.docStamp = new Int32Array(this.docRow.length + 1024);
    return { stamp: ++this.stamp, touched: [], ...this.buffers };
  }

  private buffers = { score: new Float64Array(0), doc: new Int32Array(0), label: new Int32Array(0), extras: new Float64Array(0) };

  /**
   * Scores every text containing, for each query word, a word in the given relation to it
   * (`relations[i][stemId]`; `alternatives[i]` lists those stem ids), whose code exists in the chosen code set of its system
   * (`chosen`: system -> set id), within `limits`. `score(kind, extras, found, billable)` gets the summed weight
   * of the text's other words and the relation found per query word. Keeps the best text per code.
   * Candidates come from the query word with the fewest texts.
   */
  scan(
    relations: Uint8Array[],
    alternatives: number[][],
    chosen: Map<string, number>,
    score: (kind: number, extras: number, found: Uint8Array, billable: boolean) => number,
    out: ScanResult,
    label: number,
    limits: ScanLimits = {},
  ): void {
    const onlyKind = limits.kind ?? -1;
    const maxTenths = limits.maxExtras === undefined ? Infinity : Math.round(limits.maxExtras * 10);
    const codeStamp = this.codeStamp;
    const stamp = out.stamp;
    const n = relations.length;
    // Per system id: chosen set and its presence table.
    const chosenSet: number[] = [];
    const present: (Uint8Array | undefined)[] = [];
    for (const [system, id] of this.systemIds) {
      const setId = chosen.get(system);
      chosenSet[id] = setId ?? -99;
      present[id] = setId === undefined ? undefined : this.presence.get(setId);
    }
    let driver = 0;
    let driverSize = Infinity;
    alternatives.forEach((ids, i) => {
      let size = 0;
      for (const id of ids) size += this.postingCount(id);
      if (size < driverSize) { driverSize = size; driver = i; }
    });
    const docStamp = this.docStamp;
    const docStampValue = ++this.docStampCounter;
    const found = new Uint8Array(n);
    const words = this.words.data;
    const weights = this.weights.data;
    const starts = this.docStart.data;
    const docCode = this.docCodeId.data;
    const docSystem = this.docSystemId.data;
    const docSet = this.docSetId.data;
    const docKind = this.docKindId.data;
    for (const id of alternatives[driver]!) {
      for (const d of this.postings(id)) {
        if (docStamp[d] === docStampValue) continue;
        docStamp[d] = docStampValue;
        const sys = docSystem[d]!;
        const table = present[sys];
        if (!table) continue;
        const set = docSet[d]!;
        if (set !== -1 && set !== chosenSet[sys]) continue;
        if (onlyKind >= 0 && docKind[d] !== onlyKind) continue;
        const code = docCode[d]!;
        const presence = code < table.length ? table[code]! : 0;
        if (presence === 0) continue;
        found.fill(0);
        let extras = 0;
        for (let j = starts[d]!, end = starts[d + 1]!; j < end; j++) {
          const w = words[j]!;
          let covered = false;
          for (let i = 0; i < n; i++) {
            const r = relations[i]![w]!;
            if (r !== Relation.None) {
              covered = true;
              if (found[i] === 0 || r < found[i]!) found[i] = r;
            }
          }
          if (!covered) {
            extras += weights[j]!;
            if (extras > maxTenths) break;
          }
        }
        if (extras > maxTenths) continue;
        let complete = true;
        for (let i = 0; i < n; i++) if (found[i] === 0) { complete = false; break; }
        if (!complete) continue;
        const s = score(docKind[d]!, extras / 10, found, presence === 2);
        if (codeStamp[code] !== stamp) {
          codeStamp[code] = stamp;
          out.touched.push(code);
        } else if (s <= out.score[code]!) continue;
        out.score[code] = s;
        out.doc[code] = d;
        out.label[code] = label;
        out.extras[code] = extras / 10;
      }
    }
  }

  private docStampCounter = 0;

  docCode(d: number): number {
    return this.docCodeId.data[d]!;
  }
}
