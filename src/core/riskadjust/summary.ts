// The risk summary of one claim for the claim panel: the HCC of each diagnosis code, and the score
// this claim alone gives the patient (its segment, payment HCCs after hierarchies, raw score), or
// why it gives none (not an eligible encounter, patient data missing).
import type { CodesetIndex } from '../codeset/api';
import { groupClaims } from './patients';
import { patientReport } from './report';
import { hccTag, type HccTag } from './tables';
import { tagTablesFor } from './tags';

export interface ClaimRiskSummary {
  model: string;
  year: number;
  /** By diagnosis code as written in the claim. */
  hccs: Record<string, HccTag>;
  segment: string | null;
  /** Payment HCCs of this claim after the hierarchies, with their factors. */
  payment: { category: string; label: string; factor: number }[];
  dropped: { category: string; by: string }[];
  raw: number | null;
  /** Why this claim gives no score (skipped encounter, missing birth date ...). */
  reason?: string;
}

export function claimRiskSummary(index: CodesetIndex, claim: unknown): ClaimRiskSummary | undefined {
  const raw = claim as { encounter?: { dateOfService?: unknown }; diagnoses?: unknown };
  const dos = typeof raw?.encounter?.dateOfService === 'string' ? raw.encounter.dateOfService : undefined;
  const tables = tagTablesFor(index, dos);
  if (!tables) return undefined;
  const hccs: Record<string, HccTag> = {};
  for (const d of Array.isArray(raw?.diagnoses) ? (raw.diagnoses as { code?: unknown }[]) : []) {
    const tag = typeof d?.code === 'string' ? hccTag(tables, d.code) : undefined;
    if (tag) hccs[d.code as string] = tag;
  }
  const out: ClaimRiskSummary = { model: tables.model, year: tables.paymentYear, hccs, segment: null, payment: [], dropped: [], raw: null };
  const { patients, unreadable } = groupClaims([{ name: 'this claim', json: claim }], tables.paymentYear, tables.eligible);
  const p = patients[0];
  if (!p) return { ...out, reason: unreadable[0]?.reason ?? 'not a claim' };
  if (p.claimsSkipped[0]) return { ...out, reason: `not a risk-adjustment encounter: ${p.claimsSkipped[0].reason}` };
  const r = patientReport(p, tables);
  if (r.error) return { ...out, reason: r.error };
  return { ...out, segment: r.segment, payment: r.hccs.map((h) => ({ category: h.category, label: h.label, factor: h.factor })), dropped: r.dropped, raw: r.raw };
}
