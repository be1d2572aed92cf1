// Every X12 export is parsed back by an independent library (node-x12, strict mode) and its
// envelope, hierarchy and claim arithmetic are checked.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { x12_837p } from '../../../src/core/claim/export/index';
import { assertWellFormed837p, CLAIM_FIXTURES, loadClaim, readX12 } from './support';

const NOW = new Date('2024-09-05T08:00:00Z');

describe('X12 837P export read back with node-x12', () => {
  CLAIM_FIXTURES.forEach((name, i) => {
    test(`${name}: envelope, hierarchy, totals and qualifiers`, () => {
      const claim = loadClaim(name);
      assertWellFormed837p(x12_837p(claim, { now: NOW, controlNumber: 7 + i }), claim, 7 + i);
    });
  });

  test('the loops come in 837P order for a dependent patient', () => {
    const claim = loadClaim('dependent');
    const { tags, segments } = readX12(x12_837p(claim, { now: NOW }));
    const nm1 = segments.filter((s) => s.tag === 'NM1').map((s) => s.el(1));
    assert.deepEqual(nm1, ['41', '40', '85', 'IL', 'PR', 'QC', '82']);
    assert.ok(tags.indexOf('PAT') > tags.indexOf('SBR') && tags.indexOf('PAT') < tags.indexOf('CLM'));
    const sv1 = segments.filter((s) => s.tag === 'SV1');
    assert.deepEqual(sv1.map((s) => s.el(1)), ['HC:99204:25', 'HC:25565:RT', 'HC:Q4012:RT']);
    assert.deepEqual(sv1.map((s) => s.el(7)), ['1:3', '1:2', '1']);
    assert.equal(sv1[2]!.el(5), '22', 'a line place of service that differs from the claim is sent in SV105');
  });

  test('no 2310B rendering loop when the rendering provider is the billing provider', () => {
    const { segments } = readX12(x12_837p(loadClaim('minimal'), { now: NOW }));
    assert.equal(segments.some((s) => s.tag === 'NM1' && s.el(1) === '82'), false);
  });

  test('delimiters inside names are refused naming the field, so they cannot break the structure', () => {
    const claim = loadClaim('minimal');
    claim.patient!.name = { family: 'O*Brien~Smith:Jr^', given: 'Zoë' };
    claim.payer!.name = 'A*B~C';
    assert.throws(() => x12_837p(claim, { now: NOW }), (e: Error & { problems?: string[] }) => {
      assert.deepEqual(e.problems?.map((p) => p.split(' ')[0]), ['patient.name.family', 'payer.name']);
      return true;
    });
    claim.patient!.name = { family: "O'Brien Smith", given: 'Zoë' };
    claim.payer!.name = 'A B C';
    const text = x12_837p(claim, { now: NOW });
    const { segments } = readX12(text);
    const il = segments.find((s) => s.tag === 'NM1' && s.el(1) === 'IL')!;
    assert.equal(il.el(3), "O'BRIEN SMITH");
    assert.equal(il.el(4), 'ZOE');
    assert.equal(text.split('~').length - 1, text.split('\n').length - 1, 'one terminator per segment line');
  });
});
