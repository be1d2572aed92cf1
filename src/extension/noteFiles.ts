// Which documents are clinical notes: the `clinical-note` language (*.note), files matching the
// `medcode.noteGlobs` setting, and files the user marked with "Analyze This File as a Clinical
// Note". Pure, so the decision is tested without VS Code. Everything else stays untouched.
export const NOTE_LANGUAGE = 'clinical-note';

export interface DocumentIdentity {
  languageId: string;
  /** URI scheme: notes are files (or virtual files); output panes, git views and the like are not. */
  scheme: string;
  /** Path relative to its workspace folder when inside one, otherwise the absolute path; always '/'-separated. */
  path: string;
  /** The full URI string (for the marked set). */
  uri: string;
}

const NOTE_SCHEMES = new Set(['file', 'untitled', 'vscode-remote', 'vscode-vfs', 'vscode-userdata']);

/** Converts a glob (`**`, `*`, `?`, `{a,b}`, `[abc]`) to an anchored RegExp over '/'-separated paths. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  let inBraces = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') {
      if (glob[i + 1] === '*') {
        const slashAfter = glob[i + 2] === '/';
        re += slashAfter ? '(?:.*/)?' : '.*';
        i += slashAfter ? 2 : 1;
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '{') { inBraces++; re += '(?:'; }
    else if (c === '}' && inBraces > 0) { inBraces--; re += ')'; }
    else if (c === ',' && inBraces > 0) re += '|';
    else if (c === '[') {
      const close = glob.indexOf(']', i + 1);
      if (close === -1) re += '\\[';
      else { re += `[${glob.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`; i = close; }
    } else re += /[.+^$()|\\/]/.test(c) ? `\\${c}` : c;
  }
  return new RegExp(`^${re}$`);
}

export class NoteMatcher {
  private readonly patterns: RegExp[];

  constructor(globs: readonly string[], private readonly marked: ReadonlySet<string> = new Set()) {
    // A glob without a slash matches the file name anywhere (as files.associations does).
    this.patterns = globs.map((g) => globToRegExp(g.includes('/') ? g.replace(/^\.\//, '') : `**/${g}`));
  }

  isNote(doc: DocumentIdentity): boolean {
    if (!NOTE_SCHEMES.has(doc.scheme)) return false;
    if (doc.languageId === NOTE_LANGUAGE) return true;
    if (this.marked.has(doc.uri)) return true;
    const path = doc.path.replace(/\\/g, '/').replace(/^\//, '');
    return this.patterns.some((p) => p.test(path));
  }
}
