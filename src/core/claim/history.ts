// What happened to a claim after it left: each export (format, file, control numbers), each
// acknowledgment (999, 277CA) and each remittance (835) read back onto it. Kept in the claim file
// under `history` (a working-copy field, stripped from billing exports). Amounts are in dollars
// as the payer sent them; explanations of codes are not stored (they come from
// src/core/remit/codes at display time), only the codes.
import { z } from 'zod';

const IsoDateTime = z.string().describe('ISO date-time');
const Money = z.number();

export const ExportRecordSchema = z.object({
  at: IsoDateTime,
  format: z.string().describe('claim-json | fhir | x12'),
  /** The file written, as the user named it. */
  file: z.string(),
  /** X12 only: ISA13, GS06, ST02 of the exported 837P (what a 999 answers). */
  interchangeControlNumber: z.string().optional(),
  groupControlNumber: z.string().optional(),
  transactionControlNumber: z.string().optional(),
  /** CLM01 as written. */
  patientControlNumber: z.string().optional(),
  /** CLM05-3: 1 original, 7 replacement, 8 void. */
  frequency: z.string().optional(),
  /** REF*F8 of a corrected claim: the payer's claim control number of the original. */
  originalPayerClaimControlNumber: z.string().optional(),
  /** REF*6R per line, in line order (empty string for a line sent without one). */
  lineControlNumbers: z.array(z.string()).optional(),
});

export const AdjustmentRecordSchema = z.object({
  /** CAS01: CO | PR | OA | PI | CR. */
  group: z.string(),
  /** CAS02/05/...: the claim adjustment reason code (CARC). */
  reason: z.string(),
  amount: Money,
  quantity: z.number().optional(),
});

/** One code an acknowledgment carried: a 999 error (IK3/IK4/IK5) or a 277CA STC status. */
export const AckCodeSchema = z.object({
  code: z.string(),
  /** 999: the segment id and position in the 837; 277CA: the service line number. */
  where: z.string().optional(),
});

export const AcknowledgmentRecordSchema = z.object({
  /** Same response recorded twice keeps one entry: kind, control numbers and claim keys. */
  id: z.string(),
  kind: z.enum(['999', '277CA']),
  recordedAt: IsoDateTime,
  file: z.string(),
  status: z.enum(['accepted', 'rejected']),
  interchangeControlNumber: z.string().optional(),
  groupControlNumber: z.string().optional(),
  transactionControlNumber: z.string().optional(),
  /** 277CA REF*1K: the payer's claim control number, when it gave one. */
  payerClaimControlNumber: z.string().optional(),
  codes: z.array(AckCodeSchema),
});

export const RemittanceLineRecordSchema = z.object({
  /** 0-based index into `lines`, when the 835 line was matched to one. */
  line: z.number().optional(),
  lineControlNumber: z.string().optional(),
  code: z.string(),
  modifiers: z.array(z.string()),
  billed: Money,
  paid: Money,
  allowed: Money.optional(),
  units: z.number().optional(),
  adjustments: z.array(AdjustmentRecordSchema),
  remarks: z.array(z.string()),
});

export const RemittanceRecordSchema = z.object({
  id: z.string(),
  recordedAt: IsoDateTime,
  file: z.string(),
  status: z.enum(['paid', 'partial', 'denied', 'reversed']),
  /** CLP02: 1/2/3 processed as primary/secondary/tertiary, 4 denied, 22 reversal ... */
  statusCode: z.string(),
  payerClaimControlNumber: z.string().optional(),
  payer: z.object({ name: z.string().optional(), id: z.string().optional() }).optional(),
  paymentDate: z.string().optional(),
  traceNumber: z.string().optional(),
  billed: Money,
  paid: Money,
  patientResponsibility: Money,
  allowed: Money.optional(),
  adjustments: z.array(AdjustmentRecordSchema),
  remarks: z.array(z.string()),
  lines: z.array(RemittanceLineRecordSchema),
  interchangeControlNumber: z.string().optional(),
  transactionControlNumber: z.string().optional(),
});

export const ClaimHistorySchema = z.object({
  exports: z.array(ExportRecordSchema).optional(),
  acknowledgments: z.array(AcknowledgmentRecordSchema).optional(),
  remittances: z.array(RemittanceRecordSchema).optional(),
});

export type ClaimHistory = z.infer<typeof ClaimHistorySchema>;
export type ExportRecord = z.infer<typeof ExportRecordSchema>;
export type AdjustmentRecord = z.infer<typeof AdjustmentRecordSchema>;
export type AckCode = z.infer<typeof AckCodeSchema>;
export type AcknowledgmentRecord = z.infer<typeof AcknowledgmentRecordSchema>;
export type RemittanceRecord = z.infer<typeof RemittanceRecordSchema>;
export type RemittanceLineRecord = z.infer<typeof RemittanceLineRecordSchema>;
