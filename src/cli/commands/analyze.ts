// `medcode analyze <files...> --db PATH --json [--setting outpatient|inpatient] [--all] [--sarif]`:
// code suggestions with evidence for each note, one JSON object per file in input order.
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { analyzeNote } from '../../core/analysis/index';
import { analyzeLongNote, analyzeNoteParts, LONG_NOTE_CHARS } from '../../core/suggest/longNote';
import { readNoteFileParts, type NoteFileParts } from '../../node/noteFile';
import { readNoteBytes } from '../../core/suggest/input';
import { suggestionsToSarif } from '../../core/suggest/sarif';
import { ALL_THRESHOLD, type Setting, type Suggestion } from '../../core/suggest/types';
import { hccTagsFor, type HccTag } from '../../core/riskadjust/tags';
import { flagDate, flagBool, flagString, UsageError, type CliCommand, type CliIO, type ParsedArgs } from '../command';
import { dbPathFromArgs, openIndexForNotes, requireSetInForce } from '../openIndex';

const USAGE = `Usage: medcode analyze <note files...> [--db PATH] [--json | --sarif] [--setting outpatient|inpatient] [--all] [--date YYYY-MM-DD]

Reads each note (plain text, UTF-8) and suggests ICD-10-CM, HCPCS drug and E/M codes, each with
the evidence spans it rests on. --json prints [{"file", "suggestions", "warnings"}] in input order.
--setting inpatient codes uncertain diagnoses as confirmed (default outpatient: it does not).
--all lowers the score threshold to show weaker candidates too. Exit 1 when a file is missing or
cannot be read (the others are analyzed and printed first).`;

// Notes larger than this are not clinical notes; refusing them keeps the run bounded.
const MAX_NOTE_BYTES = 64 * 1024 * 1024;

interface FileResult { file: string; suggestions: (Suggestion & { hcc?: HccTag | null })[]; warnings: string[] }

export function parseSetting(args: ParsedArgs): Setting {
  const setting = flagString(args, 'setting') ?? 'outpatient';
  if (setting !== 'outpatient' && setting !== 'inpatient') throw new UsageError(`--setting takes outpatient or inpatient, not "${setting}".`);
  return setting;
}

// Files longer than this are read a block at a time: at three bytes or more per UTF-16 unit at
// most, they hold more than LONG_NOTE_CHARS characters and are analyzed in pieces anyway.
const STREAM_NOTE_BYTES = 3 * LONG_NOTE_CHARS;

function readNote(path: string, shown: string): { bytes?: Uint8Array; long?: NoteFileParts; warning?: string } {
  try {
    const st = statSync(path);
    if (st.isDirectory()) return { warning: `${shown} is a folder, not a note file; give the note files inside it.` };
    if (st.size > MAX_NOTE_BYTES) return { warning: `${shown} is ${Math.round(st.size / 1048576)} MB, larger than the ${MAX_NOTE_BYTES / 1048576} MB a note can be; split it into separate notes.` };
    if (st.size > STREAM_NOTE_BYTES) return { long: readNoteFileParts(path) };
    return { bytes: readFileSync(path) };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { warning: `cannot read ${shown}: ${code === 'ENOENT' ? 'no such file' : (e as Error).message}.` };
  }
}

function printText(io: CliIO, results: FileResult[]): void {
  for (const r of results) {
    io.stdout(`${r.file}\n`);
    for (const w of r.warnings) io.stdout(`  warning: ${w}\n`);
    if (r.suggestions.length === 0 && r.warnings.length === 0) io.stdout('  no suggestions\n');
    for (const s of r.suggestions) {
      const units = s.units ? ` x${s.units}` : '';
      const hcc = s.hcc ? `  [${s.hcc.category} ${s.hcc.model}]` : '';
      io.stdout(`  ${(s.code + units).padEnd(11)} ${s.score.toFixed(2)}  ${s.title}${hcc}\n      ${s.reason}; evidence: ${s.evidence.map((e) => `"${e.text}"`).join(', ')}${s.missing.length ? `; missing: ${s.missing.join(', ')}` : ''}\n`);
    }
  }
}

export const command: CliCommand = {
  name: 'analyze',
  summary: 'suggest ICD-10-CM, HCPCS and E/M codes for clinical notes, with evidence',
  usage: USAGE,
  async run(args, io) {
    if (args.positionals.length === 0) throw new UsageError(`give one or more note files.\n${USAGE}`);
    const setting = parseSetting(args);
    const date = flagDate(args);
    const index = await openIndexForNotes(dbPathFromArgs(args, io));
    const results: FileResult[] = [];
    const unread: string[] = [];
    try {
      if (date) requireSetInForce(index, date);
      for (const file of args.positionals) {
        const read = readNote(resolve(io.cwd, file), file);
        const options = { setting, ...(flagBool(args, 'all') ? { threshold: ALL_THRESHOLD } : {}), ...(date ? { date } : {}) };
        if (read.long) {
          const long = analyzeNoteParts(index, read.long.parts, options);
          const warnings = read.long.decoder.warnings();
          results.push({ file, suggestions: hccTagsFor(index, long.suggestions, date), warnings: read.long.decoder.binary ? warnings : [...warnings, ...long.warnings] });
          continue;
        }
        if (!read.bytes) {
          results.push({ file, suggestions: [], warnings: [read.warning!] });
          unread.push(read.warning!);
          continue;
        }
        const input = readNoteBytes(read.bytes);
        delete read.bytes; // the text is what is analyzed: the file's bytes need not live through it
        if (input.text === undefined) {
          results.push({ file, suggestions: [], warnings: input.warnings });
          continue;
        }
        // Past a million characters the note is read in pieces with bounded evidence (memory stays flat).
        if (input.text.length > LONG_NOTE_CHARS) {
          const long = analyzeLongNote(index, input.text, options);
          results.push({ file, suggestions: hccTagsFor(index, long.suggestions, date), warnings: [...input.warnings, ...long.warnings.filter((w) => !input.warnings.includes(w))] });
          continue;
        }
        const analysis = await analyzeNote(index, input.text, undefined, date, { setting, ...(flagBool(args, 'all') ? { threshold: ALL_THRESHOLD } : {}) });
        results.push({ file, suggestions: hccTagsFor(index, analysis.suggestions, date), warnings: [...input.warnings, ...analysis.inputWarnings.filter((w) => !input.warnings.includes(w))] });
      }
    } finally {
      index.close();
    }
    if (flagBool(args, 'sarif')) io.stdout(JSON.stringify(suggestionsToSarif(results.map((r) => ({ uri: r.file, suggestions: r.suggestions, warnings: r.warnings }))), null, 2) + '\n');
    else if (flagBool(args, 'json')) io.stdout(JSON.stringify(results, null, 2) + '\n');
    else printText(io, results);
    // The notes that could be read were analyzed; the run still fails so a script notices the rest.
    if (unread.length > 0) {
      io.stderr(`medcode analyze: ${unread.length} of ${args.positionals.length} file(s) could not be analyzed:\n${unread.map((w) => `  - ${w}`).join('\n')}\n`);
      return 1;
    }
    return 0;
  },
};
