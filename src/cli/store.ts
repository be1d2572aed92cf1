// Where the code-set databases live and how they are written: atomically (temp file + rename),
// so a failed import leaves the previous database untouched.
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';

export function defaultDbPath(env: Record<string, string | undefined>): string {
  if (env.MEDCODE_DB) return resolve(env.MEDCODE_DB);
  const home = homedir();
  if (process.platform === 'win32') return join(env.LOCALAPPDATA ?? join(home, 'AppData', 'Local'), 'medcode', 'codesets.sqlite');
  if (process.platform === 'darwin') return join(home, 'Library', 'Application Support', 'medcode', 'codesets.sqlite');
  return join(env.XDG_DATA_HOME ?? join(home, '.local', 'share'), 'medcode', 'codesets.sqlite');
}

/** The NCCI PTP database sits beside the main one: codesets.sqlite -> codesets.ptp.sqlite. */
export function ptpPathFor(dbPath: string): string {
  return dbPath.endsWith('.sqlite') ? `${dbPath.slice(0, -'.sqlite'.length)}.ptp.sqlite` : `${dbPath}.ptp`;
}

export function readIfExists(path: string): Uint8Array | undefined {
  return existsSync(path) ? new Uint8Array(readFileSync(path)) : undefined;
}

/** Writes `bytes` to `path` through a temp file in the same folder (synced to disk) and a rename. */
export function writeAtomic(path: string, bytes: Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.tmp-${process.pid}-${Date.now()}`;
  try {
    writeSynced(tmp, bytes);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
  syncFolder(dirname(path));
}

/** Writes the whole file and flushes it to the disk before returning. */
export function writeSynced(path: string, bytes: Uint8Array): void {
  const fd = openSync(path, 'w');
  try {
    for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at, bytes.length - at);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Makes a rename in the folder durable (a no-op where folders cannot be opened, e.g. Windows). */
function syncFolder(folder: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(folder, 'r');
    fsyncSync(fd);
  } catch {
    // Not supported on this platform or file system.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The file operations a database write uses (tests inject failures: a full disk, a kill between renames). */
export interface StoreFileOps {
  writeSynced(path: string, bytes: Uint8Array): void;
  rename(from: string, to: string): void;
  remove(path: string): void;
}

export const nodeFileOps: StoreFileOps = {
  writeSynced,
  rename: renameSync,
  remove: (path) => rmSync(path, { force: true }),
};

/**
 * Writes the main database and its PTP database as one generation: both temp files complete and
 * synced first, then the PTP file renamed into place and the main file last (the main file names
 * the PTP generation it goes with, so a PTP file renamed without its main file is ignored).
 * `ptp` undefined leaves the PTP file as it is; `removePtp` deletes a PTP file the new main file
 * no longer names. On failure no temp file is left and the main file is the previous one.
 */
export function writeDatabaseGeneration(
  dbPath: string,
  main: Uint8Array,
  ptp: Uint8Array | undefined,
  options: { removePtp?: boolean; ops?: StoreFileOps } = {},
): void {
  const ops = options.ops ?? nodeFileOps;
  mkdirSync(dirname(dbPath), { recursive: true });
  const ptpPath = ptpPathFor(dbPath);
  const stamp = `${process.pid}-${Date.now()}`;
  const ptpTmp = `${ptpPath}.tmp-${stamp}`;
  const mainTmp = `${dbPath}.tmp-${stamp}`;
  try {
    if (ptp) ops.writeSynced(ptpTmp, ptp);
    ops.writeSynced(mainTmp, main);
    if (ptp) ops.rename(ptpTmp, ptpPath);
    ops.rename(mainTmp, dbPath);
  } catch (e) {
    ops.remove(ptpTmp);
    ops.remove(mainTmp);
    throw e;
  }
  if (options.removePtp && !ptp) ops.remove(ptpPath);
  syncFolder(dirname(dbPath));
}

/** Removes temp files a killed write left beside the database (call while holding the database lock). */
export function removeOrphanTempFiles(dbPath: string): string[] {
  const folder = dirname(dbPath);
  const prefixes = [`${basename(dbPath)}.tmp-`, `${basename(ptpPathFor(dbPath))}.tmp-`];
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  const removed = names.filter((n) => prefixes.some((p) => n.startsWith(p)));
  for (const n of removed) rmSync(join(folder, n), { force: true });
  return removed;
}
