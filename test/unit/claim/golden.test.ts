// Golden exports of hand-written claims. Regenerate after an intended change with
// UPDATE_GOLDEN=1 node --import tsx --test test/unit/claim/golden.test.ts, then review the diff.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { claimJson, fhirClaim, x12_837p } from '../../../src/core/claim/export/index';
import { CLAIM_FIXTURES, FIXTURES, fixtureText, loadClaim } from './support';
import { assertX12Valid, skipUnlessX12valid } from '../../support/x12valid';

const NOW = new Date('2024-09-05T08:00:00Z');

function render(name: string, kind: 'claim-json' | 'fhir' | 'x12', i: number): string {
  const claim = loadClaim(name);
  if (kind === 'claim-json') return claimJson(claim);
  if (kind === 'fhir') return `${JSON.stringify(fhirClaim(claim, { created: NOW.toISOString(), identifierSystem: 'urn:example:lakeside' }), null, 2)}\n`;
  return x12_837p(claim, { now: NOW, controlNumber: 101 + i, senderId: 'LAKESIDE01', receiverId: 'CLEARHOUSE' });
}

const FILES = { 'claim-json': 'claim.golden.json', fhir: 'fhir.golden.json', x12: 'golden.x12' } as const;

describe('golden exports', () => {
  CLAIM_FIXTURES.forEach((name, i) => {
    for (const kind of ['claim-json', 'fhir', 'x12'] as const) {
      test(`${name} as ${kind}`, () => {
        const file = `${name}.${FILES[kind]}`;
        const actual = render(name, kind, i);
        if (process.env.UPDATE_GOLDEN) writeFileSync(join(FIXTURES, file), actual);
        assert.ok(existsSync(join(FIXTURES, file)), `${file} is missing; run with UPDATE_GOLDEN=1 to create it`);
        assert.equal(actual, fixtureText(file));
      });
    }
  });
});

describe('golden 837P files pass the strict validator', () => {
  test('x12valid (005010X222A1 maps) accepts every golden 837P', { skip: skipUnlessX12valid() }, () => {
    assertX12Valid(CLAIM_FIXTURES.map((name, i) => ({ name: `${name}.golden.x12`, text: render(name, 'x12', i) })));
  });
});

describe('claim JSON export', () => {
  test('strips evidence, decisions, note, audit, suppressions and overrides unless asked', () => {
    const claim = loadClaim('working');
    const billing = JSON.parse(claimJson(claim));
    for (const key of ['note', 'audit', 'suppressed', 'overrides']) assert.equal(key in billing, false, key);
    for (const item of [...billing.diagnoses, ...billing.lines])
      for (const key of ['evidence', 'status', 'decidedBy', 'decidedAt']) assert.equal(key in item, false, key);
    const working = JSON.parse(claimJson(claim, { includeWorkingFields: true }));
    assert.deepEqual(working, JSON.parse(JSON.stringify(claim)));
  });

  test('refuses a billing copy that still holds undecided or rejected codes', () => {
    const claim = loadClaim('working');
    claim.diagnoses[1]!.status = 'rejected';
    claim.lines[0]!.status = 'suggested';
    assert.throws(() => claimJson(claim), (e: Error & { problems?: string[] }) => {
      assert.deepEqual(e.problems, [
        'diagnoses[1] (I10) is marked rejected; remove it from the claim before exporting it for billing.',
        'lines[0] (99212) is still a suggestion; accept or remove it before exporting the claim for billing.',
      ]);
      return true;
    });
    assert.doesNotThrow(() => claimJson(claim, { includeWorkingFields: true }));
  });
});
