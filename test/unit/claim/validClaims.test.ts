// Random well-formed claims (test/support/validClaims.ts): each one exports as X12 and FHIR, and
// every 837P passes the strict validator. The integration suite runs the same over 1,000 claims.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { exportClaim } from '../../../src/core/claim/export/index';
import { validateClaim } from '../../../src/core/claim/parse';
import { exportValidClaims, validClaimArbitrary } from '../../support/validClaims';
import { assertX12ValidBatch, skipUnlessX12valid } from '../../support/x12valid';
import { fhirErrors } from './support';

describe('random valid claims', () => {
  test('each exports as X12 (read back by node-x12) and as a FHIR Claim the R4 validator accepts', () => {
    exportValidClaims(60);
    for (const input of fc.sample(validClaimArbitrary, 25)) {
      const parsed = validateClaim(input);
      assert.ok(parsed.ok);
      const out = exportClaim(parsed.claim, 'fhir', [], { fhir: { created: '2024-09-05T09:00:00Z' } });
      assert.ok(out.ok, out.ok ? '' : out.errors.join(' '));
      assert.deepEqual(fhirErrors(JSON.parse(out.content)), []);
    }
  });

  test('every 837P of 60 random valid claims passes x12valid', { skip: skipUnlessX12valid() }, () => {
    assertX12ValidBatch(exportValidClaims(60));
  });
});
