// Peak memory (max RSS) of `medcode analyze` on one long note, in a fresh process, so the number
// is the command's own. The note is the example notes repeated to the size asked for.
// Runs the built CLI (dist/cli.js: npm run build first), as a user runs it.
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
  const child = `
    const { main } = require(${JSON.stringify(join(ROOT, 'dist', 'cli.js'))});
    let out = 0;
    const started = Date.now();
    main(['analyze', ${JSON.stringify(note)}, '--db', ${JSON.stringify(resolve(db))}, '--json'], { stdout: (t) => { out += t.length; }, stderr: (t) => process.stderr.write(t), cwd: process.cwd(), env: process.env })
      .then((code) => process.stdout.write(JSON.stringify({ code, seconds: (Date.now() - started) / 1000, outputChars: out, maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024) })));
  `;
  const r = spawnSync(process.execPath, ['-e', child], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`the measured process failed: ${r.stderr}`);
  const result = JSON.parse(r.stdout) as Record<string, unknown>;
  process.stdout.write(`${JSON.stringify({ noteMB: mb, ...result })}\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
