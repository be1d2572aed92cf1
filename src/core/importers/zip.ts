// Official releases ship as .zip archives (HCPCS, NCCI, sometimes nested zips). The importers
// read members directly: a member becomes an ImportFile named `archive.zip!member`.
// Office documents (.xlsx) are zips too, but they are a file kind of their own: never expanded.
import { unzipSync, type Unzipped } from 'fflate';
import { ImportError, type ImportFile } from './types';

/**
 * How far an archive may inflate: per member, in total over nested archives, and per member as a
 * ratio to its compressed size (release files compress about 10-30 times; a zip bomb thousands).
 * The sizes are the ones the archive declares, which is also as far as a member is inflated.
 */
export interface InflateLimits {
  memberBytes: number;
  totalBytes: number;
  ratio: number;
}

export const INFLATE_LIMITS: InflateLimits = { memberBytes: 1 << 30, totalBytes: 2 ** 31, ratio: 200 };

/** Members smaller than this are not held to the ratio (a small table of repeated spaces compresses very well). */
const RATIO_FLOOR = 1 << 20;

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
export function expandZip(file: ImportFile, limits: InflateLimits = INFLATE_LIMITS, budget = { left: limits.totalBytes }): ImportFile[] {
  if (!isZip(file.bytes) || isXlsx(file.bytes)) return [file];
  const members = unzipOrExplain(file.bytes, file.name, (info) => !isSkippedMember(info.name), limits, budget);
  const out: ImportFile[] = [];
  for (const [member, bytes] of Object.entries(members)) {
    if (isSkippedMember(member)) continue;
    out.push(...expandZip({ name: `${file.name}!${member}`, bytes }, limits, budget));
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
  limits: InflateLimits = INFLATE_LIMITS,
  budget = { left: limits.totalBytes },
): Unzipped {
  const limited = (info: { name: string; size: number; originalSize: number; compression: number }): boolean => {
    if (!filter(info)) return false;
    checkInflate(info, archiveName, limits, budget);
    return true;
  };
  try {
    return unzipSync(bytes, { filter: limited });
  } catch (e) {
    if (e instanceof ImportError) throw e;
    const why = e instanceof Error ? e.message : String(e);
    throw new ImportError(
      `the zip archive is truncated or corrupt (${why}). Download it again and re-import; nothing was imported from it.`,
      archiveName,
    );
  }
}

function checkInflate(info: { name: string; size: number; originalSize: number }, archiveName: string, limits: InflateLimits, budget: { left: number }): void {
  const mb = (n: number) => `${Math.round(n / 1048576)} MB`;
  const where = `${archiveName}!${info.name}`;
  if (info.originalSize > limits.memberBytes) {
    throw new ImportError(`the member inflates to ${mb(info.originalSize)}, more than the ${mb(limits.memberBytes)} a release file can be; nothing was imported from the archive.`, where);
  }
  if (info.originalSize > RATIO_FLOOR && info.originalSize > limits.ratio * Math.max(1, info.size)) {
    throw new ImportError(`the member inflates ${Math.round(info.originalSize / Math.max(1, info.size))} times its compressed size (release files: under ${limits.ratio}); this looks like a zip bomb, so nothing was imported from the archive.`, where);
  }
  budget.left -= info.originalSize;
  if (budget.left < 0) {
    throw new ImportError(`the archive inflates to more than ${mb(limits.totalBytes)} in total; nothing was imported from it. Import its files one by one.`, archiveName);
  }
}
