// Property-based: any claim the schema accepts (realistic values mixed with garbage strings,
// control characters and odd numbers) never crashes an export, and every export either
// validates (FHIR validator, node-x12 read-back with envelope checks, schema re-parse) or is
// refused with at least one sentence.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { exportClaim, type GateWarning } from '../../../src/core/claim/export/index';
import { parseClaim } from '../../../src/core/claim/parse';
import { assertWellFormed837p, fhirErrors } from './support';
import { assertX12ValidBatch, skipUnlessX12valid } from '../../support/x12valid';

const garbage = fc.oneof(fc.string(), fc.string({ unit: 'binary', maxLength: 12 }), fc.constantFrom('', ' ', '*~:^', '\u0000\u001f', '\ud800', 'é ñ'));
// Two temperaments: wild claims (garbage anywhere, members missing) are mostly refused; tame
// claims (realistic values, rare garbage) mostly export. Both must hold the property.
function claimArbitrary(wild: boolean) {
  const g = wild ? 1 : 0.02;
  // `wrong` values are plausible mistakes (a 4-digit code, a 3-digit NPI): only wild claims get them.
  const str = (real: string[], wrong: string[] = []) =>
    fc.oneof({ weight: 100, arbitrary: fc.constantFrom(...real, ...(wild ? wrong : [])) }, { weight: Math.max(1, Math.round(33 * g)), arbitrary: garbage });
  const date = fc.oneof(
    { weight: wild ? 3 : 100, arbitrary: fc.date({ min: new Date('1900-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)) },
    { weight: 1, arbitrary: fc.constantFrom('2024-02-30', '20240814', '2024-8-1', '') },
    { weight: 1, arbitrary: garbage },
  );
  const num = wild ? fc.oneof(fc.integer({ min: -5, max: 20 }), fc.double({ min: -10, max: 1e12, noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, 1, 0.0001, 125.005)) : fc.oneof(fc.integer({ min: 1, max: 3 }), fc.constantFrom(125, 61.2, 0.5));
  // Tame claims carry every member; wild ones may omit any.
  const optionalKeys = wild ? { requiredKeys: [] as never[] } : {};
  const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined, freq: wild ? 5 : 40 });
  const name = fc.record({ family: opt(str(['Rivera', 'Nuñez', "O'Brien"])), given: opt(str(['Ana', 'Zoë'])), middle: opt(str(['J'])), suffix: opt(str(['Jr'])) }, optionalKeys);
  const address = fc.record({ line1: opt(str(['1 Main St'])), line2: opt(str(['Apt 2'])), city: opt(str(['Springfield'])), state: opt(str(['IL'])), postalCode: opt(str(['62704', '627010400'])), country: opt(str(['US', 'CA'])) }, optionalKeys);
  const npi = str(['1234567893', '1987654328', '1234567890'], ['123']);
  const billingAddress = fc.record({ line1: opt(str(['1 Main St'])), line2: opt(str(['Suite 2'])), city: opt(str(['Springfield'])), state: opt(str(['IL'], ['I'])), postalCode: opt(str(['627010400', '62701-0400'], ['62701'])) }, optionalKeys);
  const provider = fc.record({
    npi: opt(npi), name: opt(str(['Lakeside Family Medicine'])), personName: opt(name), taxId: opt(str(['123456789', '12-3456789'], ['12345', '12-345*789'])),
    taxonomy: opt(str(['207Q00000X'], ['207Q-0000X'])), address: opt(billingAddress), phone: opt(str(['217-555-0100', '(217) 555 0100'], ['555'])), contactName: opt(str(['Billing Office'])),
  }, optionalKeys);

  return fc.record(
    {
      schemaVersion: fc.constant('1' as const),
      id: opt(str(['CLM-1', 'a b/c'])),
      encounter: fc.record({ dateOfService: opt(date), placeOfService: opt(str(['11', '22', '02'], ['1'])), patientStatus: opt(str(['new', 'established'])), setting: opt(str(['outpatient'])), totalTimeMinutes: opt(num) }, optionalKeys),
      patient: opt(fc.record({ id: opt(str(['P-1'])), name: opt(name), birthDate: opt(date), sex: opt(str(['female', 'male', 'other', 'unknown'])), memberId: opt(str(['XKZ123456789'])), address: opt(address) }, optionalKeys)),
      subscriber: opt(fc.record({ relationship: opt(str(['self', 'spouse', 'child', 'other', '19', 'G8'])), name: opt(name), memberId: opt(str(['HMO-1'])), birthDate: opt(date), sex: opt(str(['female'])), address: opt(address), groupNumber: opt(str(['G1'])) }, optionalKeys)),
      payer: opt(fc.record({ name: opt(str(['Acme Health Plan'])), id: opt(str(['ACME01'])) }, optionalKeys)),
      billingProvider: opt(provider),
      renderingProvider: opt(provider),
      diagnoses: fc.array(fc.record({ code: str(['I10', 'E11.9', 'S52521A', 'W09.8XXA', 'i10'], ['I1*0']), system: fc.constant('icd10cm' as const), status: opt(wild ? fc.constantFrom('accepted' as const, 'suggested' as const, 'rejected' as const) : fc.constant('accepted' as const)) }, { requiredKeys: ['code', 'system'] }), { minLength: wild ? 0 : 1, maxLength: wild ? 14 : 4 }),
      lines: fc.array(
        fc.record({
          code: str(['99213', '25565', 'Q4012', 'J3490'], ['9921']),
          system: fc.constantFrom('cpt' as const, 'hcpcs' as const),
          modifiers: fc.array(str(['25', 'RT', 'LT', '59'], ['X']), { maxLength: wild ? 5 : 2 }),
          units: num,
          charge: num,
          diagnosisPointers: fc.array(wild ? fc.oneof(fc.integer({ min: 1, max: 4 }), fc.integer({ min: -2, max: 20 })) : fc.constant(1), { minLength: wild ? 0 : 1, maxLength: wild ? 5 : 2 }),
          serviceDate: opt(date),
          placeOfService: opt(str(['11', '22'])),
        }, { requiredKeys: ['code', 'system', 'modifiers', 'units', 'charge', 'diagnosisPointers'] }),
        { minLength: wild ? 0 : 1, maxLength: 6 },
      ),
      totalCharge: opt(num),
    },
    wild ? { requiredKeys: ['schemaVersion', 'encounter', 'diagnoses', 'lines'] } : {},
  );
}
const claimArb = fc.oneof(claimArbitrary(true), claimArbitrary(false));

const warningArb: fc.Arbitrary<GateWarning> = fc.record({ rule: fc.constantFrom('claim.npi', 'ncci.ptp', 'claim.total'), severity: fc.constantFrom('error', 'warning', 'info'), message: fc.string() });
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const overrideArb = maybe(fc.record({ reason: fc.string(), who: maybe(fc.string()), at: fc.constant('2024-09-05T09:00:00Z') }, { requiredKeys: ['reason', 'at'] }));

/** JSON round trip: drops undefined members, as a claim file would. */
const asFile = (value: unknown) => JSON.stringify(value);

describe('exports of random claims', () => {
  test('every random claim parses (the arbitrary stays within the schema)', () => {
    fc.assert(fc.property(claimArb, (c) => parseClaim(asFile(c)).ok), { numRuns: 300 });
  });

  const x12Files: Array<{ name: string; text: string }> = [];
  for (const format of ['claim-json', 'fhir', 'x12'] as const) {
    test(`${format}: never crashes; validates or is refused with reasons`, (t) => {
      let exported = 0;
      let refused = 0;
      let controlNumber = 0;
      fc.assert(
        fc.property(claimArb, fc.array(warningArb, { maxLength: 3 }), overrideArb, (raw, warnings, override) => {
          const parsed = parseClaim(asFile(raw));
          if (!parsed.ok) throw new Error(parsed.errors.join(' '));
          const claim = parsed.claim;
          const x12 = { controlNumber: ++controlNumber };
          const out = exportClaim(claim, format, warnings, override ? { override, fhir: { created: '2024-09-05T09:00:00Z' }, x12 } : { fhir: { created: '2024-09-05T09:00:00Z' }, x12 });
          if (!out.ok) {
            refused++;
            assert.ok(out.errors.length > 0 && out.errors.every((e) => e.trim().length > 0));
            return;
          }
          exported++;
          if (format === 'claim-json') assert.ok(parseClaim(out.content).ok);
          if (format === 'fhir') assert.deepEqual(fhirErrors(JSON.parse(out.content)), []);
          if (format === 'x12') {
            assertWellFormed837p(out.content, claim, x12.controlNumber);
            x12Files.push({ name: `random claim ${x12.controlNumber}: ${asFile(raw)}`, text: out.content });
          }
        }),
        { numRuns: format === 'claim-json' ? 300 : format === 'x12' ? 600 : 400 },
      );
      // Both branches must be exercised, or the property says little.
      t.diagnostic(`exported ${exported}, refused ${refused}`);
      assert.ok(exported > 0 && refused > 0, `exported ${exported}, refused ${refused}`);
    });
  }

  test('x12: every random claim exported above passes x12valid', { skip: skipUnlessX12valid() }, (t) => {
    t.diagnostic(`${x12Files.length} 837P interchanges`);
    assert.ok(x12Files.length > 0);
    assertX12ValidBatch(x12Files);
  });

  test('any JSON value at all gives a parse result, never an exception', () => {
    fc.assert(fc.property(fc.jsonValue(), (v) => typeof parseClaim(JSON.stringify(v) ?? 'null').ok === 'boolean'), { numRuns: 300 });
    fc.assert(fc.property(fc.string(), (s) => typeof parseClaim(s).ok === 'boolean'), { numRuns: 300 });
  });
});
