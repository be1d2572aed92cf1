// One open claim panel, without `vscode`: what the host does with each panel message and each
// document change. The VS Code adapter (provider.ts) and the panel tests' fake host both drive
// this class, so the tests exercise the host's real behaviour.
//
// The document is the source of truth: every change is written to it (and comes back as state),
// a document that does not parse is shown as an error and never written, and mutations run one
// at a time against the text as it is then.
import { readClaim } from '../../core/claim/working';
import { exportClaim } from '../../core/claim/export/gate';
import { overrideAuditJson } from '../../core/claim/export/overrideRecord';
import type { CodesetIndex } from '../../core/codeset/api';
import type { RuleSettings, RuleWarning } from '../../core/rules/types';
import type { Claim } from '../../core/claim/schema';
import { parsePanelMessage, type HostMessage, type PanelMessage, type SearchResultItem } from '../../core/protocol';
import { serializeClaim, withFix, withSuppression, type ClaimJson } from '../sidecar';
import { applyPanelEdits, type FillSources } from './panelEdits';
import { claimWarnings, toPanelWarning } from './claimWarnings';
import { claimRiskSummary } from '../../core/riskadjust/summary';
import { appendHistory } from '../../core/remit/history';
import { exportRecord } from '../../core/remit/exportRecord';
import { correctionPlan } from '../../core/remit/correction';
import { correctionExport } from '../../core/remit/correctionExport';
import { appealLetter } from '../../core/remit/appeal';

export interface ClaimSessionPorts {
  /** The document's current text. */
  text(): string;
  /** Replaces the whole document text (one undoable edit); false when the editor refused. */
  replaceText(text: string, label: string): Promise<boolean>;
  getIndex(): Promise<CodesetIndex | undefined>;
  severity(): RuleSettings['severity'];
  /** The note beside the claim (the note rules read it), when there is one. */
  noteText?(): Promise<string | undefined>;
  /** The medcode.dateOfService setting: the date of service when the claim has none. */
  dateOfService?(): string | undefined;
  post(message: HostMessage): void;
  /**
   * Asks where to save an export (`corrected`: the claim's corrected 837P, which must not replace
   * the original's file); the chosen file (a URI string), or undefined when the user cancelled.
   */
  chooseExportTarget(format: 'claim-json' | 'fhir' | 'x12', purpose?: { corrected: true }): Promise<string | undefined>;
  /** Opens a Markdown draft (the appeal letter) in an editor beside the panel, unsaved. */
  showDraft(markdown: string): Promise<void>;
  /**
   * Writes the export to the chosen file, and `audit` beside it as `<file>.audit.json` when given
   * (before the export). The path to show; throws when a file cannot be written.
   */
  writeExport(target: string, content: string, audit?: string): Promise<string>;
  /** Saves the claim document to disk; false when it could not be saved. */
  saveDocument(): Promise<boolean>;
  revealEvidence(span: { start: number; end: number }): void;
  openAsText(): void;
  who(): string;
  now(): string;
  today?(): string;
  /** True when the document cannot be written (a read-only file system): the panel shows, never edits. */
  readonly?(): boolean;
  /** Where failures without a panel request to answer go (the output channel). */
  reportError?(e: unknown): void;
  /** The workspace's practice profile and imported patients (.medcode/), when there are any. */
  fillSources?(): Promise<FillSources>;
}

type Parsed = { ok: true; raw: ClaimJson; claim: Claim } | { ok: false; errors: string[] };

