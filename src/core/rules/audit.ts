// The folder audit: every claim (with its note when it has one) and every note without a claim,
// through the front door (analyzeNote) and the one claim check (checkClaim), plus duplicate claims
// across the folder, totals by rule and by claim (with the charges at risk), and what an auditor
// reads per note: the suggested and the billed codes with the words they rest on and why.
// A note without a claim is analyzed and its suggestions drafted into a claim the way the editor
// makes one; the draft is judged only by the rules that judge codes (it has no patient, payer or
// billing fields yet).
import { analyzeNote } from '../analysis/analyzeNote';
import { checkClaim } from '../analysis/checkClaim';
import { draftClaim } from '../analysis/draftClaim';
import type { CodesetIndex } from '../codeset/api';
import type { Suggestion } from '../suggest/types';
import { isRecord, viewClaim } from './claimView';
import { hccOfCode } from '../riskadjust/tags';
import { icdDisplay } from '../codes';
import { duplicateClaims } from './families/duplicates';
import type { RuleId, RuleSettings, RuleWarning, Severity, SeveritySetting } from './types';
import { RULE_IDS } from './types';

export type AuditInput =
  | { kind: 'claim'; name: string; claim: unknown; noteText?: string; noteName?: string }
  | { kind: 'note'; name: string; text: string };

/** A code as the report shows it: the words of the note it rests on, and why it was suggested. */
export interface AuditCode {
  code: string;
  system: string;
  title?: string;
  /** The evidence words themselves (not offsets). */
  words: string[];
  reason?: string;
  units?: number;
  charge?: number;
  status?: string;
}

export interface AuditItemResult {
  name: string;
  kind: 'claim' | 'note';
  noteName?: string;
  warnings: RuleWarning[];
  /** What the analyzer suggests for the note (claims with a note, and notes). */
  suggested?: AuditCode[];
  /** The codes on the claim (a note alone: the draft made from its suggestions). */
  billed?: AuditCode[];
  totalCharge?: number;
  /** Charges of the lines an unsuppressed error or warning puts at risk (see chargesAtRisk). */
  chargesAtRisk?: number;
  /** A tooling problem with this item (e.g. the analysis failed); the item is still listed. */
  problem?: string;
}

export interface AuditResult {
  items: AuditItemResult[];
  byRule: Partial<Record<RuleId, Record<Severity, number>>>;
  bySeverity: Record<Severity, number>;
  suppressed: number;
  /** The releases the audit judged against (the latest installed, by system). */
  codeSets: { system: string; version: string }[];
  today: string;
  /** CMS-HCC payment categories on the claims, per patient (empty when no risk-adjustment tables are installed). */
  hccsByPatient: PatientHccs[];
}

export interface PatientHccs {
  patient: string;
  hccs: {
    model: string;
    category: string;
    label: string;
    codes: string[];
    claims: string[];
    /** MEAT support in the linked notes: false when hcc.unsupported fired on a claim, null when no note could be read. */
    supported: boolean | null;
  }[];
}

export interface AuditOptions {
  index: CodesetIndex;
  settings: RuleSettings;
  today?: string;
  setting?: 'outpatient' | 'inpatient';
  onProgress?: (done: number, total: number) => void;
  /** Keep patients' birth dates in the findings (default: each claim's birth date is withheld). */
  showBirthDates?: boolean;
}

/** Rules that judge the codes of a draft built from a note alone. */
const DRAFT_RULES = new Set<RuleId>([
  'code.invalid', 'code.not-billable', 'icd10cm.seventh-character', 'icd10cm.excludes1', 'icd10cm.manifestation-first',
  'icd10cm.code-first', 'icd10cm.use-additional', 'claim.duplicate-diagnosis', 'claim.too-many-diagnoses',
  'note.negated-coded', 'note.uncertain-coded', 'note.unspecified-but-documented', 'rule.unchecked',
]);

const REPORTED_SYSTEMS = ['icd10cm', 'hcpcs', 'cpt', 'ncci-ptp', 'ncci-mue', 'ncci-addon', 'mce', 'pos'] as const;

