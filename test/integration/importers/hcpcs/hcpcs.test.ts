// HCPCS Level II over the real CMS files in ../shared (counts from the files themselves).
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { hcpcsImporters } from '../../../../src/core/importers/hcpcs';
import { contentHead } from '../../../../src/core/importers/head';
import { expandZip } from '../../../../src/core/importers/zip';
import type { CodeRow, ImportFile, Importer } from '../../../../src/core/importers/types';
import { CountingSink } from '../../../support/countingSinkOther';
import { sharedPath, skipUnlessShared } from '../../../support/shared';

const ANWEB_2025 = 'codesets/hcpcs/2025-oct/HCPC2025_OCT_ANWEB.xlsx';
const ZIP_2019 = 'codesets/hcpcs/2019/2019-Alpha-Numeric-HCPCS-File.zip';
const MODIFIERS_2025 = 'codesets/modifiers/hcpcs_level2_modifiers_2025-oct.csv';

const load = (rel: string): ImportFile => ({ name: rel.split('/').pop()!, bytes: new Uint8Array(readFileSync(sharedPath(rel))) });
const detectOne = (f: ImportFile): Importer => {
  const found = hcpcsImporters.filter((i) => i.detect(f.name, contentHead(f.name, f.bytes)));
  assert.equal(found.length, 1, `${f.name}: ${found.map((i) => i.kind).join(', ')}`);
  return found[0]!;
};

describe('HCPCS 2025 October ANWEB spreadsheet', { skip: skipUnlessShared(ANWEB_2025) }, () => {
  test('8,463 codes and 383 modifiers, release 2025-Oct (2025-10-01 .. 2025-12-31)', async () => {
    const f = load(ANWEB_2025);
    const importer = detectOne(f);
    assert.equal(importer.kind, 'hcpcs-xlsx');
    const sink = new CountingSink(5);
    const r = await importer.run(f, sink, 'sha', {});
    assert.equal(r.counts.codes, 8463);
    assert.equal(r.counts.modifiers, 383);
    const codes = sink.only('hcpcs');
    const mods = sink.only('modifier');
    assert.equal(codes.counts['code'], 8463);
    assert.equal(mods.counts['code'], 383);
    for (const s of [codes, mods]) assert.deepEqual([s.meta.version, s.meta.effectiveFrom, s.meta.effectiveTo], ['2025-Oct', '2025-10-01', '2025-12-31']);
    assert.ok(codes.codes.every((c) => /^[A-V]\d{4}$/.test(c.code) && c.longTitle && c.shortTitle));
    assert.ok(mods.codes.every((c) => /^[A-Z0-9]{2}$/.test(c.code) && c.kind === 'modifier'));
  });
});

describe('HCPCS 2019 annual zip', { skip: skipUnlessShared(ZIP_2019) }, () => {
  test('the fixed-width text and the spreadsheet inside the zip give the same records', async () => {
    const members = expandZip(load(ZIP_2019));
    const txt = members.find((m) => m.name.endsWith('!HCPC2019_CONTR_ANWEB.txt'))!;
    const xlsx = members.find((m) => m.name.endsWith('!HCPC2019_CONTR_ANWEB.xlsx'))!;
    assert.equal(detectOne(txt).kind, 'hcpcs-txt');
    assert.equal(detectOne(xlsx).kind, 'hcpcs-xlsx');
    const fromText = new CountingSink();
    const fromSheet = new CountingSink();
    const a = await detectOne(txt).run(txt, fromText, 'sha', {});
    const b = await detectOne(xlsx).run(xlsx, fromSheet, 'sha', {});
    assert.equal(a.version, '2019');
    assert.deepEqual(fromText.only('hcpcs').meta.effectiveFrom, '2019-01-01');
    assert.deepEqual(a.counts, b.counts);
    assert.ok(a.counts.codes! > 6000 && a.counts.modifiers! > 300, JSON.stringify(a.counts));
    // Codes, titles and status must agree. Detail fields may not: CMS's own 2019 spreadsheet
    // leaves the action-effective date blank for ~115 old codes and lists an extra type of
    // service for two, where the text file does not.
    const core = (rows: CodeRow[]): unknown[] => rows.map((r) => [r.code, r.kind, r.billable, r.longTitle, r.shortTitle, r.extra?.['addDate'], r.extra?.['terminationDate']]);
    assert.deepEqual(core(fromText.only('hcpcs').codes), core(fromSheet.only('hcpcs').codes));
    assert.deepEqual(core(fromText.only('modifier').codes), core(fromSheet.only('modifier').codes));
    // README, notes and change reports in the same zip are not taken for HCPCS files.
    const others = members.filter((m) => m !== txt && m !== xlsx).filter((m) => hcpcsImporters.some((i) => i.detect(m.name, contentHead(m.name, m.bytes))));
    assert.deepEqual(others.map((m) => m.name), []);
  });
});

describe('HCPCS 2025 October modifiers CSV (derived)', { skip: skipUnlessShared(MODIFIERS_2025) }, () => {
  test('383 modifiers in one modifier set, release 2025-Oct', async () => {
    const f = load(MODIFIERS_2025);
    const sink = new CountingSink(0);
    const r = await detectOne(f).run(f, sink, 'sha', {});
    assert.equal(r.counts.modifiers, 383);
    assert.equal(sink.only('modifier').counts['code'], 383);
    assert.equal(sink.only('modifier').meta.version, '2025-Oct');
  });
});