/** Edits work on the file's own JSON (`raw`) so members the schema does not know survive. */
function parseDocument(text: string): Parsed {
  const r = readClaim(text);
  return r.ok ? { ok: true, raw: r.claim, claim: r.parsed } : { ok: false, errors: r.errors };
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
        return this.serial(async () => {
          const sources = m.edits.some((e) => e.op === 'fillFromPatient') ? await this.sources() : {};
          return this.mutate(m.requestId, m.label, (c) => applyPanelEdits(c, m.edits, sources) as ClaimJson);
        });
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
        return this.serial(() => this.exportAs(m.requestId, m.correction ? 'correction' : m.format, m.override));
      case 'appeal':
        return this.appeal(m.requestId);
    }
  }

  private async sources(): Promise<FillSources> {
    try {
      return (await this.ports.fillSources?.()) ?? {};
    } catch (e) {
      this.ports.reportError?.(e);
      return {};
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
    const check = readClaim(text);
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
    const warnings = index ? await this.check(p.raw, index) : [];
    const patients = (await this.sources()).patients ?? [];
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
      ...(patients.length > 0 ? { patients: patients.map((r) => ({ id: r.id, label: patientLabel(r) })) } : {}),
      ...(requestId !== undefined ? { requestId } : {}),
    });
  }

  /** The one claim check, with the note beside the claim: the same warnings the note editor and `medcode check` give. */
  private async check(claim: ClaimJson, index: CodesetIndex): Promise<RuleWarning[]> {
    const noteText = await this.ports.noteText?.();
    const dateOfService = this.ports.dateOfService?.();
    const today = this.ports.today?.();
    return claimWarnings(claim, index, {
      severity: this.ports.severity(),
      ...(noteText !== undefined ? { noteText } : {}),
      ...(dateOfService ? { dateOfService } : {}),
      ...(today ? { today } : {}),
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

  /** An export in one of the three formats, or the claim's corrected 837P (`correction`). */
  private async exportAs(requestId: number, kind: 'claim-json' | 'fhir' | 'x12' | 'correction', override: string | undefined): Promise<void> {
    const format = kind === 'correction' ? 'x12' : kind;
    const text = this.ports.text();
    const p = parseDocument(text);
    if (!p.ok) {
      this.ports.post({ type: 'exportResult', requestId, ok: false, errors: p.errors });
      return;
    }
    if (kind === 'correction') {
      const plan = correctionPlan(p.claim);
      if (!plan.ok) {
        this.ports.post({ type: 'exportResult', requestId, ok: false, errors: [`This claim cannot be corrected: ${plan.reason}.`] });
        return;
      }
    }
    const index = await this.ports.getIndex();
    if (!index) {
      this.ports.post({ type: 'exportResult', requestId, ok: false, errors: ['No code sets are loaded, so the claim cannot be checked before export. Import or download code sets first.'] });
      return;
    }
    const warnings = await this.check(p.raw, index);
    const gate = override !== undefined ? { override: { reason: override, who: this.ports.who(), at: this.ports.now() } } : {};
    const corrected = kind === 'correction' ? correctionExport(p.claim, warnings, gate) : undefined;
    if (corrected && !corrected.ok) {
      this.ports.post({ type: 'exportResult', requestId, ok: false, errors: [`This claim cannot be corrected: ${corrected.reason}.`] });
      return;
    }
    const outcome = corrected ? corrected.outcome : exportClaim(p.claim, format, warnings, gate);
    if (!outcome.ok) {
      const blocked = !outcome.structural && outcome.blocking.length > 0 && override === undefined;
      this.ports.post({ type: 'exportResult', requestId, ok: false, blocked, errors: outcome.errors });
      return;
    }
    const target = await this.ports.chooseExportTarget(format, kind === 'correction' ? { corrected: true } : undefined);
    if (target === undefined) {
      this.ports.post({ type: 'exportResult', requestId, ok: false, cancelled: true });
      return;
    }
    if (outcome.overridden) {
      // The override is saved in the claim file before the export exists: if it cannot be, nothing is exported.
      const failed = await this.recordOverride(text, { ...p.raw, overrides: outcome.claim.overrides, audit: outcome.claim.audit }, format);
      if (failed) {
        this.ports.post({ type: 'exportResult', requestId, ok: false, errors: [failed] });
        return;
      }
    }
    const audit = format === 'x12' && outcome.override
      ? overrideAuditJson(outcome.override, { exportFile: decodeURIComponent(target.split(/[/\\]/).pop() ?? target), ...(p.claim.id !== undefined ? { claimId: p.claim.id } : {}) })
      : undefined;
    let savedTo: string;
    try {
      savedTo = await this.ports.writeExport(target, outcome.content, audit);
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      this.ports.post({ type: 'exportResult', requestId, ok: false, errors: [`The export could not be written (${why}).${outcome.overridden ? ' The override stays recorded in the claim file.' : ''}`] });
      if (outcome.overridden) await this.publish();
      return;
    }
    // The export is in the claim's history (with the X12 control numbers its 999 will quote back).
    const recorded = await this.recordExport(format, savedTo, outcome.content);
    this.ports.post({ type: 'exportResult', requestId, ok: true, savedTo });
    if (outcome.overridden || recorded) await this.publish();
  }

  /**
   * Drafts the appeal letter for the claim's latest denial (core/remit/appeal.ts), quoting the
   * note's evidence, and opens it beside the panel for the biller to review; nothing is sent.
   */
  private async appeal(requestId: number): Promise<void> {
    const p = parseDocument(this.ports.text());
    if (!p.ok) {
      this.ports.post({ type: 'appealResult', requestId, ok: false, error: p.errors.join('; ') });
      return;
    }
    const noteText = await this.ports.noteText?.();
    let letter;
    try {
      letter = appealLetter(p.claim, { date: this.ports.today?.() ?? this.ports.now().slice(0, 10), ...(noteText !== undefined ? { noteText } : {}) });
    } catch (e) {
      this.ports.post({ type: 'appealResult', requestId, ok: false, error: (e as Error).message });
      return;
    }
    await this.ports.showDraft(letter.markdown);
    this.ports.post({ type: 'appealResult', requestId, ok: true });
  }

  /** Appends the written export to the claim's history and saves the claim; false when it could not be (the export stands). */
  private async recordExport(format: string, file: string, content: string): Promise<boolean> {
    if (this.ports.readonly?.()) return false;
    const p = parseDocument(this.ports.text());
    if (!p.ok) return false;
    const added = appendHistory(p.raw as Record<string, unknown>, { exports: [exportRecord(format, decodeURIComponent(file.split(/[/\\]/).pop() ?? file), content, this.ports.now())] });
    if (!added.ok || added.added === 0) return false;
    if (!(await this.ports.replaceText(serializeClaim(added.raw as ClaimJson), `record the ${format} export`))) return false;
    return this.ports.saveDocument();
  }

  /** Writes the override into the document and saves it; a sentence when that failed (the document is put back). */
  private async recordOverride(before: string, next: ClaimJson, format: string): Promise<string | undefined> {
    const refusal = 'so nothing was exported: an override is only sent with its reason on file.';
    if (this.ports.readonly?.()) return `This claim file is read-only, so the override reason cannot be recorded in it; ${refusal}`;
    const edited = await this.ports.replaceText(serializeClaim(next), `export ${format} with override`);
    if (edited && (await this.ports.saveDocument())) return undefined;
    if (edited && this.ports.text() !== before) await this.ports.replaceText(before, 'export not written');
    return `The override reason could not be saved to the claim file, ${refusal} Make the file writable and export again.`;
  }
}

/** "P-77 Nuñez, Mateo (2015-02-11)": enough to pick the right person. */
function patientLabel(r: { id: string; patient: { name?: { family?: string; given?: string }; birthDate?: string } }): string {
  const name = [r.patient.name?.family, r.patient.name?.given].filter(Boolean).join(', ');
  return [r.id, name, r.patient.birthDate ? `(${r.patient.birthDate})` : ''].filter(Boolean).join(' ');
}
