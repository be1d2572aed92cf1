// The claim panel: renders each host `state`, rebuilding only the sections whose data changed
// (a field being typed in elsewhere is left alone) and putting focus back on the same control.
import { h } from './dom';
import type { HostLink } from './host';
import type { IndexedWarning, PanelActions, PanelContext } from './context';
import type { HostMessage, PanelWarning, StateMessage } from '../src/core/protocol';
import { readClaim } from './claimData';
import { askReason } from './dialog';
import { encounterSection } from './sections/encounter';
import { patientSection } from './sections/patient';
import { payerSection } from './sections/payer';
import { providersSection } from './sections/providers';
import { diagnosesSection } from './sections/diagnoses';
import { linesSection } from './sections/lines';
import { totalsSection } from './sections/totals';
import { riskSection } from './sections/risk';
import { remittanceSection } from './sections/remittance';
import { warningSummary } from './sections/warningSummary';
import { exportBar, type FormatId } from './sections/exportBar';
import { errorView } from './sections/errorView';
import { recordRender, recordRoundTrip } from './metrics';

interface Section {
  id: string;
  /** Everything the section shows; it is rebuilt only when this changes. */
  inputs(s: StateMessage, ctx: PanelContext): unknown;
  render(ctx: PanelContext, s: StateMessage): HTMLElement;
}

const onField = (prefix: string) => (x: IndexedWarning) => x.warning.target.kind === 'claim' && (x.warning.target.field ?? '').startsWith(prefix);
const onKind = (kind: string) => (x: IndexedWarning) => x.warning.target.kind === kind;

const SECTIONS: Section[] = [
  { id: 'warnings', inputs: (s) => [s.warnings, s.rulesRan], render: (ctx, s) => warningSummary(ctx, s.rulesRan) },
  { id: 'encounter', inputs: (_s, c) => [c.claim.encounter, c.claim.priorAuthorization, c.claim.filledFrom, c.warnings.filter((x) => onField('encounter')(x) || onField('priorAuthorization')(x))], render: encounterSection },
  { id: 'patient', inputs: (_s, c) => [c.claim.patient, c.claim.filledFrom, c.patients, c.warnings.filter(onField('patient'))], render: patientSection },
  { id: 'payer', inputs: (_s, c) => [c.claim.payer, c.claim.filledFrom, c.warnings.filter(onField('payer'))], render: payerSection },
  { id: 'providers', inputs: (_s, c) => [c.claim.billingProvider, c.claim.renderingProvider, c.claim.referringProvider, c.claim.filledFrom, c.warnings.filter((x) => onField('billingProvider')(x) || onField('renderingProvider')(x) || onField('referringProvider')(x))], render: providersSection },
  { id: 'diagnoses', inputs: (_s, c) => [c.claim.diagnoses, c.claim.lines.map((l) => l.diagnosisPointers), c.titles, c.risk?.hccs, c.warnings.filter((x) => onKind('diagnosis')(x) || onField('diagnoses')(x))], render: diagnosesSection },
  { id: 'lines', inputs: (_s, c) => [c.claim.lines, c.claim.diagnoses.length, c.titles, c.claim.filledFrom, c.warnings.filter((x) => onKind('line')(x) || onField('lines')(x))], render: linesSection },
  { id: 'risk', inputs: (_s, c) => [c.risk], render: riskSection },
  { id: 'totals', inputs: (_s, c) => [c.claim.lines.map((l) => [l.units, l.charge]), c.claim.totalCharge, c.warnings.filter(onField('totalCharge'))], render: totalsSection },
  { id: 'remittance', inputs: (_s, c) => [c.claim.history], render: remittanceSection },
];

export class ClaimPanel {
  private state: StateMessage | undefined;
  private readonly shown = new Map<string, { inputs: string; el: HTMLElement }>();
  private readonly exportStatus = h('div', { class: 'export-status', role: 'status', 'aria-live': 'polite' });
  private readonly editStatus = h('div', { class: 'edit-status', role: 'alert' });
  private readonly editStarted = new Map<number, number>();
  private mode: 'none' | 'form' | 'error' = 'none';

  constructor(private readonly root: HTMLElement, private readonly link: HostLink) {}

  receive(m: HostMessage): void {
    if (m.type === 'state') this.showState(m);
    else if (m.type === 'error') this.showError(m.problems);
  }

