// checkClaim: every rule family over one claim, with per-rule severity, suppressions marked (not
// dropped) and the checks that could not run reported as rule.unchecked.
import type { CodesetInfo } from '../codeset/api';
import type { CodeSystem } from '../importers/types';
import { isIsoDate } from '../codes';
import { viewClaim } from './claimView';
import { screenCodeShapes } from './codeShape';
import { claimFields } from './families/claimFields';
import { diagnosisCodes } from './families/diagnosisCodes';
import { duplicates } from './families/duplicates';
import { em } from './families/em';
import { excludes1 } from './families/excludes1';
import { lineCodes } from './families/lineCodes';
import { mce } from './families/mce';
import { modifiers } from './families/modifiers';
import { ncciAddon } from './families/ncciAddon';
import { ncciMue } from './families/ncciMue';
import { ncciPtp } from './families/ncciPtp';
import { noteEvidence } from './families/noteEvidence';
import { hcc } from './families/hcc';
import { riskAdjustmentOfIndex } from '../riskadjust/read';
import { sequencing } from './families/sequencing';
import { field, listText, warning, type RuleFamily, type RuleRun, type UncheckedReport } from './rule';
import { memoIndex } from './memo';
import { markSuppressed } from './suppression';
import type { RuleContext, RuleWarning } from './types';

export * from './types';
export { RULE_CATALOG, RULE_BY_ID } from './catalog';
export { applyFix } from './fix';
export { duplicateClaims, claimIdentity } from './families/duplicates';
export { isValidNpi } from './families/npi';

export const RULE_FAMILIES: readonly RuleFamily[] = [
  claimFields, diagnosisCodes, lineCodes, sequencing, excludes1, mce, ncciPtp, ncciMue, ncciAddon, modifiers, duplicates, em, noteEvidence, hcc,
];

const TARGET_ORDER = { claim: 0, diagnosis: 1, line: 2, note: 3 } as const;

function targetIndex(w: RuleWarning): number {
  const t = w.target;
  return t.kind === 'diagnosis' || t.kind === 'line' ? t.index : t.kind === 'note' ? t.span.start : 0;
}

function setLookup(ctx: RuleContext, date: string): RuleRun['setFor'] {
  const cache = new Map<string, { set: CodesetInfo; inForce: boolean } | undefined>();
  return (system: CodeSystem, variant?: string) => {
    const k = `${system}|${variant ?? ''}`;
    if (!cache.has(k)) {
      const inForce = ctx.index.setFor(system, date, variant);
      const latest = inForce ? undefined : ctx.index.setFor(system, undefined, variant);
      cache.set(k, inForce ? { set: inForce, inForce: true } : latest ? { set: latest, inForce: false } : undefined);
    }
    return cache.get(k);
  };
}

/** Runs every rule on a claim (any JSON value: a draft or a file that fails the schema still gets warnings). */
export async function checkClaim(claim: unknown, input: RuleContext): Promise<RuleWarning[]> {
  const riskAdjustment = input.riskAdjustment ?? riskAdjustmentOfIndex(input.index);
  const ctx: RuleContext = { ...input, index: memoIndex(input.index), ...(riskAdjustment ? { riskAdjustment } : {}) };
  const view = viewClaim(claim);
  const shapes = screenCodeShapes(view);
  const today = ctx.today ?? new Date().toISOString().slice(0, 10);
  const date = isIsoDate(view.dateOfService) ? view.dateOfService : isIsoDate(ctx.date) ? ctx.date : today;
  const unchecked = new Map<string, UncheckedReport>();
  const run: RuleRun = {
    claim: shapes.view,
    ctx,
    date,
    setFor: setLookup(ctx, date),
    unchecked(r) {
      const k = `${r.dataset}|${r.reason}`;
      const prev = unchecked.get(k);
      unchecked.set(k, prev ? { ...prev, checks: [...new Set([...prev.checks, ...r.checks])] } : r);
    },
  };
  const warnings: RuleWarning[] = [...shapes.warnings];
  for (const family of RULE_FAMILIES) {
    const enabled = family.rules.some((id) => ctx.settings.severity[id] !== 'off');
    // Required fields are judged on the claim as written (a malformed code is not a missing one).
    if (enabled) warnings.push(...(await family.run(family === claimFields ? { ...run, claim: view } : run)));
  }
  for (const r of unchecked.values()) {
    const checks = r.checks.filter((id) => ctx.settings.severity[id] !== 'off');
    if (checks.length === 0) continue;
    warnings.push(warning('rule.unchecked', `Not checked: ${listText(checks)}, because ${r.reason}.`, field(), {
      source: { dataset: r.dataset, row: { checks } }, key: `rule.unchecked:${r.dataset}:${checks.join(',')}`,
    }));
  }
  const out: RuleWarning[] = [];
  for (const w of warnings) {
    const setting = ctx.settings.severity[w.rule];
    if (setting === 'off') continue;
    // A configured severity replaces the rule's own (including per-warning nuances such as PTP indicator 1).
    out.push(setting ? { ...w, severity: setting } : w);
  }
  markSuppressed(out, view.suppressed);
  return out.sort((a, b) => TARGET_ORDER[a.target.kind] - TARGET_ORDER[b.target.kind] || targetIndex(a) - targetIndex(b));
}
