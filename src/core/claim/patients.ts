// Patients and their coverage, imported from FHIR R4 (Patient + Coverage, as single resources, a
// Bundle or NDJSON) or from a CSV, and kept in `.medcode/patients.json`. A claim created from a
// note is filled from the patient the note names (src/core/claim/practice.ts fillClaim).
//
// An import is all or nothing: any record that cannot be read is an error naming the record and
// the field, and the caller writes nothing.
import { z } from 'zod';
import { csvRecords, headerIndex } from '../importers/text';
import { isIsoDate } from '../codes';
import { idProblem } from './export/x12/fields';
import { AddressSchema, PatientSchema, PayerSchema, SubscriberSchema } from './schema';

export const PATIENTS_FILE = '.medcode/patients.json';

export const PatientRecordSchema = z.object({
  /** The patient id a note names (header "Patient ID: ..." or the file name). */
  id: z.string().min(1),
  patient: PatientSchema,
  /** The insured person when it is not the patient. */
  subscriber: SubscriberSchema.optional(),
  payer: PayerSchema.optional(),
});
export type PatientRecord = z.infer<typeof PatientRecordSchema>;

export const PatientStoreSchema = z.object({
  schemaVersion: z.literal('1'),
  patients: z.array(PatientRecordSchema),
});
export type PatientStore = z.infer<typeof PatientStoreSchema>;

export type PatientImport = { ok: true; patients: PatientRecord[] } | { ok: false; errors: string[] };

/** Reads a patient file: FHIR JSON (a resource or a Bundle), FHIR NDJSON, or CSV (by content). */
export function readPatients(text: string, fileName: string): PatientImport {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const trimmed = body.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) return readFhirPatients(body, fileName);
  if (trimmed === '') return { ok: false, errors: [`${fileName} is empty; expected FHIR Patient/Coverage JSON, NDJSON or a CSV with a header line.`] };
  return readCsvPatients(body, fileName);
}

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

/** FHIR JSON: one resource, a Bundle, a JSON array of resources, or NDJSON (one resource a line). */
export function readFhirPatients(text: string, fileName: string): PatientImport {
  const errors: string[] = [];
  const resources: Array<{ r: Json; where: string }> = [];
  const collect = (value: unknown, where: string) => {
    const r = obj(value);
    if (r.resourceType === 'Bundle') arr(r.entry).forEach((e, i) => collect(obj(e).resource, `${where} entry[${i}]`));
    else if (Array.isArray(value)) value.forEach((v, i) => collect(v, `${where}[${i}]`));
    else resources.push({ r, where });
  };
  let whole: unknown;
  try {
    whole = JSON.parse(text);
  } catch {
    whole = undefined;
  }
  if (whole !== undefined) collect(whole, fileName);
  else {
    text.split(/\r?\n/).forEach((line, i) => {
      if (line.trim() === '') return;
      try {
        collect(JSON.parse(line), `${fileName} line ${i + 1}`);
      } catch (e) {
        errors.push(`${fileName} line ${i + 1} is not JSON (${e instanceof Error ? e.message : String(e)}); NDJSON holds one FHIR resource per line.`);
      }
    });
  }
  const byRef = new Map<string, Json>();
  for (const { r } of resources) {
    if (typeof r.resourceType === 'string' && typeof r.id === 'string') byRef.set(`${r.resourceType}/${r.id}`, r);
    for (const c of arr(r.contained)) {
      const cr = obj(c);
      if (typeof cr.id === 'string') byRef.set(`#${cr.id}`, cr);
    }
  }
  const patients = new Map<string, { record: PatientRecord; where: string }>();
  for (const { r, where } of resources) {
    if (r.resourceType !== 'Patient') continue;
    const id = str(r.id) ?? str(obj(arr(r.identifier)[0]).value);
    if (id === undefined) {
      errors.push(`${where}: Patient has no "id" (nor identifier[0].value); a patient needs an id notes can name.`);
      continue;
    }
    const patient = patientFromFhir(r, `${where} Patient/${id}`, errors);
    patients.set(`Patient/${id}`, { record: { id, patient }, where });
  }
  for (const { r, where } of resources) {
    if (r.resourceType === 'Patient' || r.resourceType === 'RelatedPerson' || r.resourceType === 'Organization') continue;
    if (r.resourceType !== 'Coverage') {
      errors.push(`${where}: a ${typeof r.resourceType === 'string' ? r.resourceType : 'resource without resourceType'} is not read here; give Patient, Coverage, RelatedPerson or Organization resources.`);
      continue;
    }
    const ref = str(obj(r.beneficiary).reference);
    const target = ref === undefined ? undefined : patients.get(ref);
    if (target === undefined) {
      errors.push(`${where}: Coverage.beneficiary ${ref === undefined ? 'is missing' : `"${ref}" names no Patient in this file`}; import the Patient with its Coverage.`);
      continue;
    }
    coverageInto(target.record, r, byRef, `${where} Coverage${typeof r.id === 'string' ? `/${r.id}` : ''}`, errors);
  }
  if (patients.size === 0 && errors.length === 0) errors.push(`${fileName} holds no FHIR Patient resource.`);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, patients: [...patients.values()].map((p) => p.record) };
}

