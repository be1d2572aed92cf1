// Every message between the claim panel (webview/) and its host (src/extension/claimEditor/),
// declared once as zod schemas. Both sides `safeParse` what they receive and drop anything that
// does not match: a message is never acted on because it merely looks right.
//
// Order: the panel posts `ready` first; only then does the host post `state` (or `error`).
// Requests from the panel carry a `requestId`; the host's answer repeats it.
// zod/mini: the same checks with tree-shaking, so the panel bundle carries only what it uses.
import * as z from 'zod/mini';

const RequestId = z.int().check(z.gte(0));
const Int = z.int();
const Index = z.int().check(z.gte(0));

/** The claim as the document holds it (raw JSON, unknown members kept); the host has checked it against ClaimSchema. */
const RawClaim = z.record(z.string(), z.unknown());

export const WarningTargetSchema = z.union([
  z.object({ kind: z.literal('diagnosis'), index: Int }),
  z.object({ kind: z.literal('line'), index: Int }),
  z.object({ kind: z.literal('claim'), field: z.optional(z.string()) }),
  z.object({ kind: z.literal('note'), span: z.object({ start: z.number(), end: z.number() }) }),
]);

/** The edits a rule's fix may make (mirrors ClaimEdit in src/core/rules/types.ts). */
export const ClaimEditSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('replaceDiagnosis'), index: Int, code: z.string() }),
  z.object({ op: z.literal('removeDiagnosis'), index: Int }),
  z.object({ op: z.literal('moveDiagnosis'), from: Int, to: Int }),
  z.object({ op: z.literal('addDiagnosis'), code: z.string(), at: z.optional(Int) }),
  z.object({ op: z.literal('setLineCode'), line: Int, code: z.string() }),
  z.object({ op: z.literal('addModifier'), line: Int, modifier: z.string() }),
  z.object({ op: z.literal('removeModifier'), line: Int, modifier: z.string() }),
  z.object({ op: z.literal('replaceModifier'), line: Int, from: z.string(), to: z.string() }),
  z.object({ op: z.literal('setUnits'), line: Int, units: z.number() }),
  z.object({ op: z.literal('removeLine'), line: Int }),
  z.object({ op: z.literal('setPointers'), line: Int, pointers: z.array(Int) }),
  z.object({ op: z.literal('setField'), path: z.string(), value: z.unknown() }),
]);

/**
 * What the panel changes. Rule-fix edits plus the panel's own: a whole service line field, a new
 * line, removing a member (`value: undefined` through `setField` cannot be sent as JSON).
 * Edits are applied by the host to the document as it is *now*, so a change made meanwhile in
 * the note (an accepted code) is not overwritten by the panel's older copy.
 */
export const PanelEditSchema = z.union([
  ClaimEditSchema,
  z.object({ op: z.literal('setLineField'), line: Int, field: z.enum(['code', 'system', 'modifiers', 'units', 'charge', 'diagnosisPointers', 'serviceDate', 'ndc', 'ndcQuantity', 'ndcUnit']), value: z.unknown() }),
  z.object({ op: z.literal('addLine'), code: z.string(), system: z.enum(['cpt', 'hcpcs']), charge: z.optional(z.number()) }),
  z.object({ op: z.literal('clearField'), path: z.string() }),
  /** Fill the claim's empty members from an imported patient (and the practice profile). */
  z.object({ op: z.literal('fillFromPatient'), patientId: z.string().check(z.minLength(1), z.maxLength(200)) }),
]);

export const PanelWarningSchema = z.object({
  rule: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  message: z.string(),
  target: WarningTargetSchema,
  key: z.optional(z.string()),
  fixes: z.array(z.object({ title: z.string() })),
  suppressed: z.optional(z.object({ justification: z.string() })),
});

export const CodesetVersionSchema = z.object({ system: z.string(), version: z.string() });

export const SearchResultSchema = z.object({
  code: z.string(),
  system: z.string(),
  title: z.string(),
  billable: z.boolean(),
});

/** CMS-HCC view of the claim (absent when no risk-adjustment tables are imported). */
export const RiskSummarySchema = z.object({
  model: z.string(),
  year: z.number(),
  hccs: z.record(z.string(), z.object({ model: z.string(), category: z.string(), label: z.string() })),
  segment: z.nullable(z.string()),
  payment: z.array(z.object({ category: z.string(), label: z.string(), factor: z.number() })),
  dropped: z.array(z.object({ category: z.string(), by: z.string() })),
  raw: z.nullable(z.number()),
  reason: z.optional(z.string()),
});

