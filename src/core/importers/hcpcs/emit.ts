// Writes HCPCS records as two sets from one file: procedures (system 'hcpcs') and Level II
// modifiers (system 'modifier'), both labelled with the same release.
import { ImportError, type ImportFile, type ImportKind, type ImportOptions, type ImportResult, type ImportSink } from '../types';
import { RECID_MODIFIER, toCodeRow, type HcpcsRecord } from './record';
import { applyOptions, isoDate, releaseFromLatestDate, releaseFromName, type Release } from './release';

export function resolveRelease(fileName: string, records: HcpcsRecord[], options: ImportOptions): Release {
  let latest: string | undefined;
  for (const r of records) {
    const d = isoDate(r.fields['effectiveDate'] ?? '');
    if (d && /^\d{4}-\d\d-\d\d$/.test(d) && (!latest || d > latest)) latest = d;
  }
  const release = applyOptions(releaseFromName(fileName) ?? releaseFromLatestDate(latest), options);
  if (!release) {
    throw new ImportError('cannot tell which HCPCS release this is: the name has no year and the records no dates. Rename it with the year and quarter (e.g. HCPC2025_OCT_ANWEB) or pass a version.', fileName);
  }
  return release;
}

export function emitHcpcs(
  file: ImportFile,
  records: HcpcsRecord[],
  sink: ImportSink,
  sha256: string,
  kind: ImportKind,
  options: ImportOptions,
): ImportResult {
  if (records.length === 0) {
    throw new ImportError('no HCPCS records found. Expected the CMS HCPCS annual file (procedure records RECID 3, modifiers RECID 7).', file.name);
  }
  const release = resolveRelease(file.name, records, options);
  const source = { name: file.name, sha256, kind, bytes: file.bytes.length };
  const procedures = records.filter((r) => r.recid !== RECID_MODIFIER);
  const modifiers = records.filter((r) => r.recid === RECID_MODIFIER);
  let billable = 0;
  if (procedures.length > 0) {
    const setId = sink.beginSet({ system: 'hcpcs', ...release, source });
    procedures.forEach((r, i) => {
      const row = toCodeRow(r, release.effectiveFrom);
      if (row.billable) billable++;
      sink.code(setId, row);
      if (i % 2000 === 0) options.onProgress?.(i / records.length);
    });
  }
  if (modifiers.length > 0) {
    const setId = sink.beginSet({ system: 'modifier', ...release, source });
    for (const r of modifiers) sink.code(setId, toCodeRow(r, release.effectiveFrom));
  }
  options.onProgress?.(1);
  return {
    kind,
    file: file.name,
    system: procedures.length > 0 ? 'hcpcs' : 'modifier',
    version: release.version,
    counts: { codes: procedures.length, billable, modifiers: modifiers.length },
  };
}
