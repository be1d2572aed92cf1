// Main Alphabetic Index flattened to CSV (derived, e.g. ICD10CM_2025_Index.csv):
// RowID, Letter, Level (0 = main term), Term, See, SeeAlso, NonEssModif, Code.
// Rows are in document order; a row's parent is the nearest earlier row one level up.
import type { ImportCounts, Importer, ImportFile, ImportOptions, ImportResult, ImportSink, IndexEntryRow } from '../types';
import { ImportError } from '../types';
import { csvRecords, headerIndex } from '../text';
import { indexCode } from './indexXmlReader';
import { resolveVersion } from './version';
import { squash } from './xmlStream';

const REQUIRED = ['level', 'term', 'code'] as const;

export const indexCsvImporter: Importer = {
  kind: 'icd10cm-index-csv',
  label: 'ICD-10-CM Alphabetic Index CSV (derived)',
  detect: (_name, head) => {
    const first = head.replace(/^\ufeff/, '').split(/\r?\n/, 1)[0] ?? '';
    const h = headerIndex(first.split(',').map((c) => c.replace(/^"|"$/g, '')));
    return REQUIRED.every((c) => h.has(c)) && h.has('nonessmodif');
  },
  run: async (file, sink, sha256, options) => importIndexCsv(file, sink, sha256, options),
};

function importIndexCsv(file: ImportFile, sink: ImportSink, sha256: string, options: ImportOptions): Promise<ImportResult> {
  const v = resolveVersion(file, options);
  // The External Cause Index is flattened with the same columns; only its name tells them apart.
  const source = /extern|eindex/i.test(file.name) ? 'eindex' : 'index';
  const counts: ImportCounts = { indexEntries: 0, mainTerms: 0, subTerms: 0, withCode: 0, see: 0, seeAlso: 0 };
  const path: string[] = [];
  let setId: number | undefined;
  let col: Record<'level' | 'term' | 'code' | 'see' | 'seealso' | 'nonessmodif', number | undefined> | undefined;
  for (const [fields, lineNo] of csvRecords(file.bytes)) {
    if (!col) {
      const h = headerIndex(fields);
      if (!REQUIRED.every((c) => h.has(c))) {
        throw new ImportError('this is not an ICD-10-CM index CSV (its header needs Level, Term and Code columns).', file.name, lineNo);
      }
      col = { level: h.get('level'), term: h.get('term'), code: h.get('code'), see: h.get('see'), seealso: h.get('seealso'), nonessmodif: h.get('nonessmodif') };
      continue;
    }
    const get = (i: number | undefined) => (i === undefined ? '' : squash(fields[i] ?? ''));
    const levelText = get(col.level);
    const level = Number(levelText);
    const nemod = get(col.nonessmodif);
    // A few official entries consist only of a nonessential modifier ("Disorder > persistent > (somatoform)").
    const term = get(col.term) || nemod;
    if (!/^\d+$/.test(levelText) || level > path.length || !term) {
      throw new ImportError(
        !term ? 'this row has neither a Term nor a NonEssModif.'
          : level > path.length ? `this row is at level ${levelText} but no earlier row is at level ${level - 1}; the rows must stay in document order.`
            : `Level "${levelText}" is not a number.`,
        file.name,
        lineNo,
      );
    }
    path.length = level;
    path.push(term);
    const row: IndexEntryRow = { source, path: path.join(' > '), term, level };
    const code = indexCode(get(col.code));
    const see = get(col.see);
    const seeAlso = get(col.seealso);
    if (nemod) row.nemod = nemod;
    if (code) { row.code = code; counts.withCode!++; }
    if (see) { row.see = see; counts.see!++; }
    if (seeAlso) { row.seeAlso = seeAlso; counts.seeAlso!++; }
    setId ??= sink.beginSet({
      system: 'icd10cm', version: v.version, effectiveFrom: v.effectiveFrom, effectiveTo: v.effectiveTo,
      source: { name: file.name, sha256, kind: 'icd10cm-index-csv', bytes: file.bytes.length },
    });
    sink.indexEntry(setId, row);
    counts.indexEntries!++;
    if (level === 0) counts.mainTerms!++;
    else counts.subTerms!++;
  }
  if (setId === undefined) throw new ImportError('the index CSV has no entries; import the complete file as downloaded.', file.name);
  return Promise.resolve({ kind: 'icd10cm-index-csv', file: file.name, system: 'icd10cm', version: v.version, counts });
}
