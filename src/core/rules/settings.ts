// Per-rule severity from a user string ("ncci.ptp=warning,icd10cm.use-additional=off"), checked
// against the rule ids so a typo is an error that names the rule, not a silently ignored setting.
import { RULE_IDS, type RuleId, type RuleSettings, type SeveritySetting } from './types';

const LEVELS: SeveritySetting[] = ['error', 'warning', 'info', 'off'];

export function parseSeveritySettings(text: string): RuleSettings {
  const severity: Partial<Record<RuleId, SeveritySetting>> = {};
  for (const part of text.split(',').map((s) => s.trim()).filter(Boolean)) {
    const [id, level] = part.split('=').map((s) => s.trim());
    if (!RULE_IDS.includes(id as RuleId)) throw new Error(`"${id}" is not a rule id; the ids are listed in docs/rules.md.`);
    if (!LEVELS.includes(level as SeveritySetting)) throw new Error(`"${part}": the level must be one of ${LEVELS.join(', ')}.`);
    severity[id as RuleId] = level as SeveritySetting;
  }
  return { severity };
}
