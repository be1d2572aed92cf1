// What the engine gathers for each code before scoring, and the state it keeps per index: shared
// by the engine and its stages (combination.ts).
import type { CodeRecord, CodesetIndex } from '../codeset/api';
import type { Span } from '../note/model';
import type { Dictionary } from './dictionary';
import type { SpecificityResolver } from './specificity';
import type { NeoplasmTable } from './neoplasm';

/** One occurrence of a code's support in the note. */
export interface Mention {
  score: number;
  evidence: Span[];
  section: string;
  reason: string;
  /** subsumed: the words only occur inside a longer matched term ("kidney disease" in "chronic kidney disease"). */
  flags: { uncertain?: boolean; historical?: boolean; family?: boolean; subsumed?: boolean };
}

/** Everything the note says for one code, before scoring. */
export interface CodeAggregate {
  record: CodeRecord;
  mentions: Mention[];
  missing: string[];
  /** Set by combination rules: the code was replaced by a combination code. */
  absorbedBy?: string;
  /** Why the code stays below the default threshold whatever its mentions (integral symptom, less specific sibling). */
  demoted?: string;
}

export interface EngineState {
  index: CodesetIndex;
  dictionary: Dictionary;
  resolver: SpecificityResolver;
  neoplasms: NeoplasmTable;
  /** True when `code`'s "use additional code" or "code also" notes name `other` (both are coded). */
  alsoCoded(code: string, other: string): boolean;
}
