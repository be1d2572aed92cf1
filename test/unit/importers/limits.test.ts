// Input limits at the importers' boundary: archives that inflate far past their size, lines far
// longer than their layout allows, each refused with a sentence naming the file (and the line).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync, strToU8, zipSync } from 'fflate';
import { expandZip } from '../../../src/core/importers/zip';
import { gunzipTextChunks } from '../../../src/core/importers/gzip';
import { importBatch } from '../../../src/core/importers/run';
import { ALL_IMPORTERS } from '../../../src/core/importers/registry';
import { ImportError } from '../../../src/core/importers/types';
import { lines } from '../../../src/core/importers/text';
import { CodesetWriter } from '../../../src/core/codeset/writer';
import { sqlJs } from '../../support/fixtureIndex';

const zeros = (n: number) => new Uint8Array(n);

async function importOne(name: string, bytes: Uint8Array): Promise<unknown> {
  const writer = new CodesetWriter(await sqlJs());
  try {
    return await importBatch([{ name, bytes }], writer, ALL_IMPORTERS);
  } finally {
    writer.close();
  }
}

describe('inflate limits', () => {
  test('a member inflating 1000 times its size is refused as a zip bomb', () => {
    const bomb = zipSync({ 'table.txt': zeros(8 << 20) }, { level: 9 });
    assert.ok(bomb.length < 100_000);
    assert.throws(() => expandZip({ name: 'bomb.zip', bytes: bomb }), (e: unknown) => e instanceof ImportError && /bomb\.zip!table\.txt: .*looks like a zip bomb/.test(e.message));
  });

  test('nested archives are held to one total; a member to its own limit', () => {
    const limits = { memberBytes: 1 << 20, totalBytes: 2 << 20, ratio: 1e9 };
    const inner = zipSync({ 'a.txt': zeros(900_000), 'b.txt': zeros(900_000) });
    const outer = zipSync({ 'one.zip': inner, 'two.zip': inner });
    assert.throws(() => expandZip({ name: 'outer.zip', bytes: outer }, limits), /inflates to more than 2 MB in total/);
    const big = zipSync({ 'big.txt': zeros(1_500_000) });
    assert.throws(() => expandZip({ name: 'big.zip', bytes: big }, limits), /big\.zip!big\.txt: the member inflates to 1 MB, more than the 1 MB/);
  });

  test('a gzip stream inflating 1000 times its size is refused', () => {
    const bomb = gzipSync(zeros(16 << 20), { level: 9 });
    assert.throws(() => { for (const _ of gunzipTextChunks(bomb, 'ptp.csv.gz')) { /* read on */ } }, /ptp\.csv\.gz: .*looks like a gzip bomb/);
  });

  test('release-like files still expand', () => {
    const text = strToU8(Array.from({ length: 20_000 }, (_, i) => `${10000 + i}\t${20000 + i}\t\t20300101\t*\t1\tSample rationale ${i % 7}`).join('\n'));
    assert.equal(expandZip({ name: 'ptp.zip', bytes: zipSync({ 'ptp.txt': text }) }).length, 1);
  });
});

describe('line limits', () => {
  test('an order file with a 2 MB line: an error naming the file and the line, nothing imported', async () => {
    const good = '00001 E11     0 Type 2 diabetes mellitus                                     Type 2 diabetes mellitus';
    const bytes = strToU8(`${good}\n00002 E119    1 ${'x'.repeat(2 << 20)}\n`);
    await assert.rejects(importOne('icd10cm-order-2030.txt', bytes), (e: unknown) => e instanceof ImportError && e.line === 2 && /icd10cm-order-2030\.txt, line 2: this line is longer than the 1,024 characters/.test(e.message));
  });

  test('a CSV table with a megabyte record, or a quote left open over the rest of the file: refused at its line', async () => {
    const header = 'icd_code,icd_description,icd_conflict_group,icd_conflict_rule\n';
    const long = strToU8(`${header}A000,"${'y'.repeat(1 << 20)}",Age,"Adult (Ages 15-124)"\n`);
    await assert.rejects(importOne('mce_v99.1_fy2031_code_edits.csv', long), /mce_v99\.1_fy2031_code_edits\.csv, line 2: this line is longer than the 65,536 characters/);
    const open = strToU8(`${header}A000,"unclosed,Age,x\n${'A001,b,Age,Adult (Ages 15-124)\n'.repeat(5000)}`);
    await assert.rejects(importOne('mce_v99.1_fy2031_code_edits.csv', open), /line 2: this line is longer than/);
  });

  test('a gzipped table with a line of megabytes: refused at its line', async () => {
    let seed = 7;
    const digits = Array.from({ length: 1 << 20 }, () => { seed = (seed * 1103515245 + 12345) % 2 ** 31; return String(seed % 10); }).join('');
    const bytes = gzipSync(strToU8(`Column 1\tColumn 2\tx\tEffective Date\tDeletion Date\tModifier\n${digits}\n`));
    assert.throws(() => { for (const _ of lines(strToU8('ok\n' + 'z'.repeat(200_000)))) { /* read on */ } }, /line 2 is longer than the 65,536 characters/);
    await assert.rejects(importOne('ccipra-v362r0-f1.txt.gz', bytes), /line 2: this line is longer than/);
  });
});
