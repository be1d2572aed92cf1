// `--severity rule=level,...` as check and audit take it.
import { parseSeveritySettings } from '../core/rules/settings';
import type { RuleSettings } from '../core/rules/types';
import { flagString, UsageError, type ParsedArgs } from './command';

export function ruleSettingsFromArgs(args: ParsedArgs): RuleSettings {
  const sev = flagString(args, 'severity');
  if (!sev) return { severity: {} };
  try {
    return parseSeveritySettings(sev);
  } catch (e) {
    throw new UsageError(`--severity: ${(e as Error).message}`);
  }
}
