// Matching responses to claims. 835 CLP01 and 277CA TRN*2 quote the patient control number we
// sent in CLM01; a 999 quotes the group (GS06) and transaction (ST02) control numbers of the
// file, which only the claim's export history knows. 835 lines are matched by REF*6R when the
// export sent line control numbers, else by procedure code and modifiers in order. A response
// that matches no claim, or more than one, is returned as unmatched with the reason: never dropped.
import type { AcknowledgmentRecord, ExportRecord, RemittanceLineRecord, RemittanceRecord } from '../claim/history';
import type { Claim } from '../claim/schema';
import { x12Id } from '../claim/export/x12/text';
import { outcome277, outcome835, outcome999, status277, status835, type ResponseOutcome } from './outcome';
import type { Ack277Claim, Remit835Claim, Remit835Line, RemitDocument } from './types';

export interface ClaimFile {
  /** How the claim file is named to the user (relative path). */
  path: string;
  claim: Claim;
}

export interface MatchedResponse {
  claim: ClaimFile;
  outcome: ResponseOutcome;
  record: { kind: 'acknowledgment'; entry: AcknowledgmentRecord } | { kind: 'remittance'; entry: RemittanceRecord };
}

export interface UnmatchedResponse {
  outcome: ResponseOutcome;
  reason: string;
}

export interface MatchResult {
  matched: MatchedResponse[];
  unmatched: UnmatchedResponse[];
}

export interface MatchContext {
  /** The response file as the user named it. */
  file: string;
  /** When the response is recorded (ISO). */
  recordedAt: string;
}

const sameNumber = (a: string | undefined, b: string | undefined) =>
  a !== undefined && b !== undefined && (a === b || (/^\d+$/.test(a) && /^\d+$/.test(b) && Number(a) === Number(b)));

function x12Exports(claim: Claim): ExportRecord[] {
  return (claim.history?.exports ?? []).filter((e) => e.format === 'x12');
}

/** CLM01 as the last X12 export wrote it, else as the exporter would write it. */
export function patientControlNumber(claim: Claim): string {
  const exports = x12Exports(claim);
  const sent = exports[exports.length - 1]?.patientControlNumber;
  return sent ?? x12Id(claim.id ?? claim.patient?.id, 38);
}

export function claimTotal(claim: Claim): number {
  return claim.totalCharge ?? Math.round(claim.lines.reduce((t, l) => t + l.charge * 100, 0)) / 100;
}

export class ClaimDirectory {
  private readonly byControlNumber = new Map<string, ClaimFile[]>();

  constructor(readonly claims: readonly ClaimFile[]) {
    for (const c of claims) {
      const key = patientControlNumber(c.claim).toUpperCase();
      if (key === '') continue;
      const list = this.byControlNumber.get(key);
      if (list) list.push(c);
      else this.byControlNumber.set(key, [c]);
    }
  }

  byPatientControlNumber(pcn: string): ClaimFile[] {
    return this.byControlNumber.get(pcn.trim().toUpperCase()) ?? [];
  }

  byExport(groupControlNumber: string, transactionControlNumber: string): ClaimFile[] {
    return this.claims.filter((c) => x12Exports(c.claim).some((e) =>
      sameNumber(e.groupControlNumber, groupControlNumber) && (e.transactionControlNumber === undefined || sameNumber(e.transactionControlNumber, transactionControlNumber))));
  }
}

export function matchDocument(doc: RemitDocument, directory: ClaimDirectory, ctx: MatchContext): MatchResult {
  const out: MatchResult = { matched: [], unmatched: [] };
  if (doc.kind === '999') {
    for (const g of doc.groups) {
      for (const t of g.transactions) {
        const candidates = directory.byExport(g.groupControlNumber, t.controlNumber);
        if (candidates.length !== 1) {
          out.unmatched.push({
            outcome: outcome999(t, 0),
            reason: candidates.length === 0
              ? `no claim in the folder was exported with group control number ${g.groupControlNumber} and transaction control number ${t.controlNumber}`
              : `${candidates.length} claims (${candidates.map((c) => c.path).join(', ')}) were exported with group control number ${g.groupControlNumber}; export each claim with its own --control-number so its 999 can be matched`,
          });
          continue;
        }
        const claim = candidates[0]!;
        const o = outcome999(t, claimTotal(claim.claim), patientControlNumber(claim.claim));
        const entry: AcknowledgmentRecord = {
          id: ['999', g.envelope.interchangeControlNumber, g.envelope.groupControlNumber, g.envelope.transactionControlNumber, g.groupControlNumber, t.controlNumber].join('|'),
          kind: '999',
          recordedAt: ctx.recordedAt,
          file: ctx.file,
          status: o.status === 'accepted' ? 'accepted' : 'rejected',
          groupControlNumber: g.groupControlNumber,
          transactionControlNumber: t.controlNumber,
          ...(g.envelope.interchangeControlNumber ? { interchangeControlNumber: g.envelope.interchangeControlNumber } : {}),
          codes: [
            { code: `IK5-${t.statusCode}` },
            ...t.segmentErrors.flatMap((s) => [
              { code: `IK304-${s.code ?? ''}`, where: `${s.segmentId}@${s.position}` },
              ...s.elements.map((e) => ({ code: `IK403-${e.code}`, where: `${s.segmentId}@${s.position}:${e.position}` })),
            ]),
          ],
        };
        out.matched.push({ claim, outcome: o, record: { kind: 'acknowledgment', entry } });
      }
    }
    return out;
  }
  if (doc.kind === '277CA') {
    for (const c of doc.claims) {
      const o = outcome277(c);
      const claim = single(directory.byPatientControlNumber(c.patientControlNumber), c.patientControlNumber, o, out);
      if (claim) out.matched.push({ claim, outcome: o, record: { kind: 'acknowledgment', entry: ackEntry277(c, ctx) } });
    }
    return out;
  }
  for (const c of doc.claims) matchRemittance(c, directory, ctx, out);
  return out;
}

