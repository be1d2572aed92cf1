import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fixtureIndex, icd, sqlJs } from '../../support/fixtureIndex';
import { openCodesetIndex, CodesetDatabaseError } from '../../../src/core/codeset/index';
import type { CodeSystem } from '../../../src/core/importers/types';

const fy2021 = {
  system: 'icd10cm' as const, version: 'FY2021', effectiveFrom: '2020-10-01', effectiveTo: '2021-09-30',
  codes: [
    icd('E11', 'Type 2 diabetes mellitus', false),
    icd('E11.2', 'Type 2 diabetes mellitus with kidney complications', false),
    icd('E11.22', 'Type 2 diabetes mellitus with diabetic chronic kidney disease'),
    icd('E11.9', 'Type 2 diabetes mellitus without complications'),
    icd('S52', 'Fracture of forearm', false),
    icd('S52.5', 'Fracture of lower end of radius', false),
    icd('S52.50', 'Unspecified fracture of the lower end of radius', false),
    icd('S52.501', 'Unspecified fracture of the lower end of right radius', false),
    icd('S52.501A', 'Unspecified fracture of the lower end of right radius, initial encounter for closed fracture'),
  ],
  notes: [
    { code: 'E11', type: 'excludes1' as const, text: 'type 1 diabetes mellitus (E10.-)', refs: [['E10', 'E10']] as [string, string][] },
    { code: 'E1122', type: 'useAdditionalCode' as const, text: 'Use additional code to identify stage of chronic kidney disease (N18.1-N18.6)', refs: [['N181', 'N186']] as [string, string][] },
  ],
  seventhChars: [{ code: 'S52', chr: 'A', title: 'initial encounter for closed fracture' }, { code: 'S52', chr: 'D', title: 'subsequent encounter' }],
};
const fy2024 = {
  system: 'icd10cm' as const, version: 'FY2024', effectiveFrom: '2023-10-01', effectiveTo: '2024-09-30', kinds: ['icd10cm-order-csv' as const],
  codes: [icd('E11', 'Type 2 diabetes mellitus', false), icd('E11.9', 'Type 2 diabetes mellitus without complications'), icd('U07.1', 'COVID-19')],
};

