// What the readers return: plain data for a 999, a 277CA and an 835, with the envelope control
// numbers each answer carries (they are how a 999 finds the export it answers).

export type RemitKind = '999' | '277CA' | '835';

export interface EnvelopeIds {
  /** ISA13 (absent when the file starts at ST). */
  interchangeControlNumber?: string;
  /** ISA06 / ISA08, trimmed. */
  senderId?: string;
  receiverId?: string;
  /** GS06. */
  groupControlNumber?: string;
  /** ST02. */
  transactionControlNumber: string;
}

export interface Adjustment {
  group: string;
  reason: string;
  amount: number;
  quantity?: number;
}

// ---- 999 ----

export interface Ack999ElementError {
  /** IK401: position in the segment (with the component, "2:1"). */
  position: string;
  /** IK403: the implementation data element syntax error code. */
  code: string;
  /** IK404: a copy of the bad value, when sent. */
  value?: string;
}

export interface Ack999SegmentError {
  /** IK301: the segment id in error; IK302: its position in the transaction set (ST = 1). */
  segmentId: string;
  position: string;
  loop?: string;
  /** IK304: the implementation segment syntax error code. */
  code?: string;
  elements: Ack999ElementError[];
}

export interface Ack999Transaction {
  /** AK201 / AK202: the acknowledged transaction set (837) and its ST02. */
  setId: string;
  controlNumber: string;
  /** IK501: A accepted, E accepted with errors, R rejected, M/W/X rejected (security, syntax). */
  statusCode: string;
  /** IK502-IK506. */
  syntaxErrors: string[];
  segmentErrors: Ack999SegmentError[];
}

export interface Ack999Group {
  envelope: EnvelopeIds;
  /** AK101 (HC for claims) / AK102: the acknowledged group's GS06. */
  functionalId: string;
  groupControlNumber: string;
  version?: string;
  /** AK901: A, E, P (partially accepted), R, M, W, X. */
  statusCode: string;
  transactions: Ack999Transaction[];
}

export interface Ack999Document {
  kind: '999';
  file: string;
  /** Envelope irregularities that do not change the content (trailer counts, IEA02). */
  notices: string[];
  groups: Ack999Group[];
}

// ---- 277CA ----

export interface ClaimStatusCode {
  /** STC01-1 (or STC10-1, STC11-1): A1..A8 acknowledgment categories. */
  category: string;
  /** STC01-2: the claim status code. */
  status: string;
  /** STC01-3: the entity the status is about. */
  entity?: string;
}

export interface Ack277Line {
  code: string;
  modifiers: string[];
  billed: number;
  /** REF*FJ: the line item control number we sent (REF*6R in the 837). */
  lineControlNumber?: string;
  statuses: ClaimStatusCode[];
}

export interface Ack277Claim {
  envelope: EnvelopeIds;
  /** TRN02 in the patient loop: CLM01 of the claim. */
  patientControlNumber: string;
  payerClaimControlNumber?: string;
  clearinghouseTrace?: string;
  /** STC04: the total billed as the payer read it. */
  billed?: number;
  statuses: ClaimStatusCode[];
  lines: Ack277Line[];
}

export interface Ack277Document {
  kind: '277CA';
  file: string;
  /** Envelope irregularities that do not change the content (trailer counts, IEA02). */
  notices: string[];
  claims: Ack277Claim[];
}

// ---- 835 ----

export interface Payment835 {
  envelope: EnvelopeIds;
  /** BPR01: C payment with remittance, H notification only, I remittance only, ... */
  handling?: string;
  /** BPR02: total actual provider payment. */
  amount: number;
  /** BPR04: ACH, CHK, NON, ... */
  method?: string;
  /** BPR16 as YYYY-MM-DD. */
  date?: string;
  /** TRN02: check or EFT trace number; TRN03 the payer's id. */
  traceNumber?: string;
  payerId?: string;
  payerName?: string;
  payeeName?: string;
  payeeId?: string;
}

export interface Remit835Line {
  /** SVC01-1 qualifier (HC, AD, ...) and SVC01-2 code; SVC01-3..6 modifiers. */
  qualifier: string;
  code: string;
  modifiers: string[];
  billed: number;
  paid: number;
  /** SVC05 (default 1). */
  units: number;
  /** REF*6R: the line item control number of our 837 line. */
  lineControlNumber?: string;
  /** AMT*B6. */
  allowed?: number;
  serviceDate?: string;
  adjustments: Adjustment[];
  /** LQ*HE remark codes (RARC). */
  remarks: string[];
}

export interface Remit835Claim {
  payment: Payment835;
  /** CLP01..CLP09. */
  patientControlNumber: string;
  statusCode: string;
  billed: number;
  paid: number;
  patientResponsibility: number;
  filingIndicator?: string;
  payerClaimControlNumber?: string;
  frequency?: string;
  adjustments: Adjustment[];
  /** MOA/MIA remark codes. */
  remarks: string[];
  /** AMT*AU coverage amount, when sent. */
  allowed?: number;
  lines: Remit835Line[];
}

export interface ProviderAdjustment {
  providerId: string;
  date?: string;
  /** PLB03-1 etc.: the provider adjustment reason (WO, L6, CV, ...); PLB03-2 its reference. */
  reason: string;
  reference?: string;
  amount: number;
}

export interface Remit835Document {
  kind: '835';
  file: string;
  /** Envelope irregularities that do not change the content (trailer counts, IEA02). */
  notices: string[];
  payments: Payment835[];
  /** Empty when the reader streams claims to a callback instead of keeping them. */
  claims: Remit835Claim[];
  claimCount: number;
  providerAdjustments: ProviderAdjustment[];
}

export type RemitDocument = Ack999Document | Ack277Document | Remit835Document;
