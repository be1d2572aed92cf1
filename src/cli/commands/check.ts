// `medcode check <claim.json> --db PATH [--json|--sarif]`: the compliance rules on one claim.
// Exit 0 whenever the check ran, warnings or not; non-zero only when it could not run
// (unreadable file, invalid JSON, no database).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkClaim, readClaim } from '../../core/analysis/index';
import { toSarif } from '../../core/rules/sarif';
import { ruleSettingsFromArgs } from '../ruleSettings';
import type { RuleWarning } from '../../core/rules/types';
import { flagBool, flagString, UsageError, type CliCommand, type CliIO } from '../command';
import { openIndexFromArgs } from '../openIndex';

const USAGE = `Usage: medcode check <claim.json> [--db PATH] [--json | --sarif] [--note FILE] [--severity rule=level,...] [--today YYYY-MM-DD]

Runs every compliance rule on the claim as billed (rejected codes left out) and prints the
warnings: the same check the editor and the claim panel make. --json prints
{"warnings":[{rule, severity, message, target, source, fixes}]}; --sarif prints SARIF 2.1.0.
The note beside the claim (its "note.path", or --note) is read for the note rules.
Exit 0 when the check ran (even with warnings); 1 when it could not run.`;

/** Where docs/rules.md is for help links: beside the built CLI (dist/..) or the sources (src/cli/commands/../../..). */
export function rulesDocUri(): string {
  for (const p of [resolve(__dirname, '../docs/rules.md'), resolve(__dirname, '../../../docs/rules.md')]) {
    if (existsSync(p)) return pathToFileURL(p).href;
  }
  return 'docs/rules.md';
}

/** Reads a claim file through the one claim reader; JSON that fails the schema is still returned (the rules judge any JSON). */
export function readJsonFile(path: string, shown: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot read ${shown}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (e as Error).message}.`);
  }
  const r = readClaim(text);
  if (r.ok) return r.claim;
  if ('json' in r) return r.json;
  throw new UsageError(`${shown} is not valid JSON (${r.errors[0] ?? 'unreadable'}); fix the file or open it as text.`);
}

/** The note the claim's evidence points into: --note, else claim.note.path (relative to the claim), else <note> beside `x.claim.json`. */
export function noteTextFor(claimPath: string, claim: unknown, noteFlag?: string, cwd = process.cwd()): string | undefined {
  const candidates: string[] = [];
  if (noteFlag) candidates.push(resolve(cwd, noteFlag));
  const notePath = (claim as { note?: { path?: unknown } } | null)?.note?.path;
  if (typeof notePath === 'string') candidates.push(resolve(dirname(claimPath), notePath));
  if (claimPath.endsWith('.claim.json')) candidates.push(claimPath.slice(0, -'.claim.json'.length));
  for (const p of candidates) {
    try {
      if (existsSync(p)) return readFileSync(p, 'utf8');
    } catch {
      // An unreadable note only disables the note rules.
    }
  }
  return undefined;
}

export function human(warnings: RuleWarning[]): string {
  if (warnings.length === 0) return 'No warnings.\n';
  return warnings
    .map((w) => {
      const t = w.target;
      const where = t.kind === 'diagnosis' ? `diagnosis ${t.index + 1}` : t.kind === 'line' ? `line ${t.index + 1}` : t.kind === 'claim' ? (t.field ?? 'claim') : `note ${t.span.start}-${t.span.end}`;
      const src = w.source?.version ? ` [${w.source.dataset} ${w.source.version}]` : '';
      const fixes = w.fixes.length ? `\n    fixes: ${w.fixes.map((f) => f.title).join('; ')}` : '';
      return `${w.suppressed ? 'suppressed ' : ''}${w.severity.padEnd(7)} ${w.rule}  ${where}: ${w.message}${src}${fixes}`;
    })
    .join('\n') + '\n';
}

export const command: CliCommand = {
  name: 'check',
  summary: 'run the compliance rules on a claim (JSON, SARIF or text output)',
  usage: USAGE,
  async run(args, io: CliIO) {
    const [claimArg] = args.positionals;
    if (!claimArg) throw new UsageError(`name the claim file to check.\n${USAGE}`);
    const claimPath = resolve(io.cwd, claimArg);
    const claim = readJsonFile(claimPath, claimArg);
    if (typeof claim !== 'object' || claim === null || Array.isArray(claim)) throw new UsageError(`${claimArg} holds JSON but not a claim object ({"schemaVersion": "1", "encounter": ..., "diagnoses": [...], "lines": [...]}).`);
    const settings = ruleSettingsFromArgs(args);
    const today = flagString(args, 'today');
    const noteText = noteTextFor(claimPath, claim, flagString(args, 'note'), io.cwd);
    const index = await openIndexFromArgs(args, io);
    let warnings: RuleWarning[];
    try {
      warnings = await checkClaim(index, claim, {
        severity: settings.severity, ...(today ? { today } : {}), ...(noteText !== undefined ? { noteText } : {}),
      });
    } finally {
      index.close();
    }
    if (flagBool(args, 'sarif')) {
      const uri = relative(io.cwd, claimPath).split('\\').join('/');
      io.stdout(`${JSON.stringify(toSarif([{ uri, warnings }], { helpBase: rulesDocUri() }), null, 2)}\n`);
    } else if (flagBool(args, 'json')) {
      const out = warnings.map((w) => ({ rule: w.rule, severity: w.severity, message: w.message, target: w.target, source: w.source ?? null, fixes: w.fixes, ...(w.key ? { key: w.key } : {}), ...(w.suppressed ? { suppressed: w.suppressed } : {}) }));
      io.stdout(`${JSON.stringify({ warnings: out }, null, 2)}\n`);
    } else {
      io.stdout(human(warnings));
    }
    return 0;
  },
};
