// `medcode export <claim.json> --format claim-json|fhir|x12 --out FILE`: runs the rules, then
// writes the export only when no unsuppressed error blocks it (or the user overrides with a
// reason, which is recorded in the claim file's audit trail before the export is written, and
// travels with the export). A blocked export writes nothing.
import { readFileSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { exportClaim, EXPORT_FORMATS, isExportFormat, overrideAuditJson, type ExportFormat, type ExportGateOptions } from '../../core/claim/export/index';
import { correctionPlan } from '../../core/remit/correction';
import { correctionExport } from '../../core/remit/correctionExport';
import { checkClaim, readClaim } from '../../core/analysis/index';
import { noteTextFor } from './check';
import { appendHistory } from '../../core/remit/history';
import { exportRecord } from '../../core/remit/exportRecord';
import { flagString, UsageError, type CliCommand, type CliIO, type ParsedArgs } from '../command';
import { openIndexFromArgs } from '../openIndex';
import { refuseOverwritingInputs } from '../outputGuard';
import { writeAtomic } from '../../node/store';

const USAGE = `Usage: medcode export <claim.json> --format ${EXPORT_FORMATS.join('|')} --out FILE [--db PATH]
       [--override "reason"] [--who NAME] [--sender ID] [--receiver ID] [--control-number N] [--usage P|T]
       [--contact-phone N]

Runs the compliance rules first. Unsuppressed errors block the export (exit 1, no file) unless
--override gives a reason; the reason is then recorded in the claim file's audit trail first
(no export when the claim file cannot be written) and carried with the export: claim JSON
"overrides", a FHIR Claim extension, or <out>.audit.json beside an X12 file.`;

export const command: CliCommand = {
  name: 'export',
  summary: 'write a claim as claim JSON, FHIR R4 Claim or X12 837P (refused while it has errors)',
  usage: USAGE,
  async run(args, io) {
    const [claimArg] = args.positionals;
    if (!claimArg) throw new UsageError(`name the claim file to export.\n${USAGE}`);
    const format = flagString(args, 'format');
    if (!format || !isExportFormat(format)) throw new UsageError(`--format takes ${EXPORT_FORMATS.join(', ')}${format ? `, not "${format}"` : ''}.`);
    const outArg = flagString(args, 'out');
    if (!outArg) throw new UsageError(`--out names the file to write.\n${USAGE}`);
    const overrideFlag = args.flags.override;
    if (overrideFlag === true) throw new UsageError('--override needs a reason in quotes, e.g. --override "payer confirmed coverage by phone".');

    return exportClaimFile(args, io, { claimArg, outArg, format });
  },
};

/** What to export: the claim file, the output file and the format; `correction` writes the claim's corrected 837P instead. */
export interface ExportRequest { claimArg: string; outArg: string; format: ExportFormat; correction?: boolean }

/**
 * Checks the claim file and writes its export through the gate, the override on file before the
 * export exists and the export recorded in the claim's history after: `medcode export` and
 * `medcode correct`. Returns the exit code.
 */
export async function exportClaimFile(args: ParsedArgs, io: CliIO, request: ExportRequest): Promise<number> {
  const { claimArg, outArg, format } = request;
  const name = request.correction ? 'correct' : 'export';
  const claimPath = resolve(io.cwd, claimArg);
  const outPath = resolve(io.cwd, outArg);
  refuseOverwritingInputs(outPath, [claimPath]);
  const text = readClaimText(claimPath);
  const parsed = readClaim(text);
  if (!parsed.ok) {
    io.stderr(`${claimPath} is not a valid claim:\n${parsed.errors.map((e) => `  - ${e}`).join('\n')}\n`);
    return 1;
  }
  const raw = parsed.claim;
  const plan = request.correction ? correctionPlan(parsed.parsed) : undefined;
  if (plan && !plan.ok) {
    io.stderr(`medcode correct: ${claimArg} cannot be corrected: ${plan.reason}.\n`);
    return 1;
  }
  const noteText = noteTextFor(claimPath, raw, undefined, io.cwd);

  const index = await openIndexFromArgs(args, io);
  let warnings;
  try {
    warnings = await checkClaim(index, raw, noteText !== undefined ? { noteText } : {});
  } finally {
    index.close();
  }

  const corrected = request.correction ? correctionExport(parsed.parsed, warnings, gateOptions(args, io)) : undefined;
  if (corrected && !corrected.ok) {
    io.stderr(`medcode correct: ${claimArg} cannot be corrected: ${corrected.reason}.\n`);
    return 1;
  }
  const outcome = corrected ? corrected.outcome : exportClaim(parsed.parsed, format, warnings, gateOptions(args, io));
  if (!outcome.ok) {
    const why = outcome.structural
      ? `cannot be written as ${format}`
      : `has ${outcome.blocking.length} blocking error(s); fix them, record a suppression with a justification, or pass --override "reason"`;
    io.stderr(`medcode ${name}: ${claimArg} ${why}:\n${outcome.errors.map((e) => `  - ${e}`).join('\n')}\nNo file was written.\n`);
    return 1;
  }
  if (outcome.overridden) {
    // The override is on disk before the export exists: when the claim file cannot take it, nothing is exported.
    // Patch the file as read (not the zod output) so members this version does not know survive.
    raw.overrides = outcome.claim.overrides;
    raw.audit = outcome.claim.audit;
    const recorded = isReadOnlyFile(claimPath) ? 'the file is read-only' : tryWrite(claimPath, `${JSON.stringify(raw, null, 2)}\n`);
    if (recorded) {
      io.stderr(`medcode ${name}: the override could not be recorded in ${claimArg} (${recorded}), so no export was written: an override is only sent with its reason on file. Make the claim file writable (or copy it to a writable folder) and export again.\n`);
      return 1;
    }
    if (format === 'x12' && outcome.override) {
      const audit = tryWrite(`${outPath}.audit.json`, overrideAuditJson(outcome.override, { exportFile: basename(outPath), ...(parsed.claim.id !== undefined ? { claimId: parsed.claim.id } : {}) }));
      if (audit) {
        io.stderr(`medcode ${name}: the override was recorded in ${claimArg}, but ${outArg}.audit.json could not be written (${audit}), so no export was written. Free the folder or choose another --out and export again.\n`);
        return 1;
      }
    }
  }
  const written = tryWrite(outPath, outcome.content);
  if (written) {
    io.stderr(`medcode ${name}: cannot write ${outArg} (${written}); no export was written.${outcome.overridden ? ` The override stays recorded in ${claimArg}.` : ''}\n`);
    return 1;
  }
  // The export is on disk: it is recorded in the claim's history (with the X12 control numbers its
  // 999 will quote back). A claim file that cannot take the record keeps the export and says so.
  const history = appendHistory(raw, { exports: [exportRecord(format, outArg, outcome.content, new Date().toISOString())] });
  const historyWritten = history.ok ? tryWrite(claimPath, `${JSON.stringify(history.raw, null, 2)}\n`) : 'the history could not be added';
  if (historyWritten) io.stderr(`medcode ${name}: ${outArg} was written, but its record could not be added to ${claimArg}'s history (${historyWritten}); a 999 or 835 for it will be listed as unmatched.\n`);
  if (outcome.overridden) io.stderr(`medcode ${name}: exported despite errors; the override reason was recorded in ${claimArg}${format === 'x12' ? ` and ${outArg}.audit.json` : ''}.\n`);
  const others = warnings.filter((w) => w.severity !== 'error' || w.suppressed).length;
  if (corrected?.ok) io.stdout(`wrote ${outArg} (X12 837P, frequency ${corrected.plan.frequency}): ${corrected.plan.why}\n`);
  else io.stdout(`wrote ${outArg} (${format})${others > 0 ? `; ${others} non-blocking warning(s), see \`medcode check ${claimArg}\`` : ''}\n`);
  return 0;
}

/** True when the file has no write permission bits: the user marked it read-only (a rename would still replace it). */
function isReadOnlyFile(path: string): boolean {
  try {
    return (statSync(path).mode & 0o222) === 0;
  } catch {
    return false;
  }
}

/** Writes atomically; undefined when written, else the reason (EROFS, ENOSPC ...). */
function tryWrite(path: string, text: string): string | undefined {
  try {
    writeAtomic(path, new TextEncoder().encode(text));
    return undefined;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code ?? (e as Error).message;
  }
}

function readClaimText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read the claim file ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}.`);
  }
}

