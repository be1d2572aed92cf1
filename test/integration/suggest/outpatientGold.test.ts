// `medcode eval` on the US outpatient gold (../shared/corpora/aci-us-gold: 20 ACI-Bench notes
// double-coded under the written protocol): the figures may not fall below the floors in
// outpatient-floor.json, which are raised deliberately as the analyzer improves.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../support/cli';
import { realDbPath } from '../../support/realIndex';
import { sharedPath, skipUnlessShared } from '../../support/shared';

const skip = skipUnlessShared('codesets/icd10cm/fy2025/ICD10CM_2025_Index.csv', 'corpora/aci-us-gold/dev.jsonl', 'riskadjust/ra_dx_to_cc_2026.csv');

interface Floor { precision: number; recall: number; firstListed: number; emDefensible: number; emOffered: number; wrongHccMax: number }
interface Report { notes: number; precision: number; recall: number; firstListed: number; emDefensible: number; emOffered: number; wrongHcc: number; perNote: { id: string; wrong: { code: string }[] }[] }

const floors = JSON.parse(readFileSync(join(__dirname, 'outpatient-floor.json'), 'utf8')) as Record<string, Floor>;

const SETS: { name: string; title: string; gold: string; notes?: string; count: number; needs: string }[] = [
  { name: 'dev', title: 'US outpatient gold, dev (aci-us-gold, 20 notes)', gold: sharedPath('corpora/aci-us-gold/dev.jsonl'), count: 20, needs: 'corpora/aci-us-gold/dev.jsonl' },
  // Our own gold: 40 ACI-Bench train notes coded twice under the same protocol and merged
  // (test/gold/README.md); the note texts stay in ../shared.
  { name: 'heldout', title: 'US outpatient gold, held-out (40 ACI-Bench train notes)', gold: join(__dirname, '../../gold/aci-train-heldout.jsonl'), notes: sharedPath('corpora/aci-bench/challenge_data/train.csv'), count: 40, needs: 'corpora/aci-bench/challenge_data/train.csv' },
];

for (const set of SETS) {
  const floor = floors[set.name]!;
  describe(set.title, { skip: skip || skipUnlessShared(set.needs) }, () => {
    let report: Report;
    before(async () => {
      const r = await runCli(['eval', set.gold, ...(set.notes ? ['--notes', set.notes] : []), '--db', await realDbPath(), '--hcc', sharedPath('riskadjust/ra_dx_to_cc_2026.csv'), '--json']);
      assert.equal(r.code, 0, r.stderr);
      report = JSON.parse(r.stdout) as Report;
    });
    test(`scores all ${set.count} notes`, () => assert.equal(report.notes, set.count));
    test(`precision of default suggestions >= ${floor.precision}`, () => assert.ok(report.precision >= floor.precision, `precision ${report.precision}; wrong: ${report.perNote.flatMap((n) => n.wrong.map((w) => `${n.id} ${w.code}`)).join(', ')}`));
    test(`recall of required conditions >= ${floor.recall}`, () => assert.ok(report.recall >= floor.recall, `recall ${report.recall}`));
    test(`first-listed diagnosis >= ${floor.firstListed}`, () => assert.ok(report.firstListed >= floor.firstListed, `first-listed ${report.firstListed}`));
    test(`office E/M defensible >= ${floor.emDefensible}, offered >= ${floor.emOffered}`, () => {
      assert.ok(report.emDefensible >= floor.emDefensible, `E/M defensible ${report.emDefensible}`);
      assert.ok(report.emOffered >= floor.emOffered, `E/M offered ${report.emOffered}`);
    });
    test(`wrong suggestions carrying a CMS-HCC V28 category <= ${floor.wrongHccMax}`, () => assert.ok(report.wrongHcc <= floor.wrongHccMax, `wrong with an HCC: ${report.wrongHcc}`));
  });
}
