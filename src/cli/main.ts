// `medcode`: the command line over the same core as the extension.
import { createInterface } from 'node:readline';
import { setFlagsFromString } from 'node:v8';
import { parseArgs } from './args';
import type { CliIO } from './command';
import { UserFixableError } from '../node/errors';
import { commands } from './commands/index';

function help(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'medcode: clinical notes to ICD-10-CM, CPT and HCPCS codes, compliance checks and claims (runs locally).',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Common flags: --db PATH (default $MEDCODE_DB, else the per-user data folder), --json.',
    'Run `medcode <command> --help` for a command\'s usage.',
  ].join('\n');
}

export async function main(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(help() + '\n');
    return name ? 0 : 2;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.stderr(`medcode: unknown command "${name}".\n\n${help()}\n`);
    return 2;
  }
  const args = parseArgs(rest);
  if (args.flags.help) {
    io.stdout(`${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(args, io);
  } catch (e) {
    if (e instanceof UserFixableError) {
      io.stderr(`medcode ${name}: ${e.message}\n`);
      return 2;
    }
    const err = e as Error;
    io.stderr(`medcode ${name}: ${err.message}\n`);
    if (io.env.MEDCODE_DEBUG) io.stderr(`${err.stack}\n`);
    return 1;
  }
}

function askAtTerminal(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  return new Promise((resolve) => rl.question(question, (answer) => { rl.close(); resolve(answer); }));
}

/**
 * A command is one run that exits: V8's default lets the heap grow to four times what is live
 * before a full collection, which on a long note is a hundred-odd megabytes of garbage. Twice what
 * is live is plenty for a run this short (the collections cost it no measurable time), and keeps
 * the process's memory near what it uses. Read by V8 each time it sets the next limit.
 */
export const HEAP_GROWING_FLAG = '--heap-growing-percent=100';

if (require.main === module) {
  setFlagsFromString(HEAP_GROWING_FLAG);
  const io: CliIO = {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    cwd: process.cwd(),
    env: process.env,
    ...(process.stdin.isTTY && process.stderr.isTTY ? { ask: askAtTerminal } : {}),
  };
  main(process.argv.slice(2), io).then(
    (code) => { process.exitCode = code; },
    (e: unknown) => { process.stderr.write(`medcode: ${(e as Error).message}\n`); process.exitCode = 1; },
  );
}
