// Locates ../shared (the code sets and corpora used by integration tests and benchmarks).
// Tests that need it call `skipUnlessShared` so an absent folder is reported, never a silent pass.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export const SHARED_DIR = resolve(process.env.MEDCODE_SHARED ?? resolve(__dirname, '../../../shared'));

export function sharedPath(...parts: string[]): string {
  return resolve(SHARED_DIR, ...parts);
}

/** Returns a `skip` value for node:test: false when the files exist, else a message saying what is absent. */
export function skipUnlessShared(...relativePaths: string[]): string | false {
  for (const p of relativePaths) {
    const full = sharedPath(p);
    if (!existsSync(full)) return `skipped: ${full} is absent (set MEDCODE_SHARED to the shared folder)`;
  }
  return false;
}
