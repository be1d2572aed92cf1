// The practice profile (`.medcode/practice.json`): who bills (billing provider, contact phone),
// who renders, which payers the practice sends to and what it charges per code. New claims are
// filled from it, and from the patient the note names (src/core/claim/patients.ts), by
// `fillClaim`, which only fills what is empty: a value already on the claim is never replaced.
//
// Unlike the claim file, the profile is strict: an unknown member is a typo, and a malformed NPI,
// tax id, phone or ZIP would be copied into every claim, so each is an error naming the member.
import { z } from 'zod';
import { idProblem, phoneDigits, taxIdDigits, textProblem, zipDigits } from './export/x12/fields';
import { formatPath } from './parse';
import { AddressSchema, PayerSchema, PersonNameSchema, type Claim, type ClaimSource, type Provider } from './schema';
import type { PatientRecord } from './patients';

export const PRACTICE_SCHEMA_VERSION = '1';
export const PRACTICE_FILE = '.medcode/practice.json';
export const PRACTICE_JSON_SCHEMA_ID = `https://medcode.local/schema/practice.v${PRACTICE_SCHEMA_VERSION}.schema.json`;

const check = (why: (v: string) => string | undefined) => (v: string, ctx: z.RefinementCtx) => {
  const problem = why(v);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
};
const Npi = z.string().superRefine(check((v) => (/^\d{10}$/.test(v.trim()) ? undefined : `"${v}" is not a 10-digit NPI`))).describe('10-digit NPI');
const TaxId = z.string().superRefine(check((v) => (taxIdDigits(v) ? undefined : `"${v}" is not a 9-digit EIN (123456789 or 12-3456789)`))).describe('EIN, 9 digits');
const Phone = z.string().superRefine(check((v) => (phoneDigits(v)?.length === 10 ? undefined : `"${v}" is not a 10-digit telephone number`))).describe('10-digit telephone number');
const Name = (max: number) => z.string().superRefine(check((v) => { const p = textProblem(v, max); return p ? `"${v}" ${p}` : undefined; }));
const Taxonomy = z.string().superRefine(check((v) => (/^[0-9]{3}[0-9A-Z]{6}X$/.test(v.trim().toUpperCase()) ? undefined : `"${v}" is not a 10-character NUCC taxonomy code`))).describe('NUCC taxonomy code, e.g. 207Q00000X');
const Identifier = (min: number, max: number) => z.string().superRefine(check((v) => { const p = idProblem(v, min, max); return p ? `"${v}" ${p}` : undefined; }));

const PracticeAddressSchema = z.strictObject({
  ...AddressSchema.shape,
  state: z.string().superRefine(check((v) => (/^[A-Za-z]{2}$/.test(v.trim()) ? undefined : `"${v}" is not a 2-letter state code`))).optional(),
  postalCode: z.string().superRefine(check((v) => (zipDigits(v) ? undefined : `"${v}" is not a 5- or 9-digit ZIP code`))).optional(),
});

const PracticeProviderShape = {
  npi: Npi,
  name: Name(60).optional(),
  personName: z.strictObject(PersonNameSchema.shape).optional(),
  taxId: TaxId.optional(),
  taxonomy: Taxonomy.optional(),
  address: PracticeAddressSchema.optional(),
  phone: Phone.optional(),
  contactName: Name(60).optional(),
};

export const PracticeSchema = z.strictObject({
  $schema: z.string().optional(),
  schemaVersion: z.literal(PRACTICE_SCHEMA_VERSION),
  /** The billing provider of every claim (837P 2010AA; its phone is the 1000A contact). */
  billingProvider: z.strictObject({ ...PracticeProviderShape, name: Name(60), taxId: TaxId }),
  /** Rendering providers; the one with `default: true` (else the first) fills new claims. */
  renderingProviders: z.array(z.strictObject({ ...PracticeProviderShape, default: z.boolean().optional() })).optional(),
  /** Payers; a patient's coverage picks one by id, else the one with `default: true` (else the first). */
  payers: z.array(z.strictObject({ ...PayerSchema.shape, name: Name(60), id: Identifier(2, 80), address: PracticeAddressSchema.optional(), default: z.boolean().optional() })).optional(),
  /** Place of service of new claims (two digits, e.g. 11 office). */
  placeOfService: z.string().regex(/^\d{2}$/, 'must be a 2-digit CMS place-of-service code').optional(),
  /** The charge of one unit of a code; an entry with modifiers applies only to lines carrying all of them. */
  feeSchedule: z
    .array(z.strictObject({ code: z.string().min(1), modifiers: z.array(z.string()).optional(), charge: z.number().nonnegative().describe('charge per unit, USD') }))
    .optional(),
});

export type Practice = z.infer<typeof PracticeSchema>;

export type PracticeParseResult = { ok: true; practice: Practice } | { ok: false; errors: string[] };

/** Reads `.medcode/practice.json` text; errors name the member (`"billingProvider.npi": ...`). */
export function parsePractice(text: string): PracticeParseResult {
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    return { ok: false, errors: [`The practice profile is not valid JSON: ${e instanceof Error ? e.message : String(e)}.`] };
  }
  return validatePractice(data);
}