/** The evidence words as the note has them: spans only a space or a hyphen apart read as one phrase ("type 2 diabetes"). */
function wordsOf(text: string | undefined, spans: readonly { start: number; end: number }[]): string[] {
  if (text === undefined) return [];
  const sorted = spans.filter((s) => s.end <= text.length && s.start < s.end).map((s) => ({ start: s.start, end: s.end })).sort((a, b) => a.start - b.start);
  const merged: { start: number; end: number }[] = [];
  for (const s of sorted) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end + 2 && /^[\s-]*$/.test(text.slice(last.end, Math.max(last.end, s.start)))) last.end = Math.max(last.end, s.end);
    else merged.push(s);
  }
  return [...new Set(merged.map((s) => text.slice(s.start, s.end).replace(/\s+/g, ' ').trim()))].filter(Boolean);
}

function suggestedCodes(suggestions: readonly Suggestion[], text: string): AuditCode[] {
  return suggestions.map((s) => ({
    code: s.code, system: s.system, title: s.title, words: wordsOf(text, s.evidence), reason: s.reason,
    ...(s.units !== undefined ? { units: s.units } : {}),
  }));
}

function billedCodes(claim: unknown, noteText: string | undefined, titles: Map<string, string>): AuditCode[] {
  const raw = isRecord(claim) ? claim : {};
  const status = (v: Record<string, unknown>): string | undefined => (typeof v.status === 'string' ? v.status : undefined);
  const view = viewClaim(claim);
  const dxs = Array.isArray(raw.diagnoses) ? raw.diagnoses : [];
  const lines = Array.isArray(raw.lines) ? raw.lines : [];
  return [
    ...view.diagnoses.map((d, i) => {
      const r = isRecord(dxs[i]) ? dxs[i] as Record<string, unknown> : {};
      const title = titles.get(d.code);
      return { code: d.code, system: d.system, ...(title ? { title } : {}), words: wordsOf(noteText, d.evidence), ...(status(r) ? { status: status(r)! } : {}) };
    }),
    ...view.lines.map((l, i) => {
      const r = isRecord(lines[i]) ? lines[i] as Record<string, unknown> : {};
      const title = titles.get(l.code);
      const evidence = Array.isArray(r.evidence) ? r.evidence.filter((e): e is { start: number; end: number } => isRecord(e) && typeof e.start === 'number' && typeof e.end === 'number') : [];
      return {
        code: l.code, system: l.system, ...(title ? { title } : {}), words: wordsOf(noteText, evidence),
        ...(l.units !== undefined ? { units: l.units } : {}), ...(l.charge !== undefined ? { charge: l.charge } : {}), ...(status(r) ? { status: status(r)! } : {}),
      };
    }),
  ];
}

/**
 * Charges at risk: the charge of every billed line that an unsuppressed error or warning targets,
 * or that points at a diagnosis one targets; an error on the claim as a whole (or on the note)
 * puts every line at risk. Info notices put nothing at risk.
 */
export function chargesAtRisk(claim: unknown, warnings: readonly RuleWarning[]): { total: number; atRisk: number } {
  const view = viewClaim(claim);
  const raw = isRecord(claim) ? claim : {};
  const rawLines = Array.isArray(raw.lines) ? raw.lines : [];
  const billed = view.lines.map((l, i) => ({ l, i })).filter(({ i }) => !(isRecord(rawLines[i]) && (rawLines[i] as Record<string, unknown>).status === 'rejected'));
  const total = billed.reduce((s, { l }) => s + (l.charge ?? 0), 0);
  const open = warnings.filter((w) => !w.suppressed && w.severity !== 'info' && w.rule !== 'rule.unchecked');
  if (open.some((w) => w.severity === 'error' && (w.target.kind === 'claim' || w.target.kind === 'note'))) return { total, atRisk: total };
  const lines = new Set(open.flatMap((w) => (w.target.kind === 'line' ? [w.target.index] : [])));
  const dxs = new Set(open.flatMap((w) => (w.target.kind === 'diagnosis' ? [w.target.index + 1] : [])));
  const atRisk = billed.filter(({ l, i }) => lines.has(i) || l.pointers.some((p) => dxs.has(p))).reduce((s, { l }) => s + (l.charge ?? 0), 0);
  return { total, atRisk: Math.round(atRisk * 100) / 100 };
}

