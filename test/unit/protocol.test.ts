import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { parseHostMessage, parsePanelMessage, type PanelEdit } from '../../src/core/protocol';
import type { ClaimEdit } from '../../src/core/rules/types';

// Every rule fix edit is a panel edit (a new ClaimEdit op fails type checking here until the protocol has it).
const asPanelEdit = (e: ClaimEdit): PanelEdit => e;

describe('panel -> host messages', () => {
  test('well-formed messages of every kind pass', () => {
    const ok: unknown[] = [
      { type: 'ready' },
      { type: 'edit', requestId: 1, label: 'set payer', edits: [{ op: 'setField', path: 'payer.name', value: 'Acme' }] },
      { type: 'edit', requestId: 2, label: 'line', edits: [{ op: 'setLineField', line: 0, field: 'charge', value: 10 }, { op: 'addLine', code: '99213', system: 'cpt' }, { op: 'clearField', path: 'payer.id' }] },
      { type: 'search', requestId: 3, query: 'diabetes', system: 'icd10cm' },
      { type: 'applyFix', requestId: 4, warningIndex: 0, fixIndex: 1 },
      { type: 'suppress', requestId: 5, warningIndex: 2, key: 'k', justification: 'unrelated conditions' },
      { type: 'export', requestId: 6, format: 'x12', override: 'payer agreed' },
      { type: 'revealEvidence', diagnosisIndex: 0 },
      { type: 'openAsText' },
      ...[asPanelEdit({ op: 'moveDiagnosis', from: 1, to: 0 }), asPanelEdit({ op: 'setPointers', line: 0, pointers: [1, 2] })]
        .map((e, i) => ({ type: 'edit', requestId: 10 + i, label: 'fix', edits: [e] })),
    ];
    for (const m of ok) assert.ok(parsePanelMessage(m), JSON.stringify(m));
  });

  test('anything else is dropped', () => {
    const bad: unknown[] = [
      undefined, null, 'ready', 42, [], {},
      { type: 'bogus' },
      { type: 'edit', label: 'no id', edits: [{ op: 'removeLine', line: 0 }] },
      { type: 'edit', requestId: -1, label: 'x', edits: [{ op: 'removeLine', line: 0 }] },
      { type: 'edit', requestId: 1.5, label: 'x', edits: [{ op: 'removeLine', line: 0 }] },
      { type: 'edit', requestId: 1, label: 'x', edits: [] },
      { type: 'edit', requestId: 1, label: 'x', edits: [{ op: 'dropTable' }] },
      { type: 'edit', requestId: 1, label: 'x', edits: [{ op: 'setLineField', line: 0, field: 'status', value: 'accepted' }] },
      { type: 'edit', requestId: 1, label: 'x', edits: Array.from({ length: 51 }, () => ({ op: 'removeLine', line: 0 })) },
      { type: 'search', requestId: 1, query: 'x', system: 'icd9' },
      { type: 'search', requestId: 1, query: 'x'.repeat(201), system: 'cpt' },
      { type: 'suppress', requestId: 1, warningIndex: 0, justification: '   ok  ' },
      { type: 'export', requestId: 1, format: 'pdf' },
      { type: 'revealEvidence', diagnosisIndex: -1 },
      { type: 'applyFix', requestId: 1, warningIndex: '0', fixIndex: 0 },
    ];
    for (const m of bad) assert.equal(parsePanelMessage(m), undefined, JSON.stringify(m));
  });
});

describe('host -> panel messages', () => {
  const state = {
    type: 'state', claim: { schemaVersion: '1' }, codesets: [{ system: 'icd10cm', version: 'FY2024' }], rulesRan: true,
    warnings: [{ rule: 'claim.pointer', severity: 'error', message: 'm', target: { kind: 'line', index: 0 }, fixes: [{ title: 'Point to diagnosis 1' }] }],
  };

  test('well-formed messages pass', () => {
    for (const m of [
      state,
      { ...state, requestId: 3, titles: { I10: 'Essential hypertension' } },
      { type: 'error', problems: ['The claim is not valid JSON at line 1, column 2.'] },
      { type: 'editResult', requestId: 1, ok: false, error: 'refused' },
      { type: 'searchResults', requestId: 2, results: [{ code: 'I10', system: 'icd10cm', title: 't', billable: true }] },
      { type: 'exportResult', requestId: 3, ok: false, blocked: true, errors: ['icd10cm.excludes1: ...'] },
    ]) assert.ok(parseHostMessage(m), JSON.stringify(m));
  });

  test('malformed ones are dropped', () => {
    for (const m of [
      { ...state, claim: 'nope' },
      { ...state, warnings: [{ rule: 'x', severity: 'fatal', message: 'm', target: { kind: 'line', index: 0 }, fixes: [] }] },
      { ...state, warnings: [{ rule: 'x', severity: 'error', message: 'm', target: { kind: 'page' }, fixes: [] }] },
      { type: 'error', problems: [] },
      { type: 'searchResults', results: [] },
      { type: 'exportResult', requestId: 1 },
      { type: 'state' },
    ]) assert.equal(parseHostMessage(m), undefined, JSON.stringify(m));
  });
});
