// Builds a real in-memory code-set index (sql.js, the production writer and reader) from a few
// hand-written rows, for unit tests.
import { writeFileSync } from 'node:fs';
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import { openCodesetIndex, type SqlCodesetIndex } from '../../src/core/codeset/index';
import { CodesetWriter } from '../../src/core/codeset/writer';
import type {
  AddonRow, CodeRow, CodeSystem, ImportKind, IndexEntryRow, MceRow, MueRow, PtpRow, SeventhCharRow, TabularNoteRow,
} from '../../src/core/importers/types';

let sql: Promise<SqlJsStatic> | undefined;
export function sqlJs(): Promise<SqlJsStatic> {
  sql ??= initSqlJs();
  return sql;
}

export interface FixtureSet {
  system: CodeSystem;
  version: string;
  effectiveFrom?: string;
  effectiveTo?: string;
  variant?: string;
  /** Source kinds the set pretends to come from (decides which content it answers for). */
  kinds?: ImportKind[];
  codes?: CodeRow[];
  notes?: TabularNoteRow[];
  seventhChars?: SeventhCharRow[];
  indexEntries?: IndexEntryRow[];
  mue?: MueRow[];
  addon?: AddonRow[];
  mce?: MceRow[];
  ptp?: PtpRow[];
}

const DEFAULT_KINDS: Partial<Record<CodeSystem, ImportKind[]>> = {
  icd10cm: ['icd10cm-order-txt', 'icd10cm-tabular-xml', 'icd10cm-index-xml', 'icd10cm-drug-xml', 'icd10cm-neoplasm-xml', 'icd10cm-eindex-xml'],
  hcpcs: ['hcpcs-txt'],
  cpt: ['cpt-licensed'],
  modifier: ['hcpcs-txt'],
  pos: ['pos-fhir-xml'],
  'ncci-ptp': ['ncci-ptp'],
  'ncci-mue': ['ncci-mue'],
  'ncci-addon': ['ncci-addon'],
  mce: ['mce-csv'],
};

/** ICD-10-CM code row from a dotted code and a title; billable unless told otherwise. */
export function icd(display: string, title: string, billable = true, parent?: string): CodeRow {
  const code = display.replace('.', '').toUpperCase();
  return {
    code, display, billable, longTitle: title, shortTitle: title,
    kind: code.length === 3 ? 'category' : billable ? 'code' : 'subcategory',
    ...(parent !== undefined ? { parent } : code.length > 3 ? { parent: code.slice(0, code.length - 1) } : {}),
  };
}

export async function fixtureIndex(sets: FixtureSet[]): Promise<SqlCodesetIndex> {
  const SQL = await sqlJs();
  const writer = new CodesetWriter(SQL);
  writer.begin();
  let n = 0;
  for (const s of sets) {
    const kinds = s.kinds ?? DEFAULT_KINDS[s.system] ?? [];
    let id = -1;
    for (const kind of kinds.length > 0 ? kinds : (['cpt-licensed'] as ImportKind[])) {
      id = writer.beginSet({
        system: s.system, version: s.version,
        ...(s.effectiveFrom ? { effectiveFrom: s.effectiveFrom } : {}), ...(s.effectiveTo ? { effectiveTo: s.effectiveTo } : {}),
        ...(s.variant ? { variant: s.variant } : {}),
        source: { name: `fixture-${kind}-${++n}`, sha256: `fixture${n}`, kind, bytes: 0 },
      });
    }
    for (const r of s.codes ?? []) writer.code(id, r);
    for (const r of s.notes ?? []) writer.note(id, r);
    for (const r of s.seventhChars ?? []) writer.seventhChar(id, r);
    for (const r of s.indexEntries ?? []) writer.indexEntry(id, r);
    for (const r of s.mue ?? []) writer.mue(id, r);
    for (const r of s.addon ?? []) writer.addon(id, r);
    for (const r of s.mce ?? []) writer.mce(id, r);
    for (const r of s.ptp ?? []) writer.ptp(id, r);
  }
  writer.finalize();
  writer.commit();
  const main = writer.exportMain();
  const ptp = writer.exportPtp();
  writer.close();
  return openCodesetIndex(SQL, main, { loadPtp: async () => ptp });
}

/** One ICD-10-CM release holding I10 only: enough for commands that need a database but none of its codes. */
export function tinySet(version = 'FY2024', effectiveFrom = '2023-10-01', effectiveTo = '2024-09-30'): FixtureSet {
  return { system: 'icd10cm', version, effectiveFrom, effectiveTo, kinds: ['icd10cm-order-txt'], codes: [icd('I10', 'Essential (primary) hypertension')] };
}

/** Writes the database of `sets` to `path`, a file the CLI opens with --db. */
export async function writeFixtureDatabase(path: string, sets: FixtureSet[] = [tinySet()]): Promise<void> {
  const index = await fixtureIndex(sets);
  writeFileSync(path, index.db.export());
  index.close();
}

/** ICD-10-CM FY2024 with pneumonia and asthma, titles and Alphabetic Index entries: enough for the analyzer to code "pneumonia" and "asthma". */
export function respiratorySet(): FixtureSet {
  return {
    system: 'icd10cm', version: 'FY2024', effectiveFrom: '2023-10-01', effectiveTo: '2024-09-30',
    codes: [icd('J18.9', 'Pneumonia, unspecified organism'), icd('J45.909', 'Unspecified asthma, uncomplicated')],
    indexEntries: [{ source: 'index', path: 'Pneumonia', term: 'Pneumonia', level: 0, code: 'J189' }, { source: 'index', path: 'Asthma', term: 'Asthma', level: 0, code: 'J45909' }],
  };
}
