// `medcode denials <folder> [--json] [--as-of YYYY-MM-DD]`: the worklist of rejected, denied,
// partially paid and reversed claims in a folder, by reason, payer, age and amount.
import { buildWorklist } from '../../core/remit/worklist';
import { flagBool, flagString, UsageError, type CliCommand } from '../command';
import { loadClaimFolder } from '../claimFiles';

const USAGE = `Usage: medcode denials <folder> [--json] [--as-of YYYY-MM-DD]

Lists every claim whose latest answer is a rejection (999, 277CA), a denial, a partial payment or
a reversal (835), with the reasons explained and the MedCode rule that checks each; totals by
reason, payer and age since submission (0-30, 31-60, 61-90, 90+ days). --as-of sets the day ages
are counted to (default today).`;

export const command: CliCommand = {
  name: 'denials',
  summary: 'worklist of rejected and denied claims by reason, payer, age and amount',
  usage: USAGE,
  async run(args, io) {
    const [folder] = args.positionals;
    if (!folder) throw new UsageError(`name the folder of claim files.\n${USAGE}`);
    const asOf = flagString(args, 'as-of') ?? new Date().toISOString().slice(0, 10);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new UsageError(`--as-of takes YYYY-MM-DD, not "${asOf}".`);
    const claims = loadClaimFolder(folder, io.cwd, io.stderr);
    const list = buildWorklist(claims, asOf);
    if (flagBool(args, 'json')) {
      io.stdout(`${JSON.stringify(list, null, 2)}\n`);
      return 0;
    }
    const money = (n: number) => n.toFixed(2);
    if (list.items.length === 0) {
      io.stdout(`No open rejections or denials in ${folder} (${claims.length} claim file(s) read).\n`);
      return 0;
    }
    io.stdout(`${list.total.count} open claim(s), ${money(list.total.amount)} at stake (as of ${asOf})\n\n`);
    for (const i of list.items) {
      io.stdout(`${i.claim}  ${i.status}  ${i.payer}  ${i.ageDays} days  ${money(i.amount)}\n`);
      for (const r of i.reasons) io.stdout(`    ${r.code} ${money(r.amount)}: ${r.explanation}${r.rule ? ` (MedCode rule ${r.rule})` : ''}\n`);
    }
    io.stdout('\nBy reason:\n');
    for (const t of list.byReason) io.stdout(`  ${t.key.padEnd(12)} ${String(t.count).padStart(4)}  ${money(t.amount).padStart(12)}${t.rule ? `  rule ${t.rule}` : ''}\n`);
    io.stdout('By payer:\n');
    for (const t of list.byPayer) io.stdout(`  ${t.key.padEnd(30)} ${String(t.count).padStart(4)}  ${money(t.amount).padStart(12)}\n`);
    io.stdout('By age (days since submission):\n');
    for (const t of list.byAge) io.stdout(`  ${t.key.padEnd(6)} ${String(t.count).padStart(4)}  ${money(t.amount).padStart(12)}\n`);
    return 0;
  },
};
