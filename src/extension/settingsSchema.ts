// The `medcode.*` settings, normalized once at the boundary into one typed object with defaults.
// Pure (no `vscode`): settings.ts reads the raw values and hands them here.
import { z } from 'zod';
import { RULE_IDS, type RuleId, type SeveritySetting } from '../core/rules/types';
import { DEFAULT_THRESHOLD, type Setting } from '../core/suggest/types';

export type DecorationStyle = 'highlight' | 'underline' | 'off';

export interface MedcodeSettings {
  setting: Setting;
  noteGlobs: string[];
  ruleSeverity: Partial<Record<RuleId, SeveritySetting>>;
  decorations: { style: DecorationStyle; inlineCodes: boolean; dimNegated: boolean };
  suggestionThreshold: number;
  databasePath: string;
  /** ISO date of service used when a claim has none; empty = the latest code-set versions. */
  dateOfService: string;
  /** Load the code sets and prepare the analyzer when VS Code starts in a workspace with notes. */
  loadOnStartup: boolean;
}

const SeveritySchema = z.enum(['error', 'warning', 'info', 'off']);
const ruleIds = new Set<string>(RULE_IDS);

// Each field falls back to its default on its own: one bad value never resets the others.
const RawSchema = z.object({
  setting: z.enum(['outpatient', 'inpatient']).catch('outpatient'),
  noteGlobs: z.array(z.string()).catch([]).transform((globs) => globs.map((g) => g.trim()).filter((g) => g.length > 0)),
  ruleSeverity: z.record(z.string(), z.unknown()).catch({}),
  decorations: z.object({
    style: z.enum(['highlight', 'underline', 'off']).catch('highlight'),
    inlineCodes: z.boolean().catch(false),
    dimNegated: z.boolean().catch(true),
  }).catch({ style: 'highlight', inlineCodes: false, dimNegated: true }),
  suggestionThreshold: z.number().min(0).max(1).catch(DEFAULT_THRESHOLD),
  databasePath: z.string().catch('').transform((s) => s.trim()),
  dateOfService: z.string().catch('').transform((s) => (/^\d{4}-\d{2}-\d{2}$/.test(s.trim()) ? s.trim() : '')),
  loadOnStartup: z.boolean().catch(true),
});

export interface NormalizedSettings {
  settings: MedcodeSettings;
  /** Values that were ignored, as sentences naming the setting (shown once in the log). */
  problems: string[];
}

/** `raw` is what `workspace.getConfiguration('medcode')` holds, as a plain object. */
export function normalizeSettings(raw: unknown): NormalizedSettings {
  const problems: string[] = [];
  const input = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const parsed = RawSchema.parse({ ...input, decorations: input.decorations ?? {} });
  const ruleSeverity: Partial<Record<RuleId, SeveritySetting>> = {};
  for (const [id, value] of Object.entries(parsed.ruleSeverity)) {
    if (!ruleIds.has(id)) {
      problems.push(`medcode.ruleSeverity: "${id}" is not a MedCode rule id; it is ignored.`);
      continue;
    }
    const sev = SeveritySchema.safeParse(value);
    if (!sev.success) {
      problems.push(`medcode.ruleSeverity: "${id}" must be error, warning, info or off; it is ignored.`);
      continue;
    }
    ruleSeverity[id as RuleId] = sev.data;
  }
  if (input.setting !== undefined && input.setting !== parsed.setting) problems.push('medcode.setting must be "outpatient" or "inpatient"; using outpatient.');
  if (typeof input.suggestionThreshold !== 'undefined' && input.suggestionThreshold !== parsed.suggestionThreshold) {
    problems.push(`medcode.suggestionThreshold must be a number from 0 to 1; using ${DEFAULT_THRESHOLD}.`);
  }
  return { settings: { ...parsed, ruleSeverity }, problems };
}

export const DEFAULT_SETTINGS: MedcodeSettings = normalizeSettings({}).settings;
