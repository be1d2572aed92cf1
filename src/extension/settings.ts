// Reads `medcode.*` once, normalizes it (settingsSchema.ts) and re-reads only when a change
// affects `medcode`.
import * as vscode from 'vscode';
import { normalizeSettings, type MedcodeSettings } from './settingsSchema';

export class SettingsStore implements vscode.Disposable {
  private value: MedcodeSettings;
  private readonly emitter = new vscode.EventEmitter<MedcodeSettings>();
  readonly onDidChange = this.emitter.event;
  private readonly listener: vscode.Disposable;

  constructor(private readonly log: vscode.LogOutputChannel) {
    this.value = this.read();
    this.listener = vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration('medcode')) return;
      this.value = this.read();
      this.emitter.fire(this.value);
    });
  }

  get current(): MedcodeSettings {
    return this.value;
  }

  private read(): MedcodeSettings {
    const c = vscode.workspace.getConfiguration('medcode');
    const raw = {
      setting: c.get('setting'),
      noteGlobs: c.get('noteGlobs'),
      ruleSeverity: c.get('ruleSeverity'),
      decorations: { style: c.get('decorations.style'), inlineCodes: c.get('decorations.inlineCodes'), dimNegated: c.get('decorations.dimNegated') },
      suggestionThreshold: c.get('suggestionThreshold'),
      // An untrusted workspace must not point MedCode at a file of its choosing.
      databasePath: vscode.workspace.isTrusted ? c.get('databasePath') : c.inspect<string>('databasePath')?.globalValue,
      dateOfService: c.get('dateOfService'),
      loadOnStartup: c.get('loadOnStartup'),
    };
    const { settings, problems } = normalizeSettings(raw);
    for (const p of problems) this.log.warn(p);
    return settings;
  }

  dispose(): void {
    this.listener.dispose();
    this.emitter.dispose();
  }
}
