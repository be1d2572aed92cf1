// The analyzer's terms in flat typed arrays (some 150,000 for a full code set): keys and codes are
// interned ids, reasons are UTF-8 in one byte pool, and the anchor index is a few integer arrays,
// so the terms hold no object or string each. A term becomes an object only when a sentence
// contains all its keys.

import { LineTable, TextPool } from '../codeset/textPool';
import { U32List } from '../codeset/numberList';

export { TextPool };

export type TermSource = 'lexicon' | 'index' | 'title' | 'inclusion' | 'neoplasm';
const SOURCES: readonly TermSource[] = ['lexicon', 'index', 'title', 'inclusion', 'neoplasm'];
/** Terms laid out between two pauses of buildSteps. */
const TERMS_PER_STEP = 10_000;

export interface DictionaryTerm {
  /** Distinct word keys that must all occur in the sentence, rarest first. */
  keys: string[];
  /** Normalized ICD-10-CM code, possibly a category or a partial code the engine completes. */
  code: string;
  source: TermSource;
  /** Human-readable origin: index "Pneumonia > aspiration", title "...", lexicon "htn". */
  reason: string;
}

/** A term read out of the table; most matched terms are dropped before anyone reads their reason. */
class MatchedTerm implements DictionaryTerm {
  readonly #pool: TextPool;
  readonly #reasonId: number;
  #text: string | undefined;
  constructor(readonly keys: string[], readonly code: string, readonly source: TermSource, pool: TextPool, reasonId: number) {
    this.#pool = pool;
    this.#reasonId = reasonId;
  }
  get reason(): string {
    return (this.#text ??= this.#pool.get(this.#reasonId));
  }
}

/** A term as a plain object (to compare or print terms). */
export function plainTerm(t: DictionaryTerm): DictionaryTerm {
  return { keys: t.keys, code: t.code, source: t.source, reason: t.reason };
}

/**
 * Terms and the index the matcher walks: each term is filed under its rarest key (its anchor);
 * an anchor lists its one-key terms (`singles`) and groups the others by their second-rarest key,
 * groups in the order their first term was added, terms in the order they were added.
 */
export class Dictionary {
  /** Key id -> key. */
  readonly keyNames: string[];
  private readonly keyIds: Map<string, number>;
  /** Term t's key ids are termKeys[termKeyStart[t] .. termKeyStart[t + 1]), rarest first. */
  readonly termKeyStart: Uint32Array;
  readonly termKeys: Uint32Array;
  private readonly termCode: Uint32Array;
  /** Code id -> code, as lines of UTF-8 (not a string per code). */
  private readonly codeNames: LineTable;
  private readonly termSource: Uint8Array;
  private readonly termReason: Uint32Array;
  private readonly reasons: TextPool;
  /** Number of terms containing each key id (a word's commonness in the code set). */
  private readonly frequency: Uint32Array;
  /** Key id -> anchor number, -1 when no term is filed under the key. */
  private readonly anchorOfKey: Int32Array;
  /** Anchor a's one-key terms are singles[singleStart[a] .. singleStart[a + 1]). */
  readonly singleStart: Uint32Array;
  readonly singles: Uint32Array;
  /** Anchor a's groups are groupStart[a] .. groupStart[a + 1]; group g holds members[memberStart[g] .. memberStart[g + 1]). */
  readonly groupStart: Uint32Array;
  readonly groupSecond: Uint32Array;
  readonly memberStart: Uint32Array;
  readonly members: Uint32Array;
  /** Anchor a's groups sorted by second key (for lookups by key). */
  private readonly groupsBySecond: Uint32Array;

  private readonly parts: DictionaryParts;

  constructor(parts: DictionaryParts) {
    this.parts = parts;
    this.keyNames = parts.keyNames;
    this.keyIds = new Map(parts.keyNames.map((k, i) => [k, i]));
    this.termKeyStart = parts.termKeyStart;
    this.termKeys = parts.termKeys;
    this.termCode = parts.termCode;
    this.codeNames = parts.codeNames;
    this.termSource = parts.termSource;
    this.termReason = parts.termReason;
    this.reasons = parts.reasons;
    this.frequency = parts.frequency;
    this.anchorOfKey = parts.anchorOfKey;
    this.singleStart = parts.singleStart;
    this.singles = parts.singles;
    this.groupStart = parts.groupStart;
    this.groupSecond = parts.groupSecond;
    this.memberStart = parts.memberStart;
    this.members = parts.members;
    this.groupsBySecond = parts.groupsBySecond;
  }