function humanName(v: unknown): { family?: string; given?: string; middle?: string; suffix?: string } | undefined {
  const names = arr(v).map(obj);
  const n = names.find((x) => x.use === 'official') ?? names[0];
  if (n === undefined) return undefined;
  const given = arr(n.given).map(str).filter((g): g is string => g !== undefined);
  const out = { family: str(n.family), given: given[0], middle: given[1], suffix: str(arr(n.suffix)[0]) };
  return Object.values(out).some((x) => x !== undefined) ? JSON.parse(JSON.stringify(out)) : undefined;
}

function fhirAddress(v: unknown): z.infer<typeof AddressSchema> | undefined {
  const addrs = arr(v).map(obj);
  const a = addrs.find((x) => x.use === 'home') ?? addrs[0];
  if (a === undefined) return undefined;
  const lines = arr(a.line).map(str).filter((l): l is string => l !== undefined);
  return JSON.parse(JSON.stringify({ line1: lines[0], line2: lines[1], city: str(a.city), state: str(a.state), postalCode: str(a.postalCode), country: str(a.country) }));
}

function birthDate(v: unknown, where: string, errors: string[]): string | undefined {
  const d = str(v);
  if (d !== undefined && !isIsoDate(d)) errors.push(`${where}: birthDate "${d}" is not a full date YYYY-MM-DD.`);
  return d;
}

const SEXES = new Set(['female', 'male', 'other', 'unknown']);
function sex(v: unknown, where: string, errors: string[]): string | undefined {
  const s = str(v)?.toLowerCase();
  if (s !== undefined && !SEXES.has(s)) errors.push(`${where}: gender "${s}" is not female, male, other or unknown.`);
  return s;
}

function patientFromFhir(r: Json, where: string, errors: string[]) {
  return JSON.parse(JSON.stringify({
    id: str(r.id) ?? str(obj(arr(r.identifier)[0]).value),
    name: humanName(r.name),
    birthDate: birthDate(r.birthDate, where, errors),
    sex: sex(r.gender, where, errors),
    address: fhirAddress(r.address),
  }));
}

