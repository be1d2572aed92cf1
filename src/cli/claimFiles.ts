// The claim files of a folder (every *.claim.json below it), read and parsed once, kept with the
// text as read so writing back preserves members this version does not know.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseClaim } from '../core/claim/parse';
import type { ClaimFile } from '../core/remit/match';
import { UsageError } from './command';

export interface LoadedClaim extends ClaimFile {
  absolutePath: string;
  raw: Record<string, unknown>;
}

const SKIP = new Set(['node_modules', '.git']);

function walk(dir: string, out: string[]): void {
  for (const name of readdirSync(dir).sort()) {
    if (SKIP.has(name)) continue;
    const full = join(dir, name);
    const st = statSync(full);
    if (st.isDirectory()) walk(full, out);
    else if (name.endsWith('.claim.json')) out.push(full);
  }
}

/** Claims that do not parse are reported through `warn` and left out. */
export function loadClaimFolder(folder: string, cwd: string, warn: (text: string) => void): LoadedClaim[] {
  const root = resolve(cwd, folder);
  let isDir = false;
  try {
    isDir = statSync(root).isDirectory();
  } catch {
    throw new UsageError(`the claims folder ${root} does not exist.`);
  }
  if (!isDir) throw new UsageError(`${root} is not a folder; --claims takes the folder that holds the *.claim.json files.`);
  const files: string[] = [];
  walk(root, files);
  const out: LoadedClaim[] = [];
  for (const absolutePath of files) {
    const path = relative(cwd, absolutePath) || absolutePath;
    const text = readFileSync(absolutePath, 'utf8');
    const parsed = parseClaim(text);
    if (!parsed.ok) {
      warn(`${path} is not a valid claim and was skipped: ${parsed.errors.join(' ')}\n`);
      continue;
    }
    out.push({ path, absolutePath, claim: parsed.claim, raw: JSON.parse(text.replace(/^\uFEFF/, '')) as Record<string, unknown> });
  }
  return out;
}
