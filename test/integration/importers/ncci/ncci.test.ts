// NCCI PTP, MUE and add-on edits over the real files in ../shared.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ncciImporters } from '../../../../src/core/importers/ncci';
import { contentHead } from '../../../../src/core/importers/head';
import type { ImportFile, Importer } from '../../../../src/core/importers/types';
import { CountingSink } from '../../../support/countingSinkOther';
import { sharedPath, skipUnlessShared } from '../../../support/shared';

const load = (rel: string): ImportFile => ({ name: rel.split('/').pop()!, bytes: new Uint8Array(readFileSync(sharedPath(rel))) });
const detectOne = (f: ImportFile): Importer => {
  const found = ncciImporters.filter((i) => i.detect(f.name, contentHead(f.name, f.bytes)));
  assert.equal(found.length, 1, `${f.name}: ${found.map((i) => i.kind).join(', ')}`);
  return found[0]!;
};

const PTP = 'codesets/ncci/ptp_practitioner_2024-07-01.csv.gz';

describe('NCCI PTP practitioner 2024-07', { skip: skipUnlessShared(PTP) }, () => {
  test('2,546,017 edits of which 1,669,820 active, version 2024-Q3', async (t) => {
    const f = load(PTP);
    const importer = detectOne(f);
    assert.equal(importer.kind, 'ncci-ptp');
    const sink = new CountingSink(0);
    const started = performance.now();
    const r = await importer.run(f, sink, 'sha', {});
    const seconds = (performance.now() - started) / 1000;
    t.diagnostic(`PTP parsed in ${seconds.toFixed(1)} s (${Math.round(2546017 / seconds).toLocaleString('en-US')} rows/s)`);
    assert.deepEqual(r.counts, { edits: 2546017, active: 1669820 });
    const set = sink.only('ncci-ptp');
    assert.deepEqual(set.counts, { ptp: 2546017, ptpActive: 1669820 });
    assert.deepEqual([set.meta.version, set.meta.effectiveFrom, set.meta.effectiveTo, set.meta.variant], ['2024-Q3', '2024-07-01', '2024-09-30', 'practitioner']);
  });
});

const MUE: [file: string, variant: string, rows: number][] = [
  ['codesets/ncci/mue_practitioner_2024-07-01.csv', 'practitioner', 14677],
  ['codesets/ncci/mue_outpatient_hospital_2024-07-01.csv', 'outpatient_hospital', 14628],
  ['codesets/ncci/mue_dme_2024-07-01.csv', 'dme', 2928],
];

describe('NCCI MUEs 2024-07', () => {
  for (const [rel, variant, rows] of MUE) {
    test(`${variant}: ${rows} edits`, { skip: skipUnlessShared(rel) }, async () => {
      const f = load(rel);
      const sink = new CountingSink(0);
      const r = await detectOne(f).run(f, sink, 'sha', {});
      assert.equal(r.counts.edits, rows);
      const set = sink.only('ncci-mue');
      assert.equal(set.counts['mue'], rows);
      assert.deepEqual([set.meta.version, set.meta.variant], ['2024-Q3', variant]);
    });
  }
});

const ADDON = 'codesets/ncci/addon_codes_2024-06-03.csv';

describe('NCCI add-on code edits 2024-06', { skip: skipUnlessShared(ADDON) }, () => {
  test('7,465 edits', async () => {
    const f = load(ADDON);
    const sink = new CountingSink(0);
    const r = await detectOne(f).run(f, sink, 'sha', {});
    assert.equal(r.counts.edits, 7465);
    assert.equal(sink.only('ncci-addon').counts['addon'], 7465);
    assert.equal(sink.only('ncci-addon').meta.effectiveFrom, '2024-06-03');
  });
});

