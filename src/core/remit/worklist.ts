// The denial worklist: every claim whose latest answer is a rejection, a denial, a partial
// payment or a reversal, with its reasons explained, the rule that would have caught each, its
// age since submission and the amount at stake; totals by reason, payer and age bucket.
import type { AdjustmentRecord } from '../claim/history';
import type { Claim } from '../claim/schema';
import { explainStatus, isRejectedCategory } from './ackCodes';
import { carcInfo, explainAdjustment, isExpectedAdjustment } from './carc';
import { claimStanding, type Standing } from './history';
import { claimTotal, patientControlNumber, type ClaimFile } from './match';

export const AGE_BUCKETS = ['0-30', '31-60', '61-90', '90+'] as const;
export type AgeBucket = (typeof AGE_BUCKETS)[number];

export interface WorklistReason {
  /** "CO-97" for an adjustment, the STC or 999 code for a rejection. */
  code: string;
  amount: number;
  explanation: string;
  rule?: string;
}

export interface WorklistItem {
  claim: string;
  note?: string;
  patientControlNumber: string;
  payer: string;
  status: Extract<Standing, 'rejected' | 'denied' | 'partial' | 'reversed'>;
  billed: number;
  paid: number;
  /** What is at stake: the denied amounts, or the whole charge of a rejected claim. */
  amount: number;
  ageDays: number;
  age: AgeBucket;
  payerClaimControlNumber?: string;
  reasons: WorklistReason[];
}

export interface WorklistTotal { key: string; count: number; amount: number; explanation?: string; rule?: string }

export interface Worklist {
  asOf: string;
  items: WorklistItem[];
  byReason: WorklistTotal[];
  byPayer: WorklistTotal[];
  byAge: WorklistTotal[];
  total: { count: number; amount: number };
}

const OPEN = new Set<Standing>(['rejected', 'denied', 'partial', 'reversed']);
const cents = (n: number) => Math.round(n * 100) / 100;

export function ageBucket(days: number): AgeBucket {
  return days <= 30 ? '0-30' : days <= 60 ? '31-60' : days <= 90 ? '61-90' : '90+';
}

function daysBetween(fromIso: string, toIso: string): number {
  const a = Date.parse(fromIso.slice(0, 10));
  const b = Date.parse(toIso.slice(0, 10));
  if (!Number.isFinite(a) || !Number.isFinite(b)) return 0;
  return Math.max(0, Math.round((b - a) / 86_400_000));
}

function reasonsOf(claim: Claim, standing: ReturnType<typeof claimStanding>): WorklistReason[] {
  if (standing.remittance) {
    const r = standing.remittance;
    const adjustments: AdjustmentRecord[] = [...r.adjustments, ...r.lines.flatMap((l) => l.adjustments)];
    const out: WorklistReason[] = adjustments
      .filter((a) => !isExpectedAdjustment(a.group, a.reason) || standing.standing === 'reversed')
      .map((a) => {
        const rule = carcInfo(a.reason)?.rule;
        return { code: `${a.group}-${a.reason}`, amount: a.amount, explanation: explainAdjustment(a.group, a.reason), ...(rule ? { rule } : {}) };
      });
    if (out.length === 0) out.push({ code: `CLP02-${r.statusCode}`, amount: cents(r.billed - r.paid - r.patientResponsibility), explanation: r.statusCode === '22' ? 'The payer reversed its earlier payment.' : 'The payer paid nothing for a line or the claim without an adjustment reason.' });
    return out;
  }
  const ack = standing.acknowledgment;
  if (!ack) return [];
  const total = claimTotal(claim);
  if (ack.kind === '277CA') {
    return ack.codes.filter((c) => isRejectedCategory(c.code.split(':')[0] ?? '')).map((c) => {
      const [category = '', status = ''] = c.code.split(':');
      const e = explainStatus(category, status);
      return { code: c.code, amount: total, explanation: e.text, ...(e.rule ? { rule: e.rule } : {}) };
    });
  }
  return ack.codes.filter((c) => c.code !== 'IK5-A' && c.code !== 'IK5-E').map((c) => ({ code: c.code, amount: total, explanation: `999 ${c.code}${c.where ? ` at ${c.where}` : ''}: the clearinghouse rejected the file's syntax.` }));
}

export function buildWorklist(claims: readonly ClaimFile[], asOf: string): Worklist {
  const items: WorklistItem[] = [];
  for (const c of claims) {
    const standing = claimStanding(c.claim);
    if (!OPEN.has(standing.standing)) continue;
    const billed = claimTotal(c.claim);
    const reasons = reasonsOf(c.claim, standing);
    const denied = standing.remittance ? cents(reasons.reduce((t, r) => t + Math.abs(r.amount), 0)) : billed;
    const start = standing.submittedAt ?? c.claim.encounter.dateOfService ?? asOf;
    const ageDays = daysBetween(start, asOf);
    items.push({
      claim: c.path,
      ...(c.claim.note?.path ? { note: c.claim.note.path } : {}),
      patientControlNumber: patientControlNumber(c.claim),
      payer: c.claim.payer?.name ?? standing.remittance?.payer?.name ?? c.claim.payer?.id ?? 'unknown payer',
      status: standing.standing as WorklistItem['status'],
      billed,
      paid: standing.paid,
      amount: denied,
      ageDays,
      age: ageBucket(ageDays),
      ...(standing.payerClaimControlNumber ? { payerClaimControlNumber: standing.payerClaimControlNumber } : {}),
      reasons,
    });
  }
  items.sort((a, b) => b.ageDays - a.ageDays || b.amount - a.amount || a.claim.localeCompare(b.claim));
  const tally = (keyOf: (i: WorklistItem) => Array<{ key: string; amount: number; explanation?: string; rule?: string }>) => {
    const m = new Map<string, WorklistTotal>();
    for (const i of items) {
      for (const k of keyOf(i)) {
        const t = m.get(k.key) ?? { key: k.key, count: 0, amount: 0, ...(k.explanation ? { explanation: k.explanation } : {}), ...(k.rule ? { rule: k.rule } : {}) };
        t.count++;
        t.amount = cents(t.amount + k.amount);
        m.set(k.key, t);
      }
    }
    return [...m.values()];
  };
  const byReason = tally((i) => i.reasons.map((r) => ({ key: r.code, amount: Math.abs(r.amount), explanation: r.explanation, ...(r.rule ? { rule: r.rule } : {}) })))
    .sort((a, b) => b.count - a.count || b.amount - a.amount);
  const byPayer = tally((i) => [{ key: i.payer, amount: i.amount }]).sort((a, b) => b.amount - a.amount);
  const ageTotals = tally((i) => [{ key: i.age, amount: i.amount }]);
  const byAge = AGE_BUCKETS.map((key) => ageTotals.find((t) => t.key === key) ?? { key, count: 0, amount: 0 });
  return { asOf, items, byReason, byPayer, byAge, total: { count: items.length, amount: cents(items.reduce((t, i) => t + i.amount, 0)) } };
}
