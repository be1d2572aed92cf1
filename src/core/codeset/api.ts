// The read side of the code-set index, as the analyzer, the rules, the CLI and the extension see it.
import type { CodeKind, CodeSystem, IndexEntryRow, IndexSource, MceRow, PtpRow, SeventhCharRow, SourceRecord, TabularNoteType, CodeRange } from '../importers/types';

export interface CodesetInfo {
  id: number;
  system: CodeSystem;
  version: string;
  variant: string;
  effectiveFrom?: string;
  effectiveTo?: string;
  importedAt: string;
  sources: SourceRecord[];
  counts: Record<string, number>;
}

export interface CodeRecord {
  /** Official spelling (E11.22). */
  code: string;
  /** Normalized (E1122). */
  normalized: string;
  system: CodeSystem;
  version: string;
  setId: number;
  kind: CodeKind;
  billable: boolean;
  title: string;
  shortTitle?: string;
  parent?: string;
  extra?: Record<string, unknown>;
}

export interface TabularNote {
  type: TabularNoteType;
  text: string;
  refs: CodeRange[];
  /** Normalized code the note is written on (the code itself or an ancestor). */
  from: string;
  version: string;
}

export interface IndexEntry extends IndexEntryRow {
  id: number;
  version: string;
}

export type SearchMatch = 'code' | 'code-prefix' | 'title' | 'inclusion' | 'index' | 'synonym' | 'fuzzy';

export interface SearchResult {
  code: string;
  system: CodeSystem;
  title: string;
  billable: boolean;
  version: string;
  match: SearchMatch;
  /** The text that matched (title, inclusion term, index path, synonym). */
  matched?: string;
  score: number;
  /**
   * The Alphabetic Index path leading to the code ("Hypertension, hypertensive > kidney > with >
   * stage 1 through stage 4 chronic kidney disease"), or the table cell ("Table of Drugs and
   * Chemicals > Acetaminophen > Poisoning, accidental (unintentional)"); ICD-10-CM codes the index names only.
   * A code found by its title gets the path looked up among the first 10 results.
   */
  path?: string;
  /** When the query names several conditions: the part of it this code answers ("ckd stage 3"), or the parts a combination code joins ("htn + ckd stage 3"). */
  concept?: string;
}

export interface SearchOptions {
  system?: 'icd10cm' | 'hcpcs' | 'cpt';
  limit?: number;
  /** ISO date of service: picks the version in force. Default: the latest version of each system. */
  date?: string;
}

export interface LookupOptions {
  system?: CodeSystem;
  date?: string;
}

export interface MueEdit {
  code: string;
  units: number;
  mai: number;
  rationale?: string;
  variant: string;
  version: string;
}

export interface AddonEdit {
  addon: string;
  primary: string;
  editType: number;
  version: string;
}

export interface MceEdit extends MceRow {
  version: string;
}

export interface PtpEdit extends PtpRow {
  version: string;
  variant: string;
}

export interface CodesetIndex {
  /** Every imported set with counts. */
  sets(): CodesetInfo[];
  /** The set of `system` in force on `date` (ISO). Without a date: the latest. */
  setFor(system: CodeSystem, date?: string, variant?: string): CodesetInfo | undefined;
  /**
   * Looks a code up in any spelling (e1122, E11.22). Without `system`: ICD-10-CM, then HCPCS, CPT, modifiers.
   * Without a licensed CPT file, CPT E/M numbers and CPT modifiers come from a built-in table (version 'builtin').
   */
  lookup(code: string, options?: LookupOptions): CodeRecord | undefined;
  children(code: string, options?: LookupOptions): CodeRecord[];
  /** Billable codes under `code` (itself if billable), in code order. */
  billableDescendants(code: string, options?: LookupOptions & { limit?: number }): CodeRecord[];
  /** Parent chain, nearest first (category, section, chapter). */
  ancestors(code: string, options?: LookupOptions): CodeRecord[];
  /** Tabular notes on the code and, with `inherited`, on its ancestors (nearest first). */
  notes(code: string, options?: LookupOptions & { inherited?: boolean; types?: TabularNoteType[] }): TabularNote[];
  /** 7th characters in force for a code (defined on it or inherited). Empty when none is required. */
  seventhChars(code: string, options?: LookupOptions): SeventhCharRow[];
  /** Index entries pointing at a code. */
  indexEntriesFor(code: string, options?: LookupOptions): IndexEntry[];
  /** Every index entry of the version in force (for the analyzer's dictionary). */
  allIndexEntries(options?: { date?: string; sources?: IndexSource[] }): IndexEntry[];
  /** Every code of a system in the version in force. */
  allCodes(system: CodeSystem, options?: { date?: string }): CodeRecord[];
  /** Every tabular note of the given types in the version in force (inclusion terms for the analyzer). */
  allNotes(types: TabularNoteType[], options?: { date?: string }): (TabularNote & { code: string })[];
  /** The same rows as allIndexEntries, allCodes and allNotes, one at a time: a reader of the whole table holds one row, not all of them. */
  eachIndexEntry(options?: { date?: string; sources?: IndexSource[] }): Iterable<IndexEntry>;
  eachCode(system: CodeSystem, options?: { date?: string }): Iterable<CodeRecord>;
  eachNote(types: TabularNoteType[], options?: { date?: string }): Iterable<TabularNote & { code: string }>;
  /** True when `code` lies in one of the ranges (prefix semantics: E08 covers E08.xxxx). */
  inRanges(code: string, ranges: CodeRange[]): boolean;
  search(query: string, options?: SearchOptions): SearchResult[];
  mue(code: string, options?: { date?: string; variant?: string }): MueEdit | undefined;
  addonPrimaries(addonCode: string, options?: { date?: string }): AddonEdit[];
  mceEdits(code: string, options?: { date?: string }): MceEdit[];
  /** NCCI PTP edits for a pair in either order; opens the PTP database on first use. Undefined when PTP is not installed. */
  ptp(codeA: string, codeB: string, options?: { date?: string; variant?: string }): Promise<PtpEdit[] | undefined>;
  hasPtp(): boolean;
  /** False when only the built-in CPT numbers (E/M, prolonged, CPT modifiers, our labels) are known. */
  hasLicensedCpt(): boolean;
  close(): void;
}
