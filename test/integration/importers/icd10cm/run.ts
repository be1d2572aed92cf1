// Runs an ICD-10-CM importer over a file in ../shared with a counting sink.
import { readFileSync } from 'node:fs';
import type { Importer, ImportResult } from '../../../../src/core/importers/types';
import { CountingSink } from '../../../support/countingSink';
import { sharedPath } from '../../../support/shared';

export async function importShared(importer: Importer, relative: string, keepRows = false): Promise<{ result: ImportResult; sink: CountingSink }> {
  const full = sharedPath(relative);
  const sink = new CountingSink(keepRows);
  const result = await importer.run({ name: full, bytes: new Uint8Array(readFileSync(full)) }, sink, '0'.repeat(64), {});
  return { result, sink };
}
