// `medcode demo`: the main job end to end on the bundled example notes: code sets (installed,
// else downloaded, else the hand-made SAMPLE set), suggestions with evidence, the claim
// assembled from them, and the compliance warnings on it.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { analyzeNote, checkClaim, draftClaim } from '../../core/analysis/index';
import type { SqlCodesetIndex } from '../../core/codeset/index';
import { flagBool, type CliCommand, type CliIO, type ParsedArgs } from '../command';
import { dbPathFromArgs, openIndexAt, openIndexForNotes } from '../openIndex';
import { importFiles } from './codesets';
import { importCodesetFiles, releaseFilesIn } from '../../node/codesetImport';
import { withDownloadedReleases } from '../../node/download';

const USAGE = `Usage: medcode demo [note files...] [--db PATH] [--download | --no-download]

Analyzes the example notes that ship with MedCode (or the notes you name): suggested codes with
the words that support them, the claim assembled from them and its compliance warnings.
Uses the installed code sets. When none is installed it asks before downloading the official
releases from cms.gov (--download: without asking; --no-download, or nobody at a terminal to ask:
never), and otherwise falls back to a small hand-made SAMPLE code set (labelled as such, not for
billing).`;

/** The folder a bundled resource lives in: beside dist/ when built, at the repo root from source. */
function bundled(...parts: string[]): string {
  for (const base of [join(__dirname, '..'), join(__dirname, '..', '..'), join(__dirname, '..', '..', '..')]) {
    const p = join(base, ...parts);
    if (existsSync(p)) return p;
  }
  return join(__dirname, '..', ...parts);
}

/** Downloading is network access: only with --download, or when the person at the terminal says yes. */
async function mayDownload(args: ParsedArgs, io: CliIO, dbPath: string): Promise<boolean> {
  if (flagBool(args, 'no-download')) return false;
  if (flagBool(args, 'download')) return true;
  if (!io.ask) {
    io.stderr(`No code sets at ${dbPath}. MedCode does not go online without asking: run \`medcode demo --download\` or \`medcode codesets download\` to fetch the official releases from cms.gov.\n`);
    return false;
  }
  const answer = await io.ask(`No code sets at ${dbPath}. Download the official releases from cms.gov now (MedCode's only network access)? [y/N] `);
  return /^y(es)?$/i.test(answer.trim());
}

interface Opened { index: SqlCodesetIndex; label: string; sample: boolean; cleanup: () => void }

async function openCodeSets(args: ParsedArgs, io: CliIO): Promise<Opened> {
  const dbPath = dbPathFromArgs(args, io);
  if (existsSync(dbPath)) {
    const index = await openIndexForNotes(dbPath);
    const versions = index.sets().map((s) => `${s.system} ${s.version}`).join(', ');
    return { index, label: `installed code sets (${dbPath}): ${versions}`, sample: false, cleanup: () => index.close() };
  }
  if (await mayDownload(args, io, dbPath)) {
    io.stderr(`No code sets at ${dbPath}; downloading the official releases...\n`);
    try {
      await withDownloadedReleases({ year: String(new Date().getFullYear()), progress: (t) => io.stderr(t), timeoutMs: 8000 }, (files) => importFiles(files, dbPath, io));
      const index = await openIndexForNotes(dbPath);
      return { index, label: `downloaded official code sets (${dbPath})`, sample: false, cleanup: () => index.close() };
    } catch (e) {
      io.stderr(`${(e as Error).message}\n`);
    }
  }
  const dir = mkdtempSync(join(tmpdir(), 'medcode-sample-'));
  const db = join(dir, 'sample.sqlite');
  await importCodesetFiles(releaseFilesIn([bundled('data', 'sample')], io.cwd), db, { version: 'SAMPLE' });
  const index = await openIndexAt(db);
  return {
    index, sample: true,
    label: 'SAMPLE code set bundled with MedCode (hand-made, a few dozen codes; NOT for billing). Install the official releases with `medcode codesets import` or `medcode codesets download`.',
    cleanup: () => { index.close(); rmSync(dir, { recursive: true, force: true }); },
  };
}

export const command: CliCommand = {
  name: 'demo',
  summary: 'run the whole job on the example notes (code sets -> suggestions -> claim -> warnings)',
  usage: USAGE,
  async run(args, io) {
    const notes = args.positionals.length > 0
      ? args.positionals.map((p) => resolve(io.cwd, p))
      : readdirSync(bundled('examples', 'notes')).filter((f) => f.endsWith('.note')).sort().map((f) => join(bundled('examples', 'notes'), f));
    const opened = await openCodeSets(args, io);
    try {
      io.stdout(`Code sets: ${opened.label}\n`);
      if (opened.sample) io.stdout('*** SAMPLE CODE SET: results show how MedCode works, not real coding. ***\n');
      for (const file of notes) {
        const text = readFileSync(file, 'utf8');
        const today = new Date().toISOString().slice(0, 10);
        const analysis = await analyzeNote(opened.index, text, undefined, undefined, { setting: 'outpatient' });
        io.stdout(`\n== ${basename(file)} (${text.length} characters)\n`);
        if (analysis.suggestions.length === 0) io.stdout('  no codes suggested\n');
        for (const s of analysis.suggestions) {
          const words = s.evidence.map((e) => `"${e.text}"`).slice(0, 3).join(', ');
          const extra = [s.units ? `units ${s.units}` : '', s.missing.length > 0 ? `missing: ${s.missing.join(', ')}` : ''].filter(Boolean).join('; ');
          io.stdout(`  ${s.code.padEnd(8)} ${s.system.padEnd(7)} ${s.score.toFixed(2)}  ${s.title}\n           from ${words}${extra ? `  (${extra})` : ''}\n`);
        }
        const claim = draftClaim(analysis.suggestions, { dateOfService: today, placeOfService: '11', setting: 'outpatient' });
        // The demo's claim has no patient, payer or provider: their completeness is not the point here.
        const warnings = await checkClaim(opened.index, claim, { severity: { 'claim.required-field': 'off' }, noteText: text, today });
        const shown = warnings.filter((w) => w.rule !== 'rule.unchecked');
        io.stdout(`  claim: ${claim.diagnoses?.length ?? 0} diagnoses, ${claim.lines?.length ?? 0} lines; ${shown.length} warnings\n`);
        for (const w of shown.slice(0, 8)) io.stdout(`    [${w.severity}] ${w.rule}: ${w.message}\n`);
        const unchecked = warnings.filter((w) => w.rule === 'rule.unchecked');
        for (const w of unchecked) io.stdout(`    [not checked] ${w.message}\n`);
      }
      if (opened.sample) io.stdout('\n*** These results came from the SAMPLE code set (hand-made, not for billing). ***\n');
    } finally {
      opened.cleanup();
    }
    return 0;
  },
};
