// Refuses an output path that would overwrite an input or a working file: the claim being
// exported (also through a symbolic or hard link), any claim file (*.claim.json or JSON with a
// schemaVersion) and any note (*.note). A *.export.json file (the name the claim panel proposes for
// a claim JSON export) may be replaced by a new export.
import { closeSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UsageError } from './command';

/** The path with every link in its existing part resolved (the file itself may not exist yet). */
function canonical(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    try {
      return join(realpathSync(dirname(path)), basename(path));
    } catch {
      return path;
    }
  }
}

function sameFile(a: string, b: string): boolean {
  if (canonical(a) === canonical(b)) return true;
  try {
    const sa = statSync(a);
    const sb = statSync(b);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}

/** True when an existing file starts like a MedCode claim (JSON object with "schemaVersion" near the top). */
function looksLikeClaimFile(path: string): boolean {
  let fd: number | undefined;
  try {
    if (!statSync(path).isFile()) return false;
    fd = openSync(path, 'r');
    const head = Buffer.alloc(4096);
    const n = readSync(fd, head, 0, head.length, 0);
    const text = head.subarray(0, n).toString('utf8').replace(/^\uFEFF/, '').trimStart();
    return text.startsWith('{') && /"schemaVersion"\s*:/.test(text);
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Throws a UsageError when writing `outPath` would replace one of `inputs`, a claim file or a note. */
export function refuseOverwritingInputs(outPath: string, inputs: readonly string[], flag = '--out'): void {
  for (const input of inputs) {
    if (sameFile(outPath, input)) throw new UsageError(`${flag} ${outPath} is the input file ${input}; writing there would replace it. Choose another output file.`);
  }
  const real = canonical(outPath);
  if (/\.claim\.json$/i.test(real) || (!/\.export\.json$/i.test(real) && looksLikeClaimFile(real))) {
    throw new UsageError(`${flag} ${outPath} is a claim file; an export never replaces a claim. Choose another output file (e.g. .fhir.json, .837p.x12).`);
  }
  if (/\.note$/i.test(real)) throw new UsageError(`${flag} ${outPath} is a clinical note; writing there would replace it. Choose another output file.`);
}
