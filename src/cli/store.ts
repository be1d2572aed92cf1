// Where the code-set databases live and how they are written: atomically (temp file + rename),
// so a failed import leaves the previous database untouched.
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

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
