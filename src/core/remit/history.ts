// Appending to a claim's history and reading its standing back. Appending works on the claim file
// as read (not the zod output), so members this version does not know survive; an entry already
// recorded (same id) is not added twice, so reading the same response again changes nothing.
import type { AcknowledgmentRecord, ExportRecord, RemittanceRecord } from '../claim/history';
import { validateClaim } from '../claim/parse';
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

export { claimStanding, type ClaimStanding, type Standing } from './standing';
