// Text helpers shared by the importers: decode bytes in chunks, walk lines without building
// one giant string, read CSV records (RFC 4180 quoting, quoted fields over line breaks), compute
// SHA-256. The one line splitter and the one CSV reader of the importers (tableRows.ts feeds them
// gunzipped and plain text alike).

const CHUNK = 1 << 20;

/**
 * The longest line (or CSV record) a text layout may have unless its importer says otherwise:
 * official tables have lines of a few hundred characters; a line of megabytes is a damaged or
 * hostile file, and reading it on would hold it whole in memory.
 */
export const MAX_LINE_CHARS = 64 * 1024;

/** A line longer than its layout allows; importBatch turns it into an ImportError naming the file. */
export class LineTooLongError extends Error {
  constructor(readonly lineNo: number, readonly limit: number) {
    super(`line ${lineNo} is longer than the ${limit.toLocaleString('en-US')} characters this layout allows; the file is damaged or not this layout. Nothing was imported from it.`);
    this.name = 'LineTooLongError';
  }
}

/** Decodes UTF-8 (or Latin-1 when the bytes are not valid UTF-8) chunk by chunk. */
export function* decodeChunks(bytes: Uint8Array, encoding: 'utf-8' | 'latin1' = detectEncoding(bytes)): Generator<string> {
  const decoder = new TextDecoder(encoding === 'latin1' ? 'windows-1252' : 'utf-8');
  let start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  for (; start < bytes.length; start += CHUNK) {
    yield decoder.decode(bytes.subarray(start, Math.min(bytes.length, start + CHUNK)), { stream: true });
  }
  const tail = decoder.decode();
  if (tail) yield tail;
}

/** UTF-8 unless a sample shows invalid sequences (CMS fixed-width files are often Windows-1252). */
export function detectEncoding(bytes: Uint8Array): 'utf-8' | 'latin1' {
  const sample = bytes.subarray(0, Math.min(bytes.length, 4 << 20));
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample.subarray(0, lastCompleteUtf8(sample)));
    return 'utf-8';
  } catch {
    return 'latin1';
  }
}

function lastCompleteUtf8(b: Uint8Array): number {
  // Back off a partial multi-byte sequence at the end of the sample.
  let end = b.length;
  for (let i = 1; i <= 3 && end - i >= 0; i++) {
    const c = b[end - i]!;
    if ((c & 0xc0) === 0x80) continue;
    if (c >= 0xc0) end -= i;
    break;
  }
  return end;
}

/** Yields each line (without the line break) with its 1-based number. Handles \n, \r\n and \r. */
export function lines(bytes: Uint8Array, encoding?: 'utf-8' | 'latin1', maxLine = MAX_LINE_CHARS): Generator<[line: string, lineNo: number]> {
  return linesOfChunks(decodeChunks(bytes, encoding), maxLine);
}

/** The lines of text that comes in chunks (a decoder's, a gunzip stream's); a line break may fall between chunks. */
/** Throws LineTooLongError past `maxLine`. */
export function* linesOfChunks(chunks: Iterable<string>, maxLine = MAX_LINE_CHARS): Generator<[line: string, lineNo: number]> {
  let carry = '';
  let lineNo = 0;
  let pendingCR = false;
  for (const chunk of chunks) {
    let text = carry + chunk;
    carry = '';
    let pos = 0;
    if (pendingCR && text.startsWith('\n')) pos = 1;
    pendingCR = false;
    const breaks = new BreakFinder(text);
    for (;;) {
      const nl = breaks.next(pos);
      if (nl < 0) break;
      lineNo++;
      if (nl - pos > maxLine) throw new LineTooLongError(lineNo, maxLine);
      yield [text.slice(pos, nl), lineNo];
      if (text[nl] === '\r') {
        if (nl + 1 < text.length) pos = text[nl + 1] === '\n' ? nl + 2 : nl + 1;
        else { pos = nl + 1; pendingCR = true; }
      } else pos = nl + 1;
    }
    carry = text.slice(pos);
    text = '';
    if (carry.length > maxLine) throw new LineTooLongError(lineNo + 1, maxLine);
  }
  if (carry.length > 0) {
    lineNo++;
    yield [carry, lineNo];
  }
}

/**
 * Next \n or \r at or after a position. Remembers where each was last found: searching afresh
 * for a character the chunk lacks (\r in an LF-only file) rescans the whole chunk per line.
 */
class BreakFinder {
  private n = -2;
  private r = -2;
  constructor(private readonly s: string) {}

