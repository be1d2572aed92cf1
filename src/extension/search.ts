// "MedCode: Search Codes": a quick pick with live results as you type (ICD-10-CM, HCPCS, CPT),
// each with its billable state and code-set version; the pick is inserted at the cursor or added
// to the claim of the note in the active editor.
import * as vscode from 'vscode';
import type { SearchResult } from '../core/codeset/api';
import type { CodesetDatabase } from './database';
import { systemLabel } from './database';
import type { NoteDocuments } from './notes';
import type { ClaimEditor } from './claimEdits';
import { who } from './claimEdits';
import { withDecision } from './sidecar';
import { tagTablesFor } from '../core/riskadjust/tags';
import { hccTag, type HccTag } from '../core/riskadjust/tables';

interface ResultItem extends vscode.QuickPickItem { result: SearchResult }

const SEARCH_LIMIT = 40;

export function resultItem(r: SearchResult, hcc?: HccTag): ResultItem {
  return {
    label: r.code,
    description: r.title,
    detail: `${systemLabel(r.system)} ${r.version} · ${r.billable ? 'billable' : 'not billable (header)'}${hcc ? ` · ${hcc.category} ${hcc.label} (CMS-HCC ${hcc.model})` : ''}${r.matched && r.match !== 'title' ? ` · matched ${r.match}: ${r.matched}` : ''}`,
    alwaysShow: true,
    result: r,
  };
}

export function registerSearch(database: CodesetDatabase, notes: NoteDocuments, claims: ClaimEditor, log: vscode.LogOutputChannel): vscode.Disposable {
  return vscode.commands.registerCommand('medcode.searchCodes', async (initial?: string) => {
    const editor = vscode.window.activeTextEditor;
    const index = database.index ?? await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'MedCode: loading code sets' }, () => database.ensureLoaded());
    if (!index) return;
    const pick = vscode.window.createQuickPick<ResultItem>();
    pick.title = 'MedCode: Search Codes';
    pick.placeholder = 'Type a code (E11.9, J18) or words (pneumonia, knee pain); ICD-10-CM, HCPCS and CPT';
    pick.matchOnDescription = false;
    pick.matchOnDetail = false;
    let searched = '';
    const refresh = (q: string): void => {
      const query = q.trim();
      if (query === searched) return;
      searched = query;
      if (query.length < 2) { pick.items = []; return; }
      const started = Date.now();
      const results = index.search(query, { limit: SEARCH_LIMIT });
      const tables = tagTablesFor(index);
      pick.items = results.map((r) => resultItem(r, tables && r.system === 'icd10cm' ? hccTag(tables, r.code) : undefined));
      log.debug(`search: ${results.length} results in ${Date.now() - started} ms`);
    };
    pick.onDidChangeValue(refresh);
    if (initial) { pick.value = initial; refresh(initial); }
    const chosen = await new Promise<SearchResult | undefined>((resolve) => {
      pick.onDidAccept(() => { resolve(pick.selectedItems[0]?.result); pick.hide(); });
      pick.onDidHide(() => { resolve(undefined); pick.dispose(); });
      pick.show();
    });
    if (!chosen) return;
    const noteDoc = editor && notes.isNote(editor.document) ? editor.document : undefined;
    const options: (vscode.QuickPickItem & { id: 'insert' | 'claim' })[] = [];
    if (editor) options.push({ id: 'insert', label: `$(insert) Insert ${chosen.code} at the cursor` });
    if (noteDoc) options.push({ id: 'claim', label: `$(add) Add ${chosen.code} to the claim`, description: vscode.workspace.asRelativePath(noteDoc.uri) });
    if (options.length === 0) {
      await vscode.env.clipboard.writeText(chosen.code);
      void vscode.window.showInformationMessage(`MedCode: ${chosen.code} copied to the clipboard (no editor is open).`);
      return;
    }
    const how = options.length === 1 ? options[0] : await vscode.window.showQuickPick(options, { title: `${chosen.code} ${chosen.title}` });
    if (!how || !editor) return;
    if (how.id === 'insert') {
      await editor.edit((b) => { for (const s of editor.selections) b.replace(s, chosen.code); });
    } else if (noteDoc) {
      const system = chosen.system === 'hcpcs' || chosen.system === 'cpt' ? chosen.system : 'icd10cm';
      await claims.change(noteDoc, `add ${chosen.code}`, (c) => withDecision(c, { code: chosen.code, system, status: 'accepted', who: who(), at: new Date().toISOString() }));
    }
  });
}
