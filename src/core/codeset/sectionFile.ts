// A file of binary sections derived from one database by one version of our code (the analyzer's
// dictionary, the search word index): a text header naming the format, what it was built from
// (the database's content hash and our code's hash, both computed by the caller), a checksum and
// each section's length, then the sections, each padded to 4 bytes so typed arrays can view them.
// Anything that does not match is refused with the reason, and the caller builds it again.

/** What a saved file must have been built from to be used. */
export interface SectionFileKey {
  /** Hash of the database's bytes. */
  database: string;
  /** Hash of the code that builds the file (the extension bundle), so new code never reads an old file. */
  code: string;
}

/** How a kind of file names itself. */
export interface SectionFileKind {
  /** First line of the file. */
  magic: string;
  /** Bump when the layout changes. */
  format: number;
  /** What it is, for refusals: "analyzer dictionary". */
  noun: string;
}

interface Header {
  format: number;
  database: string;
  code: string;
  checksum: number;
  /** Byte length of each section, in the order written. */
  sections: number[];
  /** Small structured data that goes with the sections. */
  extra?: unknown;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** 32-bit checksum of the bytes (FNV-1a over 32-bit words; the length is a multiple of 4). */
function checksum(bytes: Uint8Array): number {
  const words = new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength >>> 2);
  let h = 0x811c9dc5;
  for (let i = 0; i < words.length; i++) h = Math.imul(h ^ words[i]!, 0x01000193);
  return h >>> 0;
}

const padded = (n: number): number => (n + 3) & ~3;

/** The bytes of a typed array (a view, not a copy). */
export const bytesOf = (a: ArrayBufferView): Uint8Array => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

export function packSections(kind: SectionFileKind, key: SectionFileKey, sections: Uint8Array[], extra?: unknown): Uint8Array {
  const bodyLength = sections.reduce((n, s) => n + padded(s.byteLength), 0);
  const body = new Uint8Array(bodyLength);
  let at = 0;
  for (const s of sections) {
    body.set(s, at);
    at += padded(s.byteLength);
  }
  const header: Header = { format: kind.format, database: key.database, code: key.code, checksum: checksum(body), sections: sections.map((s) => s.byteLength), ...(extra === undefined ? {} : { extra }) };
  const head = encoder.encode(`${kind.magic}${JSON.stringify(header)}\n`);
  const out = new Uint8Array(padded(head.byteLength) + bodyLength);
  out.fill(0x20, 0, padded(head.byteLength));
  out.set(head);
  out.set(body, padded(head.byteLength));
  return out;
}

export type UnpackedSections = { ok: true; sections: Uint8Array[]; extra: unknown } | { ok: false; reason: string };

type ReadHeader = { ok: true; header: Header; start: number } | { ok: false; reason: string };

/** The header at the start of `head` (the file's first bytes) if it names `kind`, `key` and a file of `fileLength` bytes. */
function readHeader(head: Uint8Array, fileLength: number, kind: SectionFileKind, key: SectionFileKey, count: number | undefined): ReadHeader {
  const fail = (reason: string): ReadHeader => ({ ok: false, reason });
  const magic = decoder.decode(head.subarray(0, kind.magic.length));
  if (magic !== kind.magic) return fail(`not a MedCode ${kind.noun}`);
  const end = head.indexOf(0x0a, kind.magic.length);
  if (end < 0) return fail('the header is cut off');
  let header: Header;
  try {
    header = JSON.parse(decoder.decode(head.subarray(kind.magic.length, end))) as Header;
  } catch {
    return fail('the header is unreadable');
  }
  if (header.format !== kind.format) return fail(`it has format ${header.format}, this version reads ${kind.format}`);
  if (header.database !== key.database) return fail('it was built from another database');
  if (header.code !== key.code) return fail('it was built by another version of the analyzer');
  if (!Array.isArray(header.sections) || (count !== undefined && header.sections.length !== count) || !header.sections.every((n) => Number.isInteger(n) && n >= 0)) return fail('the header lists the wrong sections');
  const start = padded(end + 1);
  const bodyLength = header.sections.reduce((n, s) => n + padded(s), 0);
  if (start + bodyLength !== fileLength) return fail('the file is cut off or too long');
  return { ok: true, header, start };
}

/**
 * Why a `kind` file of `fileLength` bytes whose first bytes are `head` cannot be used for `key`
 * (undefined when its header says it can). The body is not read: its checksum is checked when
 * the file is unpacked.
 */
export function headerRefusal(head: Uint8Array, fileLength: number, kind: SectionFileKind, key: SectionFileKey): string | undefined {
  const read = readHeader(head, fileLength, kind, key, undefined);
  return read.ok ? undefined : read.reason;
}

/** The sections in `bytes` if they are a `kind` file built from `key`, intact (and `count` of them, when given); otherwise why not. */
export function unpackSections(bytes: Uint8Array, kind: SectionFileKind, key: SectionFileKey, count?: number): UnpackedSections {
  const read = readHeader(bytes, bytes.byteLength, kind, key, count);
  if (!read.ok) return read;
  const { header, start } = read;
  // The sections are views on the file's bytes (no copy), unless the body is not 4-byte aligned
  // in memory, which typed-array views need.
  const view = bytes.subarray(start);
  const body = view.byteOffset % 4 === 0 ? view : new Uint8Array(view);
  if (checksum(body) !== header.checksum) return { ok: false, reason: 'the checksum does not match (the file is damaged)' };
  const sections: Uint8Array[] = [];
  let at = 0;
  for (const n of header.sections) {
    sections.push(body.subarray(at, at + n));
    at += padded(n);
  }
  return { ok: true, sections, extra: header.extra };
}

/** Views on a section's bytes (its offset is 4-byte aligned). */
export const u32Of = (s: Uint8Array): Uint32Array => new Uint32Array(s.buffer, s.byteOffset, s.byteLength >>> 2);
export const i32Of = (s: Uint8Array): Int32Array => new Int32Array(s.buffer, s.byteOffset, s.byteLength >>> 2);

/** Strings without newlines as one section, and back. */
export const linesSection = (lines: readonly string[]): Uint8Array => encoder.encode(lines.join('\n'));
export const linesOf = (s: Uint8Array): string[] => (s.byteLength === 0 ? [] : decoder.decode(s).split('\n'));
