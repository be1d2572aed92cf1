// Every X12 export is parsed back by an independent library (node-x12, strict mode) and its
// envelope, hierarchy and claim arithmetic are checked.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { x12_837p } from '../../../src/core/claim/export/index';
import type { Claim } from '../../../src/core/claim/schema';
import { CLAIM_FIXTURES, loadClaim, readX12 } from './support';

const NOW = new Date('2024-09-05T08:00:00Z');

/** The checks every 837P we write must pass; returns the read-back for further checks. */
export function assertWellFormed837p(text: string, claim: Claim, controlNumber: number) {
  const back = readX12(text);
  const ic = back.interchange;
  const gs = ic.functionalGroups[0]!;
  const st = gs.transactions[0]!;
  // Envelope: one group, one transaction; counts and control numbers match.
  assert.equal(ic.functionalGroups.length, 1);
  assert.equal(gs.transactions.length, 1);
  // node-x12 reads ISA13/IEA02 as numbers (leading zeros dropped); the raw text keeps the fixed width.
  assert.equal(Number(ic.header.valueOf(13)), controlNumber);
  assert.equal(ic.trailer.valueOf(1), '1');
  assert.equal(ic.trailer.valueOf(2), ic.header.valueOf(13));
  const isa = text.slice(0, text.indexOf('~'));
  assert.equal(isa.length, 105, 'ISA is fixed width (106 characters with the terminator)');
  assert.equal(isa.split('*')[13], String(controlNumber).padStart(9, '0'));
  assert.ok(text.trimEnd().endsWith(`IEA*1*${String(controlNumber).padStart(9, '0')}~`));
  assert.equal(gs.header.valueOf(6), String(controlNumber));
  assert.equal(gs.header.valueOf(8), '005010X222A1');
  assert.equal(gs.trailer.valueOf(1), '1');
  assert.equal(gs.trailer.valueOf(2), gs.header.valueOf(6));
  assert.equal(st.header.valueOf(1), '837');
  assert.equal(st.header.valueOf(3), '005010X222A1');
  assert.equal(st.trailer.valueOf(2), st.header.valueOf(2));
  assert.equal(Number(st.trailer.valueOf(1)), back.segments.length + 2, 'SE01 counts ST through SE');
  // HL hierarchy: 20 billing provider, 22 subscriber under it, 23 patient under the subscriber.
  const hls = back.segments.filter((s) => s.tag === 'HL').map((s) => [s.el(1), s.el(2), s.el(3), s.el(4)]);
  const dependent = hls.length === 3;
  assert.deepEqual(hls.slice(0, 2), [['1', '', '20', '1'], ['2', '1', '22', dependent ? '1' : '0']]);
  if (dependent) assert.deepEqual(hls[2], ['3', '2', '23', '0']);
  assert.equal(back.tags.filter((t) => t === 'PAT').length, dependent ? 1 : 0);
  // CLM02 = sum of SV102; one LX/SV1/DTP*472 per line.
  const clm = back.segments.find((s) => s.tag === 'CLM')!;
  const sv1 = back.segments.filter((s) => s.tag === 'SV1');
  const cents = (v: string) => Math.round(Number(v) * 100);
  assert.equal(cents(clm.el(2)), sv1.reduce((sum, s) => sum + cents(s.el(2)), 0));
  assert.equal(sv1.length, claim.lines.length);
  assert.equal(back.tags.filter((t) => t === 'LX').length, claim.lines.length);
  assert.equal(back.segments.filter((s) => s.tag === 'DTP' && s.el(1) === '472').length, claim.lines.length);
  // HI: ABK first, then ABF; codes without dots.
  const hi = back.segments.find((s) => s.tag === 'HI')!;
  const quals = Array.from({ length: claim.diagnoses.length }, (_, i) => hi.el(i + 1).split(':'));
  assert.deepEqual(quals.map((q) => q[0]), claim.diagnoses.map((_, i) => (i === 0 ? 'ABK' : 'ABF')));
  assert.ok(quals.every((q) => !q[1]!.includes('.')));
  return back;
}

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

  test('delimiters inside names cannot break the structure', () => {
    const claim = loadClaim('minimal');
    claim.patient!.name = { family: 'O*Brien~Smith:Jr^', given: 'Zoë' };
    claim.payer!.name = 'A*B~C';
    const text = x12_837p(claim, { now: NOW });
    const { segments } = readX12(text);
    const il = segments.find((s) => s.tag === 'NM1' && s.el(1) === 'IL')!;
    assert.equal(il.el(3), 'O BRIEN SMITH JR');
    assert.equal(il.el(4), 'ZOE');
    assert.equal(text.split('~').length - 1, text.split('\n').length - 1, 'one terminator per segment line');
  });
});
