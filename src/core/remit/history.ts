// Appending to a claim's history and reading its standing back. Appending works on the claim file
// as read (not the zod output), so members this version does not know survive; an entry already
// recorded (same id) is not added twice, so reading the same response again changes nothing.
import type { AcknowledgmentRecord, ClaimHistory, ExportRecord, RemittanceRecord } from '../claim/history';
import { validateClaim } from '../claim/parse';
import type { Claim } from '../claim/schema';
import type { MatchedResponse } from './match';

export interface HistoryAppend {
  acknowledgments?: AcknowledgmentRecord[];
  remittances?: RemittanceRecord[];
  exports?: ExportRecord[];
}

export type AppendResult = { ok: true; raw: Record<string, unknown>; added: number } | { ok: false; errors: string[] };

export function appendHistory(raw: Record<string, unknown>, add: HistoryAppend): AppendResult {
  const before = (typeof raw.history === 'object' && raw.history !== null ? raw.history : {}) as Record<string, unknown>;
  const history: Record<string, unknown> = { ...before };
  let added = 0;
  for (const key of ['exports', 'acknowledgments', 'remittances'] as const) {
    const incoming = (add[key] ?? []) as Array<{ id?: string }>;
    if (incoming.length === 0) continue;
    const list = Array.isArray(before[key]) ? [...(before[key] as Array<{ id?: string }>)] : [];
    const ids = new Set(list.map((e) => e.id).filter((id) => id !== undefined));
    for (const e of incoming) {
      if (e.id !== undefined && ids.has(e.id)) continue;
      if (e.id !== undefined) ids.add(e.id);
      list.push(e);
      added++;
    }
    history[key] = list;
  }
  const next = { ...raw, history };
  const check = validateClaim(next);
  if (!check.ok) return { ok: false, errors: check.errors };
  return { ok: true, raw: next, added };
}

export function historyAppendFor(responses: readonly MatchedResponse[]): HistoryAppend {
  const out: Required<Omit<HistoryAppend, 'exports'>> = { acknowledgments: [], remittances: [] };
  for (const r of responses) {
    if (r.record.kind === 'acknowledgment') out.acknowledgments.push(r.record.entry);
    else out.remittances.push(r.record.entry);
  }
  return out;
}

export type Standing = 'not-sent' | 'submitted' | 'accepted' | 'rejected' | 'paid' | 'partial' | 'denied' | 'reversed';

export interface ClaimStanding {
  standing: Standing;
  /** The remittance or acknowledgment that decided the standing. */
  remittance?: RemittanceRecord;
  acknowledgment?: AcknowledgmentRecord;
  /** Net paid over every remittance since the last export (reversals net out). */
  paid: number;
  patientResponsibility: number;
  /** ISO date-time of the first export: the start of the claim's age. */
  submittedAt?: string;
  /** The payer's claim control number (835 CLP07, else 277CA REF*1K): REF*F8 of a correction. */
  payerClaimControlNumber?: string;
}

/** Where a claim stands: the latest remittance after the latest export, else the acknowledgments. */
export function claimStanding(claim: Claim | { history?: ClaimHistory }): ClaimStanding {
  const h = claim.history ?? {};
  const exports = h.exports ?? [];
  const lastExport = exports[exports.length - 1]?.at ?? '';
  const remits = (h.remittances ?? []).filter((r) => r.recordedAt >= lastExport);
  const acks = (h.acknowledgments ?? []).filter((a) => a.recordedAt >= lastExport);
  const payerClaimControlNumber = [...(h.remittances ?? [])].reverse().find((r) => r.payerClaimControlNumber && r.status !== 'reversed')?.payerClaimControlNumber
    ?? [...(h.acknowledgments ?? [])].reverse().find((a) => a.payerClaimControlNumber)?.payerClaimControlNumber;
  const base = {
    ...(exports[0] ? { submittedAt: exports[0].at } : {}),
    ...(payerClaimControlNumber ? { payerClaimControlNumber } : {}),
  };
  if (remits.length > 0) {
    const last = remits[remits.length - 1]!;
    const paid = Math.round(remits.reduce((t, r) => t + r.paid * 100, 0)) / 100;
    return { standing: last.status, remittance: last, paid, patientResponsibility: last.patientResponsibility, ...base };
  }
  const rejected = acks.find((a) => a.status === 'rejected');
  if (rejected) return { standing: 'rejected', acknowledgment: rejected, paid: 0, patientResponsibility: 0, ...base };
  if (acks.length > 0) return { standing: 'accepted', acknowledgment: acks[acks.length - 1]!, paid: 0, patientResponsibility: 0, ...base };
  return { standing: exports.length > 0 ? 'submitted' : 'not-sent', paid: 0, patientResponsibility: 0, ...base };
}