  next(from: number): number {
    if (this.n !== -1 && this.n < from) this.n = this.s.indexOf('\n', from);
    if (this.r !== -1 && this.r < from) this.r = this.s.indexOf('\r', from);
    if (this.r < 0) return this.n;
    if (this.n < 0) return this.r;
    return Math.min(this.n, this.r);
  }
}

/** A CSV record being read, possibly across lines: its fields so far, the open field, and whether a quote is open. */
export interface CsvRecordState { fields: string[]; field: string; inQuotes: boolean }

/**
 * Reads one line of CSV into `state`: quoted fields may hold the separator and doubled quotes, and
 * a quote may open after spaces. True when the record ends with the line (no quote left open).
 */
export function readCsvLine(line: string, separator: string, state: CsvRecordState): boolean {
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (state.inQuotes) {
      if (c === '"') {
        if (line[i + 1] === '"') { state.field += '"'; i++; } else state.inQuotes = false;
      } else state.field += c;
    } else if (c === '"' && state.field.trim() === '') {
      state.inQuotes = true;
      state.field = '';
    } else if (c === separator) {
      state.fields.push(state.field);
      state.field = '';
    } else state.field += c;
  }
  if (state.inQuotes) return false;
  state.fields.push(state.field);
  state.field = '';
  return true;
}

/**
 * Yields CSV records (fields already unquoted) with the line number where each record starts.
 * Quoted fields may contain separators, doubled quotes and line breaks.
 */
export function csvRecords(bytes: Uint8Array, separator = ',', encoding?: 'utf-8' | 'latin1', maxRecord = MAX_LINE_CHARS): Generator<[fields: string[], lineNo: number]> {
  return csvRecordsOfLines(lines(bytes, encoding, maxRecord), separator, maxRecord);
}

/**
 * The CSV records of `source`'s lines. Blank lines between records are skipped. `separator` may
 * be chosen per record from its first line (a table whose title lines have no tabs).
 */
export function* csvRecordsOfLines(source: Iterable<[line: string, lineNo: number]>, separator: string | ((firstLine: string) => string), maxRecord = MAX_LINE_CHARS): Generator<[fields: string[], lineNo: number]> {
  let state: CsvRecordState | undefined;
  let startLine = 0;
  let recordChars = 0;
  let sep = typeof separator === 'string' ? separator : ',';
  for (const [line, lineNo] of source) {
    if (!state) {
      if (line.trim() === '') continue;
      state = { fields: [], field: '', inQuotes: false };
      startLine = lineNo;
      if (typeof separator !== 'string') sep = separator(line);
      recordChars = 0;
      // Most lines of large tables quote nothing: split them without reading each character.
      if (!line.includes('"')) {
        yield [line.split(sep), lineNo];
        state = undefined;
        continue;
      }
    } else {
      state.field += '\n';
    }
    // A quote left open would otherwise gather the rest of the file into one field.
    recordChars += line.length + 1;
    if (recordChars > maxRecord) throw new LineTooLongError(startLine, maxRecord);
    if (readCsvLine(line, sep, state)) {
      yield [state.fields, startLine];
      state = undefined;
    }
  }
  // A quote left open at the end of the file: the record ends there.
  if (state) {
    state.fields.push(state.field);
    yield [state.fields, startLine];
  }
}

/** Splits one line; quoted fields may hold the separator and doubled quotes; a quote left open ends with the line. */
export function splitRecord(line: string, separator: string): string[] {
  if (!line.includes('"')) return line.split(separator);
  const state: CsvRecordState = { fields: [], field: '', inQuotes: false };
  if (!readCsvLine(line, separator, state)) state.fields.push(state.field);
  return state.fields;
}

/** Lower-cased header names mapped to their column index. */
export function headerIndex(header: string[]): Map<string, number> {
  const m = new Map<string, number>();
  header.forEach((h, i) => m.set(h.trim().toLowerCase().replace(/^\ufeff/, ''), i));
  return m;
}

/** First bytes of a file as text, for kind detection. */
export function headText(bytes: Uint8Array, max = 64 * 1024): string {
  return new TextDecoder('utf-8').decode(bytes.subarray(0, Math.min(bytes.length, max)));
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes as unknown as ArrayBuffer);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** ICD-10-CM fiscal year N runs from Oct 1 of N-1 to Sep 30 of N. */
export function fiscalYearDates(fy: number): { effectiveFrom: string; effectiveTo: string } {
  return { effectiveFrom: `${fy - 1}-10-01`, effectiveTo: `${fy}-09-30` };
}
