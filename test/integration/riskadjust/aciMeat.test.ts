// hcc.unsupported on the ACI-Bench visit notes (../shared/corpora/aci-us-gold): raised for every
// HCC code added to a claim without evidence in the note, and not raised for the HCC codes the
// outpatient gold requires. The claims carry no evidence spans of their own: support comes from
// the note, through the analyzer's evidence spans, as in the editor.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { SqlCodesetIndex } from '../../../src/core/codeset/index';
import type { RiskAdjustment } from '../../../src/core/riskadjust/read';
import { hccTag } from '../../../src/core/riskadjust/tables';
import { checkClaim } from '../../../src/core/rules';
import { analyzeNote } from '../../../src/core/suggest/analyze';
import { loadRealIndex } from '../../support/realIndex';
import { loadRealRiskTables, RISK_DIR } from '../../support/riskTables';
import { sharedPath, skipUnlessShared } from '../../support/shared';

const GOLD = 'corpora/aci-us-gold/dev.jsonl';
const skip = skipUnlessShared(GOLD, `${RISK_DIR}/ra_dx_to_cc_2026.csv`, 'codesets/icd10cm/fy2024/icd10cm_order_2024.csv');

interface Gold { id: string; required: string[][] }

/** HCC conditions none of these notes is about, with the words that would name them. */
const ABSENT: [code: string, words: RegExp][] = [
  ['C34.90', /lung cancer|malignan|carcinoma|neoplasm/i],
  ['G35', /multiple sclerosis/i],
  ['F20.9', /schizophren/i],
  ['B20', /\bhiv\b|\baids\b/i],
  ['N18.6', /end.stage renal|\besrd\b|dialysis/i],
  ['D57.1', /sickle/i],
];

let index: SqlCodesetIndex;
let risk: RiskAdjustment;

function claimOf(codes: string[]) {
  return {
    schemaVersion: '1',
    encounter: { dateOfService: '2025-06-02', placeOfService: '11', setting: 'outpatient' },
    patient: { id: 'P', birthDate: '1950-01-01', sex: 'female' },
    diagnoses: codes.map((code) => ({ code, system: 'icd10cm' })),
    lines: [{ code: '99214', system: 'cpt', units: 1, charge: 100, diagnosisPointers: [1] }],
  };
}

describe('hcc.unsupported on the ACI-Bench notes', { skip }, () => {
  before(async () => {
    index = await loadRealIndex();
    ({ risk } = await loadRealRiskTables());
  });

  test('raised for added HCC codes without evidence, not for the gold-required HCC codes', async () => {
    const tables = risk.tablesFor(2026, 'V28')!;
    const golds = readFileSync(sharedPath(GOLD), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Gold);
    let goldHccCodes = 0;
    let added = 0;
    const wrongly: string[] = [];
    const missed: string[] = [];
    for (const g of golds) {
      const text = readFileSync(sharedPath('corpora/aci-us-gold/notes', `${g.id}.txt`), 'utf8');
      const analysis = analyzeNote(index, text, { setting: 'outpatient' });
      const required = g.required.flat().filter((c) => hccTag(tables, c));
      const absent = ABSENT.filter(([, words]) => !words.test(text)).map(([code]) => code);
      assert.ok(absent.every((c) => hccTag(tables, c)), 'every added code maps to a V28 HCC');
      const display = (c: string) => (c.length > 3 ? `${c.slice(0, 3)}.${c.slice(3)}` : c);
      const codes = [...required.map(display), ...absent];
      const warnings = await checkClaim(claimOf(codes), {
        index, date: '2025-06-02', settings: { severity: {} }, today: '2025-07-01', noteText: text, riskAdjustment: risk,
        analysis: { suggestions: analysis.suggestions.map((s) => ({ code: s.code, system: s.system, evidence: s.evidence, context: { family: s.context.family === true } })), setting: 'outpatient' },
      });
      const flagged = new Set(warnings.filter((w) => w.rule === 'hcc.unsupported').map((w) => String(w.source?.row?.code)));
      for (const c of required) if (flagged.has(display(c))) wrongly.push(`${g.id} ${display(c)}`);
      for (const c of absent) if (!flagged.has(c)) missed.push(`${g.id} ${c}`);
      goldHccCodes += required.length;
      added += absent.length;
    }
    assert.ok(goldHccCodes >= 5, `the gold requires HCC codes in these notes (${goldHccCodes})`);
    assert.ok(added >= 100, `codes added without evidence (${added})`);
    assert.deepEqual(wrongly, [], 'hcc.unsupported raised for gold-required HCC codes');
    assert.deepEqual(missed, [], 'hcc.unsupported not raised for codes added without evidence');
  });
});
