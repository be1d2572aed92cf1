// Peak memory (max RSS) of `medcode analyze` on one long note, run as a user runs it (the built
// CLI, dist/cli.js: npm run build first) in a fresh process, so the number is the command's own.
// The note is the example notes repeated to the size asked for. Run it twice: the first run on a
// database builds and saves the analyzer's dictionary beside it, which the next runs read.
//   node --import tsx scripts/measure-long-note.ts --db PATH [--mb 20]
import { resolve } from 'node:path';
import { measureLongNote } from '../bench/longNote';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const db = arg('db') ?? process.env.MEDCODE_DB;
if (!db) {
  process.stderr.write('give the code-set database: --db PATH (or MEDCODE_DB)\n');
  process.exit(2);
}
process.stdout.write(`${JSON.stringify(measureLongNote(resolve(db), Number(arg('mb') ?? 20)))}\n`);
