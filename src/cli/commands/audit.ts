// `medcode audit <folder> --db PATH --report html|md|csv|sarif --out FILE`: every note (*.note,
// *.txt) and claim (*.claim.json, or *.json with a schemaVersion) under a folder, checked by the
// rules, with totals by rule. Prints only counts and file names (no note text, no patient data).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { validateClaim } from '../../core/claim/parse';
import { remittanceHtml, remittanceMarkdown, remittanceSummary } from '../../core/remit/auditSection';
import { audit, type AuditInput, type AuditResult } from '../../core/rules/audit';
import { readClaim } from '../../core/analysis/index';
import { auditCsv } from '../../core/rules/report/csv';
import { auditHtml } from '../../core/rules/report/html';
import { auditMarkdown } from '../../core/rules/report/markdown';
import { toSarif } from '../../core/rules/sarif';
import { ruleSettingsFromArgs } from '../ruleSettings';
import { flagBool, flagString, UsageError, type CliCommand } from '../command';
import { dbPathFromArgs, openIndexForNotes } from '../openIndex';
import { writeAtomic } from '../../node/store';
import { refuseOverwritingInputs } from '../outputGuard';

const FORMATS = ['html', 'md', 'csv', 'sarif'] as const;
type Format = (typeof FORMATS)[number];

const USAGE = `Usage: medcode audit <folder> [--db PATH] --report ${FORMATS.join('|')} [--out FILE] [--setting outpatient|inpatient] [--severity rule=level,...] [--show-birth-dates]

Checks every claim (*.claim.json, *.json with "schemaVersion") and every note (*.note, *.txt)
under the folder. A note with a claim beside it (<note>.claim.json) is checked through that
claim; a note alone is analyzed and its suggested codes are checked. Writes the report to
--out (default: standard output) and prints totals. Patients' birth dates are withheld from the
findings unless --show-birth-dates is given.`;

function walk(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (e.isFile()) out.push(p);
  }
  return out;
}

export interface FolderScan {
  inputs: AuditInput[];
  /** Files that looked like claims but could not be read, with the reason. */
  problems: { name: string; problem: string }[];
}

export function scanFolder(folder: string): FolderScan {
  const files = walk(folder);
  const name = (p: string) => relative(folder, p).split('\\').join('/');
  const inputs: AuditInput[] = [];
  const problems: FolderScan['problems'] = [];
  const pairedNotes = new Set<string>();
  for (const p of files.filter((f) => f.endsWith('.json'))) {
    const isClaimFile = p.endsWith('.claim.json');
    // The one claim reader; JSON that fails the schema is still audited (the rules judge any JSON).
    const read = readClaim(readFileSync(p, 'utf8'));
    if (!read.ok && !('json' in read)) {
      if (isClaimFile) problems.push({ name: name(p), problem: `not valid JSON (${read.errors[0] ?? 'unreadable'})` });
      continue;
    }
    const claim: unknown = read.ok ? read.claim : read.json;
    if (!isClaimFile && (typeof claim !== 'object' || claim === null || !('schemaVersion' in claim))) continue;
    const notePath = isClaimFile ? p.slice(0, -'.claim.json'.length) : undefined;
    let noteText: string | undefined;
    if (notePath && files.includes(notePath)) {
      pairedNotes.add(notePath);
      try {
        noteText = readFileSync(notePath, 'utf8');
      } catch (e) {
        problems.push({ name: name(notePath), problem: `cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` });
      }
    }
    inputs.push({ kind: 'claim', name: name(p), claim, ...(noteText !== undefined ? { noteText, noteName: name(notePath!) } : {}) });
  }
  for (const p of files.filter((f) => /\.(note|txt)$/i.test(f) && !pairedNotes.has(f))) {
    try {
      inputs.push({ kind: 'note', name: name(p), text: readFileSync(p, 'utf8') });
    } catch (e) {
      problems.push({ name: name(p), problem: `cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` });
    }
  }
  inputs.sort((a, b) => a.name.localeCompare(b.name));
  return { inputs, problems };
}

