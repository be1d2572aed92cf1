// In-memory inverted index over the texts search ranks: code titles (per code set), tabular
// inclusion terms and Alphabetic Index paths. Built on first search from the database tables:
// sql.js runs FTS4 queries on common words ("fracture": 25,000 rows) in tens to hundreds of
// milliseconds, too slow for search-as-you-type; word lists in JS answer in a few.
import { docWords, root } from './searchWords';

export type DocKind = 'title' | 'short' | 'inclusion' | 'index' | 'eindex';
const KINDS: DocKind[] = ['title', 'short', 'inclusion', 'index', 'eindex'];

export interface DocSource {
  system: string;
  code: string;
  /** Code set the text belongs to; -1 when it holds for every version the code exists in. */
  setId: number;
  kind: DocKind;
  text: string;
}

export class TextIndex {
  private readonly stemIds = new Map<string, number>();
  readonly stems: string[] = [];
  private readonly stemRoot: number[] = [];
  private readonly rootStems = new Map<string, number[]>();
  readonly postings: number[][] = [];
  private sortedStems: string[] | undefined;

  readonly docCode: string[] = [];
  readonly docSystem: string[] = [];
  readonly docSet: number[] = [];
  private readonly docKindId: number[] = [];
  readonly docText: string[] = [];
  /** Word i of doc d is at wordIds[docStart[d] + i]; docStart has one extra end entry. */
  private readonly docStart: number[] = [0];
  private readonly wordIds: number[] = [];
  private readonly wordWeights: number[] = [];
  private readonly seen = new Set<string>();

  get size(): number {
    return this.docCode.length;
  }

  /** Adds a text unless the same text is already indexed for the same code and set. */
  add(doc: DocSource): void {
    const key = `${doc.system}\u0001${doc.code}\u0001${doc.setId}\u0001${doc.kind}\u0001${doc.text}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const words = docWords(doc.text);
    if (words.length === 0) return;
    const d = this.docCode.length;
    this.docCode.push(doc.code);
    this.docSystem.push(doc.system);
    this.docSet.push(doc.setId);
    this.docKindId.push(KINDS.indexOf(doc.kind));
    this.docText.push(doc.text);
    const local = new Set<number>();
    for (const w of words) {
      const id = this.stemId(w.stem);
      this.wordIds.push(id);
      this.wordWeights.push(w.weight);
      if (!local.has(id)) {
        local.add(id);
        this.postings[id]!.push(d);
      }
    }
    this.docStart.push(this.wordIds.length);
  }

  private stemId(s: string): number {
    let id = this.stemIds.get(s);
    if (id !== undefined) return id;
    id = this.stems.length;
    this.stemIds.set(s, id);
    this.stems.push(s);
    this.postings.push([]);
    const r = root(s);
    this.stemRoot.push(this.rootId(r));
    const list = this.rootStems.get(r);
    if (list) list.push(id);
    else this.rootStems.set(r, [id]);
    this.sortedStems = undefined;
    return id;
  }

  private readonly rootIds = new Map<string, number>();
  private rootId(r: string): number {
    let id = this.rootIds.get(r);
    if (id === undefined) {
      id = this.rootIds.size;
      this.rootIds.set(r, id);
    }
    return id;
  }

  idOf(s: string): number | undefined {
    return this.stemIds.get(s);
  }

  rootOf(stemId: number): number {
    return this.stemRoot[stemId]!;
  }

  rootIdOf(s: string): number | undefined {
    return this.rootIds.get(root(s));
  }

  /** Other stems sharing the root of `s` (asthma -> asthmatic). */
  variants(s: string): number[] {
    return this.rootStems.get(root(s)) ?? [];
  }

  /** Stems starting with `prefix`, at most `max`. */
  withPrefix(prefix: string, max: number): number[] {
    this.sortedStems ??= [...this.stems].sort();
    const sorted = this.sortedStems;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: number[] = [];
    for (let i = lo; i < sorted.length && out.length < max && sorted[i]!.startsWith(prefix); i++) out.push(this.stemIds.get(sorted[i]!)!);
    return out;
  }

  kind(d: number): DocKind {
    return KINDS[this.docKindId[d]!]!;
  }

  wordRange(d: number): [number, number] {
    return [this.docStart[d]!, this.docStart[d + 1]!];
  }

  wordId(i: number): number {
    return this.wordIds[i]!;
  }

  wordWeight(i: number): number {
    return this.wordWeights[i]!;
  }
}