/** Coverage -> member id, payer, group, and the subscriber when it is not the patient. */
function coverageInto(record: PatientRecord, c: Json, byRef: Map<string, Json>, where: string, errors: string[]): void {
  if (c.status !== undefined && c.status !== 'active') return;
  const memberId = str(c.subscriberId) ?? str(obj(arr(c.identifier)[0]).value);
  if (memberId === undefined) errors.push(`${where}: subscriberId is missing; the payer's member id is needed on the claim.`);
  else {
    const why = idProblem(memberId, 2, 80);
    if (why) errors.push(`${where}: subscriberId "${memberId}" ${why}.`);
  }
  const relationship = str(arr(obj(c.relationship).coding).map(obj)[0]?.code) ?? 'self';
  const group = arr(c.class).map(obj).find((k) => arr(obj(k.type).coding).some((x) => obj(x).code === 'group'));
  const payorRef = str(obj(arr(c.payor)[0]).reference);
  const payor = payorRef !== undefined ? byRef.get(payorRef) : undefined;
  const payerId = str(obj(arr(payor?.identifier)[0]).value) ?? str(obj(obj(arr(c.payor)[0]).identifier).value);
  const payerName = str(payor?.name) ?? str(obj(arr(c.payor)[0]).display);
  if (payerName !== undefined || payerId !== undefined) record.payer = JSON.parse(JSON.stringify({ name: payerName, id: payerId }));
  if (relationship === 'self') {
    if (memberId !== undefined) record.patient.memberId = memberId;
    if (group !== undefined) record.subscriber = { relationship: 'self', groupNumber: str(group.value) };
    return;
  }
  const subRef = str(obj(c.subscriber).reference);
  const sub = subRef !== undefined ? byRef.get(subRef) : undefined;
  if (sub === undefined) errors.push(`${where}: relationship is "${relationship}" but Coverage.subscriber ${subRef === undefined ? 'is missing' : `"${subRef}" is not in this file`}; the claim needs the subscriber's name.`);
  record.subscriber = JSON.parse(JSON.stringify({
    relationship,
    name: humanName(sub?.name),
    memberId,
    birthDate: birthDate(sub?.birthDate, `${where} subscriber`, errors),
    sex: sex(sub?.gender, `${where} subscriber`, errors),
    address: fhirAddress(sub?.address),
    groupNumber: str(group?.value),
  }));
}

/** CSV columns (header names, any order, case-insensitive); `id` is required. */
export const PATIENT_CSV_COLUMNS = [
  'id', 'family', 'given', 'middle', 'suffix', 'birthdate', 'sex', 'memberid',
  'line1', 'line2', 'city', 'state', 'postalcode',
  'payername', 'payerid', 'groupnumber', 'relationship',
  'subscriberfamily', 'subscribergiven', 'subscribermemberid', 'subscriberbirthdate', 'subscribersex',
] as const;