export async function audit(inputs: AuditInput[], options: AuditOptions): Promise<AuditResult> {
  const { index } = options;
  const setting = options.setting ?? 'outpatient';
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const draftSeverity: RuleSettings['severity'] = {
    ...Object.fromEntries(RULE_IDS.filter((id) => !DRAFT_RULES.has(id)).map((id) => [id, 'off' as SeveritySetting])), ...options.settings.severity,
  };
  const titleCache = new Map<string, string>();
  const titles = (codes: readonly string[]): Map<string, string> => {
    for (const c of codes) if (!titleCache.has(c)) { const rec = index.lookup(c); titleCache.set(c, rec ? rec.shortTitle ?? rec.title : ''); }
    return new Map(codes.flatMap((c) => (titleCache.get(c) ? [[c, titleCache.get(c)!] as const] : [])));
  };
  const items: AuditItemResult[] = [];
  let done = 0;
  for (const input of inputs) {
    try {
      if (input.kind === 'claim') {
        const claimCodes = [...viewClaim(input.claim).diagnoses, ...viewClaim(input.claim).lines].map((c) => c.code);
        let warnings: RuleWarning[];
        let suggested: AuditCode[] | undefined;
        if (input.noteText !== undefined) {
          const analysis = await analyzeNote(index, input.noteText, input.claim, undefined, { setting, severity: options.settings.severity, today });
          warnings = analysis.warnings;
          suggested = suggestedCodes(analysis.suggestions, input.noteText);
        } else {
          warnings = await checkClaim(index, input.claim, { severity: options.settings.severity, today });
        }
        items.push({
          name: input.name, kind: 'claim', ...(input.noteName ? { noteName: input.noteName } : {}), warnings,
          ...(suggested ? { suggested } : {}), billed: billedCodes(input.claim, input.noteText, titles(claimCodes)),
        });
      } else {
        const analysis = await analyzeNote(index, input.text, undefined, undefined, { setting });
        const draft = draftClaim(analysis.suggestions.filter((s) => s.system === 'icd10cm'), { setting, dateOfService: today }, 'medcode audit', `${today}T00:00:00.000Z`);
        const warnings = await checkClaim(index, draft, { severity: draftSeverity, today, noteText: input.text });
        items.push({ name: input.name, kind: 'note', warnings, suggested: suggestedCodes(analysis.suggestions, input.text) });
      }
    } catch (e) {
      items.push({ name: input.name, kind: input.kind, warnings: [], problem: `it could not be ${input.kind === 'note' ? 'analyzed' : 'checked'}: ${(e as Error).message}` });
    }
    options.onProgress?.(++done, inputs.length);
  }
  const claims = inputs.filter((i): i is Extract<AuditInput, { kind: 'claim' }> => i.kind === 'claim');
  const dups = duplicateClaims(claims.map((i) => ({ name: i.name, claim: i.claim })));
  if (options.settings.severity['claim.duplicate-claim'] !== 'off') {
    for (const item of items) {
      const more = dups.get(item.name);
      if (!more) continue;
      const level = options.settings.severity['claim.duplicate-claim'];
      item.warnings.push(...(level ? more.map((w) => ({ ...w, severity: level as Severity })) : more));
    }
  }
  for (const item of items) {
    const input = claims.find((c) => c.name === item.name);
    if (!input || item.problem) continue;
    const money = chargesAtRisk(input.claim, item.warnings);
    item.totalCharge = money.total;
    item.chargesAtRisk = money.atRisk;
  }
  const codeSets = REPORTED_SYSTEMS.flatMap((system) => {
    const set = index.setFor(system);
    return set ? [{ system, version: set.version }] : [];
  });
  const hccsByPatient = patientHccs(inputs, items, options.index);
  if (!options.showBirthDates) {
    for (const input of inputs) {
      if (input.kind !== 'claim') continue;
      const birth = viewClaim(input.claim).patient.birthDate?.trim();
      const item = items.find((i) => i.name === input.name);
      if (birth && birth.length >= 6 && item) item.warnings = item.warnings.map((w) => withheld(w, birth));
    }
  }
  return { items, ...totals(items), codeSets, today, hccsByPatient };
}

