// Codes are checked by shape before any lookup: an overlong or garbled code is one code.invalid
// warning, and the index never sees it (a 16,000-character code made `check` quadratic and a
// longer one failed with "too many SQL variables"). The folder audit goes on past a bad claim.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodesetIndex } from '../../../src/core/codeset/api';
import { checkClaim } from '../../../src/core/rules';
import { audit } from '../../../src/core/rules/audit';
import { codeShapeProblem } from '../../../src/core/rules/codeShape';
import { baseClaim, index } from './fixture';

/** The index with every argument it is called with recorded. */
function recording(inner: CodesetIndex): { index: CodesetIndex; longest: () => number } {
  let longest = 0;
  const index = new Proxy(inner, {
    get(target, prop, receiver) {
      const v = Reflect.get(target, prop, receiver) as unknown;
      if (typeof v !== 'function') return v;
      return (...args: unknown[]) => {
        for (const a of args) if (typeof a === 'string') longest = Math.max(longest, a.length);
        return (v as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { index, longest: () => longest };
}

describe('code shape', () => {
  test('shapes: ICD-10-CM up to 8 with the dot, HCPCS/CPT 5', () => {
    assert.equal(codeShapeProblem('S52.501A', 'icd10cm'), undefined);
    assert.equal(codeShapeProblem('E119', 'icd10cm'), undefined);
    assert.match(codeShapeProblem('S52.501AB', 'icd10cm') ?? '', /at most 8/);
    assert.match(codeShapeProblem('E11;9', 'icd10cm') ?? '', /characters no ICD-10-CM code has/);
    assert.equal(codeShapeProblem('99213', 'cpt'), undefined);
    assert.match(codeShapeProblem('992131', 'cpt') ?? '', /at most 5/);
    assert.match(codeShapeProblem('J-100', 'hcpcs') ?? '', /characters no HCPCS code has/);
  });

  test('a 40,000-character diagnosis and line code: one code.invalid each, never looked up', async () => {
    const c = baseClaim();
    c.diagnoses.push({ code: 'E'.repeat(40_000), system: 'icd10cm' });
    c.lines[0].code = '9'.repeat(40_000);
    c.lines[0].modifiers = ['2'.repeat(40_000)];
    const rec = recording(await index());
    const warnings = await checkClaim(c, { index: rec.index, date: '2024-08-15', settings: { severity: {} } });
    const invalid = warnings.filter((w) => w.rule === 'code.invalid');
    assert.equal(invalid.length, 2);
    assert.match(invalid[0]!.message, /Diagnosis 2 "EEEEEEEEEEEE\.\.\. \(40000 characters\)" is not an ICD-10-CM code: 40000 characters/);
    assert.ok(warnings.every((w) => w.message.length < 400), 'messages quote only the start of the value');
    assert.ok(rec.longest() <= 64, `the index was asked about a ${rec.longest()}-character value`);
    assert.ok(!warnings.some((w) => w.rule === 'claim.required-field' && /no (procedure )?code/.test(w.message)), 'a malformed code is not a missing one');
  });

  test('audit: a claim the rules cannot check is reported, and the others are still checked', async () => {
    const real = await index();
    const failing = new Proxy(real, {
      get(target, prop, receiver) {
        const v = Reflect.get(target, prop, receiver) as unknown;
        if (prop !== 'lookup' || typeof v !== 'function') return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
        return (code: string, ...rest: unknown[]) => {
          if (code.replace('.', '').toUpperCase() === 'E119') throw new Error('too many SQL variables');
          return (v as (...a: unknown[]) => unknown).call(target, code, ...rest);
        };
      },
    });
    const bad = baseClaim();
    bad.diagnoses = [{ code: 'E11.9', system: 'icd10cm' }];
    const good = baseClaim();
    const result = await audit([
      { kind: 'claim', name: 'a-bad.claim.json', claim: bad },
      { kind: 'claim', name: 'b-good.claim.json', claim: good },
    ], { index: failing, settings: { severity: {} }, today: '2024-08-15' });
    assert.equal(result.items.length, 2);
    assert.match(result.items[0]!.problem ?? '', /could not be checked: too many SQL variables/);
    assert.equal(result.items[1]!.problem, undefined);
  });
});
