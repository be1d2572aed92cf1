// `medcode claim <note> [--patient ID] [--suggested] [--out FILE]`: the claim for a note, made by
// the same core path as the extension's "MedCode: Open Claim" (claimForNote): the sidecar
// `<note>.claim.json` when there is one (else the note's suggestions with --suggested), filled
// from the workspace's practice profile and the patient the note names or --patient gives.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import type { DecidedSuggestion } from '../../core/claim/assemble';
import { claimForNote } from '../../core/claim/forNote';
import { parseClaim } from '../../core/claim/parse';
import type { Claim } from '../../core/claim/schema';
import { analyzeNote } from '../../core/suggest/analyze';
import { readNoteBytes } from '../../core/suggest/input';
import { flagBool, flagDate, flagString, UsageError, type CliCommand } from '../command';
import { dbPathFromArgs, openIndexForNotes } from '../openIndex';
import { readPatientStore, readPractice, workspaceFor } from '../practiceFiles';
import { writeAtomic } from '../../node/store';
import { parseSetting } from './analyze';

const USAGE = `Usage: medcode claim <note> [--patient ID] [--suggested] [--out FILE] [--date YYYY-MM-DD]
       [--setting outpatient|inpatient] [--db PATH]

Makes the claim for a note as the extension does: the note's sidecar claim (<note>.claim.json,
its decisions kept) or, with --suggested, a new claim from the codes the analyzer suggests; then
fills what is empty from .medcode/practice.json (billing and rendering provider, payers, place
of service, fee schedule) and from the patient in .medcode/patients.json that the note names
("Patient ID: ..." in its first lines, or the id in its file name) or --patient gives.
Prints the claim JSON, or writes it to --out. Then: medcode check FILE; medcode export FILE.`;

export const command: CliCommand = {
  name: 'claim',
  summary: 'make the claim for a note from its codes, the practice profile and the patient',
  usage: USAGE,
  async run(args, io) {
    const [noteArg] = args.positionals;
    if (!noteArg) throw new UsageError(`name the note.\n${USAGE}`);
    const notePath = resolve(io.cwd, noteArg);
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(notePath);
    } catch (e) {
      throw new UsageError(`cannot read the note ${noteArg}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}.`);
    }
    const input = readNoteBytes(bytes);
    if (input.text === undefined) throw new UsageError(`${noteArg} is not a text note: ${input.warnings.join(' ')}`);
    const text = input.text;
    const outArg = flagString(args, 'out');
    const outPath = outArg !== undefined ? resolve(io.cwd, outArg) : undefined;
    if (outPath !== undefined && existsSync(outPath) && realpathSync(outPath) === realpathSync(notePath)) throw new UsageError(`--out ${outArg} is the note itself; name a claim file (e.g. ${noteArg}.claim.json).`);
    const setting = parseSetting(args);
    const suggested = flagBool(args, 'suggested');
    const workspace = workspaceFor(dirname(notePath)) ?? workspaceFor(io.cwd);
    const practice = readPractice(workspace);
    const store = readPatientStore(workspace);

    const sidecarPath = `${notePath}.claim.json`;
    let existing: Claim | undefined;
    let decided: DecidedSuggestion[] = [];
    if (suggested) {
      const index = await openIndexForNotes(dbPathFromArgs(args, io));
      try {
        const date = flagDate(args);
        decided = analyzeNote(index, text, { setting, ...(date ? { date } : {}) }).suggestions.map((s) => ({
          code: s.code, system: s.system, status: 'accepted' as const, evidence: s.evidence, score: s.score, ...(s.units ? { units: s.units } : {}),
        }));
      } finally {
        index.close();
      }
    } else if (existsSync(sidecarPath)) {
      const parsed = parseClaim(readFileSync(sidecarPath, 'utf8'));
      if (!parsed.ok) throw new UsageError(`${sidecarPath} is not a valid claim:\n${parsed.errors.map((e) => `  - ${e}`).join('\n')}`);
      existing = parsed.claim;
    } else {
      throw new UsageError(`${noteArg} has no sidecar claim (${basename(sidecarPath)}) with accepted codes; accept codes in the editor first, or pass --suggested to take the codes the analyzer suggests.`);
    }

    const date = flagDate(args);
    const made = claimForNote({
      note: { text, path: basename(notePath), sha256: createHash('sha256').update(text, 'utf8').digest('hex') },
      decided, setting,
      ...(existing !== undefined ? { existing } : {}),
      ...(practice !== undefined ? { practice } : {}),
      ...(store !== undefined ? { patients: store.patients } : {}),
      ...(flagString(args, 'patient') !== undefined ? { patientId: flagString(args, 'patient') } : {}),
      ...(date !== undefined ? { dateOfService: date } : {}),
    });
    if (!made.ok) {
      io.stderr(`medcode claim: ${made.error} Nothing was written.\n`);
      return 1;
    }
    const json = `${JSON.stringify(made.claim, null, 2)}\n`;
    const sources = Object.values(made.filled);
    const fromPractice = sources.filter((s) => s.from === 'practice').length;
    const fromPatient = sources.filter((s) => s.from === 'patient').length;
    const notes = [
      practice === undefined ? 'no practice profile (.medcode/practice.json) found' : `${fromPractice} field(s) from the practice profile`,
      made.patientId === undefined ? 'no patient named or imported' : `${fromPatient} from patient ${made.patientId}`,
      ...(made.droppedDiagnoses.length > 0 ? [`${made.droppedDiagnoses.length} diagnosis(es) beyond the 12 a claim carries left out: ${made.droppedDiagnoses.map((d) => d.code).join(', ')}`] : []),
      ...(made.ignored.length > 0 ? [`not claim codes: ${made.ignored.join(', ')}`] : []),
    ];
    if (outPath === undefined) io.stdout(json);
    else writeAtomic(outPath, new TextEncoder().encode(json));
    io.stderr(`medcode claim: ${outArg !== undefined ? `wrote ${outArg}; ` : ''}${notes.join('; ')}.\n`);
    return 0;
  },
};
