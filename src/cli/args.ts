import type { ParsedArgs } from './command';

/** Flags that never take a value, so `--json file.note` keeps file.note as a positional. */
const BOOLEAN_FLAGS = new Set(['json', 'sarif', 'all', 'help', 'force', 'quiet', 'verbose', 'sample', 'no-download']);

export function parseArgs(argv: string[]): ParsedArgs {
  const positionals: string[] = [];
  const flags: Record<string, string | boolean> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      if (eq > 0) {
        flags[a.slice(2, eq)] = a.slice(eq + 1);
        continue;
      }
      const name = a.slice(2);
      const next = argv[i + 1];
      if (!BOOLEAN_FLAGS.has(name) && next !== undefined && !next.startsWith('--')) {
        flags[name] = next;
        i++;
      } else flags[name] = true;
    } else if (a === '-h') flags.help = true;
    else positionals.push(a);
  }
  return { positionals, flags };
}
