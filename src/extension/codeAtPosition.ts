// Finds the marked codes whose evidence covers a position of a note (hovers and code actions).
import * as vscode from 'vscode';
import type { MarkedCode } from './noteAnalysis';

export function markedAt(doc: vscode.TextDocument, marked: readonly MarkedCode[], range: vscode.Range): { code: MarkedCode; range: vscode.Range }[] {
  const start = doc.offsetAt(range.start);
  const end = doc.offsetAt(range.end);
  const out: { code: MarkedCode; range: vscode.Range }[] = [];
  for (const m of marked) {
    const hit = m.evidence.find((e) => e.start <= end && start <= e.end);
    if (hit) out.push({ code: m, range: new vscode.Range(doc.positionAt(hit.start), doc.positionAt(hit.end)) });
  }
  return out;
}

/**
 * Arguments of the accept/reject commands (hover links pass them as JSON): everything the claim
 * change needs, so the command does not look the code up in the analysis again.
 */
export interface CodeCommandArgs {
  uri: string;
  code: string;
  system?: 'icd10cm' | 'hcpcs' | 'cpt';
  /** The words the code rests on (kept in the claim as its evidence). */
  evidence?: { start: number; end: number }[];
  /** Service lines: billed units. */
  units?: number;
  /** For "choose a more specific code": the code being replaced. */
  replaces?: string;
}

/** The payload of accept/reject for a marked code. */
export function codeArgs(uri: string, m: MarkedCode): CodeCommandArgs {
  return {
    uri, code: m.code, system: m.system, evidence: m.evidence.map((e) => ({ start: e.start, end: e.end })),
    ...(m.suggestion?.units !== undefined ? { units: m.suggestion.units } : {}),
  };
}

export function commandLink(command: string, args: CodeCommandArgs | string): string {
  return `command:${command}?${encodeURIComponent(JSON.stringify([args]))}`;
}
