// Reads the workspace's practice profile and patient store (`.medcode/` in the note's workspace
// folder) for new claims. A file that fails validation is reported with every problem, and the
// claim is not created from half-read data.
import * as vscode from 'vscode';
import { parsePatientStore, PATIENTS_FILE, type PatientStore } from '../../core/claim/patients';
import { parsePractice, PRACTICE_FILE, type Practice } from '../../core/claim/practice';

export type PracticeFiles = { ok: true; practice?: Practice; patients?: PatientStore } | { ok: false; error: string };

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

export async function readPracticeFiles(note: vscode.Uri): Promise<PracticeFiles> {
  const folder = vscode.workspace.getWorkspaceFolder(note);
  if (folder === undefined) return { ok: true };
  const out: { practice?: Practice; patients?: PatientStore } = {};
  const practiceText = await readText(vscode.Uri.joinPath(folder.uri, PRACTICE_FILE));
  if (practiceText !== undefined) {
    const r = parsePractice(practiceText);
    if (!r.ok) return { ok: false, error: `${PRACTICE_FILE} is not a valid practice profile: ${r.errors.join(' ')}` };
    out.practice = r.practice;
  }
  const patientsText = await readText(vscode.Uri.joinPath(folder.uri, PATIENTS_FILE));
  if (patientsText !== undefined) {
    const r = parsePatientStore(patientsText);
    if (!r.ok) return { ok: false, error: r.errors.join(' ') };
    out.patients = r.store;
  }
  return { ok: true, ...out };
}