  /** Number of terms. */
  get size(): number {
    return this.termCode.length;
  }

  /** Number of anchors (keys some term is filed under). */
  get anchors(): number {
    return this.singleStart.length - 1;
  }

  /** The anchor number of a key, -1 when no term is filed under it. */
  anchorOf(key: string): number {
    const id = this.keyIds.get(key);
    return id === undefined ? -1 : this.anchorOfKey[id]!;
  }

  /** Number of terms containing `key`. */
  keyFrequency(key: string): number {
    const id = this.keyIds.get(key);
    return id === undefined ? 0 : this.frequency[id]!;
  }

  /** The group of anchor `a` whose second key is `key`, -1 when none. */
  groupOf(a: number, key: string): number {
    const id = this.keyIds.get(key);
    if (id === undefined) return -1;
    let lo = this.groupStart[a]!;
    let hi = this.groupStart[a + 1]!;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const second = this.groupSecond[this.groupsBySecond[mid]!]!;
      if (second < id) lo = mid + 1;
      else if (second > id) hi = mid;
      else return this.groupsBySecond[mid]!;
    }
    return -1;
  }

  /** Term `t` as an object (made on demand: only matched terms need one; its reason is read when asked for). */
  term(t: number): DictionaryTerm {
    const keys: string[] = [];
    for (let j = this.termKeyStart[t]!, end = this.termKeyStart[t + 1]!; j < end; j++) keys.push(this.keyNames[this.termKeys[j]!]!);
    return new MatchedTerm(keys, this.codeNames.get(this.termCode[t]!), SOURCES[this.termSource[t]!]!, this.reasons, this.termReason[t]!);
  }

  /** The reason of term `t`. */
  reasonOf(t: number): string {
    return this.reasons.get(this.termReason[t]!);
  }

  /** The arrays the dictionary is made of (for saving it; see dictionaryFile.ts). */
  toParts(): DictionaryParts {
    return this.parts;
  }

  /** Every term, in the order they were added (tests and tools; the matcher never needs all of them). */
  *terms(): Generator<DictionaryTerm> {
    for (let t = 0; t < this.size; t++) yield this.term(t);
  }
}

export interface DictionaryParts {
  keyNames: string[];
  termKeyStart: Uint32Array;
  termKeys: Uint32Array;
  termCode: Uint32Array;
  codeNames: LineTable;
  termSource: Uint8Array;
  termReason: Uint32Array;
  reasons: TextPool;
  frequency: Uint32Array;
  anchorOfKey: Int32Array;
  singleStart: Uint32Array;
  singles: Uint32Array;
  groupStart: Uint32Array;
  groupSecond: Uint32Array;
  memberStart: Uint32Array;
  members: Uint32Array;
  groupsBySecond: Uint32Array;
}

/** Collects terms (keys already distinct), drops exact repeats, and lays out the anchor index. */
export class TermTableBuilder {
  private readonly keyIds = new Map<string, number>();
  private readonly keyNames: string[] = [];
  private readonly codeIds = new Map<string, number>();
  private readonly codeNames: string[] = [];
  private readonly reasons = new TextPool();
  private lastReason: string | undefined;
  private lastReasonId = 0;
  private readonly keyStart = new U32List();
  private readonly keys = new U32List(1 << 16);
  private readonly codes = new U32List(1 << 14);
  private readonly sources = new U32List(1 << 14);
  private readonly reasonIds = new U32List(1 << 14);
  /** Open-addressing hash set of term numbers + 1 (0 = empty), keyed by key set and code: drops exact repeats without a string per term. */
  private seen = new Uint32Array(1 << 16);

  constructor() {
    this.keyStart.push(0);
  }

  private keyId(key: string): number {
    let id = this.keyIds.get(key);
    if (id === undefined) {
      id = this.keyNames.length;
      // A key cut from a longer string (a folded title) would keep that string alive: keep a copy of its own.
      const own = key.length >= 13 ? (JSON.parse(JSON.stringify(key)) as string) : key;
      this.keyIds.set(own, id);
      this.keyNames.push(own);
    }
    return id;
  }