describe('code-set index on hand-made rows', () => {
  test('looks a code up in any spelling', async () => {
    const idx = await fixtureIndex([fy2021]);
    for (const spelling of ['E11.22', 'e1122', 'E1122', ' e11.22 ']) {
      assert.equal(idx.lookup(spelling)?.code, 'E11.22', spelling);
    }
    assert.equal(idx.lookup('E11.22')?.billable, true);
    assert.equal(idx.lookup('E11')?.billable, false);
    assert.equal(idx.lookup('Z99.99'), undefined);
  });

  test('picks the version in force on the date of service', async () => {
    const idx = await fixtureIndex([fy2021, fy2024]);
    assert.equal(idx.lookup('U07.1', { date: '2024-03-01' })?.version, 'FY2024');
    assert.equal(idx.lookup('U07.1', { date: '2021-03-01' }), undefined, 'not yet in the FY2021 set');
    assert.equal(idx.lookup('E11.22', { date: '2024-03-01' }), undefined, 'absent from the FY2024 set');
    assert.equal(idx.lookup('E11.9', { date: '2021-03-01' })?.version, 'FY2021');
    assert.equal(idx.lookup('E11.9', { date: '2019-03-01' }), undefined, 'no set in force before FY2021');
    assert.equal(idx.lookup('E11.9')?.version, 'FY2024', 'latest without a date');
    assert.equal(idx.setFor('icd10cm', '2021-09-30')?.version, 'FY2021');
    assert.equal(idx.setFor('icd10cm', '2023-10-01')?.version, 'FY2024');
  });

  test('inherits notes and 7th characters down the hierarchy', async () => {
    const idx = await fixtureIndex([fy2021, fy2024]);
    const notes = idx.notes('E11.22');
    assert.deepEqual(notes.map((n) => [n.type, n.from]), [['useAdditionalCode', 'E1122'], ['excludes1', 'E11']]);
    assert.equal(notes[0]!.version, 'FY2021', 'notes come from the version that has a tabular');
    assert.deepEqual(idx.notes('E11.22', { inherited: false }).map((n) => n.type), ['useAdditionalCode']);
    assert.deepEqual(idx.seventhChars('S52.501').map((s) => s.chr), ['A', 'D']);
    assert.deepEqual(idx.seventhChars('E11.9'), []);
  });

  test('walks the hierarchy', async () => {
    const idx = await fixtureIndex([fy2021]);
    assert.deepEqual(idx.children('E11.2', { date: '2021-01-01' }).map((c) => c.code), ['E11.22']);
    assert.deepEqual(idx.billableDescendants('S52.5').map((c) => c.code), ['S52.501A']);
    assert.deepEqual(idx.ancestors('E11.22').map((c) => c.code), ['E11.2', 'E11']);
  });

  test('finds the children of chapters, sections and codes, with or without an index on parent', async () => {
    const header = (code: string, kind: 'chapter' | 'section', title: string, parent?: string) => ({ code, display: code, kind, billable: false, longTitle: title, ...(parent ? { parent } : {}) });
    const idx = await fixtureIndex([{
      system: 'icd10cm', version: 'FY2021', effectiveFrom: '2020-10-01', effectiveTo: '2021-09-30',
      codes: [
        header('CH04', 'chapter', 'Endocrine, nutritional and metabolic diseases (E00-E89)'),
        header('E08-E13', 'section', 'Diabetes mellitus (E08-E13)', 'CH04'),
        icd('E10', 'Type 1 diabetes mellitus', false, 'E08-E13'),
        icd('E11', 'Type 2 diabetes mellitus', false, 'E08-E13'),
        icd('E11.2', 'Type 2 diabetes mellitus with kidney complications', false),
        icd('E11.22', 'Type 2 diabetes mellitus with diabetic chronic kidney disease'),
        icd('E11.9', 'Type 2 diabetes mellitus without complications'),
        icd('H54.511', 'Low vision, right eye, category 1-2', false, 'H5451'),
        icd('H54.511A', 'Low vision right eye category 1, normal vision left eye'),
        // The FY2021 tabular nests this code under its sibling H54.511.
        icd('H54.512A', 'Low vision right eye category 2, normal vision left eye', true, 'H54511'),
      ],
    }, {
      system: 'pos', version: '2024', codes: [
        { code: 'TELE', display: 'TELE', kind: 'pos', billable: false, longTitle: 'Telehealth' },
        { code: '02', display: '02', kind: 'pos', billable: true, longTitle: 'Telehealth provided other than in patient\'s home', parent: 'TELE' },
        { code: '10', display: '10', kind: 'pos', billable: true, longTitle: 'Telehealth provided in patient\'s home', parent: 'TELE' },
      ],
    }]);
    const expected: [string, string[], CodeSystem?][] = [
      ['CH04', ['E08-E13'], 'icd10cm'],
      ['E08-E13', ['E10', 'E11']],
      ['E11', ['E11.2', 'E11.9']],
      ['E11.2', ['E11.22']],
      ['E11.22', []],
      ['H54.511', ['H54.511A', 'H54.512A']],
      ['TELE', ['02', '10'], 'pos'],
    ];
    const check = (label: string) => {
      for (const [code, children, system] of expected) {
        assert.deepEqual(idx.children(code, system ? { system } : {}).map((c) => c.code), children, `${code} (${label})`);
      }
    };
    check('no index on parent');
    idx.db.exec('CREATE INDEX code_parent ON code (set_id, parent)');
    check('a database written with the code_parent index');
  });

  test('expands code ranges with prefix semantics', async () => {
    const idx = await fixtureIndex([fy2021]);
    assert.ok(idx.inRanges('E10.9', [['E10', 'E10']]));
    assert.ok(idx.inRanges('E11.9', [['E10', 'E13']]));
    assert.ok(idx.inRanges('N18.3', [['N181', 'N186']]));
    assert.ok(!idx.inRanges('N18.9', [['N181', 'N186']]));
    assert.ok(!idx.inRanges('E14.0', [['E10', 'E13']]));
    assert.ok(idx.inRanges('O11.1', [['O10', 'O11'], ['O13', 'O16']]));
    assert.ok(!idx.inRanges('O12.0', [['O10', 'O11'], ['O13', 'O16']]));
  });

  test('answers NCCI and MCE edits, PTP from its own database on first use', async () => {
    const idx = await fixtureIndex([
      fy2021,
      { system: 'ncci-mue', version: '2024-Q3', variant: 'practitioner', effectiveFrom: '2024-07-01', effectiveTo: '2024-09-30', mue: [{ code: '99213', units: 1, mai: 2, rationale: 'Code descriptor' }] },
      { system: 'ncci-addon', version: '2024-06', addon: [{ addon: '99417', primary: '99205', editType: 1 }] },
      { system: 'mce', version: 'v41.1', mce: [{ code: 'O80', edit: 'age', rule: 'maternity', minAge: 9, maxAge: 64, text: 'O80 Maternity 9-64' }] },
      { system: 'ncci-ptp', version: '2024-Q3', variant: 'practitioner', ptp: [
        { col1: '29881', col2: '29880', modifierIndicator: 1, rationale: 'Misuse of column two code with column one code' },
        { col1: '11042', col2: '97597', modifierIndicator: 0, deletionDate: '2020-12-31' },
      ] },
    ]);
    assert.deepEqual({ ...idx.mue('99213')!, rationale: undefined }, { code: '99213', units: 1, mai: 2, variant: 'practitioner', version: '2024-Q3', rationale: undefined });
    assert.equal(idx.addonPrimaries('99417')[0]?.primary, '99205');
    assert.equal(idx.mceEdits('O80')[0]?.maxAge, 64);
    assert.ok(idx.hasPtp());
    const pair = await idx.ptp('29880', '29881');
    assert.equal(pair?.[0]?.col1, '29881');
    assert.equal(pair?.[0]?.modifierIndicator, 1);
    assert.equal(pair?.[0]?.rationale, 'Misuse of column two code with column one code');
    assert.deepEqual(await idx.ptp('11042', '97597', { date: '2024-08-01' }), [], 'deleted before the date of service');
    assert.equal((await idx.ptp('11042', '97597'))?.length, 1);
  });

  test('reports counts per set', async () => {
    const idx = await fixtureIndex([fy2021]);
    const set = idx.sets()[0]!;
    assert.equal(set.counts.codes, 9);
    assert.equal(set.counts.billable, 3);
    assert.equal(set.counts.notes, 2);
    assert.equal(set.counts.excludes1, 1);
  });
});

describe('opening a database file', () => {
  test('refuses bytes that are not SQLite with a clear message', async () => {
    const SQL = await sqlJs();
    assert.throws(() => openCodesetIndex(SQL, new TextEncoder().encode('this is a clinical note, not a database')), (e: unknown) => e instanceof CodesetDatabaseError && /not SQLite/.test((e as Error).message));
  });

  test('refuses a truncated (corrupted) database', async () => {
    const SQL = await sqlJs();
    const idx = await fixtureIndex([fy2021]);
    const bytes = idx.db.export();
    const truncated = bytes.slice(0, Math.floor(bytes.length / 3));
    assert.throws(() => openCodesetIndex(SQL, truncated), (e: unknown) => e instanceof CodesetDatabaseError && /corrupted|no code sets/.test((e as Error).message));
  });

  test('refuses an SQLite file that is not a MedCode database', async () => {
    const SQL = await sqlJs();
    const db = new SQL.Database();
    db.run('CREATE TABLE patients (id INTEGER)');
    assert.throws(() => openCodesetIndex(SQL, db.export()), /no code sets/);
  });
});
