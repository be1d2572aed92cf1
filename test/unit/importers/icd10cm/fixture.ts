// Loads the hand-made ICD-10-CM fixtures and runs an importer on them with a row-keeping sink.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Importer, ImportFile, ImportOptions, ImportResult } from '../../../../src/core/importers/types';
import { CountingSink } from '../../../support/countingSink';

export const FIXTURES = resolve(__dirname, '../../../fixtures/icd10cm');

export function fixture(name: string): ImportFile {
  return { name, bytes: new Uint8Array(readFileSync(resolve(FIXTURES, name))) };
}

export function fromText(name: string, text: string): ImportFile {
  return { name, bytes: new TextEncoder().encode(text) };
}

export function textOf(file: ImportFile): string {
  return new TextDecoder().decode(file.bytes);
}

export async function runOn(importer: Importer, file: ImportFile, options: ImportOptions = {}): Promise<{ result: ImportResult; sink: CountingSink }> {
  const sink = new CountingSink(true);
  const result = await importer.run(file, sink, 'f'.repeat(64), options);
  return { result, sink };
}