  /** Adds a term unless the same keys already name the same code; `distinct` has no repeated key. */
  add(distinct: string[], code: string, source: TermSource, reason: string): void {
    const ids = distinct.map((k) => this.keyId(k));
    let codeId = this.codeIds.get(code);
    if (codeId === undefined) {
      codeId = this.codeNames.length;
      this.codeIds.set(code, codeId);
      this.codeNames.push(code);
    }
    const t = this.codes.length;
    if (!this.remember(ids, codeId, t)) return;
    for (const id of ids) this.keys.push(id);
    this.keyStart.push(this.keys.length);
    this.codes.push(codeId);
    this.sources.push(SOURCES.indexOf(source));
    // The readings of one index entry share its reason: store it once.
    if (reason !== this.lastReason) {
      this.lastReason = reason;
      this.lastReasonId = this.reasons.add(reason);
    }
    this.reasonIds.push(this.lastReasonId);
  }

  /** Order-independent hash of a key set and a code. */
  private static hash(ids: ArrayLike<number>, codeId: number): number {
    let sum = 0;
    let xor = 0;
    for (let i = 0; i < ids.length; i++) {
      const m = Math.imul(ids[i]! + 1, 0x9e3779b1);
      sum = (sum + (m ^ (m >>> 15))) | 0;
      xor ^= Math.imul(m, 0x85ebca6b);
    }
    return (Math.imul(sum ^ (xor >>> 7), 0xc2b2ae35) ^ Math.imul(codeId + 1, 0x27d4eb2f) ^ ids.length) >>> 0;
  }

  /** True when term t's keys are exactly `ids` (as a set) and its code is `codeId`. */
  private sameTerm(t: number, ids: number[], codeId: number): boolean {
    if (this.codes.data[t] !== codeId) return false;
    const from = this.keyStart.data[t]!;
    const to = this.keyStart.data[t + 1]!;
    if (to - from !== ids.length) return false;
    for (let j = from; j < to; j++) if (!ids.includes(this.keys.data[j]!)) return false;
    return true;
  }

  /** Records term `t` (about to be added) unless an equal term exists; false when it does. */
  private remember(ids: number[], codeId: number, t: number): boolean {
    if ((t + 1) * 2 > this.seen.length) this.grow();
    const mask = this.seen.length - 1;
    for (let i = TermTableBuilder.hash(ids, codeId) & mask; ; i = (i + 1) & mask) {
      const at = this.seen[i]!;
      if (at === 0) {
        this.seen[i] = t + 1;
        return true;
      }
      if (this.sameTerm(at - 1, ids, codeId)) return false;
    }
  }

  private grow(): void {
    const next = new Uint32Array(this.seen.length * 2);
    const mask = next.length - 1;
    for (const at of this.seen) {
      if (at === 0) continue;
      const t = at - 1;
      const ids = this.keys.data.subarray(this.keyStart.data[t]!, this.keyStart.data[t + 1]!);
      let i = TermTableBuilder.hash(ids, this.codes.data[t]!) & mask;
      while (next[i] !== 0) i = (i + 1) & mask;
      next[i] = at;
    }
    this.seen = next;
  }

  build(): Dictionary {
    const steps = this.buildSteps();
    for (;;) {
      const r = steps.next();
      if (r.done) return r.value;
    }
  }

