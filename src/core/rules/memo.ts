// A read-through cache over the code-set index for rule runs. The index does not change while
// claims are checked, and a batch (audit, bench, a panel typing) asks the same questions again
// and again (the same codes, the same pairs), so answers are kept per index, bounded in size.
import type { CodesetIndex } from '../codeset/api';

const MAX_ENTRIES = 200_000;
const wrappers = new WeakMap<CodesetIndex, CodesetIndex>();

export function memoIndex(index: CodesetIndex): CodesetIndex {
  const known = wrappers.get(index);
  if (known) return known;
  const cache = new Map<string, unknown>();
  const remember = <T>(key: string, compute: () => T): T => {
    if (cache.has(key)) return cache.get(key) as T;
    if (cache.size >= MAX_ENTRIES) cache.clear();
    const v = compute();
    cache.set(key, v);
    return v;
  };
  const k = (name: string, args: unknown[]) => `${name}\u0000${JSON.stringify(args)}`;
  const wrapper: CodesetIndex = {
    sets: () => index.sets(),
    setFor: (...a) => remember(k('setFor', a), () => index.setFor(...a)),
    lookup: (...a) => remember(k('lookup', a), () => index.lookup(...a)),
    children: (...a) => remember(k('children', a), () => index.children(...a)),
    billableDescendants: (...a) => remember(k('billableDescendants', a), () => index.billableDescendants(...a)),
    ancestors: (...a) => remember(k('ancestors', a), () => index.ancestors(...a)),
    notes: (...a) => remember(k('notes', a), () => index.notes(...a)),
    seventhChars: (...a) => remember(k('seventhChars', a), () => index.seventhChars(...a)),
    indexEntriesFor: (...a) => index.indexEntriesFor(...a),
    allIndexEntries: (...a) => index.allIndexEntries(...a),
    allCodes: (...a) => index.allCodes(...a),
    allNotes: (...a) => index.allNotes(...a),
    eachIndexEntry: (...a) => index.eachIndexEntry(...a),
    eachCode: (...a) => index.eachCode(...a),
    eachNote: (...a) => index.eachNote(...a),
    inRanges: (...a) => index.inRanges(...a),
    search: (...a) => index.search(...a),
    mue: (...a) => remember(k('mue', a), () => index.mue(...a)),
    addonPrimaries: (...a) => remember(k('addonPrimaries', a), () => index.addonPrimaries(...a)),
    mceEdits: (...a) => remember(k('mceEdits', a), () => index.mceEdits(...a)),
    ptp: (...a) => remember(k('ptp', a), () => index.ptp(...a)),
    hasPtp: () => index.hasPtp(),
    hasLicensedCpt: () => index.hasLicensedCpt(),
    close: () => index.close(),
  };
  wrappers.set(index, wrapper);
  return wrapper;
}
