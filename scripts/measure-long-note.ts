// Peak memory (max RSS) of `medcode analyze` on one long note, run as a user runs it (the built
// CLI, dist/cli.js: npm run build first) in a fresh process, so the number is the command's own.
// The note is the example notes repeated to the size asked for. Run it twice: the first run on a
// database builds and saves the analyzer's dictionary beside it, which the next runs read.
//   node --import tsx scripts/measure-long-note.ts --db PATH [--mb 20]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..');
const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const db = arg('db') ?? process.env.MEDCODE_DB;
if (!db) {
  process.stderr.write('give the code-set database: --db PATH (or MEDCODE_DB)\n');
  process.exit(2);
}
const mb = Number(arg('mb') ?? 20);
const notesDir = join(ROOT, 'examples', 'notes');
const sample = readdirSync(notesDir).filter((f) => f.endsWith('.note')).map((f) => readFileSync(join(notesDir, f), 'utf8')).join('\n\n');
const dir = mkdtempSync(join(tmpdir(), 'medcode-long-note-'));
try {
  const note = join(dir, 'long.note');
  const target = mb * 1024 * 1024;
  writeFileSync(note, sample.repeat(Math.ceil(target / sample.length)).slice(0, target));
  // Preloaded into the command's process: its peak memory when it exits, in a file of its own.
  const report = join(dir, 'usage.json');
  const hook = join(dir, 'usage.js');
  writeFileSync(hook, `process.on('exit', (code) => require('fs').writeFileSync(${JSON.stringify(report)}, JSON.stringify({ code, maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024) })));`);
  const started = Date.now();
  const r = spawnSync(process.execPath, ['-r', hook, join(ROOT, 'dist', 'cli.js'), 'analyze', note, '--db', resolve(db), '--json'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 28 });
  const seconds = (Date.now() - started) / 1000;
  if (r.status !== 0) throw new Error(`medcode analyze failed: ${r.stderr}`);
  const result = { seconds, outputChars: r.stdout.length, ...(JSON.parse(readFileSync(report, 'utf8')) as Record<string, unknown>) };
  process.stdout.write(`${JSON.stringify({ noteMB: mb, ...result })}\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
