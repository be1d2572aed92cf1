// Builds what the analyzer needs for a code set (its dictionary, the neoplasm table, the engine
// state) in short slices, awaiting a pause between slices: an editor can prepare the analyzer in
// the background right after the database loads without ever blocking its event loop for long.
import type { CodesetIndex } from '../codeset/api';
import { builtDictionary, dictionarySteps, setDictionary } from './dictionary';
import { engineFor } from './engine';

export interface PrepareOptions {
  /** Work done between two pauses, in milliseconds. */
  sliceMs?: number;
  now?: () => number;
  /** Checked at each pause; true stops the work (the next analysis builds what is missing). */
  cancelled?: () => boolean;
}

/** Resolves true when the analyzer is ready for `index`, false when cancelled first. */
export async function prepareAnalyzer(index: CodesetIndex, pause: () => Promise<void>, options: PrepareOptions = {}): Promise<boolean> {
  const sliceMs = options.sliceMs ?? 20;
  const now = options.now ?? Date.now;
  if (!builtDictionary(index)) {
    const steps = dictionarySteps(index);
    let sliceStart = now();
    for (;;) {
      const r = steps.next();
      if (r.done) {
        // An analysis that could not wait may have built it meanwhile: keep that one.
        if (!builtDictionary(index)) setDictionary(index, r.value);
        break;
      }
      if (now() - sliceStart < sliceMs) continue;
      await pause();
      if (options.cancelled?.()) {
        steps.return(undefined as never);
        return false;
      }
      sliceStart = now();
    }
    await pause();
  }
  engineFor(index);
  return true;
}
