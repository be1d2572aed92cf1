// `medcode correct <claim.json> --out FILE`: the corrected claim of a denied or rejected claim as
// X12 837P. The rules run again first (a correction with blocking errors is refused like any
// export); an adjudicated claim is replaced (CLM05-3 = 7, REF*F8 = the payer's claim control
// number), a rejected one is sent again as an original. The export is recorded in the history.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { exportClaim } from '../../core/claim/export/index';
import { parseClaim } from '../../core/claim/parse';
import { correctionPlan } from '../../core/remit/correction';
import { exportRecord } from '../../core/remit/exportRecord';
import { appendHistory } from '../../core/remit/history';
import { checkClaim } from '../../core/rules/index';
import { flagString, UsageError, type CliCommand } from '../command';
import { openIndexFromArgs } from '../openIndex';
import { writeAtomic } from '../../node/store';
import { gateOptions } from './export';

const USAGE = `Usage: medcode correct <claim.json> --out FILE [--db PATH] [--control-number N]
       [--override "reason"] [--sender ID] [--receiver ID] [--usage P|T] [--contact-phone N]

Writes the corrected claim as X12 837P after running the checks again: frequency 7 with REF*F8
(the payer's claim control number from the 835) for a denied or paid claim, an original for a
claim a 999 or 277CA rejected. Fix the claim file first; blocking errors refuse the correction.`;

export const command: CliCommand = {
  name: 'correct',
  summary: 'write the corrected claim (frequency 7 + REF*F8) of a denied or rejected claim',
  usage: USAGE,
  async run(args, io) {
    const [claimArg] = args.positionals;
    if (!claimArg) throw new UsageError(`name the claim file to correct.\n${USAGE}`);
    const outArg = flagString(args, 'out');
    if (!outArg) throw new UsageError(`--out names the X12 file to write.\n${USAGE}`);
    const claimPath = resolve(io.cwd, claimArg);
    let text: string;
    try {
      text = readFileSync(claimPath, 'utf8');
    } catch (e) {
      throw new UsageError(`cannot read the claim file ${claimPath}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}.`);
    }
    const parsed = parseClaim(text);
    if (!parsed.ok) {
      io.stderr(`${claimPath} is not a valid claim:\n${parsed.errors.map((e) => `  - ${e}`).join('\n')}\n`);
      return 1;
    }
    const plan = correctionPlan(parsed.claim);
    if (!plan.ok) {
      io.stderr(`medcode correct: ${claimArg} cannot be corrected: ${plan.reason}.\n`);
      return 1;
    }
    const raw = JSON.parse(text.replace(/^\uFEFF/, '')) as Record<string, unknown>;
    const index = await openIndexFromArgs(args, io);
    let warnings;
    try {
      warnings = await checkClaim(raw, { index, date: parsed.claim.encounter.dateOfService ?? '', settings: { severity: {} } });
    } finally {
      index.close();
    }
    const options = gateOptions(args, io);
    options.x12 = { ...options.x12, frequency: plan.frequency, ...(plan.payerClaimControlNumber ? { payerClaimControlNumber: plan.payerClaimControlNumber } : {}) };
    const outcome = exportClaim(parsed.claim, 'x12', warnings, options);
    if (!outcome.ok) {
      io.stderr(`medcode correct: ${claimArg} still has ${outcome.blocking.length} blocking error(s); fix them before sending the correction:\n${outcome.errors.map((e) => `  - ${e}`).join('\n')}\nNo file was written.\n`);
      return 1;
    }
    writeAtomic(resolve(io.cwd, outArg), new TextEncoder().encode(outcome.content));
    if (outcome.overridden) {
      raw.overrides = outcome.claim.overrides;
      raw.audit = outcome.claim.audit;
    }
    const recorded = appendHistory(raw, { exports: [exportRecord('x12', outArg, outcome.content, new Date().toISOString())] });
    writeAtomic(claimPath, new TextEncoder().encode(`${JSON.stringify(recorded.ok ? recorded.raw : raw, null, 2)}\n`));
    io.stdout(`wrote ${outArg} (X12 837P, frequency ${plan.frequency}): ${plan.why}\n`);
    return 0;
  },
};
