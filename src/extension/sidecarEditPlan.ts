// What a change of the sidecar claim does to the file, as plain data: create it, or replace the
// smallest changed range (so undo restores exactly what changed and the cursor stays put).
// Pure; claimEdits.ts turns the plan into a WorkspaceEdit.
export interface TextReplacement {
  /** UTF-16 offsets into the old text. */
  start: number;
  end: number;
  text: string;
}

export type SidecarEditPlan =
  | { kind: 'none' }
  | { kind: 'create'; text: string }
  | { kind: 'replace'; replacement: TextReplacement };

export function minimalReplacement(oldText: string, newText: string): TextReplacement {
  let start = 0;
  const max = Math.min(oldText.length, newText.length);
  while (start < max && oldText.charCodeAt(start) === newText.charCodeAt(start)) start++;
  let oldEnd = oldText.length;
  let newEnd = newText.length;
  while (oldEnd > start && newEnd > start && oldText.charCodeAt(oldEnd - 1) === newText.charCodeAt(newEnd - 1)) { oldEnd--; newEnd--; }
  return { start, end: oldEnd, text: newText.slice(start, newEnd) };
}

/** `oldText` undefined: the sidecar does not exist yet. */
export function planSidecarEdit(oldText: string | undefined, newText: string): SidecarEditPlan {
  if (oldText === undefined) return { kind: 'create', text: newText };
  if (oldText === newText) return { kind: 'none' };
  return { kind: 'replace', replacement: minimalReplacement(oldText, newText) };
}
