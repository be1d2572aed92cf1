// The claim as the panel reads it. The host has checked the document against ClaimSchema before
// sending it, so the panel only fills the schema's defaults (modifiers, pointers) instead of
// carrying the whole claim schema in its bundle.
import type { Claim } from '../src/core/claim/schema';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The claim with defaults filled, or undefined when the basic shape is missing. */
export function readClaim(raw: Record<string, unknown>): Claim | undefined {
  if (!isRecord(raw.encounter) || !Array.isArray(raw.diagnoses) || !Array.isArray(raw.lines)) return undefined;
  if (!raw.lines.every(isRecord) || !raw.diagnoses.every(isRecord)) return undefined;
  const lines = raw.lines.map((l) => ({ ...l, modifiers: Array.isArray(l.modifiers) ? l.modifiers : [], diagnosisPointers: Array.isArray(l.diagnosisPointers) ? l.diagnosisPointers : [] }));
  return { ...raw, lines } as unknown as Claim;
}