export function gateOptions(args: ParsedArgs, io: CliIO): ExportGateOptions {
  const options: ExportGateOptions = {};
  const reason = flagString(args, 'override');
  if (reason !== undefined) options.override = { reason, who: flagString(args, 'who') ?? io.env.USER ?? io.env.USERNAME ?? 'unknown' };
  const control = flagString(args, 'control-number');
  const controlNumber = control === undefined ? undefined : Number(control);
  if (controlNumber !== undefined && (!Number.isInteger(controlNumber) || controlNumber < 1 || controlNumber > 999_999_999))
    throw new UsageError(`--control-number takes a whole number from 1 to 999999999, not "${control}".`);
  const usage = flagString(args, 'usage');
  if (usage !== undefined && usage !== 'P' && usage !== 'T') throw new UsageError(`--usage takes P (production) or T (test), not "${usage}".`);
  const phone = flagString(args, 'contact-phone');
  const sender = flagString(args, 'sender');
  const receiver = flagString(args, 'receiver');
  options.x12 = {
    ...(sender !== undefined ? { senderId: sender } : {}),
    ...(receiver !== undefined ? { receiverId: receiver } : {}),
    ...(controlNumber !== undefined ? { controlNumber } : {}),
    ...(usage !== undefined ? { usage } : {}),
    ...(phone !== undefined ? { submitterContact: { phone } } : {}),
  };
  return options;
}
