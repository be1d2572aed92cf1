import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { billedUnits, descriptorUnit } from '../../../src/core/suggest/drugDose';
import { suggest } from './helpers';

describe('drug descriptor units', () => {
  test('reads per, fixed and up-to units from the descriptor', () => {
    assert.deepEqual(descriptorUnit('Injection, ceftriaxone sodium, per 250 mg'), { amount: 250, unit: 'mg', upTo: false });
    assert.deepEqual(descriptorUnit('Injection, dexamethasone sodium phosphate, 1 mg'), { amount: 1, unit: 'mg', upTo: false });
    assert.deepEqual(descriptorUnit('Injection, vitamin b-12 cyanocobalamin, up to 1000 mcg'), { amount: 1000, unit: 'mcg', upTo: true });
    assert.deepEqual(descriptorUnit('Injection, penicillin g benzathine, 100,000 units'), { amount: 100000, unit: 'units', upTo: false });
  });
  test('units = dose / unit size, rounded up; unlike measures give nothing', () => {
    assert.equal(billedUnits(1, 'g', { amount: 250, unit: 'mg', upTo: false }), 4);
    assert.equal(billedUnits(500, 'mg', { amount: 250, unit: 'mg', upTo: false }), 2);
    assert.equal(billedUnits(60, 'mg', { amount: 15, unit: 'mg', upTo: false }), 4);
    assert.equal(billedUnits(20, 'mg', { amount: 15, unit: 'mg', upTo: false }), 2);
    assert.equal(billedUnits(1000, 'mcg', { amount: 1000, unit: 'mcg', upTo: true }), 1);
    assert.equal(billedUnits(10, 'ml', { amount: 1, unit: 'mg', upTo: false }), undefined);
  });
});

describe('HCPCS drug suggestions', () => {
  test('ceftriaxone 1 g IM -> J0696 x 4', async () => {
    const s = (await suggest('Plan: ceftriaxone 1 g IM once today.')).find((x) => x.code === 'J0696');
    assert.ok(s);
    assert.equal(s.units, 4);
    assert.equal(s.system, 'hcpcs');
    assert.equal(s.evidence[0]!.text, 'ceftriaxone 1 g');
  });
  test('ketorolac 60 mg IM -> J1885 x 4; dexamethasone 10 mg IV -> J1100 x 10', async () => {
    const found = await suggest('Ketorolac 60 mg IM and dexamethasone 10 mg IV were given.');
    assert.equal(found.find((x) => x.code === 'J1885')?.units, 4);
    assert.equal(found.find((x) => x.code === 'J1100')?.units, 10);
  });
  test('an oral dose has no J-code', async () => {
    assert.ok(!(await suggest('Dexamethasone 4 mg by mouth daily.')).some((x) => x.system === 'hcpcs'));
  });
  test('a drug the patient did not get is not billed', async () => {
    assert.ok(!(await suggest('No ceftriaxone 1 g IM was given.')).some((x) => x.code === 'J0696'));
  });
});
