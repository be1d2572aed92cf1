// SARIF 2.1.0 output for auditors' tools: one run, the rule catalog as the driver's rules (help
// links to docs/rules.md#<rule id>), one result per warning. Suppressed warnings stay as results
// with a SARIF suppression carrying the user's justification.
import { RULE_CATALOG } from './catalog';
import type { RuleWarning, Severity } from './types';

export interface SarifArtifactWarnings {
  /** URI of the claim (or note) the warnings are about, relative to the audited folder or absolute. */
  uri: string;
  /** URI of the note text that note-span targets point into, when it is another file. */
  noteUri?: string;
  warnings: RuleWarning[];
}

export interface SarifOptions {
  /** Where docs/rules.md lives; rule anchors are appended (#code.invalid). */
  helpBase?: string;
  toolVersion?: string;
}

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

function logicalName(w: RuleWarning): string {
  const t = w.target;
  if (t.kind === 'diagnosis') return `diagnoses[${t.index}]`;
  if (t.kind === 'line') return `lines[${t.index}]`;
  if (t.kind === 'claim') return t.field ?? 'claim';
  return `note[${t.span.start}:${t.span.end}]`;
}

export function toSarif(artifacts: SarifArtifactWarnings[], options: SarifOptions = {}): Record<string, unknown> {
  const helpBase = options.helpBase ?? 'docs/rules.md';
  const ruleIndex = new Map(RULE_CATALOG.map((r, i) => [r.id, i]));
  const results = artifacts.flatMap((a) =>
    a.warnings.map((w) => {
      const t = w.target;
      const physical =
        t.kind === 'note'
          ? { artifactLocation: { uri: a.noteUri ?? a.uri }, region: { charOffset: t.span.start, charLength: Math.max(0, t.span.end - t.span.start) } }
          : { artifactLocation: { uri: a.uri } };
      const result: Record<string, unknown> = {
        ruleId: w.rule,
        ruleIndex: ruleIndex.get(w.rule),
        level: LEVEL[w.severity],
        message: { text: w.message },
        locations: [{ physicalLocation: physical, logicalLocations: [{ fullyQualifiedName: logicalName(w), kind: 'member' }] }],
        properties: { target: w.target, ...(w.source ? { source: w.source } : {}), fixes: w.fixes, ...(w.key ? { key: w.key } : {}) },
      };
      if (w.key) result.partialFingerprints = { 'medcodeKey/v1': w.key };
      if (w.suppressed) result.suppressions = [{ kind: 'external', status: 'accepted', justification: w.suppressed.justification }];
      return result;
    }),
  );
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'medcode',
            ...(options.toolVersion ? { version: options.toolVersion } : {}),
            informationUri: 'https://www.cms.gov/medicare/coding-billing/national-correct-coding-initiative-ncci-edits',
            rules: RULE_CATALOG.map((r) => ({
              id: r.id,
              name: r.id,
              shortDescription: { text: r.summary },
              helpUri: `${helpBase}#${r.id}`,
              defaultConfiguration: { level: LEVEL[r.severity] },
            })),
          },
        },
        artifacts: [...new Set(artifacts.flatMap((a) => [a.uri, ...(a.noteUri ? [a.noteUri] : [])]))].map((uri) => ({ location: { uri } })),
        results,
      },
    ],
  };
}
