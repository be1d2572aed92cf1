import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { ClaimSession } from '../../../src/extension/claimEditor/session';
import type { HostMessage } from '../../../src/core/protocol';
import { baseClaim, index } from '../rules/fixture';
import { assertX12Valid, skipUnlessX12valid } from '../../support/x12valid';

const pretty = (c: unknown) => `${JSON.stringify(c, null, 2)}\n`;

function harness(text: string, options: { readonly?: boolean; saveFails?: boolean; writeFails?: boolean } = {}) {
  const doc = { text, writes: 0, onDisk: text };
  const posted: HostMessage[] = [];
  const saved: { format: string; content: string; audit?: string; claimOnDisk: string }[] = [];
  const drafts: string[] = [];
  const purposes: Array<{ corrected: true } | undefined> = [];
  const session = new ClaimSession({
    text: () => doc.text,
    replaceText: async (t) => { doc.text = t; doc.writes++; return true; },
    getIndex: () => index(),
    severity: () => ({}),
    post: (m) => posted.push(m),
    chooseExportTarget: async (format, purpose) => { purposes.push(purpose); return `file:///out.${format}`; },
    showDraft: async (markdown) => { drafts.push(markdown); },
    writeExport: async (target, content, audit) => {
      if (options.writeFails) throw new Error('ENOSPC');
      saved.push({ format: target.slice(target.lastIndexOf('.') + 1), content, ...(audit !== undefined ? { audit } : {}), claimOnDisk: doc.onDisk });
      return 'out.file';
    },
    saveDocument: async () => { if (options.saveFails) return false; doc.onDisk = doc.text; return true; },
    revealEvidence: () => undefined,
    openAsText: () => undefined,
    who: () => 'tester',
    now: () => '2024-08-15T10:00:00.000Z',
    today: () => '2024-08-15',
    readonly: () => options.readonly ?? false,
  }, 5);
  const last = <T extends HostMessage['type']>(type: T) => posted.filter((m) => m.type === type).at(-1) as Extract<HostMessage, { type: T }> | undefined;
  return { doc, posted, saved, drafts, purposes, session, last, claim: () => JSON.parse(doc.text) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

describe('ClaimSession', () => {
  test('posts nothing before ready, then the state with warnings and titles', async () => {
    const h = harness(pretty(baseClaim()));
    h.session.documentChanged();
    await new Promise((r) => setTimeout(r, 20));
    assert.equal(h.posted.length, 0);
    await h.session.receive({ type: 'ready' });
    const s = h.last('state')!;
    assert.equal(s.rulesRan, true);
    assert.equal(s.titles?.I10, 'Essential hypertension');
    assert.deepEqual(s.warnings, []);
  });

  test('an edit keeps members the schema does not know and writes pretty JSON', async () => {
    const c = baseClaim();
    c['x-practice'] = { batch: 'B-7' };
    c.lines[0]['x-line'] = 1;
    const h = harness(pretty(c));
    await h.session.receive({ type: 'ready' });
    await h.session.receive({ type: 'edit', requestId: 1, label: 'charge', edits: [{ op: 'setLineField', line: 0, field: 'charge', value: 99 }, { op: 'setField', path: 'patient.name.family', value: 'Lopez' }] });
    assert.equal(h.claim().lines[0].charge, 99);
    assert.equal(h.claim().lines[0]['x-line'], 1);
    assert.deepEqual(h.claim()['x-practice'], { batch: 'B-7' });
    assert.equal(h.claim().patient.name.family, 'Lopez');
    assert.equal(h.doc.text, pretty(h.claim()));
    assert.equal(h.last('state')!.requestId, 1);
  });

  test('a document that does not parse gets the error view and is never written', async () => {
    const h = harness('{ "schemaVersion": "1", ');
    await h.session.receive({ type: 'ready' });
    assert.match(h.last('error')!.problems[0]!, /not valid JSON/);
    await h.session.receive({ type: 'edit', requestId: 1, label: 'x', edits: [{ op: 'setField', path: 'payer.name', value: 'A' }] });
    assert.equal(h.doc.writes, 0);
    assert.equal(h.last('editResult')!.ok, false);
  });

  test('an edit that would break the claim, or replace a list, is refused with a sentence', async () => {
    const h = harness(pretty(baseClaim()));
    await h.session.receive({ type: 'ready' });
    await h.session.receive({ type: 'edit', requestId: 1, label: 'x', edits: [{ op: 'setField', path: 'encounter', value: 5 }] });
    assert.match(h.last('editResult')!.error ?? '', /would make the claim invalid/);
    await h.session.receive({ type: 'edit', requestId: 2, label: 'x', edits: [{ op: 'setField', path: 'lines.0.charge', value: 5 }] });
    assert.match(h.last('editResult')!.error ?? '', /is a list/);
    await h.session.receive({ type: 'edit', requestId: 3, label: 'x', edits: [{ op: 'setLineField', line: 7, field: 'units', value: 2 }] });
    assert.match(h.last('editResult')!.error ?? '', /no service line 8/);
    assert.equal(h.doc.writes, 0);
  });

  test('fixes and suppressions are applied by warning index and recorded in the audit trail', async () => {
    const c = baseClaim();
    c.lines[0].diagnosisPointers = [];
    c.diagnoses.push({ code: 'E11.9', system: 'icd10cm' }, { code: 'E10.9', system: 'icd10cm' });
    const h = harness(pretty(c));
    await h.session.receive({ type: 'ready' });
    const ws = h.last('state')!.warnings;
    const pointer = ws.findIndex((w) => w.rule === 'claim.pointer');
    await h.session.receive({ type: 'applyFix', requestId: 1, warningIndex: pointer, fixIndex: 0 });
    assert.deepEqual(h.claim().lines[0].diagnosisPointers, [1]);
    const ex = h.last('state')!.warnings.findIndex((w) => w.rule === 'icd10cm.excludes1');
    await h.session.receive({ type: 'suppress', requestId: 2, warningIndex: ex, justification: 'unrelated conditions' });
    assert.equal(h.claim().suppressed[0].justification, 'unrelated conditions');
    assert.deepEqual(h.claim().audit.map((a: { action: string }) => a.action), ['edit', 'suppress']);
    assert.ok(h.last('state')!.warnings.find((w) => w.rule === 'icd10cm.excludes1')?.suppressed);
    await h.session.receive({ type: 'applyFix', requestId: 3, warningIndex: 99, fixIndex: 0 });
    assert.equal(h.last('editResult')!.ok, false);
  });

  test('export: blocked by errors, then through with an override reason recorded in the claim', async () => {
    const c = baseClaim();
    c.diagnoses.push({ code: 'E11.9', system: 'icd10cm' }, { code: 'E10.9', system: 'icd10cm' });
    const h = harness(pretty(c));
    await h.session.receive({ type: 'ready' });
    await h.session.receive({ type: 'export', requestId: 1, format: 'fhir' });
    const blocked = h.last('exportResult')!;
    assert.equal(blocked.ok, false);
    assert.equal(blocked.blocked, true);
    assert.equal(h.saved.length, 0);
    await h.session.receive({ type: 'export', requestId: 2, format: 'fhir', override: 'payer confirmed' });
    assert.equal(h.last('exportResult')!.ok, true);
    assert.equal(JSON.parse(h.saved[0]!.content).resourceType, 'Claim');
    assert.equal(h.claim().overrides[0].reason, 'payer confirmed');
    assert.equal(h.claim().audit.at(-1).action, 'export-override');
  });

  test('an export from the panel is recorded in the claim\'s history and saved, so a 999 for it can be matched', async () => {
    const h = harness(pretty(blockedClaim()));
    await h.session.receive({ type: 'ready' });
    await h.session.receive({ type: 'export', requestId: 1, format: 'x12', override: 'payer confirmed' });
    assert.equal(h.last('exportResult')!.ok, true);
    const exports = h.claim().history?.exports as { format: string; file: string; groupControlNumber?: string }[] | undefined;
    assert.equal(exports?.length, 1, 'one export recorded');
    assert.equal(exports![0]!.format, 'x12');
    assert.equal(exports![0]!.file, 'out.file');
    assert.ok(exports![0]!.groupControlNumber, 'the control numbers a 999 quotes back are kept');
    assert.equal(h.doc.onDisk, h.doc.text, 'the record is saved');
  });

  const blockedClaim = () => {
    const c = baseClaim();
    c.diagnoses.push({ code: 'E11.9', system: 'icd10cm' }, { code: 'E10.9', system: 'icd10cm' });
    return c;
  };

  test('export with an override: the claim file is saved with the reason before the export is written, and the export carries it', async () => {
    const h = harness(pretty(blockedClaim()));
    await h.session.receive({ type: 'ready' });
    await h.session.receive({ type: 'export', requestId: 1, format: 'fhir', override: 'payer confirmed' });
    assert.equal(h.last('exportResult')!.ok, true);
    const onDiskWhenWritten = JSON.parse(h.saved[0]!.claimOnDisk);
    assert.equal(onDiskWhenWritten.overrides[0].reason, 'payer confirmed', 'the record was saved before the export was written');
    assert.equal(h.doc.onDisk, h.doc.text, 'nothing left unsaved');
    const ext = JSON.parse(h.saved[0]!.content).extension[0];
    assert.ok(ext.extension.some((e: { url: string; valueString?: string }) => e.url === 'reason' && e.valueString === 'payer confirmed'));
  });

  test('export to X12 with an override hands the writer an audit record for the file beside it', async () => {
    const h = harness(pretty(blockedClaim()));
    await h.session.receive({ type: 'ready' });
    await h.session.receive({ type: 'export', requestId: 1, format: 'x12', override: 'payer confirmed' });
    const result = h.last('exportResult')!;
    if (!result.ok) return assert.fail(`export refused: ${(result.errors ?? []).join('; ')}`);
    const audit = JSON.parse(h.saved[0]!.audit!);
    assert.equal(audit.override.reason, 'payer confirmed');
    assert.equal(audit.exportFile, 'out.x12');
  });

  test('export with an override when the claim cannot be saved: no export, an error, the document put back', async () => {
    const before = pretty(blockedClaim());
    const h = harness(before, { saveFails: true });
    await h.session.receive({ type: 'ready' });
    await h.session.receive({ type: 'export', requestId: 1, format: 'fhir', override: 'payer confirmed' });
    const r = h.last('exportResult')!;
    assert.equal(r.ok, false);
    assert.match(r.errors?.[0] ?? '', /could not be saved to the claim file/);
    assert.equal(h.saved.length, 0, 'no export written');
    assert.equal(h.doc.text, before);
  });

  test('export with an override of a read-only claim: refused, nothing written', async () => {
    const h = harness(pretty(blockedClaim()), { readonly: true });
    await h.session.receive({ type: 'ready' });
    await h.session.receive({ type: 'export', requestId: 1, format: 'fhir', override: 'payer confirmed' });
    assert.equal(h.last('exportResult')!.ok, false);
    assert.match(h.last('exportResult')!.errors?.[0] ?? '', /read-only/);
    assert.equal(h.saved.length, 0);
    assert.equal(h.doc.writes, 0);
  });

  test('an export the file system refuses is reported, never posted as done', async () => {
    const h = harness(pretty(baseClaim()), { writeFails: true });
    await h.session.receive({ type: 'ready' });
    await h.session.receive({ type: 'export', requestId: 1, format: 'fhir' });
    assert.equal(h.last('exportResult')!.ok, false);
    assert.match(h.last('exportResult')!.errors?.[0] ?? '', /could not be written \(ENOSPC\)/);
  });

  test('a read-only claim is shown as read-only and never written', async () => {
    const h = harness(pretty(baseClaim()), { readonly: true });
    await h.session.receive({ type: 'ready' });
    assert.equal(h.last('state')!.readonly, true);
    await h.session.receive({ type: 'edit', requestId: 1, label: 'x', edits: [{ op: 'setField', path: 'payer.name', value: 'B' }] });
    assert.match(h.last('editResult')!.error ?? '', /read-only/);
    assert.equal(h.doc.writes, 0);
  });

  describe('after a denial: the corrected claim and the appeal letter', () => {
    // Sent on 1 August, denied on 10 August (CO-16: information missing), payer claim number PCN-88.
    const denied = () => ({
      ...baseClaim(),
      history: {
        exports: [{ at: '2024-08-01T10:00:00.000Z', format: 'x12', file: 'claim.x12', frequency: '1' }],
        remittances: [{
          id: 'r1', recordedAt: '2024-08-10T10:00:00.000Z', file: 'era.835', status: 'denied', statusCode: '4', payerClaimControlNumber: 'PCN-88',
          billed: 125, paid: 0, patientResponsibility: 0, adjustments: [{ group: 'CO', reason: '16', amount: 125 }], remarks: ['M76'], lines: [],
        }],
      },
    });

    test('the corrected 837P replaces the payer\'s claim (frequency 7, REF*F8), is saved apart from the original and recorded', async () => {
      const h = harness(pretty(denied()));
      await h.session.receive({ type: 'ready' });
      await h.session.receive({ type: 'export', requestId: 1, format: 'x12', correction: true });
      const r = h.last('exportResult')!;
      assert.equal(r.ok, true, (r.errors ?? []).join('; '));
      assert.deepEqual(h.purposes, [{ corrected: true }], 'the save dialog proposes a name of its own');
      assert.match(h.saved[0]!.content, /CLM\*[^~]*\*11:B:7\*/);
      assert.match(h.saved[0]!.content, /REF\*F8\*PCN-88~/);
      const exports = h.claim().history.exports as Array<{ frequency?: string; originalPayerClaimControlNumber?: string }>;
      assert.equal(exports.length, 2);
      assert.equal(exports[1]!.frequency, '7');
    });

    test('the corrected 837P passes x12valid', { skip: skipUnlessX12valid() }, async () => {
      const h = harness(pretty(denied()));
      await h.session.receive({ type: 'ready' });
      await h.session.receive({ type: 'export', requestId: 1, format: 'x12', correction: true });
      assertX12Valid(h.saved.map((x, i) => ({ name: `corrected-${i}`, text: x.content })));
      assert.equal(h.saved.length, 1);
    });

    test('a claim not yet sent cannot be corrected, and nothing is written', async () => {
      const h = harness(pretty(baseClaim()));
      await h.session.receive({ type: 'ready' });
      await h.session.receive({ type: 'export', requestId: 1, format: 'x12', correction: true });
      const r = h.last('exportResult')!;
      assert.equal(r.ok, false);
      assert.match((r.errors ?? []).join(), /cannot be corrected: the claim has not been exported yet/);
      assert.deepEqual(h.saved, []);
    });

    test('the appeal letter is drafted from the denial and opened for review, never sent', async () => {
      const h = harness(pretty(denied()));
      await h.session.receive({ type: 'ready' });
      await h.session.receive({ type: 'appeal', requestId: 2 });
      assert.equal(h.last('appealResult')?.ok, true);
      assert.equal(h.drafts.length, 1);
      assert.match(h.drafts[0]!, /PCN-88/);
      assert.match(h.drafts[0]!, /CO-16/);
      assert.deepEqual(h.saved, [], 'drafting writes no file');
      const other = harness(pretty(baseClaim()));
      await other.session.receive({ type: 'ready' });
      await other.session.receive({ type: 'appeal', requestId: 3 });
      assert.equal(other.last('appealResult')?.ok, false);
      assert.match(other.last('appealResult')?.error ?? '', /needs a denied or partially paid claim/);
    });
  });
});

