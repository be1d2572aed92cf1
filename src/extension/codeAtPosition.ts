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

/** Arguments of the accept/reject/search commands (hover links pass them as JSON). */
export interface CodeCommandArgs {
  uri: string;
  code: string;
  /** For "choose a more specific code": the code being replaced. */
  replaces?: string;
}

export function commandLink(command: string, args: CodeCommandArgs | string): string {
  return `command:${command}?${encodeURIComponent(JSON.stringify([args]))}`;
}