/** The report as a self-contained file: rule text embedded (HTML, Markdown); SARIF help links name docs/rules.md relative to the project, never a path on this machine. */
export function renderReport(result: AuditResult, format: Format, options: { title: string; generatedAt: string; database?: string }): string {
  if (format === 'html') return auditHtml(result, options);
  if (format === 'md') return auditMarkdown(result, options);
  if (format === 'csv') return auditCsv(result);
  return `${JSON.stringify(toSarif(result.items.map((i) => ({ uri: i.name, ...(i.noteName ? { noteUri: i.noteName } : {}), warnings: i.warnings }))), null, 2)}\n`;
}

export const command: CliCommand = {
  name: 'audit',
  summary: 'check every note and claim in a folder; HTML, Markdown, CSV or SARIF report',
  usage: USAGE,
  async run(args, io) {
    const [folderArg] = args.positionals;
    if (!folderArg) throw new UsageError(`name the folder to audit.\n${USAGE}`);
    const folder = resolve(io.cwd, folderArg);
    let isDir = false;
    try {
      isDir = statSync(folder).isDirectory();
    } catch {
      throw new UsageError(`cannot read ${folderArg}: no such folder.`);
    }
    if (!isDir) throw new UsageError(`${folderArg} is a file; audit takes a folder (use \`medcode check\` for one claim).`);
    const format = (flagString(args, 'report') ?? 'html') as Format;
    if (!FORMATS.includes(format)) throw new UsageError(`--report takes ${FORMATS.join(', ')}, not "${format}".`);
    const setting = flagString(args, 'setting') ?? 'outpatient';
    if (setting !== 'outpatient' && setting !== 'inpatient') throw new UsageError(`--setting takes outpatient or inpatient, not "${setting}".`);
    const settings = ruleSettingsFromArgs(args);
    const out = flagString(args, 'out');
    if (out) refuseOverwritingInputs(resolve(io.cwd, out), []);
    const { inputs, problems } = scanFolder(folder);
    if (inputs.length === 0 && problems.length === 0) throw new UsageError(`${folderArg} holds no notes (*.note, *.txt) and no claims (*.claim.json).`);
    const index = await openIndexForNotes(dbPathFromArgs(args, io));
    let result: AuditResult;
    try {
      result = await audit(inputs, { index, settings, setting, showBirthDates: flagBool(args, 'show-birth-dates'), ...(flagString(args, 'today') ? { today: flagString(args, 'today') } : {}) });
    } finally {
      index.close();
    }
    for (const p of problems) result.items.push({ name: p.name, kind: 'claim', warnings: [], problem: p.problem });
    const report = withRemittances(renderReport(result, format, { title: `MedCode audit of ${folderArg}`, generatedAt: new Date().toISOString().slice(0, 10), database: dbPathFromArgs(args, io) }), format, inputs);
    if (out) {
      writeAtomic(resolve(io.cwd, out), new TextEncoder().encode(report));
      const claims = result.items.filter((i) => i.kind === 'claim').length;
      io.stdout(`audited ${claims} claim(s) and ${result.items.length - claims} note(s): ${result.bySeverity.error} errors, ${result.bySeverity.warning} warnings, ${result.bySeverity.info} info, ${result.suppressed} suppressed; wrote ${out}\n`);
    } else {
      io.stdout(report);
    }
    return 0;
  },
};

/** Markdown and HTML reports gain a remittance section when a claim has an 835 recorded. */
function withRemittances(report: string, format: Format, inputs: AuditInput[]): string {
  if (format !== 'md' && format !== 'html') return report;
  const claims = inputs.flatMap((i) => {
    if (i.kind !== 'claim') return [];
    const v = validateClaim(i.claim);
    return v.ok && v.claim.history?.remittances?.length ? [v.claim] : [];
  });
  if (claims.length === 0) return report;
  const summary = remittanceSummary(claims);
  if (format === 'md') return `${report.trimEnd()}\n${remittanceMarkdown(summary)}`;
  const at = report.lastIndexOf('</body>');
  return at < 0 ? `${report}${remittanceHtml(summary)}` : `${report.slice(0, at)}${remittanceHtml(summary)}${report.slice(at)}`;
}
