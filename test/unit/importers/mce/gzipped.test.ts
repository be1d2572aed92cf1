// A gzipped MCE table (mce_v41.1_fy2024_code_edits.csv.gz) is imported like the plain CSV; its
// recorded SHA-256 is the file's as given.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { gzipSync } from 'fflate';
import { importBatch } from '../../../../src/core/importers/run';
import { ALL_IMPORTERS } from '../../../../src/core/importers/registry';
import { CodesetWriter } from '../../../../src/core/codeset/writer';
import { openCodesetIndex } from '../../../../src/core/codeset/index';
import { sqlJs } from '../../../support/fixtureIndex';

const CSV = join(__dirname, '..', '..', '..', 'fixtures', 'mce', 'mce_v99.1_fy2031_code_edits.csv');

describe('gzipped MCE table', () => {
  test('imports the same edits as the plain CSV', async () => {
    const SQL = await sqlJs();
    const plain = readFileSync(CSV);
    const gz = gzipSync(plain);
    const counts = async (name: string, bytes: Uint8Array) => {
      const writer = new CodesetWriter(SQL);
      try {
        const report = await importBatch([{ name, bytes }], writer, ALL_IMPORTERS);
        const index = openCodesetIndex(SQL, writer.exportMain());
        const set = index.sets().find((s) => s.system === 'mce')!;
        index.close();
        return { counts: report.imported[0]!.counts, version: set.version, sha256: set.sources[0]!.sha256 };
      } finally {
        writer.close();
      }
    };
    const a = await counts('mce_v99.1_fy2031_code_edits.csv', plain);
    const b = await counts('mce_v99.1_fy2031_code_edits.csv.gz', gz);
    assert.deepEqual(b.counts, a.counts);
    assert.equal(b.version, a.version);
    assert.equal(b.sha256, createHash('sha256').update(gz).digest('hex'));
  });
});
