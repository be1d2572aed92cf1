// The index as of a date of service: every lookup, listing and edit reads the versions in force
// on that date (a note seen in January 2021 is coded with FY2021, where R05 is still a billable
// code). The analyzer caches its dictionary and engine per index object, so one view is kept per
// combination of versions in force and reused; a date whose versions are the latest ones gets
// the index itself, with everything already built for it.
import type { CodeSystem } from '../importers/types';
import type { CodesetIndex } from './api';

const DATED_SYSTEMS: CodeSystem[] = ['icd10cm', 'hcpcs', 'cpt'];
const views = new WeakMap<CodesetIndex, Map<string, CodesetIndex>>();

/** The versions `date` selects, as a cache key; equal to the latest versions' key when nothing older is in force. */
function versionsKey(index: CodesetIndex, date?: string): string {
  return DATED_SYSTEMS.map((s) => index.setFor(s, date)?.id ?? '-').join('/');
}

export function indexAtDate(index: CodesetIndex, date: string): CodesetIndex {
  const key = versionsKey(index, date);
  if (key === versionsKey(index)) return index;
  let byKey = views.get(index);
  if (!byKey) views.set(index, (byKey = new Map()));
  let view = byKey.get(key);
  if (!view) byKey.set(key, (view = new DatedIndex(index, date)));
  return view;
}

type Dated<T> = T & { date?: string };

class DatedIndex implements CodesetIndex {
  constructor(private readonly base: CodesetIndex, private readonly date: string) {}

  private at<T extends object>(options: T | undefined): Dated<T> {
    return { ...(options ?? ({} as T)), date: (options as Dated<T> | undefined)?.date ?? this.date };
  }

  sets: CodesetIndex['sets'] = () => this.base.sets();
  setFor: CodesetIndex['setFor'] = (system, date, variant) => this.base.setFor(system, date ?? this.date, variant);
  lookup: CodesetIndex['lookup'] = (code, o) => this.base.lookup(code, this.at(o));
  children: CodesetIndex['children'] = (code, o) => this.base.children(code, this.at(o));
  billableDescendants: CodesetIndex['billableDescendants'] = (code, o) => this.base.billableDescendants(code, this.at(o));
  ancestors: CodesetIndex['ancestors'] = (code, o) => this.base.ancestors(code, this.at(o));
  notes: CodesetIndex['notes'] = (code, o) => this.base.notes(code, this.at(o));
  seventhChars: CodesetIndex['seventhChars'] = (code, o) => this.base.seventhChars(code, this.at(o));
  indexEntriesFor: CodesetIndex['indexEntriesFor'] = (code, o) => this.base.indexEntriesFor(code, this.at(o));
  allIndexEntries: CodesetIndex['allIndexEntries'] = (o) => this.base.allIndexEntries(this.at(o));
  allCodes: CodesetIndex['allCodes'] = (system, o) => this.base.allCodes(system, this.at(o));
  allNotes: CodesetIndex['allNotes'] = (types, o) => this.base.allNotes(types, this.at(o));
  eachIndexEntry: CodesetIndex['eachIndexEntry'] = (o) => this.base.eachIndexEntry(this.at(o));
  eachCode: CodesetIndex['eachCode'] = (system, o) => this.base.eachCode(system, this.at(o));
  eachNote: CodesetIndex['eachNote'] = (types, o) => this.base.eachNote(types, this.at(o));
  inRanges: CodesetIndex['inRanges'] = (code, ranges) => this.base.inRanges(code, ranges);
  search: CodesetIndex['search'] = (query, o) => this.base.search(query, this.at(o));
  mue: CodesetIndex['mue'] = (code, o) => this.base.mue(code, this.at(o));
  addonPrimaries: CodesetIndex['addonPrimaries'] = (code, o) => this.base.addonPrimaries(code, this.at(o));
  mceEdits: CodesetIndex['mceEdits'] = (code, o) => this.base.mceEdits(code, this.at(o));
  ptp: CodesetIndex['ptp'] = (a, b, o) => this.base.ptp(a, b, this.at(o));
  hasPtp: CodesetIndex['hasPtp'] = () => this.base.hasPtp();
  hasLicensedCpt: CodesetIndex['hasLicensedCpt'] = () => this.base.hasLicensedCpt();
  /** The view does not own the database: closing it leaves the index open. */
  close: CodesetIndex['close'] = () => undefined;
}
