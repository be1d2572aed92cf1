// Shared test helpers: analyze a note against the fixture index and read codes back.
import { analyzeNote } from '../../../src/core/suggest/analyze';
import type { AnalyzeOptions, Suggestion } from '../../../src/core/suggest/types';
import { suggestFixtureIndex } from './fixture';

export async function suggest(text: string, options: AnalyzeOptions = {}): Promise<Suggestion[]> {
  return analyzeNote(await suggestFixtureIndex(), text, options).suggestions;
}

export async function codes(text: string, options: AnalyzeOptions = {}): Promise<string[]> {
  return (await suggest(text, options)).map((s) => s.code);
}
