// readWhole: a file's bytes in one read (the database and the saved dictionary load this way, so
// a busy editor's event loop is waited on once, not once per 512 KB).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readWhole } from '../../../src/node/store';

test('readWhole returns every byte of empty, small and multi-megabyte files, and throws for a missing one', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'medcode-read-whole-'));
  try {
    for (const size of [0, 1, 4096, 3 * 1024 * 1024 + 7]) {
      const bytes = new Uint8Array(size).map((_, i) => (i * 31 + 7) & 0xff);
      const file = join(dir, `f${size}`);
      writeFileSync(file, bytes);
      assert.deepEqual(await readWhole(file), bytes, `${size} bytes`);
    }
    await assert.rejects(readWhole(join(dir, 'missing')), /ENOENT/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
