// Medicare Code Editor diagnosis edits (age, sex, manifestation-not-principal, other).
// Accepted layout (derived CSV of the MCE tables, e.g. mce_v41.1_fy2024_code_edits.csv):
//   icd_code,icd_description,icd_conflict_group,icd_conflict_rule
// where the group is Age / Sex / Other and the rule says the range or sex, e.g.
// "Adult (Ages 15-124)", "Perinatal/Newborn (Age 0 Only)", "Female Only",
// "Manifestation (Not Allowed as Principal Diagnosis)". Ages are read from the rule text.
import { csvRecords, fiscalYearDates, headerIndex } from '../text';
import { normalizeCode } from '../../codes';
import { ImportError, type Importer, type ImportFile, type ImportOptions, type ImportResult, type ImportSink, type MceRow } from '../types';

const EXPECTED = 'the MCE code edits CSV with header icd_code,icd_description,icd_conflict_group,icd_conflict_rule';

export function looksLikeMce(head: string): boolean {
  const first = head.replace(/^\ufeff/, '').split(/\r?\n/, 1)[0]!.toLowerCase();
  return first.includes('icd_code') && first.includes('conflict_rule');
}

/** Version and fiscal year from names such as mce_v41.1_fy2024 (FY2024 = 2023-10-01 .. 2024-09-30). */
export function mceRelease(name: string, options: ImportOptions): { version: string; effectiveFrom?: string; effectiveTo?: string } | undefined {
  const base = name.split(/[!/\\]/).pop() ?? name;
  const v = /v(\d+(?:\.\d+)?)/i.exec(base)?.[1];
  const fy = /fy[-_ ]?(\d{4})/i.exec(base)?.[1];
  const dates = fy ? fiscalYearDates(Number(fy)) : undefined;
  const version = options.version ?? (v ? `v${v}` : fy ? `FY${fy}` : undefined);
  if (!version) return undefined;
  return { version, effectiveFrom: options.effectiveFrom ?? dates?.effectiveFrom, effectiveTo: options.effectiveTo ?? dates?.effectiveTo };
}

/** Turns one group + rule into the structured edit; undefined when the rule is not understood. */
export function parseEdit(group: string, rule: string): Pick<MceRow, 'edit' | 'minAge' | 'maxAge' | 'sex'> | undefined {
  const g = group.trim().toLowerCase();
  const r = rule.toLowerCase();
  if (g === 'age' || /\bages?\b/.test(r)) {
    const range = /ages?\s+(\d+)\s*-\s*(\d+)/.exec(r);
    if (range) return { edit: 'age', minAge: Number(range[1]), maxAge: Number(range[2]) };
    const single = /ages?\s+(\d+)\s+only/.exec(r);
    if (single) return { edit: 'age', minAge: Number(single[1]), maxAge: Number(single[1]) };
    return undefined;
  }
  if (g === 'sex' || /\b(fe)?male only\b/.test(r)) {
    if (/\bfemale\b/.test(r)) return { edit: 'sex', sex: 'female' };
    if (/\bmale\b/.test(r)) return { edit: 'sex', sex: 'male' };
    return undefined;
  }
  if (/manifestation/.test(r)) return { edit: 'manifestation' };
  return { edit: 'other' };
}

export async function importMce(file: ImportFile, sink: ImportSink, sha256: string, options: ImportOptions): Promise<ImportResult> {
  let idx: Map<string, number> | undefined;
  let setId = -1;
  let rows = 0;
  const release = mceRelease(file.name, options);
  if (!release) throw new ImportError('cannot tell which MCE version this is. Keep the version in the file name (e.g. mce_v41.1_fy2024) or pass a version.', file.name);
  const counts: Record<string, number> = {};
  for (const [fields, lineNo] of csvRecords(file.bytes)) {
    if (!idx) {
      idx = headerIndex(fields);
      if (!idx.has('icd_code') || !idx.has('icd_conflict_rule')) throw new ImportError(`the first line is not the expected header. Expected ${EXPECTED}.`, file.name, lineNo);
      setId = sink.beginSet({ system: 'mce', ...release, source: { name: file.name, sha256, kind: 'mce-csv', bytes: file.bytes.length } });
      continue;
    }
    const get = (c: string): string => (fields[idx!.get(c) ?? -1] ?? '').trim();
    const code = normalizeCode(get('icd_code'));
    const rule = get('icd_conflict_rule');
    const edit = parseEdit(get('icd_conflict_group'), rule);
    if (!/^[A-Z][0-9][0-9A-Z]{1,5}$/.test(code) || !edit) {
      throw new ImportError(`this row is not an MCE edit (expected an ICD-10-CM code and a rule such as "Adult (Ages 15-124)" or "Female Only"; found "${fields.join(',').slice(0, 80)}").`, file.name, lineNo);
    }
    sink.mce(setId, { code, rule, ...edit, text: fields.join(' | ') });
    counts[edit.edit] = (counts[edit.edit] ?? 0) + 1;
    rows++;
  }
  if (!idx) throw new ImportError(`the file is empty. Expected ${EXPECTED}.`, file.name);
  if (rows === 0) throw new ImportError(`the header is there but no edits follow. Expected ${EXPECTED}.`, file.name);
  options.onProgress?.(1);
  return { kind: 'mce-csv', file: file.name, system: 'mce', version: release.version, counts: { edits: rows, ...counts } };
}

export const mceImporter: Importer = {
  kind: 'mce-csv',
  label: 'Medicare Code Editor diagnosis edits',
  detect: (_name, head) => looksLikeMce(head),
  run: importMce,
};

export const mceImporters: Importer[] = [mceImporter];
