// An in-memory ImportSink for importer tests: counts every row kind and, when asked, keeps the
// rows so a test can look at them. Integration runs over real files use counts only.
import type {
  AddonRow, CodeRow, CodesetMeta, ImportSink, IndexEntryRow, MceRow, MueRow, PtpRow, RiskTableRow, SeventhCharRow, TabularNoteRow,
} from '../../src/core/importers/types';

export interface SinkCounts {
  sets: number;
  codes: number;
  notes: number;
  seventhChars: number;
  indexEntries: number;
  mues: number;
  addons: number;
  mces: number;
  ptps: number;
  riskRows: number;
}

export class CountingSink implements ImportSink {
  readonly counts: SinkCounts = { sets: 0, codes: 0, notes: 0, seventhChars: 0, indexEntries: 0, mues: 0, addons: 0, mces: 0, ptps: 0, riskRows: 0 };
  readonly sets: CodesetMeta[] = [];
  readonly codes: CodeRow[] = [];
  readonly notes: TabularNoteRow[] = [];
  readonly seventhChars: SeventhCharRow[] = [];
  readonly indexEntries: IndexEntryRow[] = [];
  readonly mues: MueRow[] = [];
  readonly addons: AddonRow[] = [];
  readonly mces: MceRow[] = [];
  readonly ptps: PtpRow[] = [];
  readonly riskRows: RiskTableRow[] = [];
  /** Rows written with a set id that beginSet did not return. */
  strayRows = 0;

  /** keep: store rows as well as counting them (unit tests on small fixtures). */
  constructor(private readonly keep = false) {}

  beginSet(meta: CodesetMeta): number {
    this.sets.push(meta);
    return ++this.counts.sets;
  }

  code(setId: number, row: CodeRow): void { this.add(setId, 'codes', this.codes, row); }
  note(setId: number, row: TabularNoteRow): void { this.add(setId, 'notes', this.notes, row); }
  seventhChar(setId: number, row: SeventhCharRow): void { this.add(setId, 'seventhChars', this.seventhChars, row); }
  indexEntry(setId: number, row: IndexEntryRow): void { this.add(setId, 'indexEntries', this.indexEntries, row); }
  mue(setId: number, row: MueRow): void { this.add(setId, 'mues', this.mues, row); }
  addon(setId: number, row: AddonRow): void { this.add(setId, 'addons', this.addons, row); }
  mce(setId: number, row: MceRow): void { this.add(setId, 'mces', this.mces, row); }
  ptp(setId: number, row: PtpRow): void { this.add(setId, 'ptps', this.ptps, row); }
  riskRow(setId: number, row: RiskTableRow): void { this.add(setId, 'riskRows', this.riskRows, row); }

  private add<T>(setId: number, key: keyof SinkCounts, rows: T[], row: T): void {
    if (setId < 1 || setId > this.counts.sets) this.strayRows++;
    this.counts[key]++;
    if (this.keep) rows.push(row);
  }
}
