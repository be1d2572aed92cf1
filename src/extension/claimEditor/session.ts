// One open claim panel, without `vscode`: what the host does with each panel message and each
// document change. The VS Code adapter (provider.ts) and the panel tests' fake host both drive
// this class, so the tests exercise the host's real behaviour.
//
// The document is the source of truth: every change is written to it (and comes back as state),
// a document that does not parse is shown as an error and never written, and mutations run one
// at a time against the text as it is then.
import { parseClaim } from '../../core/claim/parse';
import { exportClaim } from '../../core/claim/export/gate';
import type { CodesetIndex } from '../../core/codeset/api';
import type { RuleSettings, RuleWarning } from '../../core/rules/types';
import { parsePanelMessage, type HostMessage, type PanelMessage, type SearchResultItem } from '../../core/protocol';
import { serializeClaim, withFix, withSuppression, type ClaimJson } from '../sidecar';
import { applyPanelEdits } from './panelEdits';
import { claimWarnings, toPanelWarning } from './claimWarnings';
import { claimRiskSummary } from '../../core/riskadjust/summary';

export interface ClaimSessionPorts {
  /** The document's current text. */
  text(): string;
  /** Replaces the whole document text (one undoable edit); false when the editor refused. */
  replaceText(text: string, label: string): Promise<boolean>;
  getIndex(): Promise<CodesetIndex | undefined>;
  severity(): RuleSettings['severity'];
  post(message: HostMessage): void;
  /** Asks where to save and writes the file; the path written, or undefined when the user cancelled. */
  saveExport(format: 'claim-json' | 'fhir' | 'x12', content: string): Promise<string | undefined>;
  revealEvidence(span: { start: number; end: number }): void;
  openAsText(): void;
  who(): string;
  now(): string;
  today?(): string;
  /** True when the document cannot be written (a read-only file system): the panel shows, never edits. */
  readonly?(): boolean;
  /** Where failures without a panel request to answer go (the output channel). */
  reportError?(e: unknown): void;
}

type Parsed = { ok: true; raw: ClaimJson } | { ok: false; errors: string[] };

function parseDocument(text: string): Parsed {
  const r = parseClaim(text);
  if (!r.ok) return r;
  // Edits work on the file's own JSON so members the schema does not know survive.
  return { ok: true, raw: JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as ClaimJson };
}

export class ClaimSession {
  private ready = false;
  private warnings: RuleWarning[] = [];
  private queue: Promise<unknown> = Promise.resolve();
  private publishSeq = 0;
  private pending: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;

  constructor(private readonly ports: ClaimSessionPorts, private readonly debounceMs = 150) {}

  dispose(): void {
    this.disposed = true;
    if (this.pending) clearTimeout(this.pending);
  }

  /** A message from the panel; invalid ones are dropped. Resolves when it has been handled. */
  receive(data: unknown): Promise<void> {
    const m = parsePanelMessage(data);
    if (!m) return Promise.resolve();
    return this.handle(m);
  }

  /** The document changed (typed in the text editor, an accepted code in the note, undo). */
  documentChanged(): void {
    if (!this.ready || this.disposed) return;
    if (this.pending) clearTimeout(this.pending);
    this.pending = setTimeout(() => {
      this.pending = undefined;
      this.publish().catch((e: unknown) => this.ports.reportError?.(e));
    }, this.debounceMs);
  }

  /** Code sets were loaded or settings changed: warnings may differ. */
  contextChanged(): void {
    this.documentChanged();
  }

