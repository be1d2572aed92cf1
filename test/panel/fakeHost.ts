// The host side of the panel tests: the extension's real ClaimSession over an in-memory
// document (with an undo stack), the real rules on a small hand-written code-set index, and
// recorders for what would go to VS Code (save dialog, reveal in the note, open as text).
import type { FillSources } from '../../src/extension/claimEditor/panelEdits';
import { ClaimSession } from '../../src/extension/claimEditor/session';
import type { CodesetIndex } from '../../src/core/codeset/api';
import type { HostMessage } from '../../src/core/protocol';

export class FakeHost {
  text: string;
  readonly undo: string[] = [];
  readonly exports: { format: string; content: string }[] = [];
  readonly revealed: { start: number; end: number }[] = [];
  /** Markdown drafts opened beside the panel (the appeal letter). */
  readonly drafts: string[] = [];
  readonly posted: HostMessage[] = [];
  openedAsText = 0;
  replaced = 0;
  /** The next save dialog answer: a path, or undefined (cancelled). */
  saveAnswer: string | undefined = 'exports/claim.out';
  /** The workspace's practice profile and imported patients, as .medcode/ would hold them. */
  fill: FillSources = {};
  readonly session: ClaimSession;
  /** Host-side time per panel edit: received -> state with its requestId posted (ms). */
  readonly hostMs: number[] = [];
  private readonly editReceived = new Map<number, number>();

  /** A message from the page, timed. */
  receive(data: unknown): Promise<void> {
    const m = data as { type?: string; requestId?: number };
    if (m.type === 'edit' && typeof m.requestId === 'number') this.editReceived.set(m.requestId, performance.now());
    return this.session.receive(data);
  }

  constructor(text: string, index: CodesetIndex | undefined, private readonly send: (m: HostMessage) => Promise<void>) {
    this.text = text;
    this.session = new ClaimSession({
      text: () => this.text,
      replaceText: async (t) => {
        this.undo.push(this.text);
        this.text = t;
        this.replaced++;
        // VS Code fires onDidChangeTextDocument for our own edits too.
        this.session.documentChanged();
        return true;
      },
      getIndex: async () => index,
      severity: () => ({}),
      post: (m) => {
        if (m.type === 'state' && m.requestId !== undefined && this.editReceived.has(m.requestId)) this.hostMs.push(performance.now() - this.editReceived.get(m.requestId)!);
        this.posted.push(m);
        void this.send(m);
      },
      chooseExportTarget: async (format, purpose) => (this.saveAnswer === undefined ? undefined : `${this.saveAnswer}${purpose?.corrected ? '.corrected' : ''}#${format}`),
      showDraft: async (markdown) => { this.drafts.push(markdown); },
      writeExport: async (target, content) => {
        this.exports.push({ format: target.slice(target.lastIndexOf('#') + 1), content });
        return target.slice(0, target.lastIndexOf('#'));
      },
      saveDocument: async () => true,
      revealEvidence: (span) => { this.revealed.push(span); },
      openAsText: () => { this.openedAsText++; },
      who: () => 'panel-test',
      now: () => '2024-08-15T10:00:00.000Z',
      today: () => '2024-08-15',
      fillSources: async () => this.fill,
    }, 40);
  }

  /** A change made outside the panel (the note accepted a code, the user typed in the text editor, undo). */
  externalChange(text: string): void {
    this.undo.push(this.text);
    this.text = text;
    this.session.documentChanged();
  }

  claim(): Record<string, unknown> {
    return JSON.parse(this.text) as Record<string, unknown>;
  }
}
