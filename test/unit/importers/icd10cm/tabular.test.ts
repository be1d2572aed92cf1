import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { tabularXmlImporter } from '../../../../src/core/importers/icd10cm/tabular';
import { ImportError } from '../../../../src/core/importers/types';
import { fixture, fromText, runOn, textOf } from './fixture';

const FILE = 'icd10cm-tabular-mini.xml';

describe('ICD-10-CM Tabular List XML importer', () => {
  test('detects the tabular root and nothing else', () => {
    assert.equal(tabularXmlImporter.detect(FILE, textOf(fixture(FILE))), true);
    assert.equal(tabularXmlImporter.detect('x.xml', textOf(fixture('icd10cm-index-2030.xml'))), false);
  });

  test('takes the version and fiscal-year dates from the <version> element', async () => {
    const { result, sink } = await runOn(tabularXmlImporter, fixture(FILE));
    assert.equal(result.version, 'FY2030');
    assert.equal(sink.sets.length, 1);
    assert.deepEqual(
      { ...sink.sets[0], source: undefined },
      { system: 'icd10cm', version: 'FY2030', effectiveFrom: '2029-10-01', effectiveTo: '2030-09-30', source: undefined },
    );
    assert.equal(sink.sets[0]!.source.kind, 'icd10cm-tabular-xml');
    assert.equal(sink.sets[0]!.source.bytes, fixture(FILE).bytes.length);
  });

  test('options override the version and dates', async () => {
    const { sink } = await runOn(tabularXmlImporter, fixture(FILE), { version: 'FY2031', effectiveFrom: '2030-10-01' });
    assert.equal(sink.sets[0]!.version, 'FY2031');
    assert.equal(sink.sets[0]!.effectiveFrom, '2030-10-01');
    assert.equal(sink.sets[0]!.effectiveTo, '2031-09-30');
  });

  test('emits chapters, sections and every diag with its parent, kind and billable flag', async () => {
    const { result, sink } = await runOn(tabularXmlImporter, fixture(FILE));
    const byCode = new Map(sink.codes.map((c) => [c.code, c]));
    assert.deepEqual(byCode.get('CH04'), { code: 'CH04', display: 'CH04', kind: 'chapter', billable: false, longTitle: 'Endocrine, nutritional and metabolic diseases (E00-E89)', parent: undefined });
    assert.equal(byCode.get('E08-E13')?.parent, 'CH04');
    assert.equal(byCode.get('E08-E13')?.kind, 'section');
    // A one-category section is stored as U07-U07 so it cannot collide with category U07.
    assert.equal(byCode.get('U07-U07')?.display, 'U07');
    assert.equal(byCode.get('U07')?.parent, 'U07-U07');
    assert.deepEqual(byCode.get('E11'), { code: 'E11', display: 'E11', kind: 'category', billable: false, longTitle: 'Type 2 diabetes mellitus', parent: 'E08-E13' });
    assert.deepEqual(byCode.get('E119'), { code: 'E119', display: 'E11.9', kind: 'code', billable: true, longTitle: 'Type 2 diabetes mellitus without complications', parent: 'E11' });
    // A leaf under a 7th-character definition needs its 7th character: not billable.
    assert.equal(byCode.get('E11321')?.billable, false);
    assert.equal(byCode.get('E11321')?.kind, 'subcategory');
    assert.equal(byCode.get('T360X1')?.billable, false);
    assert.equal(byCode.get('T360X1')?.parent, 'T360X');
    assert.deepEqual(byCode.get('T360X')?.extra, { placeholder: true });
    assert.equal(byCode.get('U071')?.billable, true);
    assert.equal(result.counts.chapters, 3);
    assert.equal(result.counts.sections, 3);
    assert.equal(result.counts.diags, 10);
    assert.equal(result.counts.placeholderDiags, 1);
    assert.equal(result.counts.diagElements, 11);
    assert.equal(result.counts.billable, 2);
    assert.equal(result.counts.codes, sink.codes.length);
    assert.equal(sink.codes.length, 3 + 3 + 11);
  });

  test('writes one note per <note> with its type and parsed references; counts Excludes1 groups and notes', async () => {
    const { result, sink } = await runOn(tabularXmlImporter, fixture(FILE));
    const e11 = sink.notes.filter((n) => n.code === 'E11');
    assert.deepEqual(e11.map((n) => n.type), ['inclusionTerm', 'useAdditionalCode', 'excludes1', 'excludes1', 'excludes2']);
    assert.deepEqual(e11[2], { code: 'E11', type: 'excludes1', text: 'diabetes mellitus due to underlying condition (E08.-)', refs: [['E08', 'E08']] });
    assert.deepEqual(e11[0], { code: 'E11', type: 'inclusionTerm', text: 'diabetes (mellitus) due to insulin secretory defect' });
    assert.deepEqual(sink.notes.find((n) => n.code === 'CH04')?.refs, [['P70', 'P74']]);
    const codeAlso = sink.notes.find((n) => n.type === 'codeAlso');
    assert.equal(codeAlso?.text, 'any associated alcohol use (F10.-) & drug use (F11.- -F19.-)');
    assert.deepEqual(codeAlso?.refs, [['F10', 'F10'], ['F11', 'F19']]);
    assert.equal(sink.notes.find((n) => n.type === 'sevenChrNote')?.code, 'E1132');
    assert.equal(sink.notes.some((n) => n.text.startsWith('Introduction')), false);
    assert.equal(result.counts.excludes1, 2);
    assert.equal(result.counts.excludes1Notes, 3);
    assert.equal(result.counts.notes, sink.notes.length);
  });

  test('stores 7th characters at the defining code only', async () => {
    const { result, sink } = await runOn(tabularXmlImporter, fixture(FILE));
    assert.deepEqual(sink.seventhChars.filter((s) => s.code === 'T36'), [
      { code: 'T36', chr: 'A', title: 'initial encounter' },
      { code: 'T36', chr: 'D', title: 'subsequent encounter' },
      { code: 'T36', chr: 'S', title: 'sequela' },
    ]);
    assert.deepEqual(new Set(sink.seventhChars.map((s) => s.code)), new Set(['T36', 'E1132']));
    assert.equal(result.counts.sevenChrDef, 2);
    assert.equal(result.counts.seventhChars, 7);
  });

  test('a truncated file fails with an ImportError naming the file and line', async () => {
    const full = textOf(fixture(FILE));
    const cut = full.slice(0, full.indexOf('<name>T36.0</name>') + 10);
    await assert.rejects(runOn(tabularXmlImporter, fromText('cut.xml', cut)), (err: unknown) => {
      assert.ok(err instanceof ImportError);
      assert.equal(err.file, 'cut.xml');
      assert.equal(err.line, cut.split('\n').length);
      assert.match(err.message, /^cut\.xml, line \d+: the XML is malformed or truncated/);
      return true;
    });
  });

  test('another kind of XML is refused by its root element', async () => {
    await assert.rejects(runOn(tabularXmlImporter, fixture('icd10cm-index-2030.xml')), /root element is <ICD10CM\.index>, expected <ICD10CM\.tabular>/);
  });

  test('an empty file is refused', async () => {
    await assert.rejects(runOn(tabularXmlImporter, fromText('icd10cm_tabular_2030.xml', '')), /icd10cm_tabular_2030\.xml: the file is empty/);
  });

  test('a file with no year anywhere is refused with a way out', async () => {
    const noVersion = textOf(fixture(FILE)).replace('<version>2030</version>', '');
    await assert.rejects(runOn(tabularXmlImporter, fromText('tabular.xml', noVersion)), /cannot tell which ICD-10-CM fiscal year/);
    const { result } = await runOn(tabularXmlImporter, fromText('tabular.xml', noVersion), { version: 'FY2030' });
    assert.equal(result.version, 'FY2030');
  });
});
