// The contract between importers (official file layouts -> rows) and the index writer.
// Importers are pure: they receive bytes and write rows into a sink; the CLI and the
// extension do the file I/O.

export type CodeSystem =
  | 'icd10cm'
  | 'hcpcs'
  | 'cpt'
  | 'modifier'
  | 'pos'
  | 'ncci-ptp'
  | 'ncci-mue'
  | 'ncci-addon'
  | 'mce'
  | 'cms-hcc';

export type ImportKind =
  | 'icd10cm-tabular-xml'
  | 'icd10cm-order-txt'
  | 'icd10cm-order-csv'
  | 'icd10cm-index-xml'
  | 'icd10cm-index-csv'
  | 'icd10cm-drug-xml'
  | 'icd10cm-neoplasm-xml'
  | 'icd10cm-eindex-xml'
  | 'icd10cm-titles-csv'
  | 'hcpcs-txt'
  | 'hcpcs-xlsx'
  | 'hcpcs-modifiers-csv'
  | 'ncci-ptp'
  | 'ncci-mue'
  | 'ncci-addon'
  | 'mce-csv'
  | 'pos-fhir-xml'
  | 'cpt-licensed'
  | 'hcc-dx-csv'
  | 'hcc-hierarchy-csv'
  | 'hcc-labels-csv'
  | 'hcc-coefficients-csv'
  | 'hcc-dx-edits-csv'
  | 'hcc-chronic-csv'
  | 'hcc-eligible-csv';

export interface ImportFile {
  /** File name as the user gave it (for a zip member: `archive.zip!member.txt`). */
  name: string;
  bytes: Uint8Array;
}

export interface SourceRecord {
  name: string;
  sha256: string;
  kind: ImportKind;
  bytes: number;
}

export interface CodesetMeta {
  system: CodeSystem;
  /** Version label taken from the input: FY2021, 2025-Oct, 2024-Q3, v41.1 ... */
  version: string;
  /** ISO dates, inclusive. ICD-10-CM FY2021 = 2020-10-01 .. 2021-09-30. */
  effectiveFrom?: string;
  effectiveTo?: string;
  /** NCCI: practitioner | outpatient_hospital | dme. */
  variant?: string;
  source: SourceRecord;
}

export type CodeKind = 'chapter' | 'section' | 'category' | 'subcategory' | 'code' | 'modifier' | 'pos';

export interface CodeRow {
  /** Normalized: no dot, upper case (E1122). Chapters: `CH01`; sections: the range, e.g. `A00-A09`. */
  code: string;
  /** Official spelling (E11.22). */
  display: string;
  kind: CodeKind;
  billable: boolean;
  shortTitle?: string;
  longTitle?: string;
  /** Normalized parent code in the hierarchy. */
  parent?: string;
  extra?: Record<string, unknown>;
}

export type TabularNoteType =
  | 'inclusionTerm'
  | 'includes'
  | 'excludes1'
  | 'excludes2'
  | 'codeFirst'
  | 'useAdditionalCode'
  | 'codeAlso'
  | 'notes'
  | 'sevenChrNote';

/** A code range [from, to], normalized (no dot). A single code or category: from === to. */
export type CodeRange = [string, string];

export interface TabularNoteRow {
  code: string;
  type: TabularNoteType;
  text: string;
  refs?: CodeRange[];
}

export interface SeventhCharRow {
  code: string;
  chr: string;
  title: string;
}

export type IndexSource = 'index' | 'drug' | 'neoplasm' | 'eindex';

export interface IndexEntryRow {
  source: IndexSource;
  /** Full path, main term first, joined with ' > '. */
  path: string;
  term: string;
  /** 0 = main term. */
  level: number;
  nemod?: string;
  /** Normalized code (may be a category or a partial code such as T360X1). */
  code?: string;
  see?: string;
  seeAlso?: string;
  /** Drug/neoplasm tables: column -> normalized code. */
  codes?: Record<string, string>;
}

export interface MueRow {
  code: string;
  units: number;
  /** 1 = per line, 2 = per date of service (policy), 3 = per date of service (clinical). */
  mai: number;
  rationale?: string;
}

export interface AddonRow {
  addon: string;
  /** CCCCC = primary defined by the payer. */
  primary: string;
  editType: number;
}

export interface MceRow {
  code: string;
  edit: 'age' | 'sex' | 'manifestation' | 'other';
  rule: string;
  minAge?: number;
  maxAge?: number;
  sex?: 'female' | 'male';
  /** The row as the source wrote it. */
  text: string;
}

export interface PtpRow {
  col1: string;
  col2: string;
  effectiveDate?: string;
  /** ISO date; undefined = active. */
  deletionDate?: string;
  modifierIndicator: number;
  rationale?: string;
}

/** The CMS risk-adjustment tables, one row each; `model` is normalized (V28, V24, ESRD-V24, RxHCC-V08; '' for the eligible list). */
export type RiskTableRow =
  | { table: 'dx'; model: string; code: string; cc: string }
  | { table: 'hierarchy'; model: string; parent: string; child: string }
  | { table: 'label'; model: string; cc: string; label: string }
  | { table: 'coefficient'; model: string; name: string; value: number }
  | { table: 'edit'; model: string; code: string; edit: 'age' | 'sex'; sex?: 'female' | 'male'; minAge?: number; maxAge?: number; action: 'override' | 'invalid'; cc?: string; description: string }
  | { table: 'chronic'; model: string; cc: string; chronic: boolean }
  | { table: 'eligible'; model: ''; code: string };

/** Where importers write. `beginSet` returns the set id used for the rows that follow. */
export interface ImportSink {
  beginSet(meta: CodesetMeta): number;
  code(setId: number, row: CodeRow): void;
  note(setId: number, row: TabularNoteRow): void;
  seventhChar(setId: number, row: SeventhCharRow): void;
  indexEntry(setId: number, row: IndexEntryRow): void;
  mue(setId: number, row: MueRow): void;
  addon(setId: number, row: AddonRow): void;
  mce(setId: number, row: MceRow): void;
  ptp(setId: number, row: PtpRow): void;
  riskRow(setId: number, row: RiskTableRow): void;
}

export interface ImportCounts {
  codes?: number;
  billable?: number;
  notes?: number;
  excludes1?: number;
  seventhChars?: number;
  indexEntries?: number;
  edits?: number;
  modifiers?: number;
  [key: string]: number | undefined;
}

export interface ImportResult {
  kind: ImportKind;
  file: string;
  system: CodeSystem;
  version: string;
  counts: ImportCounts;
}

export interface ImportOptions {
  /** Override the version label the importer infers. */
  version?: string;
  effectiveFrom?: string;
  effectiveTo?: string;
  /** Called now and then with a fraction 0..1 of the file done. */
  onProgress?: (fraction: number) => void;
}

export interface Importer {
  kind: ImportKind;
  /** Plain description for messages ("ICD-10-CM Tabular List XML"). */
  label: string;
  /** Decide by content (first bytes decoded as text) and name; never by name alone when content is conclusive. */
  detect(name: string, head: string): boolean;
  run(file: ImportFile, sink: ImportSink, sha256: string, options: ImportOptions): Promise<ImportResult>;
}

/** A problem a user can fix; names the file and, where it applies, the line or zip member. */
export class ImportError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly line?: number,
  ) {
    super(line !== undefined ? `${file}, line ${line}: ${message}` : `${file}: ${message}`);
    this.name = 'ImportError';
  }
}
