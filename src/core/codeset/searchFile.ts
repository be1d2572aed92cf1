// The search word index as bytes and back. Building it reads every title, inclusion term and index
// path (seconds, and tens of megabytes of short-lived objects); the editor and the command line
// keep these bytes beside the database and read them back in a fraction of that. Framing and
// refusals: sectionFile.ts.
import type { CodeSearchParts } from './search';
import { headerRefusal, bytesOf, i32Of, linesOf, linesSection, packSections, u32Of, unpackSections, type SectionFileKey } from './sectionFile';

/** Bump when the layout below changes. */
export const SEARCH_FILE_FORMAT = 2;
const KIND = { magic: 'MEDCODE-SEARCH-INDEX\n', format: SEARCH_FILE_FORMAT, noun: 'search index' };

const DOC_ARRAYS = ['docCodeId', 'docSystemId', 'docSetId', 'docKindId', 'docRow', 'docStart', 'words'] as const;

/** What the header carries besides the sections. */
interface Extra {
  systems: string[];
  presenceSets: number[];
  loadedSets: number[];
  setCodes: { setId: number; otherTitles: [number, string][] }[];
  unusualDisplays: [string, string][];
}

export function encodeSearchIndex(parts: CodeSearchParts, key: SectionFileKey): Uint8Array {
  const t = parts.text;
  const extra: Extra = {
    systems: t.systems, presenceSets: t.presence.map(([id]) => id), loadedSets: parts.loadedSets,
    setCodes: parts.setCodes.map((c) => ({ setId: c.setId, otherTitles: c.otherTitles })), unusualDisplays: parts.unusualDisplays,
  };
  const sections = [
    linesSection(t.stems), t.codeValueLines, t.codeSystemIds, t.weights, t.sortedStems, t.postingStart, t.postingDocs,
    ...DOC_ARRAYS.map((name) => t[name]),
    ...t.presence.map(([, present]) => present),
    ...parts.setCodes.flatMap((c) => [c.titleDoc, c.billable]),
  ].map(bytesOf);
  return packSections(KIND, key, sections, extra);
}

export type DecodedSearchIndex = { ok: true; parts: CodeSearchParts } | { ok: false; reason: string };

const isExtra = (x: unknown): x is Extra => {
  const e = x as Extra | undefined;
  return !!e && [e.systems, e.presenceSets, e.loadedSets, e.setCodes, e.unusualDisplays].every(Array.isArray);
};

/** Why a search index file of `fileLength` bytes starting with `head` is not for `key`, from its header alone (its body is checked when decoded). */
export function searchIndexHeaderRefusal(head: Uint8Array, fileLength: number, key: SectionFileKey): string | undefined {
  return headerRefusal(head, fileLength, KIND, key);
}

/** The search index in `bytes` if they were built from `key` and are intact; otherwise why not. */
export function decodeSearchIndex(bytes: Uint8Array, key: SectionFileKey): DecodedSearchIndex {
  const unpacked = unpackSections(bytes, KIND, key);
  if (!unpacked.ok) return unpacked;
  const { sections, extra } = unpacked;
  const wrong: DecodedSearchIndex = { ok: false, reason: 'its sections do not fit together' };
  if (!isExtra(extra) || sections.length !== 7 + DOC_ARRAYS.length + extra.presenceSets.length + 2 * extra.setCodes.length) return wrong;
  let at = 0;
  const next = (): Uint8Array => sections[at++]!;
  const stems = linesOf(next());
  const codeValueLines = next();
  const codeSystemIds = next();
  const weights = next();
  const sortedStems = i32Of(next());
  const postingStart = u32Of(next());
  const postingDocs = u32Of(next());
  const docs = Object.fromEntries(DOC_ARRAYS.map((name) => [name, i32Of(next())])) as Record<(typeof DOC_ARRAYS)[number], Int32Array>;
  const presence = extra.presenceSets.map((id): [number, Uint8Array] => [id, next()]);
  const setCodes = extra.setCodes.map((c) => ({ setId: c.setId, titleDoc: i32Of(next()), billable: next(), otherTitles: c.otherTitles }));
  const parts: CodeSearchParts = {
    text: { stems, systems: extra.systems, codeValueLines, codeSystemIds, presence, weights, sortedStems, postingStart, postingDocs, ...docs },
    loadedSets: extra.loadedSets, setCodes, unusualDisplays: extra.unusualDisplays,
  };
  return { ok: true, parts };
}
