// `medcode export <claim.json> --format claim-json|fhir|x12 --out FILE`: runs the rules, then
// writes the export only when no unsuppressed error blocks it (or the user overrides with a
// reason, which is recorded in the claim file's audit trail). A blocked export writes nothing.
// A written export is recorded in the claim file's history (with the X12 control numbers its
// 999 will quote back).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { exportClaim, EXPORT_FORMATS, isExportFormat, type ExportGateOptions } from '../../core/claim/export/index';
import { parseClaim } from '../../core/claim/parse';
import { appendHistory } from '../../core/remit/history';
import { exportRecord } from '../../core/remit/exportRecord';
import { checkClaim } from '../../core/rules/index';
import { flagString, UsageError, type CliCommand, type CliIO, type ParsedArgs } from '../command';
import { openIndexFromArgs } from '../openIndex';
import { writeAtomic } from '../store';

const USAGE = `Usage: medcode export <claim.json> --format ${EXPORT_FORMATS.join('|')} --out FILE [--db PATH]
       [--override "reason"] [--who NAME] [--sender ID] [--receiver ID] [--control-number N] [--usage P|T]
       [--contact-phone N]

Runs the compliance rules first. Unsuppressed errors block the export (exit 1, no file) unless
--override gives a reason; the reason is then recorded in the claim file's audit trail.`;

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

    const claimPath = resolve(io.cwd, claimArg);
    const outPath = resolve(io.cwd, outArg);
    const text = readClaimText(claimPath);
    const parsed = parseClaim(text);
    if (!parsed.ok) {
      io.stderr(`${claimPath} is not a valid claim:\n${parsed.errors.map((e) => `  - ${e}`).join('\n')}\n`);
      return 1;
    }
    const raw = JSON.parse(text.replace(/^\uFEFF/, '')) as Record<string, unknown>;

    const index = await openIndexFromArgs(args, io);
    let warnings;
    try {
      warnings = await checkClaim(raw, {
        index,
        date: parsed.claim.encounter.dateOfService ?? '',
        settings: { severity: {} },
      });
    } finally {
      index.close();
    }

    const outcome = exportClaim(parsed.claim, format, warnings, gateOptions(args, io));
    if (!outcome.ok) {
      const why = outcome.structural
        ? `cannot be written as ${format}`
        : `has ${outcome.blocking.length} blocking error(s); fix them, record a suppression with a justification, or pass --override "reason"`;
      io.stderr(`medcode export: ${claimArg} ${why}:\n${outcome.errors.map((e) => `  - ${e}`).join('\n')}\nNo file was written.\n`);
      return 1;
    }
    writeAtomic(outPath, new TextEncoder().encode(outcome.content));
    // Patch the file as read (not the zod output) so members this version does not know survive.
    if (outcome.overridden) {
      raw.overrides = outcome.claim.overrides;
      raw.audit = outcome.claim.audit;
    }
    const recorded = appendHistory(raw, { exports: [exportRecord(format, outArg, outcome.content, new Date().toISOString())] });
    writeAtomic(claimPath, new TextEncoder().encode(`${JSON.stringify(recorded.ok ? recorded.raw : raw, null, 2)}\n`));
    if (outcome.overridden) io.stderr(`medcode export: exported despite errors; the override reason was recorded in ${claimArg}.\n`);
    const others = warnings.filter((w) => w.severity !== 'error' || w.suppressed).length;
    io.stdout(`wrote ${outArg} (${format})${others > 0 ? `; ${others} non-blocking warning(s), see \`medcode check ${claimArg}\`` : ''}\n`);
    return 0;
  },
};

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
