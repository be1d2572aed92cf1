// A claim drafted from a note's suggestions, every one taken as accepted: what `medcode demo`
// shows and what the folder audit checks for a note that has no claim yet. It is built the way
// the editor builds a claim as a coder accepts codes (createClaim, then one decision per code),
// so the first-listed diagnosis is the analyzer's top-ranked one in both.
import { normalizeCode } from '../codes';
import { createClaim, withDecision, type ClaimJson, type NewClaimInput } from '../claim/working';
import type { Suggestion } from '../suggest/types';

export function draftClaim(suggestions: readonly Suggestion[], input: NewClaimInput, who = 'medcode', at = new Date().toISOString()): ClaimJson {
  const rank = new Map(suggestions.map((s, i) => [normalizeCode(s.code), i] as const));
  const rankOf = (code: string): number | undefined => rank.get(normalizeCode(code));
  let claim = createClaim(input);
  // Diagnoses first, so the service lines point at them.
  const ordered = [...suggestions.filter((s) => s.system === 'icd10cm'), ...suggestions.filter((s) => s.system !== 'icd10cm')];
  for (const s of ordered) {
    claim = withDecision(claim, {
      code: s.code, system: s.system, status: 'accepted', who, at, rankOf,
      evidence: s.evidence.map((e) => ({ start: e.start, end: e.end })),
      ...(s.units !== undefined ? { units: s.units } : {}),
    });
  }
  return claim;
}
