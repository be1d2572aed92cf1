// The sidecar claim `<note>.claim.json`: where it lives beside its note, and how the editor reads
// its text. Creating, reading and changing a claim are core functions (src/core/claim/working.ts),
// shared with the panel and the CLI.
import { createClaim, readClaim, type ClaimJson } from '../core/claim/working';
import type { Setting } from '../core/suggest/types';

export {
  billedView, fixOnFile, serializeClaim, statusInClaim, withDecision, withFix, withSuppression, type ClaimJson, type Decision,
} from '../core/claim/working';

/** `visit.note` -> `visit.note.claim.json` (next to the note, so it travels with it). */
export function claimPathFor(notePath: string): string {
  return `${notePath}.claim.json`;
}

export function isClaimPath(path: string): boolean {
  return path.endsWith('.claim.json');
}

export function notePathForClaim(claimPath: string): string {
  return claimPath.slice(0, -'.claim.json'.length);
}

/** A fresh claim for a note (the core's one way of creating a claim). */
export function newClaim(setting: Setting, note?: { path: string; sha256: string }): ClaimJson {
  return createClaim({ setting, ...(note ? { note } : {}) });
}

export type SidecarRead = { ok: true; claim: ClaimJson } | { ok: false; errors: string[] };

/** Reads sidecar text; a missing or empty file gives a fresh claim. */
export function readSidecar(text: string | undefined, setting: Setting): SidecarRead {
  if (text === undefined || text.trim() === '') return { ok: true, claim: newClaim(setting) };
  const r = readClaim(text);
  return r.ok ? { ok: true, claim: r.claim } : { ok: false, errors: r.errors };
}
