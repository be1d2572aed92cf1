import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  billedView, claimPathFor, fixOnFile, isClaimPath, newClaim, notePathForClaim, readSidecar, serializeClaim, statusInClaim, withDecision, withFix, withSuppression,
} from '../../../src/extension/sidecar';
import { minimalReplacement, planSidecarEdit } from '../../../src/extension/sidecarEditPlan';

const at = '2026-01-02T03:04:05.000Z';

describe('sidecar claim paths', () => {
  test('the claim sits beside the note', () => {
    assert.equal(claimPathFor('/ws/notes/visit.note'), '/ws/notes/visit.note.claim.json');
    assert.equal(isClaimPath('/ws/notes/visit.note.claim.json'), true);
    assert.equal(isClaimPath('/ws/notes/visit.note'), false);
    assert.equal(notePathForClaim('/ws/notes/visit.note.claim.json'), '/ws/notes/visit.note');
  });
});

describe('claim decisions', () => {
  test('a missing or empty sidecar reads as a fresh claim in the configured setting', () => {
    for (const text of [undefined, '', '  \n']) {
      const r = readSidecar(text, 'inpatient');
      assert.ok(r.ok);
      assert.deepEqual(r.claim, { schemaVersion: '1', encounter: { setting: 'inpatient' }, diagnoses: [], lines: [] });
    }
  });

  test('a broken sidecar is refused with a sentence, never replaced', () => {
    const r = readSidecar('{ "schemaVersion": "1", ', 'outpatient');
    assert.equal(r.ok, false);
    assert.ok(!r.ok && r.errors[0]!.length > 10);
  });

  test('accept adds the diagnosis with evidence and an audit entry; reject updates it in place', () => {
    let c = withDecision(newClaim('outpatient'), { code: 'E78.5', system: 'icd10cm', status: 'accepted', evidence: [{ start: 3, end: 17 }], who: 'ana', at });
    assert.deepEqual(c.diagnoses, [{ code: 'E78.5', system: 'icd10cm', status: 'accepted', decidedBy: 'ana', decidedAt: at, evidence: [{ start: 3, end: 17 }] }]);
    assert.deepEqual(c.audit, [{ at, who: 'ana', action: 'accept', detail: 'E78.5' }]);
    c = withDecision(c, { code: 'e785', system: 'icd10cm', status: 'rejected', who: 'ana', at });
    assert.equal(c.diagnoses?.length, 1);
    assert.equal(statusInClaim(c, 'E78.5'), 'rejected');
    assert.equal(statusInClaim(c, 'I10'), undefined);
  });

  test('HCPCS and CPT decisions become service lines', () => {
    const c = withDecision(newClaim('outpatient'), { code: 'J0696', system: 'hcpcs', status: 'accepted', who: 'ana', at });
    assert.deepEqual(c.lines?.[0], { code: 'J0696', system: 'hcpcs', modifiers: [], units: 1, charge: 0, diagnosisPointers: [], status: 'accepted', decidedBy: 'ana', decidedAt: at });
  });

  test('a more specific code replaces the one it refines', () => {
    let c = withDecision(newClaim('outpatient'), { code: 'S52.5', system: 'icd10cm', status: 'accepted', who: 'ana', at });
    c = withDecision(c, { code: 'S52.501A', replaces: 'S52.5', system: 'icd10cm', status: 'accepted', who: 'ana', at });
    assert.deepEqual(c.diagnoses?.map((d) => d.code), ['S52.501A']);
    assert.equal(c.audit?.at(-1)?.detail, 'S52.501A (was S52.5)');
  });

  test('a rule fix is applied and audited; a suppression keeps the justification', () => {
    let c = withDecision(newClaim('outpatient'), { code: 'E11.9', system: 'icd10cm', status: 'accepted', who: 'ana', at });
    c = withDecision(c, { code: 'E10.9', system: 'icd10cm', status: 'accepted', who: 'ana', at });
    const fixed = withFix(c, { op: 'removeDiagnosis', index: 1 }, 'Remove E10.9', 'ana', at);
    assert.deepEqual(fixed.diagnoses?.map((d) => d.code), ['E11.9']);
    assert.equal(fixed.audit?.at(-1)?.detail, 'Remove E10.9');
    const s = withSuppression(c, { rule: 'icd10cm.excludes1', key: 'icd10cm.excludes1:E10.9|E11.9', justification: 'unrelated conditions', who: 'ana', at });
    assert.deepEqual(s.suppressed, [{ rule: 'icd10cm.excludes1', key: 'icd10cm.excludes1:E10.9|E11.9', justification: 'unrelated conditions', who: 'ana', at }]);
    assert.equal(c.suppressed, undefined, 'the input claim is not changed');
  });

  test('rejected codes are left out of what the rules judge, and fixes map back to the file', () => {
    let c = newClaim('outpatient');
    for (const [code, status] of [['E11.9', 'rejected'], ['E10.9', 'accepted'], ['I10', 'accepted']] as const) c = withDecision(c, { code, system: 'icd10cm', status, who: 'a', at });
    const view = billedView(c);
    assert.deepEqual((view.claim.diagnoses as { code: string }[]).map((d) => d.code), ['E10.9', 'I10']);
    assert.deepEqual(fixOnFile({ op: 'removeDiagnosis', index: 1 }, view), { op: 'removeDiagnosis', index: 2 });
    assert.deepEqual(fixOnFile({ op: 'setField', path: 'x', value: 1 }, view), { op: 'setField', path: 'x', value: 1 });
  });

  test('serialization is stable, two-space JSON with a final newline', () => {
    assert.equal(serializeClaim(newClaim('outpatient')), '{\n  "schemaVersion": "1",\n  "encounter": {\n    "setting": "outpatient"\n  },\n  "diagnoses": [],\n  "lines": []\n}\n');
  });
});

describe('sidecar edit plan', () => {
  test('creates the file when there is none', () => {
    assert.deepEqual(planSidecarEdit(undefined, '{}\n'), { kind: 'create', text: '{}\n' });
  });

  test('no edit when nothing changed', () => {
    assert.deepEqual(planSidecarEdit('{}\n', '{}\n'), { kind: 'none' });
  });

  test('replaces only the changed middle, so undo restores exactly that', () => {
    const before = '{\n  "diagnoses": []\n}\n';
    const after = '{\n  "diagnoses": [{"code":"I10"}]\n}\n';
    const plan = planSidecarEdit(before, after);
    assert.equal(plan.kind, 'replace');
    if (plan.kind !== 'replace') return;
    const r = plan.replacement;
    assert.equal(before.slice(0, r.start) + r.text + before.slice(r.end), after);
    assert.equal(r.text, '{"code":"I10"}');
  });

  test('minimal replacement handles insertions at either end and deletions', () => {
    const apply = (a: string, b: string): string => { const r = minimalReplacement(a, b); return a.slice(0, r.start) + r.text + a.slice(r.end); };
    for (const [a, b] of [['abc', 'xabc'], ['abc', 'abcx'], ['abcdef', 'abef'], ['', 'new'], ['old', ''], ['aaa', 'aa']]) assert.equal(apply(a!, b!), b);
  });
});
