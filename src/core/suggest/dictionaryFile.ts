// A built dictionary as bytes and back. Building it reads the whole code set (seconds); an editor
// keeps these bytes beside the database and reads them back in milliseconds next time. The framing
// (what it was built from, checksum, refusals) is sectionFile.ts's.
import { Dictionary, TextPool, type DictionaryParts } from './termTable';
import { LineTable } from '../codeset/textPool';
import { bytesOf, i32Of, linesOf, linesSection, packSections, u32Of, unpackSections, type SectionFileKey } from '../codeset/sectionFile';

/** Bump when the layout below changes. */
export const DICTIONARY_FILE_FORMAT = 1;
const KIND = { magic: 'MEDCODE-ANALYZER-DICTIONARY\n', format: DICTIONARY_FILE_FORMAT, noun: 'analyzer dictionary' };

/** What a saved dictionary must have been built from to be used. */
export type DictionaryFileKey = SectionFileKey;

const U32 = ['termKeyStart', 'termKeys', 'termCode', 'termReason', 'frequency', 'singleStart', 'singles', 'groupStart', 'groupSecond', 'memberStart', 'members', 'groupsBySecond'] as const satisfies (keyof DictionaryParts)[];

export function encodeDictionary(dictionary: Dictionary, key: DictionaryFileKey): Uint8Array {
  const p = dictionary.toParts();
  const pool = p.reasons.toParts();
  return packSections(KIND, key, [
    linesSection(p.keyNames),
    p.codeNames.lines(),
    p.termSource,
    p.anchorOfKey,
    pool.bytes,
    pool.ends,
    ...U32.map((name) => p[name]),
  ].map(bytesOf));
}

export type DecodedDictionary = { ok: true; dictionary: Dictionary } | { ok: false; reason: string };

/** The dictionary in `bytes` if they were built from `key` and are intact; otherwise why not. */
export function decodeDictionary(bytes: Uint8Array, key: DictionaryFileKey): DecodedDictionary {
  const unpacked = unpackSections(bytes, KIND, key, 6 + U32.length);
  if (!unpacked.ok) return unpacked;
  const [keySection, codeSection, termSource, anchor, poolBytes, poolEnds, ...rest] = unpacked.sections as [Uint8Array, Uint8Array, Uint8Array, Uint8Array, Uint8Array, Uint8Array, ...Uint8Array[]];
  const keyNames = linesOf(keySection);
  const codeNames = LineTable.fromLines(codeSection, 0);
  const anchorOfKey = i32Of(anchor);
  const reasons = TextPool.fromParts(poolBytes, u32Of(poolEnds));
  const arrays = Object.fromEntries(U32.map((name, i) => [name, u32Of(rest[i]!)])) as Record<(typeof U32)[number], Uint32Array>;
  const n = arrays.termCode.length;
  if (arrays.termKeyStart.length !== n + 1 || arrays.termCode.some((c) => c >= codeNames.length) || termSource.length !== n || arrays.termReason.length !== n || anchorOfKey.length !== keyNames.length) {
    return { ok: false, reason: 'its sections do not fit together' };
  }
  return { ok: true, dictionary: new Dictionary({ keyNames, codeNames, termSource, anchorOfKey, reasons, ...arrays }) };
}
