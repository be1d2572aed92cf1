// Minimal .xlsx reader: enough for the CMS spreadsheets (HCPCS ANWEB, NCCI tables).
// Reads the shared-strings table and the first worksheet and yields each row as strings.
// Not handled on purpose: formulas (the cached value is used), styles (dates stay as the
// stored number or text), more than one sheet.
import { SaxesParser } from 'saxes';
import { decodeChunks } from './text';
import { ImportError, type ImportFile } from './types';
import { unzipOrExplain } from './zip';

const WORKBOOK = 'xl/workbook.xml';
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';
const SHARED_STRINGS = 'xl/sharedStrings.xml';

/** Yields [cells, rowNumber] for every non-empty row of the first worksheet; gaps between cells become ''. */
export function* xlsxRows(file: ImportFile): Generator<[cells: string[], rowNo: number]> {
  const meta = unzipOrExplain(file.bytes, file.name, (f) => f.name === WORKBOOK || f.name === WORKBOOK_RELS || f.name === SHARED_STRINGS);
  const workbook = meta[WORKBOOK];
  if (!workbook) throw new ImportError('this zip is not an .xlsx spreadsheet (no xl/workbook.xml).', file.name);
  const sheetPath = firstSheetPath(workbook, meta[WORKBOOK_RELS]);
  const sheet = unzipOrExplain(file.bytes, file.name, (f) => f.name === sheetPath)[sheetPath];
  if (!sheet) throw new ImportError(`the spreadsheet names ${sheetPath} as its first sheet but the file does not hold it.`, file.name);
  const shared = meta[SHARED_STRINGS] ? readSharedStrings(meta[SHARED_STRINGS], file.name) : [];
  yield* readSheet(sheet, shared, file.name);
}

/** Path of the first worksheet: workbook.xml's first <sheet r:id> resolved through the relationships. */
function firstSheetPath(workbook: Uint8Array, rels: Uint8Array | undefined): string {
  const fallback = 'xl/worksheets/sheet1.xml';
  const wb = new TextDecoder().decode(workbook);
  const id = /<sheet\b[^>]*\br:id="([^"]+)"/.exec(wb)?.[1];
  if (!id || !rels) return fallback;
  const relText = new TextDecoder().decode(rels);
  for (const m of relText.matchAll(/<Relationship\b[^>]*>/g)) {
    const tag = m[0];
    if (new RegExp(`\\bId="${id}"`).test(tag)) {
      const target = /\bTarget="([^"]+)"/.exec(tag)?.[1];
      if (!target) return fallback;
      return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
    }
  }
  return fallback;
}

function parseXml(bytes: Uint8Array, fileName: string, part: string, wire: (p: SaxesParser) => void): void {
  const parser = new SaxesParser();
  wire(parser);
  try {
    for (const chunk of decodeChunks(bytes, 'utf-8')) parser.write(chunk);
    parser.close();
  } catch (e) {
    throw new ImportError(`the spreadsheet part ${part} is not well-formed XML (${e instanceof Error ? e.message : String(e)}).`, fileName);
  }
}

/** Each <si> is one string; rich-text runs (<r><t>) are concatenated, phonetic hints (<rPh>) skipped. */
function readSharedStrings(bytes: Uint8Array, fileName: string): string[] {
  const strings: string[] = [];
  let current = '';
  let inT = false;
  let phonetic = 0;
  parseXml(bytes, fileName, SHARED_STRINGS, (p) => {
    p.on('opentag', (t) => {
      if (t.name === 'si') current = '';
      else if (t.name === 'rPh') phonetic++;
      else if (t.name === 't' && phonetic === 0) inT = true;
    });
    p.on('closetag', (t) => {
      if (t.name === 'si') strings.push(current);
      else if (t.name === 'rPh') phonetic--;
      else if (t.name === 't') inT = false;
    });
    p.on('text', (s) => { if (inT) current += s; });
  });
  return strings;
}

/** Column letters of a cell reference ("AB12") to a 0-based index. */
export function columnIndex(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

function* readSheet(bytes: Uint8Array, shared: string[], fileName: string): Generator<[string[], number]> {
  const ready: [string[], number][] = [];
  let cells: string[] = [];
  let rowNo = 0;
  let col = 0;
  let type = '';
  let value = '';
  let capture = false;
  const parser = new SaxesParser();
  parser.on('opentag', (t) => {
    switch (t.name) {
      case 'row': {
        const r = Number(t.attributes['r']);
        rowNo = Number.isFinite(r) && r > 0 ? r : rowNo + 1;
        cells = [];
        col = 0;
        break;
      }
      case 'c': {
        const ref = t.attributes['r'];
        col = typeof ref === 'string' ? columnIndex(ref) : col;
        type = typeof t.attributes['t'] === 'string' ? (t.attributes['t'] as string) : 'n';
        value = '';
        break;
      }
      case 'v':
      case 't':
        capture = true;
        break;
    }
  });
  parser.on('text', (s) => { if (capture) value += s; });
  parser.on('closetag', (t) => {
    switch (t.name) {
      case 'v':
      case 't':
        capture = false;
        break;
      case 'c': {
        const text = type === 's' ? (shared[Number(value)] ?? '') : value;
        while (cells.length < col) cells.push('');
        cells[col] = text;
        col++;
        break;
      }
      case 'row':
        if (cells.some((c) => c !== '')) ready.push([cells, rowNo]);
        break;
    }
  });
  try {
    for (const chunk of decodeChunks(bytes, 'utf-8')) {
      parser.write(chunk);
      yield* ready;
      ready.length = 0;
    }
    parser.close();
  } catch (e) {
    if (e instanceof ImportError) throw e;
    throw new ImportError(`the first worksheet is not well-formed XML (${e instanceof Error ? e.message : String(e)}).`, fileName);
  }
  yield* ready;
}
