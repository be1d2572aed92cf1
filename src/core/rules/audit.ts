// The folder audit: every claim (with its note when it has one) and every note without a claim,
// checked by the same rules, plus duplicate claims across the folder and totals by rule.
// A note without a claim is analyzed and its suggested diagnoses are checked as a draft claim,
// with only the rules that judge codes (a draft has no patient, payer or lines yet).
import type { CodesetIndex } from '../codeset/api';
import { analyzeLongNote } from '../suggest/longNote';
import { duplicateClaims } from './families/duplicates';
import { viewClaim } from './claimView';
import { checkClaim } from './index';
import type { AnalyzedSuggestion, RuleId, RuleSettings, RuleWarning, Severity, SeveritySetting } from './types';
import { RULE_IDS } from './types';

export type AuditInput =
  | { kind: 'claim'; name: string; claim: unknown; noteText?: string; noteName?: string }
  | { kind: 'note'; name: string; text: string };

export interface AuditItemResult {
  name: string;
  kind: 'claim' | 'note';
  noteName?: string;
  warnings: RuleWarning[];
  /** A tooling problem with this item (e.g. the analysis failed); the item is still listed. */
  problem?: string;
}

export interface AuditResult {
  items: AuditItemResult[];
  byRule: Partial<Record<RuleId, Record<Severity, number>>>;
  bySeverity: Record<Severity, number>;
  suppressed: number;
}

export type NoteAnalyzer = (text: string, options: { setting: 'outpatient' | 'inpatient'; date?: string }) => AnalyzedSuggestion[];

export interface AuditOptions {
  index: CodesetIndex;
  settings: RuleSettings;
  today?: string;
  setting?: 'outpatient' | 'inpatient';
  /** Defaults to the analyzer in src/core/suggest. */
  analyze?: NoteAnalyzer;
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

export function defaultAnalyzer(index: CodesetIndex): NoteAnalyzer {
  return (text, options) =>
    analyzeLongNote(index, text, { setting: options.setting, ...(options.date ? { date: options.date } : {}) }).suggestions.map((s) => ({
      code: s.code,
      system: s.system,
      evidence: s.evidence.map((e) => ({ start: e.start, end: e.end })),
      context: { uncertain: s.context.uncertain, historical: s.context.historical, family: s.context.family },
      missing: s.missing,
    }));
}

export async function audit(inputs: AuditInput[], options: AuditOptions): Promise<AuditResult> {
  const analyze = options.analyze ?? defaultAnalyzer(options.index);
  const setting = options.setting ?? 'outpatient';
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const draftSettings: RuleSettings = {
    severity: { ...Object.fromEntries(RULE_IDS.filter((id) => !DRAFT_RULES.has(id)).map((id) => [id, 'off' as SeveritySetting])), ...options.settings.severity },
  };
  const items: AuditItemResult[] = [];
  let done = 0;
  for (const input of inputs) {
    if (input.kind === 'claim') {
      // One claim the rules cannot check is reported as a problem of that file; the audit goes on.
      try {
        const warnings = await checkClaim(input.claim, { index: options.index, date: today, settings: options.settings, today, ...(input.noteText !== undefined ? { noteText: input.noteText } : {}) });
        items.push({ name: input.name, kind: 'claim', ...(input.noteName ? { noteName: input.noteName } : {}), warnings });
      } catch (e) {
        items.push({ name: input.name, kind: 'claim', ...(input.noteName ? { noteName: input.noteName } : {}), warnings: [], problem: `the claim could not be checked: ${(e as Error).message}` });
      }
    } else {
      try {
        const suggestions = analyze(input.text, { setting });
        const draft = {
          schemaVersion: '1',
          encounter: { setting, dateOfService: today },
          diagnoses: suggestions.filter((s) => (s.system ?? 'icd10cm') === 'icd10cm').map((s) => ({ code: s.code, system: 'icd10cm', evidence: s.evidence })),
          lines: [],
        };
        const warnings = await checkClaim(draft, { index: options.index, date: today, settings: draftSettings, today, noteText: input.text, analysis: { suggestions, setting } });
        items.push({ name: input.name, kind: 'note', warnings });
      } catch (e) {
        items.push({ name: input.name, kind: 'note', warnings: [], problem: `the note could not be analyzed: ${(e as Error).message}` });
      }
    }
    options.onProgress?.(++done, inputs.length);
  }
  const dups = duplicateClaims(inputs.filter((i) => i.kind === 'claim').map((i) => ({ name: i.name, claim: (i as { claim: unknown }).claim })));
  if (options.settings.severity['claim.duplicate-claim'] !== 'off') {
    for (const item of items) {
      const more = dups.get(item.name);
      if (!more) continue;
      const level = options.settings.severity['claim.duplicate-claim'];
      item.warnings.push(...(level ? more.map((w) => ({ ...w, severity: level as Severity })) : more));
    }
  }
  if (!options.showBirthDates) {
    for (const input of inputs) {
      if (input.kind !== 'claim') continue;
      const birth = viewClaim(input.claim).patient.birthDate?.trim();
      const item = items.find((i) => i.name === input.name);
      if (birth && birth.length >= 6 && item) item.warnings = item.warnings.map((w) => withheld(w, birth));
    }
  }
  return { items, ...totals(items) };
}

const WITHHELD = '[birth date withheld]';

/** The finding with the patient's birth date taken out of its message and cited source (reports are shared). */
function withheld(w: RuleWarning, birth: string): RuleWarning {
  if (!JSON.stringify(w).includes(birth)) return w;
  const out: RuleWarning = { ...w, message: w.message.split(birth).join(WITHHELD) };
  if (w.source) out.source = JSON.parse(JSON.stringify(w.source).split(JSON.stringify(birth).slice(1, -1)).join(WITHHELD)) as NonNullable<RuleWarning['source']>;
  return out;
}

function totals(items: AuditItemResult[]): Omit<AuditResult, 'items'> {
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
