// Marks the evidence of each code in visible notes, styled by status (suggested, accepted,
// rejected) with theme colors; optional inline code hints after the phrase; negated mentions
// optionally dimmed. Decoration types are created once and recreated on theme or settings change.
import * as vscode from 'vscode';
import type { DecisionStatus } from '../core/claim/schema';
import type { MedcodeSettings } from './settingsSchema';
import type { NoteAnalyses } from './analysis';
import type { SettingsStore } from './settings';

/** 'hint' carries the inline code after a phrase; the phrase itself is styled by its status's type. */
type StyleKey = DecisionStatus | 'negated' | 'hint';

function createTypes(s: MedcodeSettings): Map<StyleKey, vscode.TextEditorDecorationType> {
  const types = new Map<StyleKey, vscode.TextEditorDecorationType>();
  const style = s.decorations.style;
  const make = (color: string, extra: vscode.DecorationRenderOptions = {}): vscode.TextEditorDecorationType =>
    vscode.window.createTextEditorDecorationType({
      ...(style === 'highlight' ? { backgroundColor: new vscode.ThemeColor(`medcode.${color}Background`), borderRadius: '2px' } : {}),
      ...(style === 'underline' ? { textDecoration: 'underline dotted', borderColor: new vscode.ThemeColor(`medcode.${color}Border`) } : {}),
      overviewRulerColor: new vscode.ThemeColor(`medcode.${color}Border`),
      overviewRulerLane: vscode.OverviewRulerLane.Center,
      rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
      ...extra,
    });
  if (style === 'off') {
    // No marks, but the types stay so inline code hints (their own setting) still show.
    for (const k of ['suggested', 'accepted', 'rejected'] as const) types.set(k, vscode.window.createTextEditorDecorationType({}));
  } else {
    types.set('suggested', make('suggested'));
    types.set('accepted', make('accepted', { fontWeight: '600' }));
    types.set('rejected', make('rejected', { textDecoration: 'line-through', opacity: '0.75' }));
  }
  if (s.decorations.dimNegated) types.set('negated', vscode.window.createTextEditorDecorationType({ opacity: '0.55', fontStyle: 'italic' }));
  if (s.decorations.inlineCodes) types.set('hint', vscode.window.createTextEditorDecorationType({ rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed }));
  return types;
}

export class NoteDecorations implements vscode.Disposable {
  private types: Map<StyleKey, vscode.TextEditorDecorationType>;
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly emitter = new vscode.EventEmitter<vscode.TextEditor>();
  /** Fires after an editor's decorations were set (the e2e tests time open-to-decorations with it). */
  readonly onDidDecorate = this.emitter.event;

  constructor(private readonly analyses: NoteAnalyses, private readonly settings: SettingsStore) {
    this.types = createTypes(settings.current);
    this.subscriptions.push(
      analyses.onDidAnalyze((doc) => { for (const e of vscode.window.visibleTextEditors) if (e.document === doc) this.render(e); }),
      vscode.window.onDidChangeVisibleTextEditors((editors) => { for (const e of editors) this.render(e); }),
      vscode.window.onDidChangeActiveColorTheme(() => this.recreate()),
      settings.onDidChange(() => this.recreate()),
    );
  }

  private recreate(): void {
    for (const t of this.types.values()) t.dispose();
    this.types = createTypes(this.settings.current);
    for (const e of vscode.window.visibleTextEditors) this.render(e);
  }

  /**
   * Sets the editor's decorations. The marks are plain ranges, which VS Code sends to the editor as
   * one packed array; only the inline hints (one per code) need per-decoration options. Options on
   * every mark made thousands of objects on a long note, which the extension host kept.
   */
  render(editor: vscode.TextEditor): void {
    const analyzed = this.analyses.latest(editor.document);
    if (!analyzed) return;
    const doc = editor.document;
    const ranges = new Map<StyleKey, vscode.Range[]>([['suggested', []], ['accepted', []], ['rejected', []], ['negated', []]]);
    const hints: vscode.DecorationOptions[] = [];
    const inline = this.types.has('hint');
    const length = doc.getText().length;
    const rangeOf = (s: { start: number; end: number }): vscode.Range => new vscode.Range(doc.positionAt(s.start), doc.positionAt(s.end));
    for (const m of analyzed.result.marked) {
      const list = ranges.get(m.status)!;
      let last: vscode.Range | undefined;
      for (const e of m.evidence) if (e.end <= length) list.push((last = rangeOf(e)));
      if (inline && last) {
        hints.push({ range: last, renderOptions: { after: { contentText: ` ${m.code}`, color: new vscode.ThemeColor('editorCodeLens.foreground'), fontStyle: 'italic', margin: '0 0 0 0.2em' } } });
      }
    }
    for (const n of analyzed.result.negated) if (n.end <= length) ranges.get('negated')!.push(rangeOf(n));
    for (const [key, type] of this.types) editor.setDecorations(type, key === 'hint' ? hints : ranges.get(key) ?? []);
    this.emitter.fire(editor);
  }

  dispose(): void {
    for (const t of this.types.values()) t.dispose();
    this.emitter.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
