// Our 837P against the LinuxForHealth 837P samples (built on the X12 implementation guide's
// examples), read by the same independent parser: the loop skeleton must match, with the
// ICD-10 qualifiers (ABK/ABF) where the samples carry ICD-9 ones (BK/BF).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { x12_837p } from '../../../src/core/claim/export/index';
import { sharedPath, skipUnlessShared } from '../../support/shared';
import { loadClaim, readX12, type ReadBack } from '../../unit/claim/support';

const SAMPLES = 'corpora/claims/x12_837/linuxforhealth/src/tests/resources/837_005010X222A2';
const skip = skipUnlessShared(SAMPLES);
const sample = (file: string) => readX12(readFileSync(sharedPath(SAMPLES, file), 'utf8'));

/**
 * The required loop skeleton: HL levels, the entity of each required NM1, SBR/PAT/CLM/HI and one
 * service line (LX SV1 DTP*472, repeated lines collapsed). Situational loops that differ by
 * example (pay-to 87, referring 77/DN, rendering 82, service facility 77, PER/REF/N3/N4/DMG) are left out.
 */
function skeleton(back: ReadBack): string[] {
  const out: string[] = [];
  for (const s of back.segments) {
    if (s.tag === 'HL') out.push(`HL/${s.el(3)}`);
    else if (s.tag === 'NM1' && ['41', '40', '85', 'IL', 'PR', 'QC'].includes(s.el(1))) out.push(`NM1/${s.el(1)}`);
    else if (['BHT', 'SBR', 'PAT', 'CLM', 'HI', 'LX', 'SV1'].includes(s.tag)) out.push(s.tag);
    else if (s.tag === 'DTP' && s.el(1) === '472') out.push('DTP/472');
  }
  const line = ['LX', 'SV1', 'DTP/472'].join(' ');
  return out.join(' ').replace(new RegExp(`(${line})( ${line})+`, 'g'), line).split(' ');
}

const NOW = new Date('2024-09-05T08:00:00Z');

describe('837P shape against the implementation-guide samples', { skip }, () => {
  test('the samples themselves parse with node-x12 (the oracle can read real 837P)', () => {
    const files = readdirSync(sharedPath(SAMPLES)).filter((f) => f.endsWith('.837'));
    assert.ok(files.length >= 10, `found ${files.length} samples`);
    for (const f of files) assert.ok(sample(f).tags.includes('CLM'), f);
  });

  test('dependent patient: same skeleton as demo.example1 (patient is a dependent, HL 20/22/23)', () => {
    const ours = skeleton(readX12(x12_837p(loadClaim('dependent'), { now: NOW })));
    assert.deepEqual(ours, skeleton(sample('demo.example1.837')));
  });

  test('patient is the subscriber: same skeleton as demo.example2 (HL 20/22, no 2000C)', () => {
    const ours = skeleton(readX12(x12_837p(loadClaim('minimal'), { now: NOW })));
    assert.deepEqual(ours, skeleton(sample('demo.example2.837')));
  });

  test('envelope and header elements sit where the samples put them', () => {
    const ours = readX12(x12_837p(loadClaim('minimal'), { now: NOW })).interchange;
    const theirs = sample('demo.example1.837').interchange;
    assert.equal(ours.header.elements.length, theirs.header.elements.length, 'ISA has 16 elements');
    assert.equal(ours.header.valueOf(12), theirs.header.valueOf(12), 'ISA12 version 00501');
    const gs = (ic: typeof ours) => ic.functionalGroups[0]!.header;
    assert.equal(gs(ours).valueOf(1), gs(theirs).valueOf(1), 'GS01 HC');
    // The samples are 005010X222A2; we write the A1 version HIPAA names.
    assert.equal(gs(theirs).valueOf(8), '005010X222A2');
    assert.equal(gs(ours).valueOf(8), '005010X222A1');
  });

  test('CLM05 and HI use the same composites, with ICD-10 qualifiers for the samples\' ICD-9 ones', () => {
    const ours = readX12(x12_837p(loadClaim('dependent'), { now: NOW }));
    const theirs = sample('demo.example1.837');
    const clm = (b: ReadBack) => b.segments.find((s) => s.tag === 'CLM')!;
    assert.deepEqual(clm(ours).el(5).split(':').slice(1), clm(theirs).el(5).split(':').slice(1), 'facility code qualifier B and frequency 1');
    const quals = (b: ReadBack) => {
      const hi = b.segments.find((s) => s.tag === 'HI')!;
      return [1, 2].map((n) => hi.el(n).split(':')[0]);
    };
    assert.deepEqual(quals(theirs), ['BK', 'BF']);
    assert.deepEqual(quals(ours), ['ABK', 'ABF']);
    const sv1 = (b: ReadBack) => b.segments.find((s) => s.tag === 'SV1')!;
    assert.equal(sv1(ours).el(1).split(':')[0], sv1(theirs).el(1).split(':')[0], 'HC qualifier');
    assert.equal(sv1(ours).el(3), sv1(theirs).el(3), 'UN');
  });
});