/** One 835 claim (exported for the streaming CLI path, which matches claims as they are read). */
export function matchRemittance(c: Remit835Claim, directory: ClaimDirectory, ctx: MatchContext, out: MatchResult): void {
  const o = outcome835(c);
  const claim = single(directory.byPatientControlNumber(c.patientControlNumber), c.patientControlNumber, o, out);
  if (claim) out.matched.push({ claim, outcome: o, record: { kind: 'remittance', entry: remittanceEntry(c, claim.claim, ctx) } });
}

function single(candidates: ClaimFile[], pcn: string, o: ResponseOutcome, out: MatchResult): ClaimFile | undefined {
  if (candidates.length === 1) return candidates[0];
  out.unmatched.push({
    outcome: o,
    reason: candidates.length === 0
      ? `no claim in the folder has patient control number ${pcn}`
      : `${candidates.length} claims have patient control number ${pcn} (${candidates.map((c) => c.path).join(', ')}); give each claim its own id`,
  });
  return undefined;
}

function ackEntry277(c: Ack277Claim, ctx: MatchContext): AcknowledgmentRecord {
  const codes = [
    ...c.statuses.map((s) => ({ code: [s.category, s.status, s.entity].filter((x) => x).join(':') })),
    ...c.lines.flatMap((l, i) => l.statuses.map((s) => ({ code: [s.category, s.status, s.entity].filter((x) => x).join(':'), where: `line ${i + 1}` }))),
  ];
  return {
    id: ['277CA', c.envelope.interchangeControlNumber, c.envelope.groupControlNumber, c.envelope.transactionControlNumber, c.patientControlNumber, codes.map((x) => x.code).join(',')].join('|'),
    kind: '277CA',
    recordedAt: ctx.recordedAt,
    file: ctx.file,
    status: status277(c),
    ...(c.envelope.interchangeControlNumber ? { interchangeControlNumber: c.envelope.interchangeControlNumber } : {}),
    ...(c.envelope.groupControlNumber ? { groupControlNumber: c.envelope.groupControlNumber } : {}),
    transactionControlNumber: c.envelope.transactionControlNumber,
    ...(c.payerClaimControlNumber ? { payerClaimControlNumber: c.payerClaimControlNumber } : {}),
    codes,
  };
}

function remittanceEntry(c: Remit835Claim, claim: Claim, ctx: MatchContext): RemittanceRecord {
  const p = c.payment;
  const lineIndexes = matchLines(c.lines, claim);
  const lines: RemittanceLineRecord[] = c.lines.map((l, i) => ({
    ...(lineIndexes[i] !== undefined ? { line: lineIndexes[i] } : {}),
    ...(l.lineControlNumber ? { lineControlNumber: l.lineControlNumber } : {}),
    code: l.code,
    modifiers: l.modifiers,
    billed: l.billed,
    paid: l.paid,
    ...(l.allowed !== undefined ? { allowed: l.allowed } : {}),
    units: l.units,
    adjustments: l.adjustments,
    remarks: l.remarks,
  }));
  return {
    id: ['835', p.traceNumber, c.payerClaimControlNumber, c.patientControlNumber, c.statusCode, c.paid].join('|'),
    recordedAt: ctx.recordedAt,
    file: ctx.file,
    status: status835(c) as RemittanceRecord['status'],
    statusCode: c.statusCode,
    ...(c.payerClaimControlNumber ? { payerClaimControlNumber: c.payerClaimControlNumber } : {}),
    ...(p.payerName || p.payerId ? { payer: { ...(p.payerName ? { name: p.payerName } : {}), ...(p.payerId ? { id: p.payerId } : {}) } } : {}),
    ...(p.date ? { paymentDate: p.date } : {}),
    ...(p.traceNumber ? { traceNumber: p.traceNumber } : {}),
    billed: c.billed,
    paid: c.paid,
    patientResponsibility: c.patientResponsibility,
    ...(c.allowed !== undefined ? { allowed: c.allowed } : {}),
    adjustments: c.adjustments,
    remarks: c.remarks,
    lines,
    ...(p.envelope.interchangeControlNumber ? { interchangeControlNumber: p.envelope.interchangeControlNumber } : {}),
    transactionControlNumber: p.envelope.transactionControlNumber,
  };
}

/** 835 line -> index into claim.lines: REF*6R first, then code and modifiers, then code alone. */
function matchLines(remitLines: readonly Remit835Line[], claim: Claim): Array<number | undefined> {
  const exports = x12Exports(claim);
  const controls = exports[exports.length - 1]?.lineControlNumbers ?? [];
  const taken = new Set<number>();
  const result: Array<number | undefined> = remitLines.map((l) => {
    if (!l.lineControlNumber) return undefined;
    const i = controls.indexOf(l.lineControlNumber);
    if (i < 0 || i >= claim.lines.length || taken.has(i)) return undefined;
    taken.add(i);
    return i;
  });
  const norm = (s: string) => s.trim().toUpperCase();
  const find = (l: Remit835Line, withModifiers: boolean) => claim.lines.findIndex((cl, i) => !taken.has(i) && norm(cl.code) === norm(l.code)
    && (!withModifiers || cl.modifiers.map(norm).join(',') === l.modifiers.map(norm).join(',')));
  for (const withModifiers of [true, false]) {
    remitLines.forEach((l, k) => {
      if (result[k] !== undefined) return;
      const i = find(l, withModifiers);
      if (i >= 0) { taken.add(i); result[k] = i; }
    });
  }
  return result;
}