  /** build() in slices: yields between passes and every TERMS_PER_STEP terms. */
  *buildSteps(): Generator<void, Dictionary> {
    this.seen = new Uint32Array(0);
    const nKeys = this.keyNames.length;
    const n = this.codes.length;
    const keyStart = this.keyStart.trimmed();
    const keys = this.keys.trimmed();
    const frequency = new Uint32Array(nKeys);
    for (const k of keys) frequency[k]!++;
    // Rarest key first: it is the anchor, and checking the next-rarest first fails fastest (stable on ties).
    for (let t = 0; t < n; t++) {
      const from = keyStart[t]!;
      const to = keyStart[t + 1]!;
      if (to - from < 2) continue;
      const sorted = Array.from(keys.subarray(from, to)).sort((a, b) => frequency[a]! - frequency[b]!);
      keys.set(sorted, from);
      if (t % TERMS_PER_STEP === 0) yield;
    }
    // Anchors and groups in order of first appearance.
    const anchorOfKey = new Int32Array(nKeys).fill(-1);
    const singleCount = new U32List();
    const groupCount = new U32List();
    const groupAnchor = new U32List();
    const groupSecondOf = new U32List();
    const groupSize = new U32List();
    const groupIds = new Map<number, number>();
    const termGroup = new Int32Array(n);
    for (let t = 0; t < n; t++) {
      const first = keys[keyStart[t]!]!;
      let a = anchorOfKey[first]!;
      if (a < 0) {
        a = anchorOfKey[first] = singleCount.length;
        singleCount.push(0);
        groupCount.push(0);
      }
      if (keyStart[t + 1]! - keyStart[t]! === 1) {
        singleCount.data[a]!++;
        termGroup[t] = -1;
        continue;
      }
      const second = keys[keyStart[t]! + 1]!;
      const slot = a * nKeys + second;
      let g = groupIds.get(slot);
      if (g === undefined) {
        g = groupAnchor.length;
        groupIds.set(slot, g);
        groupAnchor.push(a);
        groupSecondOf.push(second);
        groupSize.push(0);
        groupCount.data[a]!++;
      }
      groupSize.data[g]!++;
      termGroup[t] = g;
      if (t % TERMS_PER_STEP === 0) yield;
    }
    const nAnchors = singleCount.length;
    const nGroups = groupAnchor.length;
    const singleStart = prefixSums(singleCount.data, nAnchors);
    const groupStart = prefixSums(groupCount.data, nAnchors);
    // Lay the groups out anchor by anchor, keeping their order of first appearance.
    const placed = new Uint32Array(nAnchors);
    const finalGroup = new Uint32Array(nGroups);
    const groupSecond = new Uint32Array(nGroups);
    const finalSize = new Uint32Array(nGroups);
    for (let g = 0; g < nGroups; g++) {
      const a = groupAnchor.data[g]!;
      const at = groupStart[a]! + placed[a]!++;
      finalGroup[g] = at;
      groupSecond[at] = groupSecondOf.data[g]!;
      finalSize[at] = groupSize.data[g]!;
    }
    const memberStart = prefixSums(finalSize, nGroups);
    const members = new Uint32Array(memberStart[nGroups]!);
    const singles = new Uint32Array(singleStart[nAnchors]!);
    const memberFill = new Uint32Array(nGroups);
    const singleFill = new Uint32Array(nAnchors);
    for (let t = 0; t < n; t++) {
      const g = termGroup[t]!;
      if (g < 0) {
        const a = anchorOfKey[keys[keyStart[t]!]!]!;
        singles[singleStart[a]! + singleFill[a]!++] = t;
      } else {
        const at = finalGroup[g]!;
        members[memberStart[at]! + memberFill[at]!++] = t;
      }
      if (t % TERMS_PER_STEP === 0) yield;
    }
    const groupsBySecond = new Uint32Array(nGroups);
    for (let a = 0; a < nAnchors; a++) {
      const from = groupStart[a]!;
      const to = groupStart[a + 1]!;
      const order = Array.from({ length: to - from }, (_, i) => from + i).sort((x, y) => groupSecond[x]! - groupSecond[y]!);
      groupsBySecond.set(order, from);
      if (a % TERMS_PER_STEP === 0) yield;
    }
    this.reasons.seal();
    return new Dictionary({
      keyNames: this.keyNames, termKeyStart: keyStart, termKeys: keys, termCode: this.codes.trimmed(), codeNames: lineTableOf(this.codeNames),
      termSource: Uint8Array.from(this.sources.data.subarray(0, n)), termReason: this.reasonIds.trimmed(), reasons: this.reasons,
      frequency, anchorOfKey, singleStart, singles, groupStart, groupSecond, memberStart, members, groupsBySecond,
    });
  }
}

function lineTableOf(strings: string[]): LineTable {
  const t = new LineTable();
  for (const s of strings) t.push(s);
  t.trim();
  return t;
}

function prefixSums(counts: Uint32Array, n: number): Uint32Array {
  const out = new Uint32Array(n + 1);
  for (let i = 0; i < n; i++) out[i + 1] = out[i]! + counts[i]!;
  return out;
}
