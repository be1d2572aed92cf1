// The CMS-HCC table layouts: detected by header, written as one versioned set per payment year
// (with source names and SHA-256), read back per model and scored.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CodesetWriter } from '../../../src/core/codeset/writer';
import { openCodesetIndex } from '../../../src/core/codeset/index';
import { ALL_IMPORTERS } from '../../../src/core/importers/registry';
import { detectImporter, importBatch } from '../../../src/core/importers/run';
import { modelKey, paymentYearOf } from '../../../src/core/importers/riskadjust/index';
import { riskAdjustmentOf } from '../../../src/core/riskadjust/read';
import { scoreBeneficiary } from '../../../src/core/riskadjust/score';
import { sqlJs } from '../../support/fixtureIndex';
import { CSV_FILES as FILES, visit } from './fixture';
import { claimRiskSummary } from '../../../src/core/riskadjust/summary';
import { hccOfCode } from '../../../src/core/riskadjust/tags';

const enc = (s: string) => new TextEncoder().encode(s);


test('each layout is recognized by its header, not its name', () => {
  for (const [name, text] of Object.entries(FILES)) {
    const importer = detectImporter(ALL_IMPORTERS, 'renamed.csv', text);
    assert.ok(importer?.kind.startsWith('hcc-'), `${name} -> ${importer?.kind}`);
  }
  assert.equal(detectImporter(ALL_IMPORTERS, 'x.csv', 'cpt_hcpcs_code,descriptor\n99213,x\n')?.kind.startsWith('hcc-') ?? false, false);
});

test('model names of the different files become one key', () => {
  assert.equal(modelKey('CMS-HCC Model V28'), 'V28');
  assert.equal(modelKey('CMS-HCC', 'V24'), 'V24');
  assert.equal(modelKey('CMS-HCC', 'C28'), 'V28');
  assert.equal(modelKey('CMS-HCC ESRD Model V24'), 'ESRD-V24');
  assert.equal(modelKey('ESRD', 'D24'), 'ESRD-V24');
  assert.equal(modelKey('RxHCC', 'R08'), 'RxHCC-V08');
  assert.equal(paymentYearOf('/x/ra_dx_to_cc_2026.csv'), 2026);
  assert.equal(paymentYearOf('hcc_is_chronic.csv'), undefined);
});

test('import -> PY2026 and undated sets with SHA-256 -> tables of V28 -> a score', async () => {
  const SQL = await sqlJs();
  const writer = new CodesetWriter(SQL);
  const report = await importBatch(Object.entries(FILES).map(([name, text]) => ({ name, bytes: enc(text) })), writer, ALL_IMPORTERS);
  assert.equal(report.imported.length, 7);
  const index = openCodesetIndex(SQL, writer.exportMain());
  const sets = index.sets().filter((s) => s.system === 'cms-hcc');
  assert.deepEqual(sets.map((s) => s.version).sort(), ['PY2026', 'undated']);
  const py = sets.find((s) => s.version === 'PY2026')!;
  assert.equal(py.effectiveFrom, '2026-01-01');
  assert.equal(py.sources.length, 5);
  assert.ok(py.sources.every((s) => /^[0-9a-f]{64}$/.test(s.sha256)));
  assert.equal(py.counts.mappings, 4);

  const ra = riskAdjustmentOf(index)!;
  const v28 = ra.tablesFor(2026)!;
  assert.equal(v28.model, 'V28');
  assert.deepEqual(v28.dx.get('E119'), ['38']);
  assert.equal(v28.labels.get('38'), 'Diabetes, plain');
  assert.equal(v28.coefficients.get('CNA_F70_74')?.value, 0.4);
  assert.deepEqual(v28.edits.get('D66')?.[0], { edit: 'sex', sex: 'female', action: 'override', cc: '112', description: 'in a female' });
  assert.ok(v28.eligible.has('G0402'));
  assert.deepEqual(v28.sources.find((s) => s.table === 'edit'), { table: 'edit', version: 'undated', file: 'ra_dx_edits.csv' });
  assert.equal(ra.tablesFor(2026, 'V24')?.dx.get('E119')?.[0], '19');
  // A year without its own set is answered by the nearest one.
  assert.equal(ra.tablesFor(2027, 'V28')?.sources.find((s) => s.table === 'dx')?.version, 'PY2026');

  const b = { birthDate: '1954-06-15', sex: 'female' as const, dual: 'none' as const, originallyDisabled: false, institutional: false, newEnrollee: false };
  // 0.4 + 0.16 + 0.36 + 0.11 + 0 = 1.03
  assert.equal(scoreBeneficiary(v28, b, [{ code: 'E11.9' }, { code: 'I50.9' }]).raw, 1.03);

  // The claim panel's summary and the hover's tag.
  const ann = { id: 'ann', birthDate: '1954-06-15', sex: 'female' as const };
  const summary = claimRiskSummary(index, visit(ann, ['E11.9', 'I50.9', 'I10']))!;
  assert.deepEqual(summary.hccs, { 'E11.9': { model: 'V28', category: 'HCC38', label: 'Diabetes, plain' }, 'I50.9': { model: 'V28', category: 'HCC226', label: 'Heart failure' } });
  assert.equal(summary.raw, 1.03);
  assert.equal(summary.segment, 'CNA');
  const lab = claimRiskSummary(index, visit(ann, ['E11.9'], { code: '80053', pos: '81' }))!;
  assert.equal(lab.raw, null);
  assert.match(lab.reason!, /not a risk-adjustment encounter: .*80053/);
  assert.deepEqual(hccOfCode(index, 'E11.9', '2025-03-01'), { model: 'V28', category: 'HCC38', label: 'Diabetes, plain' });
  assert.equal(hccOfCode(index, 'I10', '2025-03-01'), null);

  // Importing the same bytes again is a no-op.
  const again = await importBatch([{ name: 'ra_dx_to_cc_2026.csv', bytes: enc(FILES['ra_dx_to_cc_2026.csv']!) }], writer, ALL_IMPORTERS);
  assert.equal(again.imported.length, 0);
  index.close();
  const chronic = await importBatch([{ name: 'hcc_is_chronic.csv', bytes: enc('hcc,is_chronic,model_version,model_domain\nHCC38,Y,V28,CMS-HCC\nHCC203,"1,981,142",V24,CMS-HCC\n') }], writer, ALL_IMPORTERS);
  assert.equal(chronic.imported[0]!.counts.unreadableRows, 1, 'a flag that is neither Y nor N is counted, not read as N');
  writer.close();
});

test('a yearly table without a year in its name asks for one; a bad row names its line', async () => {
  const SQL = await sqlJs();
  const writer = new CodesetWriter(SQL);
  await assert.rejects(importBatch([{ name: 'dx.csv', bytes: enc(FILES['ra_dx_to_cc_2026.csv']!) }], writer, ALL_IMPORTERS), /payment year.*--version PY2026/);
  await assert.rejects(
    importBatch([{ name: 'ra_coefficients_2026.csv', bytes: enc('coefficient,value,model_domain,model_version\nCNA_F70_74,abc,CMS-HCC,C28\n') }], writer, ALL_IMPORTERS),
    /line 2: this row does not fit/,
  );
  const chronic = await importBatch([{ name: 'hcc_is_chronic.csv', bytes: enc('hcc,is_chronic,model_version,model_domain\nHCC38,Y,V28,CMS-HCC\nHCC203,"1,981,142",V24,CMS-HCC\n') }], writer, ALL_IMPORTERS);
  assert.equal(chronic.imported[0]!.counts.unreadableRows, 1, 'a flag that is neither Y nor N is counted, not read as N');
  writer.close();
});
