// The one vocabulary of codes and dates (src/core/codes.ts). Where the copies it replaced
// disagreed, the case that pins the chosen behaviour says which copy differed.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  displayCode, icdCategory, icdDisplay, isIcd10cmShape, isIsoDate, isModifierShape, isProcedureShape, normalizeCode, sameCode, systemByShape,
} from '../../src/core/codes';
import { fixtureIndex, icd } from '../support/fixtureIndex';
import { viewClaim } from '../../src/core/rules/claimView';
import { flagDate, UsageError } from '../../src/cli/command';

describe('normalizeCode', () => {
  test('drops dots and white space and upper-cases', () => {
    assert.equal(normalizeCode(' e11.9 '), 'E119');
    assert.equal(normalizeCode('S52.5XXA'), 'S525XXA');
    assert.equal(normalizeCode('99213'), '99213');
    assert.equal(normalizeCode(normalizeCode('e11.9')), 'E119');
  });

  test('drops every dot (the evaluator and dictionary copies dropped only the first)', () => {
    assert.equal(normalizeCode('E11..9'), 'E119');
  });

  test('drops white space inside a code (the claim and extension copies only trimmed)', () => {
    assert.equal(normalizeCode('E11 .9'), 'E119');
    assert.ok(sameCode('e11 9', 'E11.9'));
  });
});

describe('display', () => {
  test('ICD-10-CM takes a dot after the category; the category alone none', () => {
    assert.equal(icdDisplay('e1122'), 'E11.22');
    assert.equal(icdDisplay(' s52.5xxa'), 'S52.5XXA');
    assert.equal(icdDisplay('I10'), 'I10');
  });

  test('other systems are shown normalized', () => {
    assert.equal(displayCode('hcpcs', 'j1100'), 'J1100');
    assert.equal(displayCode('cpt', '99213'), '99213');
    assert.equal(displayCode('icd10cm', 'E119'), 'E11.9');
  });

  test('the category ignores white space at the ends (the evaluator copy kept a leading space)', () => {
    assert.equal(icdCategory(' e11.22'), 'E11');
  });
});

describe('shapes', () => {
  test('ICD-10-CM: 3 to 7 characters, a dot only after the category', () => {
    for (const ok of ['E11', 'E11.9', 'e119', 'S52.501A', ' I10 ', 'U07.1']) assert.ok(isIcd10cmShape(ok), ok);
    for (const bad of ['E1', 'E1.19', 'E11.', 'E11.12345', '1234', 'E11-9', '']) assert.ok(!isIcd10cmShape(bad), bad);
  });

  test('CPT and HCPCS: 5 characters; modifiers: 2', () => {
    for (const ok of ['99213', 'J1100', ' j1100 ', '0001U']) assert.ok(isProcedureShape(ok), ok);
    for (const bad of ['9921', '992130', '99213-25', 'J11.00']) assert.ok(!isProcedureShape(bad), bad);
    for (const ok of ['25', 'lt', 'XS']) assert.ok(isModifierShape(ok), ok);
    for (const bad of ['2', '251', '']) assert.ok(!isModifierShape(bad), bad);
  });

  test('the system a shape names', () => {
    assert.equal(systemByShape('25'), 'modifier');
    assert.equal(systemByShape('99213'), 'cpt');
    assert.equal(systemByShape('0001U'), 'cpt');
    assert.equal(systemByShape('J1100'), 'hcpcs');
    assert.equal(systemByShape('E11.9'), 'icd10cm');
    assert.equal(systemByShape('U07.1'), 'icd10cm');
    // A letter and 4 digits: HCPCS by shape; the index decides when it may be a diagnosis (E11.22).
    assert.equal(systemByShape('E1122'), 'hcpcs');
    assert.equal(systemByShape('not a code'), undefined);
  });

  test('a service line code written with white space or a CPT letter other than F/T/U/M still reads as a procedure', () => {
    const view = viewClaim({ lines: [{ code: ' j1100 ' }, { code: '1234X' }] });
    assert.deepEqual(view.lines.map((l) => l.system), ['hcpcs', 'cpt']);
  });

  test('children of an ICD-10-CM U category are found (the index took U codes for HCPCS)', async () => {
    const idx = await fixtureIndex([{ system: 'icd10cm', version: '2021', codes: [icd('U07', 'Emergency use of U07', false), icd('U07.0', 'Vaping-related disorder'), icd('U07.1', 'COVID-19')] }]);
    try {
      assert.deepEqual(idx.children('U07').map((c) => c.code), ['U07.0', 'U07.1']);
    } finally {
      idx.close();
    }
  });
});

describe('isIsoDate', () => {
  test('a real calendar date written YYYY-MM-DD', () => {
    assert.ok(isIsoDate('2024-02-29'));
    assert.ok(!isIsoDate('2023-02-29'));
    assert.ok(!isIsoDate('2024-2-1'));
    assert.ok(!isIsoDate('2024-01-01T00:00'));
    assert.ok(!isIsoDate(undefined));
  });

  test('the CLI\'s --date takes only real dates (its copy took 2024-02-30)', () => {
    assert.equal(flagDate({ positionals: [], flags: { date: '2024-02-29' } }), '2024-02-29');
    assert.throws(() => flagDate({ positionals: [], flags: { date: '2024-02-30' } }), (e: unknown) => e instanceof UsageError && /YYYY-MM-DD/.test(e.message));
  });
});
