// The audit report is an auditor's deliverable: self-contained (rule text embedded, no links into
// the checkout), a header with the releases and the database, per note the suggested and billed
// codes with the evidence words and reasons, the fixes, notices once per rule, per-claim totals
// with the charges at risk.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { audit, chargesAtRisk, type AuditInput } from '../../../src/core/rules/audit';
import { auditHtml } from '../../../src/core/rules/report/html';
import { auditMarkdown } from '../../../src/core/rules/report/markdown';
import { auditCsv } from '../../../src/core/rules/report/csv';
import type { RuleWarning } from '../../../src/core/rules/types';
import { suggestFixtureIndex } from '../suggest/fixture';

const NOTE = 'ASSESSMENT:\n1. Hypertensive chronic kidney disease.\n2. Streptococcal pharyngitis.\nPLAN: ceftriaxone 1 g IM today.\n';
const claimOf = (charge: number) => ({
  schemaVersion: '1',
  encounter: { dateOfService: '2024-03-01', placeOfService: '11', setting: 'outpatient' },
  diagnoses: [{ code: 'J02.0', system: 'icd10cm', evidence: [{ start: NOTE.indexOf('Streptococcal'), end: NOTE.indexOf('Streptococcal') + 'Streptococcal pharyngitis'.length }] }, { code: 'I12', system: 'icd10cm' }],
  lines: [
    { code: 'J0696', system: 'hcpcs', modifiers: [], units: 4, charge, diagnosisPointers: [1] },
    { code: 'J1100', system: 'hcpcs', modifiers: [], units: 1, charge: 10, diagnosisPointers: [2] },
  ],
});

describe('audit report', () => {
  test('header, codes with their words, fixes, notices once per rule, totals with charges at risk; no links out', async () => {
    const index = await suggestFixtureIndex();
    const inputs: AuditInput[] = [
      { kind: 'claim', name: 'a.note.claim.json', claim: claimOf(40), noteText: NOTE, noteName: 'a.note' },
      { kind: 'claim', name: 'b.note.claim.json', claim: claimOf(50), noteText: NOTE, noteName: 'b.note' },
      { kind: 'note', name: 'c.note', text: NOTE },
    ];
    const result = await audit(inputs, { index, settings: { severity: { 'claim.required-field': 'off' } }, today: '2024-03-02' });
    const a = result.items[0]!;
    assert.ok(a.suggested?.some((c) => c.code === 'J0696' && c.words.includes('ceftriaxone 1 g') && /250 mg/.test(c.reason ?? '')), JSON.stringify(a.suggested));
    assert.deepEqual(a.billed?.find((c) => c.code === 'J02.0')?.words, ['Streptococcal pharyngitis']);
    assert.equal(a.totalCharge, 50);
    // I12 is a header (code.not-billable, an error on diagnosis 2): the line pointing at it is at risk.
    assert.equal(a.chargesAtRisk, 10);
    const html = auditHtml(result, { title: 'Audit', generatedAt: '2024-03-02', database: '/data/codesets.sqlite' });
    assert.doesNotMatch(html, /file:\/\/|href="(?!#)/, 'every link stays inside the report');
    assert.match(html, /<th>Code sets<\/th><td>icd10cm FY2024, hcpcs 2025-Oct<\/td>/);
    assert.match(html, /\/data\/codesets\.sqlite/);
    assert.match(html, /<q>ceftriaxone 1 g<\/q>/);
    assert.match(html, /<dt id="rule-code-not-billable">/, 'the rule text is in the report');
    assert.match(html, /<tr class="total"><td>All claims<\/td><td>\$110\.00<\/td><td>\$20\.00<\/td>/);
    const notices = result.items.flatMap((i) => i.warnings).filter((w) => w.severity === 'info' || w.rule === 'rule.unchecked');
    assert.ok(notices.length >= 2, `the fixture gives notices to group: ${notices.map((w) => w.rule).join(', ')}`);
    for (const w of notices) assert.equal(html.split(w.message.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')).length - 1, 1, `"${w.message}" appears once`);
    const fix = result.items.flatMap((i) => i.warnings).find((w) => w.fixes.length > 0 && w.severity !== 'info');
    if (fix) assert.ok(html.includes(fix.fixes[0]!.title.replace(/&/g, '&amp;')), 'fixes are listed');
    const md = auditMarkdown(result, { title: 'Audit', database: '/data/codesets.sqlite' });
    assert.doesNotMatch(md, /file:\/\/|\]\((?!#)/);
    assert.match(md, /\| All claims \| \$110\.00 \| \$20\.00 \|/);
    assert.match(md, /"ceftriaxone 1 g"/);
    assert.match(auditCsv(result).split('\r\n')[0]!, /,fixes,/);
  });

  test('charges at risk: an error on the claim as a whole puts every line at risk; info and unchecked put nothing', () => {
    const claim = claimOf(40);
    const w = (rule: RuleWarning['rule'], severity: RuleWarning['severity'], target: RuleWarning['target']): RuleWarning => ({ rule, severity, message: 'm', target, fixes: [] });
    assert.deepEqual(chargesAtRisk(claim, []), { total: 50, atRisk: 0 });
    assert.deepEqual(chargesAtRisk(claim, [w('icd10cm.use-additional', 'info', { kind: 'diagnosis', index: 0 }), w('rule.unchecked', 'warning', { kind: 'claim' })]), { total: 50, atRisk: 0 });
    assert.deepEqual(chargesAtRisk(claim, [w('ncci.mue', 'error', { kind: 'line', index: 0 })]), { total: 50, atRisk: 40 });
    assert.deepEqual(chargesAtRisk(claim, [w('claim.npi', 'error', { kind: 'claim', field: 'billingProvider.npi' })]), { total: 50, atRisk: 50 });
  });
});
