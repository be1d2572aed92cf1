import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCodeRefs } from '../../../../src/core/importers/icd10cm/refs';

describe('parseCodeRefs', () => {
  const cases: [string, [string, string][]][] = [
    ['diabetes due to underlying condition (E08.-)', [['E08', 'E08']]],
    ['pre-existing hypertension (O10-O11, O13-O16)', [['O10', 'O11'], ['O13', 'O16']]],
    ['type 1 diabetes with ketoacidosis E10.1-', [['E101', 'E101']]],
    ['hypertensive disease (I10-I16)', [['I10', 'I16']]],
    ['asthma (J45.-)', [['J45', 'J45']]],
    ['tuberculosis (A15-A19)', [['A15', 'A19']]],
    ['acute appendicitis with localized peritonitis (K35.2-)', [['K352', 'K352']]],
    ['poisoning by penicillins T36.0X1', [['T360X1', 'T360X1']]],
    ['helminthiases (B65.0 -B83.9)', [['B650', 'B839']]],
    ['substance use (F10.--F19.-)', [['F10', 'F19']]],
    ['substance use (F10.- -F19.-)', [['F10', 'F19']]],
    ['atherosclerosis (I70.2--I70.7-)', [['I702', 'I707']]],
    ['injuries (S00.- to S09.-)', [['S00', 'S09']]],
    ['obstetric codes O9A.1- and Z3A.-', [['O9A1', 'O9A1'], ['Z3A', 'Z3A']]],
  ];
  for (const [text, expected] of cases) {
    test(text, () => assert.deepEqual(parseCodeRefs(text), expected));
  }

  test('a category range followed by "with .xx" expands to each category with that suffix', () => {
    assert.deepEqual(parseCodeRefs('(E08-E10 with .21)'), [['E0821', 'E0821'], ['E0921', 'E0921'], ['E1021', 'E1021']]);
  });

  test('a suffix range applies to every listed code', () => {
    assert.deepEqual(parseCodeRefs('(F10, F13 with .51-.52)'), [['F1051', 'F1052'], ['F1351', 'F1352']]);
  });

  test('codes after the "with" clause are kept as plain references', () => {
    assert.deepEqual(parseCodeRefs('(E08-E09 with .61-) and long term insulin use (Z79.4)'), [['E0861', 'E0861'], ['E0961', 'E0961'], ['Z794', 'Z794']]);
  });

  test('words that look like codes but are not (NOS, NEC, HIV, C3, 2019) give no references', () => {
    assert.deepEqual(parseCodeRefs('HIV disease NOS, NEC, with C3 glomerulopathy since 2019'), []);
  });

  test('a repeated reference is listed once', () => {
    assert.deepEqual(parseCodeRefs('(R73.9) or (R73.9)'), [['R739', 'R739']]);
  });
});
