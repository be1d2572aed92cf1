// Walks from the code a term names (often a category or subcategory) to the most specific
// billable code the sentence supports, completing the 7th character (with placeholder X) from
// the documented episode of care. When the text is silent on an axis it keeps the unspecified
// code and names the missing axis, so a coder knows what to ask for.
import type { CodeRecord, CodesetIndex } from '../codeset/api';
import type { SeventhCharRow } from '../importers/types';
import type { SpecificityAttributes } from '../note/model';
import { phraseKeys } from './terms';

export interface ResolvedCode {
  record: CodeRecord;
  missing: string[];
}

// `unspecified`: preference when the text says nothing more (uncomplicated > unspecified > specific).
interface Candidate { record: CodeRecord; keys: Set<string>; unspecified: number }

const MAX_DESCENDANTS = 2000;
const EPISODE_CHARACTER: Record<string, string> = { initial: 'A', subsequent: 'D', sequela: 'S' };
const AXIS_WORDS: [string, string[]][] = [
  ['laterality', ['right', 'left', 'bilateral']],
  ['acuity', ['acute', 'chronic']],
  ['stage', ['stage']],
  ['trimester', ['trimester']],
];

const AXIS_KEYS = new Set(AXIS_WORDS.flatMap(([, words]) => words));
// A documented axis ("right") must not buy a site or type the note never names ("shoulder").
const CONTENT_PENALTY = 2.5;

/** Keys the attributes contribute (so "CKD 3b" supports "stage 3b" titles). */
export function attributeKeys(attrs: SpecificityAttributes | undefined): string[] {
  if (!attrs) return [];
  const out: string[] = [];
  if (attrs.laterality) out.push(attrs.laterality);
  if (attrs.acuity === 'acute-on-chronic') out.push('acute', 'chronic');
  else if (attrs.acuity) out.push(attrs.acuity);
  if (attrs.stage) out.push('stage', attrs.stage, attrs.stage.replace(/[ab]$/, ''));
  if (attrs.trimester) out.push('trimester', ['first', 'second', 'third'][attrs.trimester - 1]!);
  return out;
}

export class SpecificityResolver {
  private readonly descendants = new Map<string, Candidate[]>();
  private readonly records = new Map<string, CodeRecord | null>();
  private readonly seventh = new Map<string, SeventhCharRow[]>();
  /** The words of each header's own title (children are scored on the words they add). */
  private readonly titleKeys = new Map<string, Set<string>>();

  constructor(private readonly index: CodesetIndex) {}

  private lookup(code: string): CodeRecord | undefined {
    let r = this.records.get(code);
    if (r === undefined) {
      r = this.index.lookup(code, { system: 'icd10cm' }) ?? null;
      this.records.set(code, r);
    }
    return r ?? undefined;
  }

  private candidatesUnder(record: CodeRecord): Candidate[] {
    let list = this.descendants.get(record.normalized);
    if (!list) {
      list = this.index.billableDescendants(record.code, { system: 'icd10cm', limit: MAX_DESCENDANTS }).map((d) => ({
        record: d,
        keys: new Set(phraseKeys(d.title)),
        unspecified: /unspecified|\bNOS\b/i.test(d.title) ? 0.75 : /uncomplicated|without complication/i.test(d.title) ? 1 : 0,
      }));
      this.descendants.set(record.normalized, list);
    }
    return list;
  }

  /** The closest existing record: the code itself, else its longest existing prefix. */
  private existing(code: string): CodeRecord | undefined {
    for (let c = code; c.length >= 3; c = c.slice(0, -1)) {
      const r = this.lookup(c);
      if (r) return r;
    }
    return undefined;
  }

  /** False when `code` is already a billable code: no attributes are needed to resolve it. */
  needsWalk(code: string): boolean {
    const record = this.existing(code);
    return !record || !record.billable;
  }

  resolve(code: string, context: Set<string>, attrs?: SpecificityAttributes): ResolvedCode | undefined {
    const record = this.existing(code);
    if (!record) return undefined;
    if (record.billable) return { record, missing: [] };
    let candidates = this.candidatesUnder(record);
    if (candidates.length === 0) return undefined;
    const missing: string[] = [];
    let seventh = this.seventh.get(record.normalized);
    if (!seventh) {
      seventh = this.index.seventhChars(record.code, { system: 'icd10cm' });
      this.seventh.set(record.normalized, seventh);
    }
    if (seventh.length > 0) {
      const wanted = attrs?.episode ? EPISODE_CHARACTER[attrs.episode] : undefined;
      if (!wanted) missing.push('episode');
      const chr = wanted ?? 'A';
      const withChr = candidates.filter((c) => c.record.normalized.length === 7 && c.record.normalized.endsWith(chr));
      if (withChr.length > 0) candidates = withChr;
    }
    let base = this.titleKeys.get(record.normalized);
    if (!base) {
      base = new Set(phraseKeys(record.title));
      this.titleKeys.set(record.normalized, base);
    }
    let best: Candidate | undefined;
    let bestScore = -Infinity;
    for (const c of candidates) {
      let supported = 0;
      let unsupported = 0;
      let unsupportedContent = 0;
      for (const k of c.keys) {
        if (base.has(k)) continue;
        if (context.has(k)) supported++;
        else if (AXIS_KEYS.has(k)) unsupported++;
        else unsupportedContent++;
      }
      const score = supported * 2 - unsupported * 0.5 - unsupportedContent * CONTENT_PENALTY + c.unspecified;
      if (score > bestScore) {
        bestScore = score;
        best = c;
      }
    }
    if (!best) return undefined;
    for (const [axis, words] of AXIS_WORDS) {
      const varies = candidates.some((c) => words.some((w) => c.keys.has(w)));
      const chosenHas = words.some((w) => best!.keys.has(w));
      if (varies && !chosenHas) missing.push(axis);
    }
    return { record: best.record, missing };
  }
}
