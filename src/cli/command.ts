// The shape of a `medcode` subcommand. Each command lives in src/cli/commands/<name>.ts.
import { UserFixableError } from '../node/errors';
import { isIsoDate } from '../core/codes';

export interface ParsedArgs {
  positionals: string[];
  /** --name value, --name=value, or --flag (true). Repeated flags keep the last value. */
  flags: Record<string, string | boolean>;
}

export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Absolute working directory. */
  cwd: string;
  env: Record<string, string | undefined>;
  /** Asks the person at the terminal a question; absent when nobody can answer (not a terminal). */
  ask?: (question: string) => Promise<string>;
}

export interface CliCommand {
  name: string;
  summary: string;
  usage: string;
  run(args: ParsedArgs, io: CliIO): Promise<number>;
}

/** A problem the user can fix (bad flag, missing file): printed without a stack trace, exit 2. */
export class UsageError extends UserFixableError {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export function flagString(args: ParsedArgs, name: string): string | undefined {
  const v = args.flags[name];
  return typeof v === 'string' ? v : undefined;
}

/** `--date YYYY-MM-DD` (a date of service), or undefined when absent. */
export function flagDate(args: ParsedArgs): string | undefined {
  const date = flagString(args, 'date');
  if (date !== undefined && !isIsoDate(date)) throw new UsageError(`--date takes a calendar date written YYYY-MM-DD, not "${date}".`);
  return date;
}

export function flagBool(args: ParsedArgs, name: string): boolean {
  const v = args.flags[name];
  return v === true || v === 'true';
}
