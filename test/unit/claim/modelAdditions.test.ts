// The claim members added for payers' needs: drug NDCs (2410 LIN/CTP, FHIR item.detail),
// corrected and voided claims (CLM05-3, REF*F8, FHIR related), the referring provider (2310A),
// the prior authorization (REF*G1, insurance.preAuthRef) and the submitter contact (1000A PER).
// Each round-trips through node-x12 and the strict validator, and through the FHIR validator.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { exportClaim, fhirClaim, x12_837p } from '../../../src/core/claim/export/index';
import type { Claim } from '../../../src/core/claim/schema';
import { assertX12Valid, skipUnlessX12valid } from '../../support/x12valid';
import { fhirErrors, loadClaim, readX12 } from './support';

const NOW = new Date('2024-09-05T08:00:00Z');
const CREATED = '2024-09-05T09:00:00Z';

function drugClaim(): Claim {
  const claim = loadClaim('minimal');
  claim.lines.push({ code: 'J1885', system: 'hcpcs', modifiers: [], units: 4, charge: 12, diagnosisPointers: [1], ndc: '00409-3795-01', ndcQuantity: 2, ndcUnit: 'ML' });
  return claim;
}

function corrected(frequency: '7' | '8'): Claim {
  const claim = loadClaim('dependent');
  claim.encounter.frequency = frequency;
  claim.encounter.originalClaimId = 'PCN-2024-000123';
  claim.priorAuthorization = 'AUTH-7781';
  claim.referringProvider = { npi: '1679576722', personName: { family: 'Haddad', given: 'Omar' } };
  return claim;
}

describe('drug lines: NDC, quantity and unit', () => {
  test('X12: LIN*N4 with the 11 digits and CTP with quantity and unit follow the line (2410)', () => {
    const { segments, tags } = readX12(x12_837p(drugClaim(), { now: NOW }));
    const lin = segments.find((s) => s.tag === 'LIN')!;
    assert.deepEqual([lin.el(2), lin.el(3)], ['N4', '00409379501']);
    const ctp = segments.find((s) => s.tag === 'CTP')!;
    assert.deepEqual([ctp.el(4), ctp.el(5)], ['2', 'ML']);
    assert.equal(tags.lastIndexOf('LIN'), tags.lastIndexOf('DTP') + 1, '2410 comes after the J-code line\'s DTP*472');
    assert.equal(tags.filter((t) => t === 'LIN').length, 1, 'lines without an NDC carry no 2410');
  });

  test('FHIR: item.detail carries the NDC (5-4-2) with the quantity; the resource validates', () => {
    const fhir = fhirClaim(drugClaim(), { created: CREATED }) as { item: Array<{ detail?: unknown[] }> };
    assert.deepEqual(fhir.item[1]!.detail, [{ sequence: 1, productOrService: { coding: [{ system: 'http://hl7.org/fhir/sid/ndc', code: '00409-3795-01' }] }, quantity: { value: 2, unit: 'ML' } }]);
    assert.deepEqual(fhirErrors(fhir), []);
  });

  test('a 10-digit NDC, a quantity without unit or an unknown unit are refused naming the field', () => {
    const claim = drugClaim();
    claim.lines[1]!.ndc = '0409-3795-01';
    delete claim.lines[1]!.ndcUnit;
    const out = exportClaim(claim, 'x12', []);
    assert.equal(out.ok, false);
    if (out.ok) return;
    assert.match(out.errors.join('\n'), /lines\[1\]\.ndc "0409-3795-01" is not an 11-digit NDC in 5-4-2 form/);
    assert.match(out.errors.join('\n'), /lines\[1\]\.ndcUnit is missing; .*loop 2410, CTP05-1/);
    claim.lines[1]!.ndc = '00409379501';
    claim.lines[1]!.ndcUnit = 'MG';
    assert.ok(!exportClaim(claim, 'x12', []).ok);
    claim.lines[1]!.ndcUnit = 'me';
    assert.ok(exportClaim(claim, 'x12', []).ok);
  });
});

describe('corrected and voided claims, referring provider, prior authorization', () => {
  for (const frequency of ['7', '8'] as const) {
    test(`frequency ${frequency}: CLM05-3, REF*F8, REF*G1 and NM1*DN in X12; related and preAuthRef in FHIR`, () => {
      const claim = corrected(frequency);
      const { segments, tags } = readX12(x12_837p(claim, { now: NOW }));
      const clm = segments.find((s) => s.tag === 'CLM')!;
      assert.equal(clm.el(5), `11:B:${frequency}`);
      const refs = segments.filter((s) => s.tag === 'REF' && ['G1', 'F8'].includes(s.el(1))).map((s) => `${s.el(1)}=${s.el(2)}`);
      assert.deepEqual(refs, ['G1=AUTH-7781', 'F8=PCN-2024-000123']);
      assert.ok(tags.indexOf('REF', tags.indexOf('CLM')) < tags.indexOf('HI'), 'the 2300 REFs come before HI');
      const nm1 = segments.filter((s) => s.tag === 'NM1').map((s) => s.el(1));
      assert.deepEqual(nm1.slice(-2), ['DN', '82'], '2310A referring before 2310B rendering');

      const fhir = fhirClaim(claim, { created: CREATED }) as Record<string, unknown>;
      assert.equal(fhir.status, frequency === '8' ? 'cancelled' : 'active');
      assert.deepEqual((fhir.related as Array<{ claim: unknown }>)[0]!.claim, { identifier: { value: 'PCN-2024-000123' } });
      assert.deepEqual((fhir.insurance as Array<{ preAuthRef?: string[] }>)[0]!.preAuthRef, ['AUTH-7781']);
      assert.deepEqual(fhirErrors(fhir), []);
    });
  }

  test('a replacement without the original claim id is refused naming REF*F8', () => {
    const claim = corrected('7');
    delete claim.encounter.originalClaimId;
    const out = exportClaim(claim, 'x12', []);
    assert.equal(out.ok, false);
    if (!out.ok) assert.match(out.errors.join('\n'), /encounter\.originalClaimId is missing; .*loop 2300, REF\*F8/);
    claim.encounter.frequency = '5';
    const again = exportClaim(claim, 'x12', []);
    if (!again.ok) assert.match(again.errors.join('\n'), /encounter\.frequency "5" is not a claim frequency code/);
  });

  test('submitter contact: PER names the billing contact and the phone digits', () => {
    const claim = loadClaim('working');
    const per = readX12(x12_837p(claim, { now: NOW })).segments.find((s) => s.tag === 'PER')!;
    assert.deepEqual([per.el(1), per.el(2), per.el(3), per.el(4)], ['IC', 'BILLING OFFICE', 'TE', '4105550199']);
    const org = (fhirClaim(claim, { created: CREATED }).contained as Array<Record<string, unknown>>).find((r) => r.id === 'billing-provider')!;
    assert.deepEqual(org.telecom, [{ system: 'phone', value: '(410) 555-0199' }]);
  });

  test('x12valid accepts the drug, replacement and void claims', { skip: skipUnlessX12valid() }, () => {
    assertX12Valid([
      { name: 'drug', text: x12_837p(drugClaim(), { now: NOW }) },
      { name: 'replacement', text: x12_837p(corrected('7'), { now: NOW }) },
      { name: 'void', text: x12_837p(corrected('8'), { now: NOW }) },
    ]);
  });
});
