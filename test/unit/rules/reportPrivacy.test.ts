// Audit reports are shared: a file name cannot start a spreadsheet formula in the CSV, and
// patients' birth dates are withheld from the findings unless asked for.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { audit } from '../../../src/core/rules/audit';
import { auditCsv } from '../../../src/core/rules/report/csv';
import { auditMarkdown } from '../../../src/core/rules/report/markdown';
import { baseClaim, index } from './fixture';

describe('audit report privacy and safety', () => {
  test('CSV: values starting with = + - @ are kept as text', async () => {
    const claim = baseClaim();
    claim.diagnoses.push({ code: 'E11.9', system: 'icd10cm' }, { code: 'E10.9', system: 'icd10cm' });
    const result = await audit([
      { kind: 'claim', name: '=HYPERLINK("https://evil.example","x").claim.json', claim },
      { kind: 'claim', name: '@SUM(1+1).claim.json', claim },
      { kind: 'claim', name: '+1.claim.json', claim },
      { kind: 'claim', name: '-1.claim.json', claim },
    ], { index: await index(), settings: { severity: {} }, today: '2024-08-15' });
    const csv = auditCsv(result);
    const firstCells = csv.trim().split('\r\n').slice(1).map((row) => row.replace(/^"/, '').split(',')[0]!);
    assert.ok(firstCells.length >= 4);
    for (const c of firstCells) assert.ok(!/^[=+\-@]/.test(c), `a cell starts a formula: ${c}`);
    assert.match(csv, /"'=HYPERLINK\(""https:\/\/evil\.example"",""x""\)\.claim\.json"/);
    assert.match(csv, /^'@SUM/m);
  });

  test('birth dates are withheld from the findings unless asked for', async () => {
    const claim = baseClaim();
    claim.patient.birthDate = '2031-02-03';
    const items = [{ kind: 'claim' as const, name: 'future.claim.json', claim }];
    const ctx = { index: await index(), settings: { severity: {} }, today: '2024-08-15' };
    const hidden = await audit(items, ctx);
    const text = `${auditMarkdown(hidden, 'audit')}${auditCsv(hidden)}${JSON.stringify(hidden)}`;
    assert.ok(hidden.items[0]!.warnings.some((w) => w.rule === 'claim.dates'), 'the future birth date is still a finding');
    assert.ok(!text.includes('2031-02-03'), 'the birth date is not printed');
    assert.match(text, /\[birth date withheld\]/);
    const shown = await audit(items, { ...ctx, showBirthDates: true });
    assert.match(JSON.stringify(shown), /2031-02-03/);
  });
});
