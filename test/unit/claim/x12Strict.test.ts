// What the 837P guide requires and what its elements can hold: a claim missing a required field
// is refused naming the field, loop and segment and passes once it is filled; a value the 837P
// cannot carry is refused naming the field, never cut or rewritten; every file written passes
// the strict validator.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { exportClaim, x12_837p } from '../../../src/core/claim/export/index';
import type { Claim } from '../../../src/core/claim/schema';
import { assertX12Valid, skipUnlessX12valid } from '../../support/x12valid';
import { loadClaim, readX12 } from './support';

const NOW = new Date('2024-09-05T08:00:00Z');

function refusal(claim: Claim): string[] {
  const out = exportClaim(claim, 'x12', []);
  if (out.ok) return [];
  assert.equal(out.structural, true, 'a format problem cannot be overridden');
  return out.errors;
}

describe('837P required fields', () => {
  const cases: Array<[string, (c: Claim) => void, RegExp]> = [
    ['billing provider street address', (c) => delete c.billingProvider!.address, /billingProvider\.address is missing; the 837P billing provider address \(loop 2010AA, N3\/N4\)/],
    ['billing provider street', (c) => delete c.billingProvider!.address!.line1, /billingProvider\.address\.line1 is missing; .*loop 2010AA, N301/],
    ['patient address', (c) => delete c.patient!.address, /patient\.address is missing; the 837P patient address \(loop 2010BA, N3\/N4\)/],
    ['billing provider ZIP', (c) => delete c.billingProvider!.address!.postalCode, /billingProvider\.address\.postalCode is missing; .*loop 2010AA, N403/],
    ['submitter telephone', (c) => delete c.billingProvider!.phone, /billingProvider\.phone is missing; the 837P submitter contact telephone number \(loop 1000A, PER04\)/],
    ['subscriber member id', (c) => delete c.patient!.memberId, /patient\.memberId is missing; .*loop 2010BA, NM109/],
    ['payer id', (c) => delete c.payer!.id, /payer\.id is missing; .*loop 2010BB, NM109/],
  ];
  for (const [what, breakIt, message] of cases) {
    test(`no ${what}: refused naming field, loop and segment; exported once filled`, () => {
      const claim = loadClaim('minimal');
      breakIt(claim);
      const errors = refusal(claim);
      assert.equal(errors.length >= 1, true);
      assert.match(errors.join('\n'), message);
      assert.deepEqual(refusal(loadClaim('minimal')), []);
    });
  }

  test('a dependent needs the subscriber member id, not the patient\'s', () => {
    const claim = loadClaim('dependent');
    assert.equal(claim.patient!.memberId, undefined);
    assert.deepEqual(refusal(claim), []);
    delete claim.subscriber!.memberId;
    assert.match(refusal(claim).join('\n'), /subscriber\.memberId is missing; .*loop 2010BA, NM109/);
  });
});