  private showError(problems: string[]): void {
    this.state = undefined;
    this.shown.clear();
    this.mode = 'error';
    this.root.replaceChildren(errorView(problems, () => this.link.post({ type: 'openAsText' })));
    // The button is focusable once the element has upgraded and rendered.
    setTimeout(() => (this.root.querySelector('[data-key="open-as-text"]') as HTMLElement | null)?.focus(), 0);
  }

  private showState(s: StateMessage): void {
    const started = performance.now();
    const claim = readClaim(s.claim);
    if (!claim) {
      this.showError(['The claim the editor sent does not match the claim schema; open it as text to see why.']);
      return;
    }
    this.state = s;
    const ctx: PanelContext = {
      claim, titles: s.titles ?? {}, readonly: s.readonly ?? false, actions: this.actions, patients: s.patients ?? [], ...(s.risk ? { risk: s.risk } : {}),
      warnings: s.warnings.map((warning, index) => ({ warning, index })),
    };
    const focusKey = (document.activeElement as HTMLElement | null)?.closest?.('[data-key]')?.getAttribute('data-key') ?? undefined;
    if (this.mode !== 'form') this.buildFrame();
    for (const section of SECTIONS) {
      const inputs = JSON.stringify([section.inputs(s, ctx), ctx.readonly]);
      const prev = this.shown.get(section.id);
      if (prev && prev.inputs === inputs) continue;
      const el = section.render(ctx, s);
      el.dataset.section = section.id;
      if (prev) prev.el.replaceWith(el);
      else this.root.querySelector(`[data-slot="${section.id}"]`)!.replaceWith(el);
      this.shown.set(section.id, { inputs, el });
    }
    this.updateHeader(s);
    if (focusKey && !document.activeElement?.closest?.('[data-key]')) restoreFocus(this.root, focusKey);
    recordRender(performance.now() - started);
    if (s.requestId !== undefined) {
      const t0 = this.editStarted.get(s.requestId);
      this.editStarted.delete(s.requestId);
      if (t0 !== undefined) recordRoundTrip(started - t0, performance.now() - t0);
    }
  }

  private buildFrame(): void {
    this.mode = 'form';
    this.shown.clear();
    this.root.replaceChildren(
      h('header', { class: 'panel-header' }, h('h1', {}, 'Claim'), h('p', { class: 'subtitle', 'data-header': 'subtitle' })),
      this.editStatus,
      ...SECTIONS.map((sec) => h('div', { 'data-slot': sec.id })),
      exportBar((f) => void this.export(f), this.exportStatus, false),
    );
  }

  private updateHeader(s: StateMessage): void {
    const note = (s.claim.note as { path?: string } | undefined)?.path;
    const sets = s.codesets.map((c) => `${c.system} ${c.version}`).join(' · ');
    const el = this.root.querySelector('[data-header="subtitle"]');
    if (el) el.textContent = [note ? `Note: ${note}` : 'No note linked', sets ? `Code sets: ${sets}` : 'No code sets loaded'].join(' — ');
  }

  private readonly actions: PanelActions = {
    edit: (label, edits) => {
      this.editStatus.textContent = '';
      const { id, answer } = this.link.request({ type: 'edit', label, edits });
      this.editStarted.set(id, performance.now());
      void answer.then((a) => this.afterEdit(a));
    },
    search: async (query, system) => {
      const { answer } = this.link.request({ type: 'search', query, system });
      const a = await answer;
      return a.type === 'searchResults' ? a.results : [];
    },
    applyFix: (warningIndex, fixIndex) => {
      const { answer } = this.link.request({ type: 'applyFix', warningIndex, fixIndex });
      void answer.then((a) => this.afterEdit(a));
    },
    suppress: (x) => void this.suppress(x),
    revealEvidence: (diagnosisIndex) => this.link.post({ type: 'revealEvidence', diagnosisIndex }),
    focusTarget: (w) => this.focusTarget(w),
    correct: () => void this.export('x12', undefined, true),
    appeal: () => void this.appeal(),
  };

  private async appeal(): Promise<void> {
    this.exportStatus.textContent = 'Drafting the appeal letter…';
    const { answer } = this.link.request({ type: 'appeal' });
    const a = await answer;
    if (a.type !== 'appealResult') return;
    this.exportStatus.textContent = a.ok
      ? 'The appeal letter draft is open beside the panel: review it, sign it and send it yourself.'
      : `No appeal letter: ${a.error ?? 'the claim has no denial to appeal'}`;
  }

