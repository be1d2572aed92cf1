// Marks the evidence of each code in visible notes, styled by status (suggested, accepted,
// rejected) with theme colors; optional inline code hints after the phrase; negated mentions
// optionally dimmed. Decoration types are created once and recreated on theme or settings change.
import * as vscode from 'vscode';
import type { DecisionStatus } from '../core/claim/schema';
import type { MedcodeSettings } from './settingsSchema';
import type { NoteAnalyses } from './analysis';
import type { SettingsStore } from './settings';

type StyleKey = DecisionStatus | 'negated';

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

  render(editor: vscode.TextEditor): void {
    const analyzed = this.analyses.latest(editor.document);
    if (!analyzed) return;
    const doc = editor.document;
    const byStatus = new Map<StyleKey, vscode.DecorationOptions[]>([['suggested', []], ['accepted', []], ['rejected', []], ['negated', []]]);
    const inline = this.settings.current.decorations.inlineCodes;
    const length = doc.getText().length;
    for (const m of analyzed.result.marked) {
      m.evidence.forEach((e, i) => {
        if (e.end > length) return;
        const range = new vscode.Range(doc.positionAt(e.start), doc.positionAt(e.end));
        const last = i === m.evidence.length - 1;
        byStatus.get(m.status)!.push({
          range,
          ...(inline && last ? { renderOptions: { after: { contentText: ` ${m.code}`, color: new vscode.ThemeColor('editorCodeLens.foreground'), fontStyle: 'italic', margin: '0 0 0 0.2em' } } } : {}),
        });
      });
    }
    for (const n of analyzed.result.negated) {
      if (n.end <= length) byStatus.get('negated')!.push({ range: new vscode.Range(doc.positionAt(n.start), doc.positionAt(n.end)) });
    }
    for (const [key, type] of this.types) editor.setDecorations(type, byStatus.get(key) ?? []);
    this.emitter.fire(editor);
  }

  dispose(): void {
    for (const t of this.types.values()) t.dispose();
    this.emitter.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
