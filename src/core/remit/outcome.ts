// One response about one claim, in the shape `medcode remit --json` prints: the status, the
// amounts, every adjustment and remark explained, and the MedCode rule that would have caught the
// first denial or rejection that has one.
import { ackStatusLabel, explainElementError, explainSegmentError, explainStatus, isAcceptedAckStatus, isRejectedCategory } from './ackCodes';
import { carcInfo, explainAdjustment, isExpectedAdjustment } from './carc';
import { explainRemark } from './rarc';
import type { Ack277Claim, Ack999Transaction, Adjustment, Remit835Claim, RemitKind } from './types';
import { addMoney } from './values';

export type OutcomeStatus = 'accepted' | 'rejected' | 'paid' | 'partial' | 'denied' | 'reversed';

export interface ExplainedAdjustment { group: string; reason: string; amount: number; explanation: string }
export interface ExplainedRemark { code: string; explanation: string }

export interface ResponseOutcome {
  kind: RemitKind;
  patientControlNumber?: string;
  status: OutcomeStatus;
  billed: number;
  paid: number;
  patientResponsibility: number;
  adjustments: ExplainedAdjustment[];
  remarks: ExplainedRemark[];
  rule?: string;
}

/** Every CAS of the claim and of its lines, claim level first. */
export function allAdjustments(claim: Pick<Remit835Claim, 'adjustments' | 'lines'>): Adjustment[] {
  return [...claim.adjustments, ...claim.lines.flatMap((l) => l.adjustments)];
}

/**
 * reversed: CLP02 = 22. denied: nothing paid, and the payer said so (CLP02 = 4) or gave a reason
 * that is not the contract or the patient's share (a claim that went wholly to the deductible is
 * paid, with the patient owing it). partial: something paid, but a line paid nothing or carries
 * a denial reason. paid: otherwise.
 */
export function status835(claim: Pick<Remit835Claim, 'statusCode' | 'paid' | 'adjustments' | 'lines'>): OutcomeStatus {
  if (claim.statusCode === '22') return 'reversed';
  const denials = allAdjustments(claim).filter((a) => !isExpectedAdjustment(a.group, a.reason) && a.amount !== 0);
  if (claim.paid <= 0) {
    if (claim.statusCode === '4' || denials.length > 0 || allAdjustments(claim).length === 0) return 'denied';
    return 'paid';
  }
  if (claim.statusCode === '4') return 'partial';
  if (denials.length > 0 || claim.lines.some((l) => l.billed > 0 && l.paid <= 0)) return 'partial';
  return 'paid';
}

export function explainAdjustments(adjustments: readonly Adjustment[]): ExplainedAdjustment[] {
  return adjustments.map((a) => ({ group: a.group, reason: a.reason, amount: a.amount, explanation: explainAdjustment(a.group, a.reason) }));
}

export function explainRemarks(codes: readonly string[]): ExplainedRemark[] {
  return [...new Set(codes)].map((code) => ({ code, explanation: explainRemark(code) }));
}

/** The rule of the first denial adjustment that has one. */
export function ruleForAdjustments(adjustments: readonly Adjustment[]): string | undefined {
  for (const a of adjustments) {
    if (isExpectedAdjustment(a.group, a.reason)) continue;
    const rule = carcInfo(a.reason)?.rule;
    if (rule) return rule;
  }
  return undefined;
}

export function outcome835(claim: Remit835Claim): ResponseOutcome {
  const adjustments = allAdjustments(claim);
  const rule = ruleForAdjustments(adjustments);
  return {
    kind: '835',
    patientControlNumber: claim.patientControlNumber,
    status: status835(claim),
    billed: claim.billed,
    paid: claim.paid,
    patientResponsibility: claim.patientResponsibility,
    adjustments: explainAdjustments(adjustments),
    remarks: explainRemarks([...claim.remarks, ...claim.lines.flatMap((l) => l.remarks)]),
    ...(rule ? { rule } : {}),
  };
}

export function status277(claim: Ack277Claim): 'accepted' | 'rejected' {
  const all = [...claim.statuses, ...claim.lines.flatMap((l) => l.statuses)];
  return all.some((s) => isRejectedCategory(s.category)) ? 'rejected' : 'accepted';
}

export function outcome277(claim: Ack277Claim): ResponseOutcome {
  const remarks: ExplainedRemark[] = [];
  let rule: string | undefined;
  const add = (prefix: string, s: { category: string; status: string; entity?: string }) => {
    const e = explainStatus(s.category, s.status);
    if (isRejectedCategory(s.category)) rule ??= e.rule;
    remarks.push({ code: [s.category, s.status, s.entity].filter((x) => x).join(':'), explanation: `${prefix}${e.text}` });
  };
  for (const s of claim.statuses) add('', s);
  claim.lines.forEach((l, i) => { for (const s of l.statuses) add(`Line ${i + 1} (${l.code}): `, s); });
  return {
    kind: '277CA',
    patientControlNumber: claim.patientControlNumber,
    status: status277(claim),
    billed: claim.billed ?? claim.lines.reduce((t, l) => addMoney(t, l.billed), 0),
    paid: 0,
    patientResponsibility: 0,
    adjustments: [],
    remarks,
    ...(rule ? { rule } : {}),
  };
}

export function outcome999(t: Ack999Transaction, billed: number, patientControlNumber?: string): ResponseOutcome {
  const remarks: ExplainedRemark[] = [{ code: `IK5-${t.statusCode}`, explanation: `The 837 transaction ${t.controlNumber} was ${ackStatusLabel(t.statusCode)}.` }];
  for (const c of t.syntaxErrors) remarks.push({ code: `IK502-${c}`, explanation: `Transaction set syntax error ${c}.` });
  for (const s of t.segmentErrors) {
    remarks.push({ code: `IK304-${s.code ?? ''}`, explanation: `Segment ${s.segmentId} at position ${s.position}${s.loop ? ` (loop ${s.loop})` : ''}: ${explainSegmentError(s.code)}.` });
    for (const e of s.elements)
      remarks.push({ code: `IK403-${e.code}`, explanation: `${s.segmentId} element ${e.position}: ${explainElementError(e.code)}${e.value !== undefined ? ` (sent "${e.value}")` : ''}.` });
  }
  return {
    kind: '999',
    ...(patientControlNumber ? { patientControlNumber } : {}),
    status: isAcceptedAckStatus(t.statusCode) ? 'accepted' : 'rejected',
    billed,
    paid: 0,
    patientResponsibility: 0,
    adjustments: [],
    remarks,
  };
}