/**
 * The HCCs each patient's claims carry, and whether the notes support them: an HCC is unsupported
 * when hcc.unsupported fired for one of its codes, supported when every claim carrying it has a
 * note that was read, else not checked.
 */
function patientHccs(inputs: readonly AuditInput[], items: readonly AuditItemResult[], index: CodesetIndex): PatientHccs[] {
  const byPatient = new Map<string, Map<string, PatientHccs['hccs'][number]>>();
  for (const input of inputs) {
    if (input.kind !== 'claim') continue;
    const view = viewClaim(input.claim);
    const p = view.patient;
    const patient = p.id || p.memberId || [p.family, p.given].filter(Boolean).join(', ') || input.name;
    const item = items.find((i) => i.name === input.name);
    const rawDx = isRecord(input.claim) && Array.isArray(input.claim.diagnoses) ? input.claim.diagnoses : [];
    view.diagnoses.forEach((d, i) => {
      const raw = rawDx[i];
      if (isRecord(raw) && raw.status === 'rejected') return;
      let tag;
      try {
        tag = hccOfCode(index, d.code, view.dateOfService);
      } catch {
        tag = undefined;
      }
      if (!tag) return;
      const shown = icdDisplay(d.code);
      const unsupported = item?.warnings.some((w) => w.rule === 'hcc.unsupported' && !w.suppressed && w.message.startsWith(`${shown} `)) ?? false;
      // Supported only where the rule could read a note for this claim.
      const checked = item?.noteName !== undefined && !(item?.warnings.some((w) => w.rule === 'rule.unchecked' && JSON.stringify(w).includes('hcc.unsupported')) ?? false);
      let rows = byPatient.get(patient);
      if (!rows) byPatient.set(patient, (rows = new Map()));
      const key = `${tag.model} ${tag.category}`;
      const row = rows.get(key) ?? { model: tag.model, category: tag.category, label: tag.label, codes: [], claims: [], supported: checked ? true : null };
      if (!row.codes.includes(shown)) row.codes.push(shown);
      if (!row.claims.includes(input.name)) row.claims.push(input.name);
      if (unsupported) row.supported = false;
      else if (!checked && row.supported === true) row.supported = null;
      rows.set(key, row);
    });
  }
  return [...byPatient].sort((a, b) => a[0].localeCompare(b[0])).map(([patient, rows]) => ({ patient, hccs: [...rows.values()].sort((a, b) => a.category.localeCompare(b.category, undefined, { numeric: true })) }));
}

const WITHHELD = '[birth date withheld]';

/** The finding with the patient's birth date taken out of its message and cited source (reports are shared). */
function withheld(w: RuleWarning, birth: string): RuleWarning {
  if (!JSON.stringify(w).includes(birth)) return w;
  const out: RuleWarning = { ...w, message: w.message.split(birth).join(WITHHELD) };
  if (w.source) out.source = JSON.parse(JSON.stringify(w.source).split(JSON.stringify(birth).slice(1, -1)).join(WITHHELD)) as NonNullable<RuleWarning['source']>;
  return out;
}

function totals(items: AuditItemResult[]): Pick<AuditResult, 'byRule' | 'bySeverity' | 'suppressed'> {
  const byRule: AuditResult['byRule'] = {};
  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  let suppressed = 0;
  for (const w of items.flatMap((i) => i.warnings)) {
    if (w.suppressed) {
      suppressed++;
      continue;
    }
    const r = (byRule[w.rule] ??= { error: 0, warning: 0, info: 0 });
    r[w.severity]++;
    bySeverity[w.severity]++;
  }
  return { byRule, bySeverity, suppressed };
}