export function readCsvPatients(text: string, fileName: string): PatientImport {
  const errors: string[] = [];
  const records = [...csvRecords(new TextEncoder().encode(text))];
  const [header] = records;
  if (header === undefined) return { ok: false, errors: [`${fileName} has no header line.`] };
  const cols = headerIndex(header[0].map((h) => h.replace(/[\s_-]/g, '')));
  const unknown = [...cols.keys()].filter((k) => !(PATIENT_CSV_COLUMNS as readonly string[]).includes(k));
  if (unknown.length > 0) errors.push(`${fileName} line ${header[1]}: unknown column(s) ${unknown.map((u) => `"${u}"`).join(', ')}; the columns are ${PATIENT_CSV_COLUMNS.join(', ')}.`);
  if (!cols.has('id')) return { ok: false, errors: [...errors, `${fileName} line ${header[1]}: the header has no "id" column.`] };
  const patients: PatientRecord[] = [];
  const seen = new Set<string>();
  for (const [fields, lineNo] of records.slice(1)) {
    const get = (c: (typeof PATIENT_CSV_COLUMNS)[number]) => {
      const i = cols.get(c);
      return i === undefined ? undefined : str(fields[i]);
    };
    const where = `${fileName} line ${lineNo}`;
    const id = get('id');
    if (id === undefined) {
      errors.push(`${where}: column "id" is empty.`);
      continue;
    }
    if (seen.has(id)) errors.push(`${where}: patient id "${id}" appears twice.`);
    seen.add(id);
    const date = (c: 'birthdate' | 'subscriberbirthdate') => {
      const v = get(c);
      if (v !== undefined && !isIsoDate(v)) errors.push(`${where}: column "${c}" "${v}" is not a date YYYY-MM-DD.`);
      return v;
    };
    const gender = (c: 'sex' | 'subscribersex') => {
      const v = get(c)?.toLowerCase();
      if (v !== undefined && !SEXES.has(v)) errors.push(`${where}: column "${c}" "${v}" is not female, male, other or unknown.`);
      return v;
    };
    const memberId = get('memberid');
    for (const c of ['memberid', 'subscribermemberid', 'payerid'] as const) {
      const v = get(c);
      const why = v === undefined ? undefined : idProblem(v, 2, 80);
      if (why) errors.push(`${where}: column "${c}" "${v}" ${why}.`);
    }
    const relationship = get('relationship') ?? 'self';
    const dependent = !['self', '18'].includes(relationship.toLowerCase());
    const record: PatientRecord = JSON.parse(JSON.stringify({
      id,
      patient: {
        id,
        name: { family: get('family'), given: get('given'), middle: get('middle'), suffix: get('suffix') },
        birthDate: date('birthdate'),
        sex: gender('sex'),
        memberId: dependent ? undefined : memberId,
        address: { line1: get('line1'), line2: get('line2'), city: get('city'), state: get('state'), postalCode: get('postalcode') },
      },
      subscriber: dependent
        ? { relationship, name: { family: get('subscriberfamily'), given: get('subscribergiven') }, memberId: get('subscribermemberid') ?? memberId, birthDate: date('subscriberbirthdate'), sex: gender('subscribersex'), groupNumber: get('groupnumber') }
        : get('groupnumber') !== undefined ? { relationship: 'self', groupNumber: get('groupnumber') } : undefined,
      payer: get('payername') !== undefined || get('payerid') !== undefined ? { name: get('payername'), id: get('payerid') } : undefined,
    }));
    if (dependent && record.subscriber?.name?.family === undefined) errors.push(`${where}: relationship is "${relationship}" but column "subscriberfamily" is empty; the claim needs the subscriber's name.`);
    patients.push(record);
  }
  if (patients.length === 0 && errors.length === 0) errors.push(`${fileName} has a header but no patient rows.`);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, patients };
}

/** Merges imported patients into a store: a patient with the same id is replaced. */
export function mergePatients(store: PatientStore | undefined, imported: readonly PatientRecord[]): PatientStore {
  const byId = new Map((store?.patients ?? []).map((p) => [p.id, p] as const));
  for (const p of imported) byId.set(p.id, p);
  return { schemaVersion: '1', patients: [...byId.values()].sort((a, b) => a.id.localeCompare(b.id)) };
}

export type PatientStoreParse = { ok: true; store: PatientStore } | { ok: false; errors: string[] };

export function parsePatientStore(text: string): PatientStoreParse {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [`${PATIENTS_FILE} is not valid JSON: ${e instanceof Error ? e.message : String(e)}.`] };
  }
  const r = PatientStoreSchema.safeParse(data);
  if (r.success) return { ok: true, store: r.data };
  return { ok: false, errors: r.error.issues.map((i) => `${PATIENTS_FILE} ${i.path.join('.')}: ${i.message}.`) };
}

/**
 * The patient a note names: a header line `Patient ID: P-77` (also `Patient:`, `MRN:`) in the
 * first lines, else a known patient id that is a whole token of the file name (`P-77_visit.note`).
 */
export function patientIdForNote(noteText: string, fileName: string, knownIds: readonly string[]): string | undefined {
  const head = noteText.slice(0, 2000).split(/\r?\n/).slice(0, 15);
  for (const line of head) {
    const m = /^\s*(?:patient\s*id|patient|mrn|medical record(?:\s*number)?)\s*[:#]\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*$/i.exec(line);
    if (m) return m[1];
  }
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const ids = [...knownIds].sort((a, b) => b.length - a.length);
  for (const id of ids) {
    const escaped = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    if (new RegExp(`(^|[\\s_.])${escaped}($|[\\s_.])`, 'i').test(base)) return id;
  }
  return undefined;
}
