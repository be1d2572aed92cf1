// `medcode appeal <claim.json> --out letter.md|letter.html`: an appeal letter draft for a denied
// claim, quoting the note's evidence for the codes in question (the note is read from the
// claim's note.path, relative to the claim file, when the spans do not carry their text).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseClaim } from '../../core/claim/parse';
import { appealLetter } from '../../core/remit/appeal';
import { flagString, UsageError, type CliCommand } from '../command';
import { writeAtomic } from '../../node/store';

const USAGE = `Usage: medcode appeal <claim.json> --out FILE [--format md|html]

Writes an appeal letter draft (Markdown, or HTML when --format html or the file ends in .html)
for the claim's latest denial: the reasons explained, the services, the note's evidence and the
guideline or edit cited. Review and sign it before sending.`;

export const command: CliCommand = {
  name: 'appeal',
  summary: 'draft an appeal letter (Markdown or HTML) for a denied claim',
  usage: USAGE,
  async run(args, io) {
    const [claimArg] = args.positionals;
    if (!claimArg) throw new UsageError(`name the claim file.\n${USAGE}`);
    const outArg = flagString(args, 'out');
    if (!outArg) throw new UsageError(`--out names the letter file to write.\n${USAGE}`);
    const format = flagString(args, 'format') ?? (/\.html?$/i.test(outArg) ? 'html' : 'md');
    if (format !== 'md' && format !== 'html') throw new UsageError(`--format takes md or html, not "${format}".`);
    const claimPath = resolve(io.cwd, claimArg);
    if (!existsSync(claimPath)) throw new UsageError(`the claim file ${claimPath} does not exist.`);
    const parsed = parseClaim(readFileSync(claimPath, 'utf8'));
    if (!parsed.ok) {
      io.stderr(`${claimPath} is not a valid claim:\n${parsed.errors.map((e) => `  - ${e}`).join('\n')}\n`);
      return 1;
    }
    const notePath = parsed.claim.note?.path ? resolve(dirname(claimPath), parsed.claim.note.path) : undefined;
    const noteText = notePath && existsSync(notePath) ? readFileSync(notePath, 'utf8') : undefined;
    let letter;
    try {
      letter = appealLetter(parsed.claim, { date: new Date().toISOString().slice(0, 10), ...(noteText !== undefined ? { noteText } : {}) });
    } catch (e) {
      io.stderr(`medcode appeal: ${claimArg}: ${(e as Error).message}\n`);
      return 1;
    }
    writeAtomic(resolve(io.cwd, outArg), new TextEncoder().encode(format === 'html' ? letter.html : letter.markdown));
    io.stdout(`wrote ${outArg} (appeal letter draft, ${format === 'html' ? 'HTML' : 'Markdown'})\n`);
    return 0;
  },
};
