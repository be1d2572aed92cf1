// Official releases ship as .zip archives (HCPCS, NCCI, sometimes nested zips). The importers
// read members directly: a member becomes an ImportFile named `archive.zip!member`.
// Office documents (.xlsx) are zips too, but they are a file kind of their own: never expanded.
import { unzipSync, type Unzipped } from 'fflate';
import { ImportError, type ImportFile } from './types';

/** True when the bytes start with a zip local-file header (or are an empty archive). */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b &&
    ((bytes[2] === 0x03 && bytes[3] === 0x04) || (bytes[2] === 0x05 && bytes[3] === 0x06));
}

/** Member names of an archive without inflating anything. Throws ImportError when the archive is damaged. */
export function zipEntryNames(bytes: Uint8Array, archiveName: string): string[] {
  const names: string[] = [];
  unzipOrExplain(bytes, archiveName, (info) => { names.push(info.name); return false; });
  return names;
}

/** An .xlsx (Office Open XML spreadsheet) is a zip holding xl/workbook.xml. */
export function isXlsx(bytes: Uint8Array): boolean {
  if (!isZip(bytes)) return false;
  try {
    return zipEntryNames(bytes, '').some((n) => n === 'xl/workbook.xml');
  } catch {
    return false;
  }
}

/**
 * Expands an archive into its members, nested archives included (`a.zip!b.zip!c.txt`).
 * Directories and macOS resource forks are skipped. A file that is not a zip, or is an
 * .xlsx, comes back unchanged.
 */
export function expandZip(file: ImportFile): ImportFile[] {
  if (!isZip(file.bytes) || isXlsx(file.bytes)) return [file];
  const members = unzipOrExplain(file.bytes, file.name, (info) => !isSkippedMember(info.name));
  const out: ImportFile[] = [];
  for (const [member, bytes] of Object.entries(members)) {
    if (isSkippedMember(member)) continue;
    out.push(...expandZip({ name: `${file.name}!${member}`, bytes }));
  }
  if (out.length === 0) {
    throw new ImportError('the archive holds no files. Check that it is the release archive as downloaded.', file.name);
  }
  return out;
}

function isSkippedMember(name: string): boolean {
  return name.endsWith('/') || name.startsWith('__MACOSX/') || /(^|\/)\.DS_Store$/.test(name);
}

/** Unzips with fflate and turns its terse errors into a sentence naming the archive. */
export function unzipOrExplain(
  bytes: Uint8Array,
  archiveName: string,
  filter: (info: { name: string; size: number; originalSize: number; compression: number }) => boolean,
): Unzipped {
  try {
    return unzipSync(bytes, { filter });
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new ImportError(
      `the zip archive is truncated or corrupt (${why}). Download it again and re-import; nothing was imported from it.`,
      archiveName,
    );
  }
}
