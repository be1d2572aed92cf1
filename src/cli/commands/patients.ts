// `medcode patients import <files...> [--workspace DIR]`: reads FHIR R4 Patient + Coverage (JSON
// resource, Bundle or NDJSON) or CSV files and merges them into .medcode/patients.json. Every file
// is read and checked first; on any error nothing is written.
import { readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { mergePatients, PATIENT_CSV_COLUMNS, PATIENTS_FILE, readPatients, type PatientRecord } from '../../core/claim/patients';
import { flagString, UsageError, type CliCommand } from '../command';
import { readPatientStore, workspaceFor } from '../practiceFiles';
import { writeAtomic } from '../../node/store';

const USAGE = `Usage: medcode patients import <files...> [--workspace DIR]

Reads patients and their coverage from FHIR R4 Patient and Coverage resources (a JSON resource, a
Bundle, or NDJSON with one resource a line; RelatedPerson for a subscriber who is not the patient,
Organization for the payer) or from a CSV with a header line (columns ${PATIENT_CSV_COLUMNS.join(', ')}),
and merges them into ${PATIENTS_FILE} of the workspace (default: the nearest folder with .medcode/,
else the working directory). A patient with the same id is replaced. Any error: nothing is written.`;

export const command: CliCommand = {
  name: 'patients',
  summary: 'import patients and coverage (FHIR R4 Patient/Coverage or CSV) for claims',
  usage: USAGE,
  async run(args, io) {
    const [sub, ...files] = args.positionals;
    if (sub !== 'import') throw new UsageError(`the patients command takes "import".\n${USAGE}`);
    if (files.length === 0) throw new UsageError(`name the patient files to import.\n${USAGE}`);
    const flag = flagString(args, 'workspace');
    const workspace = flag !== undefined ? resolve(io.cwd, flag) : workspaceFor(io.cwd) ?? io.cwd;
    const imported: PatientRecord[] = [];
    const errors: string[] = [];
    for (const file of files) {
      const path = resolve(io.cwd, file);
      let text: string;
      try {
        text = readFileSync(path, 'utf8');
      } catch (e) {
        errors.push(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}.`);
        continue;
      }
      const r = readPatients(text, basename(file));
      if (r.ok) imported.push(...r.patients);
      else errors.push(...r.errors);
    }
    if (errors.length > 0) {
      io.stderr(`medcode patients import: ${errors.length} problem(s); nothing was written:\n${errors.map((e) => `  - ${e}`).join('\n')}\n`);
      return 1;
    }
    const store = mergePatients(readPatientStore(workspace), imported);
    const out = join(workspace, PATIENTS_FILE);
    writeAtomic(out, new TextEncoder().encode(`${JSON.stringify(store, null, 2)}\n`));
    io.stdout(`imported ${imported.length} patient(s) into ${out} (${store.patients.length} in all)\n`);
    return 0;
  },
};
