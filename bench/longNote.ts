// Peak memory of `medcode analyze` on one long note, as a user runs it: the built CLI
// (dist/cli.js, `npm run build` first) in a fresh process, its peak RSS reported by a preloaded
// hook when it exits. The note is the example notes repeated to the size asked for. The baseline,
// run the same way in the same moment, is a 10 KB note: what the database and the analyzer cost
// before the note does. The first run on a database builds and saves the analyzer's dictionary
// beside it (`<db>.cli-dictionary`); the measured runs read it. Goal: a 20 MB note under 300 MB.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { realDbPath } from '../test/support/realIndex';

const ROOT = resolve(__dirname, '..');
const CLI = join(ROOT, 'dist', 'cli.js');

export interface NoteRun { noteMB: number; seconds: number; outputChars: number; code: number; maxRssMB: number }

/** Runs `medcode analyze` on a note of `mb` megabytes in a fresh process; its peak RSS and time. */
export function measureLongNote(db: string, mb: number): NoteRun {
  const notesDir = join(ROOT, 'examples', 'notes');
  const sample = readdirSync(notesDir).filter((f) => f.endsWith('.note')).map((f) => readFileSync(join(notesDir, f), 'utf8')).join('\n\n');
  const dir = mkdtempSync(join(tmpdir(), 'medcode-long-note-'));
  try {
    const note = join(dir, 'long.note');
    const target = Math.round(mb * 1024 * 1024);
    writeFileSync(note, sample.repeat(Math.ceil(target / sample.length)).slice(0, target));
    const report = join(dir, 'usage.json');
    const hook = join(dir, 'usage.js');
    writeFileSync(hook, `process.on('exit', (code) => require('fs').writeFileSync(${JSON.stringify(report)}, JSON.stringify({ code, maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024) })));`);
    const started = Date.now();
    const r = spawnSync(process.execPath, ['-r', hook, CLI, 'analyze', note, '--db', resolve(db), '--json'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 28 });
    const seconds = (Date.now() - started) / 1000;
    if (r.status !== 0) throw new Error(`medcode analyze failed: ${r.stderr}`);
    const usage = JSON.parse(readFileSync(report, 'utf8')) as { code: number; maxRssMB: number };
    return { noteMB: mb, seconds, outputChars: r.stdout.length, ...usage };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchLongNote(): Promise<Record<string, unknown>> {
  if (!existsSync(CLI)) return { skipped: `${CLI} is absent: run \`npm run build\` first` };
  const dir = mkdtempSync(join(tmpdir(), 'medcode-long-note-db-'));
  try {
    const db = join(dir, 'codesets.sqlite');
    copyFileSync(await realDbPath(), db);
    const first = measureLongNote(db, 0.01);
    const baseline = measureLongNote(db, 0.01);
    const long = measureLongNote(db, 20);
    return {
      firstRunBuildingDictionary: first,
      baseline10KB: baseline,
      note20MB: { ...long, target: '< 300 MB' },
      ratioToBaseline: Math.round((long.maxRssMB / baseline.maxRssMB) * 100) / 100,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