export function validatePractice(data: unknown): PracticeParseResult {
  const r = PracticeSchema.safeParse(data);
  if (r.success) return { ok: true, practice: r.data };
  return {
    ok: false,
    errors: r.error.issues.map((i) => {
      const where = formatPath(i.path);
      if (i.code === 'unrecognized_keys') return `${where === 'the claim' ? 'the profile' : where} has unknown member(s) ${i.keys.map((k) => `"${k}"`).join(', ')}; check the spelling (see schema/practice.schema.json).`;
      if (i.code === 'invalid_type' && i.input === undefined) return `${where} is missing; it must be ${i.expected === 'string' ? 'a string' : i.expected}.`;
      return `${where}: ${i.message}.`;
    }),
  };
}

/** The published JSON Schema of the profile (schema/practice.schema.json), so VS Code completes it. */
export function practiceJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(PracticeSchema, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
  return {
    $schema: generated.$schema,
    $id: PRACTICE_JSON_SCHEMA_ID,
    title: `MedCode practice profile (${PRACTICE_FILE}, schemaVersion ${PRACTICE_SCHEMA_VERSION})`,
    description: 'Billing provider, rendering providers, payers and fee schedule that fill new claims.',
    ...Object.fromEntries(Object.entries(generated).filter(([k]) => k !== '$schema')),
  };
}

export function practiceJsonSchemaText(): string {
  return `${JSON.stringify(practiceJsonSchema(), null, 2)}\n`;
}

/** The filled claim and, per filled member path, where its value came from. */
export interface FilledClaim {
  claim: Claim;
  filled: Record<string, ClaimSource>;
}

const isBlank = (v: unknown): boolean => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/**
 * Fills the empty members of a claim from the practice profile and the patient's record:
 * billing and rendering provider, payer (the patient's coverage first), patient and subscriber,
 * place of service, and the charge of each line still at 0 from the fee schedule. Values already
 * on the claim stay. The claim's `filledFrom` records each filled path with its source and value,
 * so the panel can show what came from where (and "typed" once the user changes it).
 */
export function fillClaim(claim: Claim, practice: Practice | undefined, patient: PatientRecord | undefined): FilledClaim {
  const out = structuredClone(claim) as Claim & Record<string, unknown>;
  const filled: Record<string, ClaimSource> = {};
  const fill = (path: string, value: unknown, from: ClaimSource['from']) => {
    if (isBlank(value)) return;
    if (typeof value === 'object') {
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) fill(`${path}.${k}`, v, from);
      return;
    }
    const keys = path.split('.');
    let node = out as Record<string, unknown>;
    for (const k of keys.slice(0, -1)) {
      if (typeof node[k] !== 'object' || node[k] === null) node[k] = {};
      node = node[k] as Record<string, unknown>;
    }
    const last = keys[keys.length - 1]!;
    if (!isBlank(node[last])) return;
    node[last] = value;
    filled[path] = { from, value: value as string | number };
  };

  if (patient !== undefined) {
    fill('patient', patient.patient, 'patient');
    if (patient.subscriber !== undefined) fill('subscriber', patient.subscriber, 'patient');
  }
  if (practice !== undefined) {
    fill('billingProvider', practice.billingProvider, 'practice');
    const rendering = practice.renderingProviders?.find((p) => p.default) ?? practice.renderingProviders?.[0];
    if (rendering !== undefined) {
      const { default: _r, ...provider } = rendering;
      fill('renderingProvider', provider satisfies Provider, 'practice');
    }
    fill('encounter.placeOfService', practice.placeOfService, 'practice');
  }
  // The payer: the patient's coverage, completed by the practice's entry for the same payer id.
  const payers = practice?.payers ?? [];
  const covered = patient?.payer;
  const known = covered?.id !== undefined ? payers.find((p) => p.id.trim().toUpperCase() === covered.id!.trim().toUpperCase()) : undefined;
  if (covered !== undefined) fill('payer', covered, 'patient');
  const practicePayer = known ?? (covered === undefined ? payers.find((p) => p.default) ?? payers[0] : undefined);
  if (practicePayer !== undefined) {
    const { default: _p, ...payer } = practicePayer;
    fill('payer', payer, 'practice');
  }

  if (practice?.feeSchedule !== undefined) {
    out.lines.forEach((l, i) => {
      if (l.charge !== 0) return;
      const unit = feeFor(practice.feeSchedule!, l.code, l.modifiers);
      if (unit === undefined) return;
      const charge = Math.round(unit * l.units * 100) / 100;
      l.charge = charge;
      filled[`lines[${i}].charge`] = { from: 'practice', value: charge };
    });
  }
  if (Object.keys(filled).length > 0) out.filledFrom = { ...(claim.filledFrom ?? {}), ...filled };
  return { claim: out, filled };
}

const bare = (code: string) => code.replace(/[.\s]/g, '').toUpperCase();

/** The most specific fee schedule entry for a code: one whose modifiers the line all carries, else the plain entry. */
export function feeFor(schedule: NonNullable<Practice['feeSchedule']>, code: string, modifiers: readonly string[]): number | undefined {
  const mods = new Set(modifiers.map((m) => m.trim().toUpperCase()));
  const entries = schedule
    .filter((e) => bare(e.code) === bare(code) && (e.modifiers ?? []).every((m) => mods.has(m.trim().toUpperCase())))
    .sort((a, b) => (b.modifiers?.length ?? 0) - (a.modifiers?.length ?? 0));
  return entries[0]?.charge;
}
