// analyzeNoteText over a tiny hand-written index: statuses come from the sidecar claim, rejected
// codes are not judged by the rules, warnings and fixes point at the claim file's own indexes.
import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import type { CodesetIndex } from '../../../src/core/codeset/api';
import { analyzeNoteText } from '../../../src/extension/noteAnalysis';
import { DEFAULT_SETTINGS } from '../../../src/extension/settingsSchema';
import { newClaim, withDecision, type ClaimJson } from '../../../src/extension/sidecar';
import { buildIndex } from '../rules/fixture';
import { fixtureIndex, icd } from '../../support/fixtureIndex';

const at = '2024-03-01T00:00:00.000Z';
const NOTE = 'ASSESSMENT:\n1. Essential hypertension.\n2. Type 2 diabetes mellitus without complications.\nShe denies cough.\n';
const settings = { ...DEFAULT_SETTINGS, dateOfService: '2024-03-01' };

function claimWith(decisions: [string, 'accepted' | 'rejected'][]): ClaimJson {
  let c = newClaim('outpatient');
  c.encounter = { ...c.encounter, dateOfService: '2024-03-01' };
  for (const [code, status] of decisions) c = withDecision(c, { code, system: 'icd10cm', status, who: 'test', at });
  return c;
}

describe('analyzeNoteText', () => {
  let index: CodesetIndex;
  before(async () => { index = await buildIndex(); });

  test('suggests from the note, marks the claim decisions and dims negated mentions', async () => {
    const r = await analyzeNoteText(index, NOTE, claimWith([['I10', 'accepted']]), [], settings);
    const byCode = new Map(r.marked.map((m) => [m.code, m]));
    assert.equal(byCode.get('I10')?.status, 'accepted', `marked: ${[...byCode.keys()].join(', ')}`);
    const ev = byCode.get('I10')!.evidence.map((e) => NOTE.slice(e.start, e.end)).join(' ');
    assert.match(ev, /hypertension/i);
    assert.ok(!byCode.has('R05.9'), 'a denied cough is not suggested');
    assert.ok(r.negated.some((s) => NOTE.slice(s.start, s.end).toLowerCase().includes('cough')), 'the denied cough is dimmed');
  });

  test('an Excludes1 pair in the claim is a warning with a fix on the file indexes; rejecting one code removes it', async () => {
    const both = await analyzeNoteText(index, NOTE, claimWith([['E11.9', 'accepted'], ['E10.9', 'accepted']]), [], settings);
    const w = both.warnings.find((x) => x.rule === 'icd10cm.excludes1');
    assert.ok(w, `warnings: ${both.warnings.map((x) => x.rule).join(', ')}`);
    const rejected = await analyzeNoteText(index, NOTE, claimWith([['I10', 'rejected'], ['E11.9', 'accepted'], ['E10.9', 'rejected']]), [], settings);
    assert.equal(rejected.warnings.some((x) => x.rule === 'icd10cm.excludes1'), false);
    // With a rejected code first in the file, targets still name the file's own indexes.
    const shifted = await analyzeNoteText(index, NOTE, claimWith([['I10', 'rejected'], ['E11.9', 'accepted'], ['E10.9', 'accepted']]), [], settings);
    const sw = shifted.warnings.find((x) => x.rule === 'icd10cm.excludes1')!;
    assert.ok(sw.target.kind === 'diagnosis' && sw.target.index >= 1, `target ${JSON.stringify(sw.target)}`);
    for (const f of sw.fixes) if ('index' in f.edit) assert.ok(f.edit.index >= 1, `fix ${JSON.stringify(f.edit)} points past the rejected I10`);
  });

  test('no sidecar: suggestions only, no rule warnings', async () => {
    const r = await analyzeNoteText(index, NOTE, undefined, [], settings);
    assert.deepEqual(r.warnings, []);
    assert.ok(r.marked.every((m) => m.status === 'suggested'));
  });
});

describe('date of service', () => {
  let index: CodesetIndex;
  before(async () => {
    index = await fixtureIndex([
      { system: 'icd10cm', version: 'FY2021', effectiveFrom: '2020-10-01', effectiveTo: '2021-09-30', codes: [icd('R05', 'Cough')], indexEntries: [{ source: 'index', path: 'Cough', term: 'Cough', level: 0, code: 'R05' }] },
      {
        system: 'icd10cm', version: 'FY2024', effectiveFrom: '2023-10-01', effectiveTo: '2024-09-30',
        codes: [icd('R05', 'Cough', false), icd('R05.9', 'Cough, unspecified')], indexEntries: [{ source: 'index', path: 'Cough', term: 'Cough', level: 0, code: 'R059' }],
      },
    ]);
  });
  const note = 'ASSESSMENT:\n1. Cough.\n';
  const claimOn = (date: string): ClaimJson => ({ ...newClaim('outpatient'), encounter: { ...newClaim('outpatient').encounter, dateOfService: date } });

  test('a date of service no installed release covers is a notice naming where the date came from; a covered one is none', async () => {
    const r = await analyzeNoteText(index, note, claimOn('2022-05-01'), [], DEFAULT_SETTINGS);
    assert.deepEqual(r.marked.filter((m) => m.system === 'icd10cm').map((m) => m.code), ['R05.9'], 'suggestions come from the latest release');
    assert.equal(r.notices.length, 1);
    assert.match(r.notices[0]!, /2022-05-01 \(the claim's date of service\).*FY2024/);
    const bySetting = await analyzeNoteText(index, note, undefined, [], { ...DEFAULT_SETTINGS, dateOfService: '2019-01-02' });
    assert.match(bySetting.notices[0] ?? '', /2019-01-02 \(the medcode.dateOfService setting\)/);
    assert.deepEqual((await analyzeNoteText(index, note, claimOn('2021-01-15'), [], DEFAULT_SETTINGS)).notices, []);
    assert.deepEqual((await analyzeNoteText(index, note, undefined, [], DEFAULT_SETTINGS)).notices, []);
  });
});
