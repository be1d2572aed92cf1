// Builds a tiny .xlsx in memory for tests: cells given as strings go to the shared-strings table
// (or inline strings when asked), numbers stay numbers, null leaves a gap (no <c> element).
import { strToU8, zipSync } from 'fflate';

export type Cell = string | number | null;

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function columnLetters(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function buildXlsx(rows: Cell[][], opts: { inline?: boolean; firstRow?: number; sheetPath?: string } = {}): Uint8Array {
  const shared: string[] = [];
  const sheetPath = opts.sheetPath ?? 'worksheets/sheet1.xml';
  const rowXml = rows.map((cells, r) => {
    const rowNo = (opts.firstRow ?? 1) + r;
    const cs = cells.map((v, c) => {
      if (v === null) return '';
      const ref = `${columnLetters(c)}${rowNo}`;
      if (typeof v === 'number') return `<c r="${ref}"><v>${v}</v></c>`;
      if (opts.inline) return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${esc(v)}</t></is></c>`;
      shared.push(v);
      return `<c r="${ref}" t="s"><v>${shared.length - 1}</v></c>`;
    }).join('');
    return `<row r="${rowNo}">${cs}</row>`;
  }).join('');
  const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    'xl/workbook.xml': strToU8(`<?xml version="1.0"?><workbook xmlns="${ns}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId7"/></sheets></workbook>`),
    'xl/_rels/workbook.xml.rels': strToU8(`<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="${sheetPath}"/></Relationships>`),
    [`xl/${sheetPath}`]: strToU8(`<?xml version="1.0"?><worksheet xmlns="${ns}"><sheetData>${rowXml}</sheetData></worksheet>`),
  };
  if (shared.length > 0) {
    files['xl/sharedStrings.xml'] = strToU8(`<?xml version="1.0"?><sst xmlns="${ns}">${shared.map((s) => `<si><t xml:space="preserve">${esc(s)}</t></si>`).join('')}</sst>`);
  }
  return zipSync(files);
}
