// Where the code-set databases live and how they are written: atomically (temp file + rename),
// so a failed import leaves the previous database untouched.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
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

/** The file's bytes (a view on the buffer read, not a copy), or undefined when there is no file. */
export function readIfExists(path: string): Uint8Array | undefined {
  if (!existsSync(path)) return undefined;
  const b = readFileSync(path);
  return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
}

/** Writes `bytes` to `path` through a temp file in the same folder and a rename. */
export function writeAtomic(path: string, bytes: Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.tmp-${process.pid}-${Date.now()}`;
  try {
    writeFileSync(tmp, bytes);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}
