// Where the code-set databases live and how they are written: atomically (temp file + rename),
// so a failed import leaves the previous database untouched.
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { homedir, hostname } from 'node:os';
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

/**
 * The file's bytes in one read (a loop only if the system returns less): readFile reads 512 KB at a
 * time, and on a busy event loop (an editor starting up) each of a 50 MB file's hundred reads waits
 * for its turn.
 */
export async function readWhole(path: string): Promise<Uint8Array> {
  const file = await open(path, 'r');
  try {
    const { size } = await file.stat();
    const bytes = new Uint8Array(size);
    let at = 0;
    while (at < size) {
      const { bytesRead } = await file.read(bytes, at, size - at, at);
      if (bytesRead === 0) break;
      at += bytesRead;
    }
    return at === size ? bytes : bytes.subarray(0, at);
  } finally {
    await file.close();
  }
}

/** The file's bytes (a view on the buffer read, not a copy), or undefined when there is no file. */
export function readIfExists(path: string): Uint8Array | undefined {
  if (!existsSync(path)) return undefined;
  const b = readFileSync(path);
  return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
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

export interface DatabaseLock {
  release(): void;
}

interface LockHolder { pid: number; host?: string; at?: string }

function readLockHolder(lockPath: string): LockHolder | undefined {
  try {
    const v = JSON.parse(readFileSync(lockPath, 'utf8')) as Partial<LockHolder>;
    return typeof v.pid === 'number' ? { pid: v.pid, ...(typeof v.host === 'string' ? { host: v.host } : {}), ...(typeof v.at === 'string' ? { at: v.at } : {}) } : undefined;
  } catch {
    return undefined;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the exclusive write lock of a database: `<db>.lock` created exclusively, holding the
 * holder's pid. A lock whose process is gone (on this machine) is stale and taken over; a live
 * holder is waited for up to `waitMs` (with one message), then a UsageError-style Error explains.
 */
export async function acquireDatabaseLock(
  dbPath: string,
  options: { waitMs?: number; pollMs?: number; onWait?: (message: string) => void } = {},
): Promise<DatabaseLock> {
  const lockPath = `${dbPath}.lock`;
  mkdirSync(dirname(dbPath), { recursive: true });
  const waitMs = options.waitMs ?? 10 * 60_000;
  const started = Date.now();
  let told = false;
  for (;;) {
    try {
      const fd = openSync(lockPath, 'wx');
      try {
        writeSync(fd, JSON.stringify({ pid: process.pid, host: hostname(), at: new Date().toISOString() }));
      } finally {
        closeSync(fd);
      }
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          if (readLockHolder(lockPath)?.pid === process.pid) rmSync(lockPath, { force: true });
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const holder = readLockHolder(lockPath);
    const sameHost = holder?.host === undefined || holder.host === hostname();
    if (holder === undefined || (sameHost && !isRunning(holder.pid))) {
      // Stale: the holder died (or the lock file is unreadable, written by a process killed mid-write).
      rmSync(lockPath, { force: true });
      continue;
    }
    const who = `process ${holder.pid}${sameHost ? '' : ` on ${holder.host}`}${holder.at ? `, since ${holder.at}` : ''}`;
    if (Date.now() - started >= waitMs) {
      throw new DatabaseLockedError(`${dbPath} is being written by another import (${who}). Wait for it to finish and run the import again; if no import is running, delete ${lockPath}.`);
    }
    if (!told) {
      options.onWait?.(`another import (${who}) is writing ${dbPath}; waiting for it to finish...\n`);
      told = true;
    }
    await new Promise((r) => setTimeout(r, options.pollMs ?? 250));
  }
}

export class DatabaseLockedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatabaseLockedError';
  }
}
