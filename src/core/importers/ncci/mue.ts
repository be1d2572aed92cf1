// NCCI Medically Unlikely Edits (practitioner, outpatient hospital, DME). Accepted layouts:
// - CMS official (.xlsx or CSV/tab text, title/copyright lines first): HCPCS/CPT Code |
//   <Practitioner|Outpatient Hospital|DME Supplier> Services MUE Values | MUE Adjudication
//   Indicator ("2 Date of Service Edit: Policy") | MUE Rationale
// - derived CSV: hcpcs_code,mue_units,mue_mai,mue_rationale,mue_service
import { ImportError, type Importer, type ImportFile, type ImportOptions, type ImportResult, type ImportSink } from '../types';
import { resolveRelease } from './release';
import { CODE, findColumn, rowsAfterHeader, type Located } from './table';

const EXPECTED = 'an MUE table with columns "HCPCS/CPT Code", "... MUE Values", "MUE Adjudication Indicator" and "MUE Rationale"';

export type MueVariant = 'practitioner' | 'outpatient_hospital' | 'dme';

function headerColumns(cells: string[]): Record<string, number | undefined> | undefined {
  const h = cells.map((c) => c.toLowerCase().replace(/\s+/g, ' '));
  const code = findColumn(h, (x) => x === 'hcpcs_code' || x.startsWith('hcpcs/cpt'));
  const units = findColumn(h, (x) => x === 'mue_units' || x.includes('mue value'));
  const mai = findColumn(h, (x) => x === 'mue_mai' || x.includes('adjudication indicator'));
  if (code === undefined || units === undefined || mai === undefined) return undefined;
  return { code, units, mai, rationale: findColumn(h, (x) => x.includes('rationale')), service: findColumn(h, (x) => x === 'mue_service') };
}

export function looksLikeMue(name: string, head: string): boolean {
  for (const line of head.split(/\r?\n/, 40)) {
    if (headerColumns(line.split(line.includes('\t') ? '\t' : ',').map((c) => c.trim()))) return true;
  }
  const base = name.split(/[!/\\]/).pop() ?? name;
  return head.startsWith('PK\u0003\u0004') && /MUE/i.test(base) && /\.xlsx$/i.test(base);
}

export function mueVariant(text: string): MueVariant | undefined {
  if (/outpatient|hospital/i.test(text)) return 'outpatient_hospital';
  if (/\bdme\b|dme[_ ]|supplier/i.test(text)) return 'dme';
  if (/practitioner|physician/i.test(text)) return 'practitioner';
  return undefined;
}

/** "2 Date of Service Edit: Policy" -> 2; "3" -> 3. */
function adjudicationIndicator(value: string): number | undefined {
  const m = /^\s*([123])\b/.exec(value);
  return m ? Number(m[1]) : undefined;
}

export async function importMue(file: ImportFile, sink: ImportSink, sha256: string, options: ImportOptions): Promise<ImportResult> {
  let located: Located | undefined;
  let setId = -1;
  let version = '';
  let rows = 0;
  let pendingVariant: string | undefined;
  const begin = (variantHint: string): void => {
    const release = resolveRelease(file.name, located!.preamble, options);
    if (!release) throw new ImportError('cannot tell which NCCI quarter this is. Keep the CMS file name (it holds the date) or pass a version.', file.name);
    const variant = mueVariant(file.name.split(/[!/\\]/).pop() ?? '') ?? mueVariant(variantHint) ?? mueVariant(located!.preamble);
    if (!variant) throw new ImportError('cannot tell practitioner, outpatient hospital or DME MUEs apart. Keep the CMS file name or the "... Services MUE Values" header.', file.name);
    version = release.version;
    setId = sink.beginSet({ system: 'ncci-mue', ...release, variant, source: { name: file.name, sha256, kind: 'ncci-mue', bytes: file.bytes.length } });
  };
  for (const [cells, lineNo] of rowsAfterHeader(file, headerColumns, EXPECTED, (found) => { located = found; })) {
    const c = located!.columns;
    const code = (cells[c['code']!] ?? '').trim();
    const unitsText = (cells[c['units']!] ?? '').trim();
    const mai = adjudicationIndicator(cells[c['mai']!] ?? '');
    if (!code) continue;
    if (!CODE.test(code) || !/^\d+$/.test(unitsText) || mai === undefined) {
      throw new ImportError(`this row is not an MUE (expected a 5-character code, whole units and an adjudication indicator 1, 2 or 3; found "${cells.join('|').slice(0, 80)}").`, file.name, lineNo);
    }
    if (setId < 0) {
      pendingVariant = `${located!.header[c['units']!] ?? ''} ${c['service'] !== undefined ? cells[c['service']] ?? '' : ''}`;
      begin(pendingVariant);
    }
    const rationale = c['rationale'] !== undefined ? (cells[c['rationale']] ?? '').trim() : '';
    sink.mue(setId, { code, units: Number(unitsText), mai, rationale: rationale || undefined });
    rows++;
  }
  if (rows === 0) throw new ImportError(`the header is there but no MUE rows follow. Expected ${EXPECTED}.`, file.name);
  options.onProgress?.(1);
  return { kind: 'ncci-mue', file: file.name, system: 'ncci-mue', version, counts: { edits: rows } };
}

export const mueImporter: Importer = {
  kind: 'ncci-mue',
  label: 'NCCI medically unlikely edits (MUE)',
  detect: looksLikeMue,
  run: importMue,
};
