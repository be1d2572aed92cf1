// An in-memory ImportSink that counts what importers write per set and keeps a few rows
// (the first `keep` of each kind per set) so tests can look at them.
import type { AddonRow, CodeRow, CodesetMeta, ImportSink, MceRow, MueRow, PtpRow, RiskTableRow } from '../../src/core/importers/types';

export interface CountedSet {
  meta: CodesetMeta;
  counts: Record<string, number>;
  codes: CodeRow[];
  mue: MueRow[];
  addon: AddonRow[];
  mce: MceRow[];
  ptp: PtpRow[];
  risk: RiskTableRow[];
}

export class CountingSink implements ImportSink {
  readonly sets: CountedSet[] = [];
  constructor(private readonly keep = Number.POSITIVE_INFINITY) {}

  beginSet(meta: CodesetMeta): number {
    this.sets.push({ meta, counts: {}, codes: [], mue: [], addon: [], mce: [], ptp: [], risk: [] });
    return this.sets.length - 1;
  }
  private bump(setId: number, what: string): CountedSet {
    const set = this.sets[setId];
    if (!set) throw new Error(`row written to set ${setId} before beginSet`);
    set.counts[what] = (set.counts[what] ?? 0) + 1;
    return set;
  }
  private push<T>(list: T[], row: T): void {
    if (list.length < this.keep) list.push(row);
  }
  code(setId: number, row: CodeRow): void { this.push(this.bump(setId, 'code').codes, row); }
  note(setId: number): void { this.bump(setId, 'note'); }
  seventhChar(setId: number): void { this.bump(setId, 'seventhChar'); }
  indexEntry(setId: number): void { this.bump(setId, 'indexEntry'); }
  mue(setId: number, row: MueRow): void { this.push(this.bump(setId, 'mue').mue, row); }
  addon(setId: number, row: AddonRow): void { this.push(this.bump(setId, 'addon').addon, row); }
  mce(setId: number, row: MceRow): void { this.push(this.bump(setId, 'mce').mce, row); }
  riskRow(setId: number, row: RiskTableRow): void { this.push(this.bump(setId, `risk-${row.table}`).risk, row); }
  ptp(setId: number, row: PtpRow): void {
    const set = this.bump(setId, 'ptp');
    if (row.deletionDate === undefined) set.counts['ptpActive'] = (set.counts['ptpActive'] ?? 0) + 1;
    this.push(set.ptp, row);
  }

  /** The one set of this system (fails the test when there are none or several). */
  only(system: string): CountedSet {
    const found = this.sets.filter((s) => s.meta.system === system);
    if (found.length !== 1) throw new Error(`expected one ${system} set, found ${found.length}`);
    return found[0]!;
  }
}