  private serial<T>(op: () => Promise<T>): Promise<T> {
    const next = this.queue.then(op, op);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async handle(m: PanelMessage): Promise<void> {
    switch (m.type) {
      case 'ready':
        this.ready = true;
        return this.publish();
      case 'openAsText':
        return this.ports.openAsText();
      case 'search':
        return this.search(m.requestId, m.query, m.system);
      case 'revealEvidence': {
        const p = parseDocument(this.ports.text());
        const dx = p.ok ? p.raw.diagnoses?.[m.diagnosisIndex] : undefined;
        const span = dx?.evidence?.[0];
        if (span) this.ports.revealEvidence({ start: span.start, end: span.end });
        return;
      }
      case 'edit':
        return this.serial(() => this.mutate(m.requestId, m.label, (c) => applyPanelEdits(c, m.edits) as ClaimJson));
      case 'applyFix':
        return this.serial(() => {
          const fix = this.warnings[m.warningIndex]?.fixes[m.fixIndex];
          if (!fix) return this.refuse(m.requestId, 'That warning has changed since it was shown; look at the list again.');
          return this.mutate(m.requestId, fix.title, (c) => withFix(c, fix.edit, fix.title, this.ports.who(), this.ports.now()));
        });
      case 'suppress':
        return this.serial(() => {
          const w = this.warnings[m.warningIndex];
          if (!w || (m.key !== undefined && w.key !== m.key)) return this.refuse(m.requestId, 'That warning has changed since it was shown; look at the list again.');
          return this.mutate(m.requestId, `suppress ${w.rule}`, (c) => withSuppression(c, {
            rule: w.rule, ...(w.key ? { key: w.key } : { target: w.target }), justification: m.justification.trim(), who: this.ports.who(), at: this.ports.now(),
          }));
        });
      case 'export':
        return this.serial(() => this.exportAs(m.requestId, m.format, m.override));
    }
  }

  private async refuse(requestId: number, error: string): Promise<void> {
    this.ports.post({ type: 'editResult', requestId, ok: false, error });
  }

  private async mutate(requestId: number, label: string, change: (claim: ClaimJson) => ClaimJson): Promise<void> {
    if (this.ports.readonly?.()) return this.refuse(requestId, 'This claim file is read-only, so it was not changed.');
    const before = this.ports.text();
    const p = parseDocument(before);
    if (!p.ok) return this.refuse(requestId, `The claim file cannot be read, so it was not changed: ${p.errors[0]}`);
    let next: ClaimJson;
    try {
      next = change(p.raw);
    } catch (e) {
      return this.refuse(requestId, e instanceof Error ? e.message : String(e));
    }
    const text = serializeClaim(next);
    const check = parseClaim(text);
    if (!check.ok) return this.refuse(requestId, `That change would make the claim invalid (${check.errors[0]}); it was not applied.`);
    if (text !== before && !(await this.ports.replaceText(text, label))) return this.refuse(requestId, 'The editor refused the change (is the file read-only?).');
    this.ports.post({ type: 'editResult', requestId, ok: true });
    if (this.pending) { clearTimeout(this.pending); this.pending = undefined; }
    await this.publish(requestId);
  }

  /** Posts the document's state with fresh warnings (or the error view when it does not parse). */
  async publish(requestId?: number): Promise<void> {
    if (!this.ready || this.disposed) return;
    const seq = ++this.publishSeq;
    const p = parseDocument(this.ports.text());
    if (!p.ok) {
      this.warnings = [];
      this.ports.post({ type: 'error', problems: p.errors });
      return;
    }
    const index = await this.ports.getIndex();
    const warnings = index ? await claimWarnings(p.raw, index, this.ports.severity(), this.ports.today?.()) : [];
    // A newer publish started while the rules ran: its state wins.
    if (seq !== this.publishSeq || this.disposed) return;
    this.warnings = warnings;
    const codesets = index ? (['icd10cm', 'hcpcs', 'cpt', 'ncci-ptp', 'ncci-mue'] as const).flatMap((s) => {
      const set = index.setFor(s, p.raw.encounter?.dateOfService);
      return set ? [{ system: s, version: set.version }] : [];
    }) : [];
    const titles: Record<string, string> = {};
    if (index) {
      for (const item of [...(p.raw.diagnoses ?? []), ...(p.raw.lines ?? [])]) {
        const rec = index.lookup(item.code, { system: item.system, ...(p.raw.encounter?.dateOfService ? { date: p.raw.encounter.dateOfService } : {}) });
        if (rec) titles[item.code] = rec.shortTitle ?? rec.title;
      }
    }
    const risk = index ? claimRiskSummary(index, p.raw) : undefined;
    this.ports.post({
      type: 'state', claim: p.raw as Record<string, unknown>, warnings: warnings.map(toPanelWarning), codesets, rulesRan: index !== undefined, titles,
      ...(risk ? { risk } : {}),
      ...(this.ports.readonly?.() ? { readonly: true } : {}),
      ...(requestId !== undefined ? { requestId } : {}),
    });
  }

  private async search(requestId: number, query: string, system: 'icd10cm' | 'cpt' | 'hcpcs' | 'procedure'): Promise<void> {
    const index = await this.ports.getIndex();
    let results: SearchResultItem[] = [];
    if (index && query.trim() !== '') {
      const p = parseDocument(this.ports.text());
      const date = p.ok ? p.raw.encounter?.dateOfService : undefined;
      const systems = system === 'procedure' ? (['cpt', 'hcpcs'] as const) : [system];
      results = systems
        .flatMap((s) => index.search(query, { system: s, limit: 15, ...(date ? { date } : {}) }))
        .sort((a, b) => b.score - a.score)
        .slice(0, 15)
        .map((r) => ({ code: r.code, system: r.system, title: r.title, billable: r.billable }));
    }
    this.ports.post({ type: 'searchResults', requestId, results });
  }

  private async exportAs(requestId: number, format: 'claim-json' | 'fhir' | 'x12', override: string | undefined): Promise<void> {
    const text = this.ports.text();
    const parsed = parseClaim(text);
    const p = parseDocument(text);
    if (!parsed.ok || !p.ok) {
      this.ports.post({ type: 'exportResult', requestId, ok: false, errors: parsed.ok ? [] : parsed.errors });
      return;
    }
    const index = await this.ports.getIndex();
    if (!index) {
      this.ports.post({ type: 'exportResult', requestId, ok: false, errors: ['No code sets are loaded, so the claim cannot be checked before export. Import or download code sets first.'] });
      return;
    }
    const warnings = await claimWarnings(p.raw, index, this.ports.severity(), this.ports.today?.());
    const outcome = exportClaim(parsed.claim, format, warnings, override !== undefined ? { override: { reason: override, who: this.ports.who(), at: this.ports.now() } } : {});
    if (!outcome.ok) {
      const blocked = !outcome.structural && outcome.blocking.length > 0 && override === undefined;
      this.ports.post({ type: 'exportResult', requestId, ok: false, blocked, errors: outcome.errors });
      return;
    }
    const savedTo = await this.ports.saveExport(format, outcome.content);
    if (savedTo === undefined) {
      this.ports.post({ type: 'exportResult', requestId, ok: false, cancelled: true });
      return;
    }
    if (outcome.overridden) {
      // Only the audit members change; the rest of the file stays as written.
      const next: ClaimJson = { ...p.raw, overrides: outcome.claim.overrides, audit: outcome.claim.audit };
      await this.ports.replaceText(serializeClaim(next), `export ${format} with override`);
    }
    this.ports.post({ type: 'exportResult', requestId, ok: true, savedTo });
    if (outcome.overridden) await this.publish();
  }
}
