// `medcode correct <claim.json> --out FILE`: the corrected claim of a denied or rejected claim as
// X12 837P, through the same path as `medcode export` (the rules on the claim as billed, the
// gate, an override on file before the export exists, the export recorded in the history): an
// adjudicated claim is replaced (CLM05-3 = 7, REF*F8 = the payer's claim control number), a
// rejected one is sent again as an original (core/remit/correction.ts).
import { flagString, UsageError, type CliCommand } from '../command';
import { exportClaimFile } from './export';

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
    if (args.flags.override === true) throw new UsageError('--override needs a reason in quotes, e.g. --override "payer confirmed coverage by phone".');
    return exportClaimFile(args, io, { claimArg, outArg, format: 'x12', correction: true });
  },
};