describe('837P values are refused, not rewritten', () => {
  const cases: Array<[string, (c: Claim) => void, RegExp]> = [
    ['a delimiter in a member id', (c) => (c.patient!.memberId = 'XKZ~NM1*IL'), /patient\.memberId "XKZ~NM1\*IL" may hold only letters, digits and hyphens \(837P loop 2010BA, NM109\); correct the value, the export does not change it/],
    ['a tax id with a star', (c) => (c.billingProvider!.taxId = '12-345*789'), /billingProvider\.taxId "12-345\*789" is not a 9-digit EIN/],
    ['a taxonomy that is not NUCC-shaped', (c) => (c.billingProvider!.taxonomy = '207Q-0000X'), /billingProvider\.taxonomy "207Q-0000X" is not a 10-character NUCC taxonomy code/],
    ['a one-letter state', (c) => (c.billingProvider!.address!.state = 'I'), /billingProvider\.address\.state "I" is not a 2-letter US state, territory or Canadian province code/],
    ['a 2-letter code that is no state or province', (c) => (c.patient!.address!.state = 'CS'), /patient\.address\.state "CS" is not a 2-letter US state/],
    ['a line place of service that is no CMS code', (c) => (c.lines[0]!.placeOfService = '48'), /lines\[0\]\.placeOfService "48" is not a 2-digit CMS place-of-service code/],
    ['a country code that is not ISO 3166', (c) => (c.patient!.address!.country = 'XX'), /patient\.address\.country "XX" is not a 2-letter ISO 3166 country code/],
    ['a spelled-out state', (c) => (c.billingProvider!.address!.state = 'Illinois'), /billingProvider\.address\.state "Illinois"/],
    ['a 5-digit billing ZIP', (c) => (c.billingProvider!.address!.postalCode = '62701'), /needs the full 9-digit ZIP\+4/],
    ['a line place of service 2*', (c) => (c.lines[0]!.placeOfService = '2*'), /lines\[0\]\.placeOfService "2\*" is not a 2-digit CMS place-of-service code \(837P loop 2400, SV105\)/],
    ['a delimiter in a name', (c) => (c.patient!.name!.family = 'O*Brien'), /patient\.name\.family "O\*Brien" holds "\*", an X12 delimiter/],
    ['a name longer than NM103', (c) => (c.payer!.name = 'A'.repeat(61)), /payer\.name "A+" is 61 characters long; the 837P element holds at most 60/],
    ['a phone that is not 10 digits', (c) => (c.billingProvider!.phone = '555-0100'), /billingProvider\.phone "555-0100" is not a 10-digit telephone number/],
    ['a claim id longer than CLM01', (c) => (c.id = 'C'.repeat(39)), /id "C+" must be 1 to 38 characters \(837P loop 2300, CLM01\)/],
  ];
  for (const [what, breakIt, message] of cases) {
    test(`${what}`, () => {
      const claim = loadClaim('minimal');
      breakIt(claim);
      assert.match(refusal(claim).join('\n'), message);
    });
  }

  test('more than 50 service lines are refused (loop 2400 repeats 50 times); 50 export', () => {
    const claim = loadClaim('minimal');
    const line = claim.lines[0]!;
    claim.lines = Array.from({ length: 51 }, () => ({ ...line }));
    assert.match(refusal(claim).join('\n'), /51 service lines; an 837P claim carries at most 50 \(loop 2400\)/);
    claim.lines.pop();
    assert.deepEqual(refusal(claim), []);
  });

  test('accents are folded, case raised and phone, tax id and ZIP punctuation dropped; nothing else changes', () => {
    const claim = loadClaim('dependent');
    const { segments } = readX12(x12_837p(claim, { now: NOW }));
    const qc = segments.find((s) => s.tag === 'NM1' && s.el(1) === 'QC')!;
    assert.equal(qc.el(3), 'NUNEZ');
    assert.equal(segments.find((s) => s.tag === 'REF' && s.el(1) === 'EI')!.el(2), '123456789');
    assert.equal(segments.find((s) => s.tag === 'PER')!.el(4), '2175550100');
  });

  test('a sender or receiver id that does not fit ISA06/ISA08 is refused, not cut', () => {
    const claim = loadClaim('minimal');
    assert.throws(() => x12_837p(claim, { now: NOW, receiverId: 'A-RECEIVER-ID-LONGER' }), /receiver id .* must be 1 to 15 characters/);
  });
});

describe('strict validation of the exports above', { skip: skipUnlessX12valid() }, () => {
  test('the fixtures, a 50-line claim and a claim with every optional loop pass x12valid', () => {
    const fifty = loadClaim('minimal');
    fifty.lines = Array.from({ length: 50 }, (_, i) => ({ ...fifty.lines[0]!, charge: 10 + i }));
    const texts = [
      ...(['minimal', 'dependent', 'working'] as const).map((n) => ({ name: n, text: x12_837p(loadClaim(n), { now: NOW }) })),
      { name: 'fifty-lines', text: x12_837p(fifty, { now: NOW }) },
    ];
    assertX12Valid(texts);
  });
});

describe('element minimum lengths', () => {
  test('a 2-character foreign postal code and a 1-letter city are refused naming N403 and N401', () => {
    const claim = loadClaim('dependent');
    claim.subscriber!.address = { line1: '1 Main St', city: 'X', state: 'ON', postalCode: '91', country: 'CA' };
    const errors = refusal(claim).join('\n');
    assert.match(errors, /subscriber\.address\.postalCode "91" is 2 characters long; the 837P element needs at least 3 \(837P loop 2010BA, N403\)/);
    assert.match(errors, /subscriber\.address\.city "X" is 1 character long; the 837P element needs at least 2 \(837P loop 2010BA, N401\)/);
  });
});
