// Finds and reads the workspace's practice profile and patient store (`.medcode/` in the note's
// folder or the nearest folder above it, or the working directory) for `medcode claim` and
// `medcode patients import`. A file that fails validation is a UsageError listing every problem.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, parse } from 'node:path';
import { parsePatientStore, PATIENTS_FILE, type PatientStore } from '../core/claim/patients';
import { parsePractice, PRACTICE_FILE, type Practice } from '../core/claim/practice';
import { UsageError } from './command';

/** The nearest folder at or above `start` that holds `.medcode/`; undefined when none does. */
export function workspaceFor(start: string): string | undefined {
  let dir = start;
  for (;;) {
    if (existsSync(join(dir, '.medcode'))) return dir;
    const up = dirname(dir);
    if (up === dir || dir === parse(dir).root) return undefined;
    dir = up;
  }
}

export function readPractice(workspace: string | undefined): Practice | undefined {
  if (workspace === undefined) return undefined;
  const path = join(workspace, PRACTICE_FILE);
  if (!existsSync(path)) return undefined;
  const r = parsePractice(readFileSync(path, 'utf8'));
  if (!r.ok) throw new UsageError(`${path} is not a valid practice profile:\n${r.errors.map((e) => `  - ${e}`).join('\n')}`);
  return r.practice;
}

export function readPatientStore(workspace: string | undefined): PatientStore | undefined {
  if (workspace === undefined) return undefined;
  const path = join(workspace, PATIENTS_FILE);
  if (!existsSync(path)) return undefined;
  const r = parsePatientStore(readFileSync(path, 'utf8'));
  if (!r.ok) throw new UsageError(`${path} cannot be read:\n${r.errors.map((e) => `  - ${e}`).join('\n')}`);
  return r.store;
}
