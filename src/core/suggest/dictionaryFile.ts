// A built dictionary as bytes and back. Building it reads the whole code set (seconds); an editor
// keeps these bytes beside the database and reads them back in milliseconds next time. The bytes
// carry what they were built from (the file format, the database's content hash and the
// analyzer's code hash, both computed by the caller) and a checksum: anything that does not match
// is refused with the reason, and the caller builds the dictionary again.
import { Dictionary, TextPool, type DictionaryParts } from './termTable';

/** Bump when the layout below changes. */
export const DICTIONARY_FILE_FORMAT = 1;
const MAGIC = 'MEDCODE-ANALYZER-DICTIONARY\n';

/** What a saved dictionary must have been built from to be used. */
export interface DictionaryFileKey {
  /** Hash of the database's bytes. */
  database: string;
  /** Hash of the code that builds dictionaries (the extension bundle), so a new analyzer never reads an old dictionary. */
  code: string;
}

const U32 = ['termKeyStart', 'termKeys', 'termCode', 'termReason', 'frequency', 'singleStart', 'singles', 'groupStart', 'groupSecond', 'memberStart', 'members', 'groupsBySecond'] as const satisfies (keyof DictionaryParts)[];

interface Header {
  format: number;
  database: string;
  code: string;
  checksum: number;
  /** Byte length of each section, in the order written. */
  sections: number[];
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

export function encodeDictionary(dictionary: Dictionary, key: DictionaryFileKey): Uint8Array {
  const p = dictionary.toParts();
  const pool = p.reasons.toParts();
  const sections: Uint8Array[] = [
    encoder.encode(p.keyNames.join('\n')),
    encoder.encode(p.codeNames.join('\n')),
    p.termSource,
    p.anchorOfKey,
    pool.bytes,
    pool.ends,
    ...U32.map((name) => p[name]),
  ].map((a) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  const bodyLength = sections.reduce((n, s) => n + padded(s.byteLength), 0);
  const body = new Uint8Array(bodyLength);
  let at = 0;
  for (const s of sections) {
    body.set(s, at);
    at += padded(s.byteLength);
  }
  const header: Header = { format: DICTIONARY_FILE_FORMAT, database: key.database, code: key.code, checksum: checksum(body), sections: sections.map((s) => s.byteLength) };
  const head = encoder.encode(`${MAGIC}${JSON.stringify(header)}\n`);
  const out = new Uint8Array(padded(head.byteLength) + bodyLength);
  out.fill(0x20, 0, padded(head.byteLength));
  out.set(head);
  out.set(body, padded(head.byteLength));
  return out;
}

export type DecodedDictionary = { ok: true; dictionary: Dictionary } | { ok: false; reason: string };

/** The dictionary in `bytes` if they were built from `key` and are intact; otherwise why not. */
export function decodeDictionary(bytes: Uint8Array, key: DictionaryFileKey): DecodedDictionary {
  const fail = (reason: string): DecodedDictionary => ({ ok: false, reason });
  const magic = decoder.decode(bytes.subarray(0, MAGIC.length));
  if (magic !== MAGIC) return fail('not a MedCode analyzer dictionary');
  const end = bytes.indexOf(0x0a, MAGIC.length);
  if (end < 0) return fail('the header is cut off');
  let header: Header;
  try {
    header = JSON.parse(decoder.decode(bytes.subarray(MAGIC.length, end))) as Header;
  } catch {
    return fail('the header is unreadable');
  }
  if (header.format !== DICTIONARY_FILE_FORMAT) return fail(`it has format ${header.format}, this analyzer reads ${DICTIONARY_FILE_FORMAT}`);
  if (header.database !== key.database) return fail('it was built from another database');
  if (header.code !== key.code) return fail('it was built by another version of the analyzer');
  if (!Array.isArray(header.sections) || header.sections.length !== 6 + U32.length) return fail('the header lists the wrong sections');
  const start = padded(end + 1);
  const bodyLength = header.sections.reduce((n, s) => n + padded(s), 0);
  if (start + bodyLength !== bytes.byteLength) return fail('the file is cut off or too long');
  // Copied into a fresh buffer: aligned for the typed-array views, and the file's bytes can go.
  const body = bytes.slice(start);
  if (checksum(body) !== header.checksum) return fail('the checksum does not match (the file is damaged)');
  let at = 0;
  const next = (): Uint8Array => {
    const s = body.subarray(at, at + header.sections[0]!);
    at += padded(header.sections.shift()!);
    return s;
  };
  const u32 = (s: Uint8Array) => new Uint32Array(s.buffer, s.byteOffset, s.byteLength >>> 2);
  const text = (s: Uint8Array) => (s.byteLength === 0 ? [] : decoder.decode(s).split('\n'));
  const keyNames = text(next());
  const codeNames = text(next());
  const termSource = next();
  const anchor = next();
  const anchorOfKey = new Int32Array(anchor.buffer, anchor.byteOffset, anchor.byteLength >>> 2);
  const reasons = TextPool.fromParts(next(), u32(next()));
  const arrays = Object.fromEntries(U32.map((name) => [name, u32(next())])) as Record<(typeof U32)[number], Uint32Array>;
  const n = arrays.termCode.length;
  if (arrays.termKeyStart.length !== n + 1 || termSource.length !== n || arrays.termReason.length !== n || anchorOfKey.length !== keyNames.length) {
    return fail('its sections do not fit together');
  }
  return { ok: true, dictionary: new Dictionary({ keyNames, codeNames, termSource, anchorOfKey, reasons, ...arrays }) };
}