export const ExportFormatSchema = z.enum(['claim-json', 'fhir', 'x12']);

// ---- host -> panel ------------------------------------------------------------------------

export const HostMessageSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('state'),
    claim: RawClaim,
    warnings: z.array(PanelWarningSchema),
    codesets: z.array(CodesetVersionSchema),
    /** False while no code-set index is loaded: rules that need one did not run. */
    rulesRan: z.boolean(),
    /** Titles of the claim's codes from the loaded code sets, by code as written in the claim. */
    titles: z.optional(z.record(z.string(), z.string())),
    risk: z.optional(RiskSummarySchema),
    readonly: z.optional(z.boolean()),
    /** Patients imported into the workspace (.medcode/patients.json), for "Fill from patient". */
    patients: z.optional(z.array(z.object({ id: z.string(), label: z.string() }))),
    /** The panel edit this state reflects, when it answers one (for round-trip timing). */
    requestId: z.optional(RequestId),
  }),
  z.object({ type: z.literal('error'), problems: z.array(z.string()).check(z.minLength(1)) }),
  z.object({ type: z.literal('editResult'), requestId: RequestId, ok: z.boolean(), error: z.optional(z.string()) }),
  z.object({ type: z.literal('searchResults'), requestId: RequestId, results: z.array(SearchResultSchema) }),
  z.object({
    type: z.literal('exportResult'),
    requestId: RequestId,
    ok: z.boolean(),
    /** True when rule errors block the export and an override reason would let it through. */
    blocked: z.optional(z.boolean()),
    cancelled: z.optional(z.boolean()),
    errors: z.optional(z.array(z.string())),
    savedTo: z.optional(z.string()),
  }),
  /** The appeal letter draft was opened beside the panel (ok), or why there is none. */
  z.object({ type: z.literal('appealResult'), requestId: RequestId, ok: z.boolean(), error: z.optional(z.string()) }),
]);

// ---- panel -> host ------------------------------------------------------------------------

export const PanelMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  z.object({ type: z.literal('edit'), requestId: RequestId, label: z.string().check(z.maxLength(200)), edits: z.array(PanelEditSchema).check(z.minLength(1), z.maxLength(50)) }),
  z.object({ type: z.literal('search'), requestId: RequestId, query: z.string().check(z.maxLength(200)), system: z.enum(['icd10cm', 'cpt', 'hcpcs', 'procedure']) }),
  z.object({ type: z.literal('applyFix'), requestId: RequestId, warningIndex: Index, fixIndex: Index }),
  z.object({ type: z.literal('suppress'), requestId: RequestId, warningIndex: Index, key: z.optional(z.string()), justification: z.string().check(z.refine((s) => s.trim().length >= 5), z.maxLength(2000)) }),
  /** `correction`: the claim's corrected 837P (frequency 7 with the payer's claim number, or an original after a rejection). */
  z.object({ type: z.literal('export'), requestId: RequestId, format: ExportFormatSchema, override: z.optional(z.string().check(z.maxLength(2000))), correction: z.optional(z.literal(true)) }),
  z.object({ type: z.literal('appeal'), requestId: RequestId }),
  z.object({ type: z.literal('revealEvidence'), diagnosisIndex: Index }),
  z.object({ type: z.literal('openAsText') }),
]);

export type HostMessage = z.infer<typeof HostMessageSchema>;
export type PanelMessage = z.infer<typeof PanelMessageSchema>;
export type PanelEdit = z.infer<typeof PanelEditSchema>;
export type PanelWarning = z.infer<typeof PanelWarningSchema>;
export type StateMessage = Extract<HostMessage, { type: 'state' }>;
export type SearchResultItem = z.infer<typeof SearchResultSchema>;
export type ExportFormatName = z.infer<typeof ExportFormatSchema>;
export type RiskSummary = z.infer<typeof RiskSummarySchema>;

/** The message, or undefined when it is not one the panel understands (then it is dropped). */
export function parseHostMessage(data: unknown): HostMessage | undefined {
  const r = HostMessageSchema.safeParse(data);
  return r.success ? r.data : undefined;
}

/** The message, or undefined when it is not one the host understands (then it is dropped). */
export function parsePanelMessage(data: unknown): PanelMessage | undefined {
  const r = PanelMessageSchema.safeParse(data);
  return r.success ? r.data : undefined;
}
