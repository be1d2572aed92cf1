// The "MedCode Denials" view in the Explorer: the denial worklist of the workspace's claim files
// (rejections, denials, partial payments, reversals), oldest first, each opening its claim, with
// its reasons explained and the rule that would have caught each, and its note. All figures come
// from buildWorklist in src/core/remit; this file only reads files and renders tree items.
import * as vscode from 'vscode';
import { parseClaim } from '../core/claim/parse';
import type { ClaimFile } from '../core/remit/match';
import { buildWorklist, type WorklistItem, type WorklistReason } from '../core/remit/worklist';

type Node =
  | { kind: 'item'; item: WorklistItem; uri: vscode.Uri }
  | { kind: 'reason'; reason: WorklistReason }
  | { kind: 'note'; uri: vscode.Uri; path: string };

class DenialsProvider implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private timer: ReturnType<typeof setTimeout> | undefined;

  refresh(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.changed.fire(), 300);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.changed.dispose();
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (node?.kind === 'item') {
      const out: Node[] = node.item.reasons.map((reason) => ({ kind: 'reason', reason }));
      if (node.item.note) out.push({ kind: 'note', uri: vscode.Uri.joinPath(node.uri, '..', node.item.note), path: node.item.note });
      return out;
    }
    if (node) return [];
    const uris = await vscode.workspace.findFiles('**/*.claim.json', '**/node_modules/**', 5000);
    const claims: Array<ClaimFile & { uri: vscode.Uri }> = [];
    for (const uri of uris) {
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      const parsed = parseClaim(text);
      if (parsed.ok && parsed.claim.history) claims.push({ path: uri.toString(), uri, claim: parsed.claim });
    }
    const list = buildWorklist(claims, new Date().toISOString().slice(0, 10));
    return list.items.map((item) => ({ kind: 'item', item, uri: vscode.Uri.parse(item.claim) }));
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'item') {
      const i = node.item;
      const t = new vscode.TreeItem(vscode.workspace.asRelativePath(node.uri), vscode.TreeItemCollapsibleState.Collapsed);
      t.description = `${i.status} · ${i.payer} · ${i.ageDays} d (${i.age}) · $${i.amount.toFixed(2)}`;
      t.tooltip = `${i.patientControlNumber}: billed $${i.billed.toFixed(2)}, paid $${i.paid.toFixed(2)}${i.payerClaimControlNumber ? `; payer claim ${i.payerClaimControlNumber}` : ''}`;
      t.iconPath = new vscode.ThemeIcon(i.status === 'rejected' ? 'error' : 'warning');
      t.command = { command: 'vscode.open', title: 'Open Claim', arguments: [node.uri] };
      return t;
    }
    if (node.kind === 'reason') {
      const r = node.reason;
      const t = new vscode.TreeItem(r.code, vscode.TreeItemCollapsibleState.None);
      t.description = r.explanation;
      t.tooltip = `${r.explanation}${r.rule ? `\nMedCode rule that checks this before export: ${r.rule}` : ''}`;
      return t;
    }
    const t = new vscode.TreeItem('Open note', vscode.TreeItemCollapsibleState.None);
    t.description = node.path;
    t.iconPath = new vscode.ThemeIcon('note');
    t.command = { command: 'vscode.open', title: 'Open Note', arguments: [node.uri] };
    return t;
  }
}

export function registerDenialsView(): vscode.Disposable[] {
  const provider = new DenialsProvider();
  const watcher = vscode.workspace.createFileSystemWatcher('**/*.claim.json');
  return [
    provider,
    watcher,
    watcher.onDidChange(() => provider.refresh()),
    watcher.onDidCreate(() => provider.refresh()),
    watcher.onDidDelete(() => provider.refresh()),
    vscode.window.registerTreeDataProvider('medcode.denials', provider),
    vscode.commands.registerCommand('medcode.refreshDenials', () => provider.refresh()),
  ];
}
