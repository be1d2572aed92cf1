// What a rule family is, and the small helpers every family uses to build warnings.
import type { CodesetInfo } from '../codeset/api';
import type { CodeSystem } from '../importers/types';
import { RULE_BY_ID } from './catalog';
import type { ClaimView } from './claimView';
import type { RuleContext, RuleFix, RuleId, RuleWarning, WarningSource, WarningTarget } from './types';

/** A check that could not run, reported as `rule.unchecked` (never a silent pass). */
export interface UncheckedReport {
  dataset: string;
  checks: RuleId[];
  reason: string;
}

export interface RuleRun {
  claim: ClaimView;
  ctx: RuleContext;
  /** ISO date of service the code sets are picked by. */
  date: string;
  unchecked(report: UncheckedReport): void;
  /** The set of `system` in force on the date, else the latest (with `inForce` false). */
  setFor(system: CodeSystem, variant?: string): { set: CodesetInfo; inForce: boolean } | undefined;
}

export interface RuleFamily {
  name: string;
  rules: readonly RuleId[];
  run(run: RuleRun): RuleWarning[] | Promise<RuleWarning[]>;
}

export function warning(
  rule: RuleId,
  message: string,
  target: WarningTarget,
  extra: { source?: WarningSource; fixes?: RuleFix[]; key?: string; severity?: RuleWarning['severity'] } = {},
): RuleWarning {
  const w: RuleWarning = {
    rule,
    severity: extra.severity ?? RULE_BY_ID.get(rule)?.severity ?? 'warning',
    message,
    target,
    fixes: extra.fixes ?? [],
  };
  if (extra.source) w.source = extra.source;
  if (extra.key) w.key = extra.key;
  return w;
}

export const dx = (index: number): WarningTarget => ({ kind: 'diagnosis', index });
export const line = (index: number): WarningTarget => ({ kind: 'line', index });
export const field = (name?: string): WarningTarget => (name === undefined ? { kind: 'claim' } : { kind: 'claim', field: name });

/** "E10.9 and E11.9", "a, b and c". */
export function listText(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