  private afterEdit(a: HostMessage): void {
    if (a.type !== 'editResult' || a.ok) return;
    this.editStatus.textContent = a.error ?? 'The change was not applied.';
    // Fields show what the document holds, not the refused value.
    if (this.state) {
      this.shown.clear();
      this.mode = 'none';
      this.showState(this.state);
    }
  }

  private async suppress(x: IndexedWarning): Promise<void> {
    const reason = await askReason({
      title: `Suppress ${x.warning.rule}`,
      body: [x.warning.message, 'The justification is kept in the claim for auditors.'],
      label: 'Why does this warning not apply?', placeholder: 'e.g. unrelated conditions (guideline I.A.12.a)', confirm: 'Suppress',
    });
    if (!reason) return;
    const { answer } = this.link.request({ type: 'suppress', warningIndex: x.index, ...(x.warning.key ? { key: x.warning.key } : {}), justification: reason });
    void answer.then((a) => this.afterEdit(a));
  }

  private focusTarget(w: PanelWarning): void {
    const t = w.target;
    const sel = t.kind === 'claim' ? `[data-field="${CSS.escape(t.field ?? '')}"]`
      : t.kind === 'diagnosis' ? `[data-diagnosis-index="${t.index}"] vscode-textfield`
        : t.kind === 'line' ? `[data-line-index="${t.index}"] vscode-textfield` : '';
    const el = sel ? (this.root.querySelector(sel) as HTMLElement | null) : null;
    el?.scrollIntoView({ block: 'center' });
    el?.focus();
  }

  private async export(format: FormatId, override?: string, correction = false): Promise<void> {
    const what = correction ? 'the corrected claim' : format;
    this.exportStatus.textContent = `Exporting ${what}…`;
    const { answer } = this.link.request({ type: 'export', format, ...(override ? { override } : {}), ...(correction ? { correction: true as const } : {}) });
    const a = await answer;
    if (a.type !== 'exportResult') return;
    if (a.ok) {
      this.exportStatus.textContent = `Exported ${what}${a.savedTo ? ` to ${a.savedTo}` : ''}${override ? ' with an override (recorded in the audit trail)' : ''}.`;
      return;
    }
    if (a.cancelled) {
      this.exportStatus.textContent = 'Export cancelled.';
      return;
    }
    if (a.blocked) {
      this.exportStatus.textContent = 'Export blocked by errors.';
      const list = h('ul', { class: 'problems' }, (a.errors ?? []).map((e) => h('li', {}, e)));
      const reason = await askReason({
        title: 'Export blocked by errors',
        body: ['These errors stand. Fix them, or give the reason the claim must go out anyway; the reason is recorded in the claim\'s audit trail.', list],
        label: 'Override reason', placeholder: 'e.g. payer confirmed by phone that the pair is allowed', confirm: 'Export anyway',
      });
      if (reason) return this.export(format, reason, correction);
      this.exportStatus.textContent = 'Export not done: errors remain.';
      return;
    }
    this.exportStatus.replaceChildren(h('span', {}, `Cannot export ${what}: `), h('ul', { class: 'problems' }, (a.errors ?? []).map((e) => h('li', {}, e))));
  }
}

/**
 * Puts focus back on the control with the same key after a rebuild. A Move up button that just
 * moved its row to the top is disabled there, so focus goes to the row's other move button.
 */
function restoreFocus(root: HTMLElement, key: string): void {
  const find = (k: string) => root.querySelector(`[data-key="${CSS.escape(k)}"]`) as HTMLElement | null;
  let el = find(key);
  if (el?.hasAttribute('disabled')) {
    const other = key.endsWith(':up') ? key.replace(/:up$/, ':down') : key.endsWith(':down') ? key.replace(/:down$/, ':up') : undefined;
    const alt = other ? find(other) : null;
    el = alt && !alt.hasAttribute('disabled') ? alt : el;
  }
  if (!el) return;
  el.focus();
  // A component created in this rebuild takes focus once it has rendered (Lit renders in a microtask).
  if (document.activeElement !== el) setTimeout(() => el!.focus(), 0);
}
