// After submission: where the claim stands (accepted, rejected, paid, partial, denied, reversed),
// the payments, the patient's share and what is still open, and each denial or rejection with its
// codes explained in our words and the MedCode rule that checks it; then the corrected claim and
// the appeal letter as buttons. Shown once the claim has a history. The figures come from
// src/core/remit.
import { h } from '../dom';
import type { PanelContext } from '../context';
import { explainStatus, isRejectedCategory } from '../../src/core/remit/ackCodes';
import { carcInfo, explainAdjustment, isExpectedAdjustment } from '../../src/core/remit/carc';
import { explainRemark } from '../../src/core/remit/rarc';
import { claimStanding, remittanceBalance } from '../../src/core/remit/standing';
import { correctionPlan } from '../../src/core/remit/correction';

const money = (n: number) => n.toFixed(2);

export function remittanceSection(ctx: PanelContext): HTMLElement {
  const s = claimStanding(ctx.claim);
  if (s.standing === 'not-sent') return h('section', { hidden: true, 'data-standing': s.standing });
  const card = h('section', { 'aria-labelledby': 'h-remittance', class: 'card', 'data-standing': s.standing }, h('h2', { id: 'h-remittance' }, 'After submission'));
  const facts: HTMLElement[] = [h('dt', {}, 'Status'), h('dd', { 'data-remit': 'status' }, s.standing)];
  if (s.payerClaimControlNumber) facts.push(h('dt', {}, 'Payer claim number'), h('dd', {}, s.payerClaimControlNumber));
  const b = remittanceBalance(ctx.claim);
  if (b) {
    facts.push(
      h('dt', {}, 'Billed'), h('dd', {}, money(b.billed)),
      h('dt', {}, 'Paid'), h('dd', { 'data-remit': 'paid' }, money(b.paid)),
      h('dt', {}, 'Patient responsibility'), h('dd', {}, money(b.patientResponsibility)),
      h('dt', {}, 'Contractual adjustments'), h('dd', {}, money(b.contractual)),
      h('dt', {}, 'Open (denied or unpaid)'), h('dd', { 'data-remit': 'open' }, money(b.open)),
    );
  }
  card.append(h('dl', { class: 'totals' }, ...facts));
  const problems: HTMLElement[] = [];
  if (s.remittance) {
    const r = s.remittance;
    const adjustments: Array<{ group: string; reason: string; amount: number; line?: number }> = [
      ...r.adjustments,
      ...r.lines.flatMap((l) => l.adjustments.map((a) => ({ ...a, ...(l.line !== undefined ? { line: l.line } : {}) }))),
    ];
    for (const a of adjustments) {
      if (isExpectedAdjustment(a.group, a.reason) && s.standing !== 'reversed') continue;
      const rule = carcInfo(a.reason)?.rule;
      const line = a.line !== undefined ? `line ${a.line + 1}: ` : '';
      problems.push(h('li', { 'data-reason': `${a.group}-${a.reason}` }, `${line}${a.group}-${a.reason} ${money(a.amount)}: ${explainAdjustment(a.group, a.reason)}${rule ? ` MedCode rule ${rule} checks this.` : ''}`));
    }
    for (const code of new Set([...r.remarks, ...r.lines.flatMap((l) => l.remarks)])) problems.push(h('li', { 'data-remark': code }, `${code}: ${explainRemark(code)}`));
  } else if (s.acknowledgment && s.standing === 'rejected') {
    for (const c of s.acknowledgment.codes) {
      if (s.acknowledgment.kind === '277CA') {
        const [category = '', status = ''] = c.code.split(':');
        if (!isRejectedCategory(category)) continue;
        const e = explainStatus(category, status);
        problems.push(h('li', {}, `${c.where ? `${c.where}: ` : ''}${c.code}: ${e.text}${e.rule ? ` MedCode rule ${e.rule} checks this.` : ''}`));
      } else if (c.code !== 'IK5-A' && c.code !== 'IK5-E') {
        problems.push(h('li', {}, `999 ${c.code}${c.where ? ` at ${c.where}` : ''}`));
      }
    }
  }
  if (problems.length > 0) card.append(h('ul', { class: 'remit-reasons' }, ...problems));
  // What to do next: the corrected claim (once the claim file is fixed), the appeal letter.
  const next: HTMLElement[] = [];
  const plan = correctionPlan(ctx.claim);
  if (plan.ok) {
    next.push(h('vscode-button', { 'data-key': 'remit:correct', disabled: ctx.readonly, title: `Checks the claim again and writes it as X12 837P: ${plan.why}.`, 'on:click': () => ctx.actions.correct() },
      plan.frequency === '7' ? 'Write corrected claim (replaces the payer\'s claim)' : 'Write the claim again (new original)'));
  }
  if (s.standing === 'denied' || s.standing === 'partial') {
    next.push(h('vscode-button', { 'data-key': 'remit:appeal', secondary: true, title: 'A letter draft citing the denial, the services and the note\'s evidence, opened beside the panel for review. Nothing is sent.', 'on:click': () => ctx.actions.appeal() }, 'Draft appeal letter'));
  }
  if (next.length > 0) card.append(h('div', { class: 'remit-actions', role: 'group', 'aria-label': 'After the payer\'s answer' }, ...next));
  card.append(h('p', { class: 'hint' }, 'Reason and remark codes are shown with MedCode\'s own short explanations; the official lists are at x12.org/codes.'));
  return card;
}
