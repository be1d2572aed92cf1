// Code-set management commands: "Import Code Sets from Files or Folder...", "Download Official
// Code Sets..." (the only network access, cancellable) and "Show Code Sets".
import * as vscode from 'vscode';
import { importCodesetFiles, releaseFilesIn } from '../node/codesetImport';
import { withDownloadedReleases } from '../node/download';
import { systemLabel, type CodesetDatabase } from './database';

async function importInto(database: CodesetDatabase, paths: string[], log: vscode.LogOutputChannel, progress: vscode.Progress<{ message?: string }>): Promise<void> {
  progress.report({ message: `importing ${paths.length} file(s)...` });
  const r = await importCodesetFiles(paths, database.path);
  log.info(`imported ${paths.length} file(s) in ${r.seconds.toFixed(1)} s (${(r.bytes / 1e6).toFixed(1)} MB)`);
  progress.report({ message: 'loading...' });
  await database.reload();
}

export function registerCodesetCommands(database: CodesetDatabase, log: vscode.LogOutputChannel): vscode.Disposable[] {
  const importCmd = vscode.commands.registerCommand('medcode.importCodesets', async (given?: vscode.Uri[]) => {
    const uris = given ?? await vscode.window.showOpenDialog({
      canSelectFiles: true, canSelectFolders: true, canSelectMany: true, openLabel: 'Import',
      title: 'Import official code-set files (ICD-10-CM, HCPCS, NCCI, MCE, POS, licensed CPT), zips or folders',
    });
    if (!uris?.length) return false;
    try {
      const files = releaseFilesIn(uris.map((u) => u.fsPath));
      if (files.length === 0) throw new Error('the chosen folders hold no release files');
      await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'MedCode: importing code sets' }, (p) => importInto(database, files, log, p));
      void vscode.window.showInformationMessage(`MedCode: imported ${files.length} file(s) into ${database.path}.`);
      return true;
    } catch (e) {
      void vscode.window.showErrorMessage(`MedCode could not import the code sets: ${(e as Error).message}. The previous database, if any, is unchanged.`);
      return false;
    }
  });

  const downloadCmd = vscode.commands.registerCommand('medcode.downloadCodesets', async () => {
    const year = await vscode.window.showInputBox({
      title: 'Download Official Code Sets', prompt: 'Release year (fiscal year for ICD-10-CM). MedCode connects to the official sites only now, for this download.',
      value: String(new Date().getFullYear()), validateInput: (v) => (/^\d{4}$/.test(v.trim()) ? undefined : 'Enter a four-digit year.'),
    });
    if (!year) return false;
    try {
      await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'MedCode: downloading official code sets', cancellable: true }, async (p, token) => {
        const abort = new AbortController();
        token.onCancellationRequested(() => abort.abort());
        await withDownloadedReleases({ year: year.trim(), signal: abort.signal, progress: (t) => p.report({ message: t.trim() }) }, async (files) => {
          if (token.isCancellationRequested) return;
          await importInto(database, files, log, p);
        });
      });
      return true;
    } catch (e) {
      if ((e as Error).name === 'AbortError') return false;
      void vscode.window.showErrorMessage(`MedCode: ${(e as Error).message}`, 'Import from Files or Folder...').then((a) => {
        if (a) void vscode.commands.executeCommand('medcode.importCodesets');
      });
      return false;
    }
  });

  const showCmd = vscode.commands.registerCommand('medcode.showCodesets', async () => {
    const index = await database.ensureLoaded();
    type Item = vscode.QuickPickItem & { run?: string };
    const items: Item[] = [];
    if (index) {
      for (const s of index.sets()) {
        const counts = Object.entries(s.counts).filter(([, n]) => n > 0).map(([k, n]) => `${n.toLocaleString('en-US')} ${k}`).join(', ');
        items.push({
          label: `${systemLabel(s.system)} ${s.version}${s.variant ? ` (${s.variant})` : ''}`,
          description: [s.effectiveFrom ? `from ${s.effectiveFrom}` : '', s.effectiveTo ? `to ${s.effectiveTo}` : ''].filter(Boolean).join(' '),
          detail: `${counts}${s.sources.length ? ` · sources: ${s.sources.map((x) => x.name.split(/[\\/]/).pop()).join(', ')}` : ''}`,
        });
      }
      items.push({ label: '', kind: vscode.QuickPickItemKind.Separator });
    }
    items.push({ label: '$(folder-opened) Import Code Sets from Files or Folder...', run: 'medcode.importCodesets' });
    items.push({ label: '$(cloud-download) Download Official Code Sets...', run: 'medcode.downloadCodesets' });
    const picked = await vscode.window.showQuickPick(items, { title: `MedCode code sets: ${database.path}`, matchOnDetail: true });
    if (picked?.run) await vscode.commands.executeCommand(picked.run);
  });

  return [importCmd, downloadCmd, showCmd];
}
