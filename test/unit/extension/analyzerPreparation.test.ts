// Readying the analyzer and search in the extension: the first session builds the dictionary (and,
// in the separate process, the search word index) and saves them beside the database; the next
// reads them back; a saved copy that is damaged or was built from
// other content is ignored, rebuilt and replaced. Nothing is lost either way.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { plainTerm } from '../../../src/core/suggest/termTable';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createHash } from 'node:crypto';
import { buildSync } from 'esbuild';
import { join } from 'node:path';
import type * as vscode from 'vscode';
import { AnalyzerPreparation } from '../../../src/extension/analyzerPreparation';
import type { CodesetDatabase } from '../../../src/extension/database';
import { savedDictionaryPath, savedSearchPath } from '../../../src/node/savedDictionary';
import { builtDictionary } from '../../../src/core/suggest/dictionary';
import type { SqlCodesetIndex } from '../../../src/core/codeset/index';
import { fixtureIndex, icd } from '../../support/fixtureIndex';

function newIndex(): Promise<SqlCodesetIndex> {
  return fixtureIndex([{
    system: 'icd10cm', version: 'FY2024', effectiveFrom: '2023-10-01',
    codes: [icd('J18', 'Pneumonia, unspecified organism', false), icd('J18.9', 'Pneumonia, unspecified organism'), icd('J69', 'Pneumonitis due to solids and liquids', false), icd('J69.0', 'Pneumonitis due to inhalation of food and vomit')],
    indexEntries: [{ source: 'index', path: 'Pneumonia', term: 'Pneumonia', level: 0, code: 'J189' }, { source: 'index', path: 'Pneumonia > aspiration', term: 'aspiration', level: 1, code: 'J690' }],
  }]);
}

function session(dbPath: string, index: SqlCodesetIndex, contentHash: string, builder?: { file: string; execArgv: string[] }): { preparation: AnalyzerPreparation; lines: string[] } {
  const lines: string[] = [];
  const log = { info: (m: string) => lines.push(m), warn: (m: string) => lines.push(`warn: ${m}`) } as unknown as vscode.LogOutputChannel;
  const database = { current: { kind: 'ready', path: dbPath, index, loadMs: 1, contentHash }, index } as unknown as CodesetDatabase;
  return { preparation: new AnalyzerPreparation(database, log, builder), lines };
}

describe('analyzer preparation in the extension', () => {
  test('builds and saves the dictionary, then reads it back; a damaged or foreign copy is rebuilt and replaced', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'medcode-prep-'));
    try {
      const db = join(dir, 'codesets.sqlite');
      const file = savedDictionaryPath(db);

      const index1 = await newIndex();
      const first = session(db, index1, 'content-a');
      await first.preparation.ready(index1);
      assert.ok(builtDictionary(index1), 'the dictionary is ready after the first session');
      assert.ok(existsSync(file), 'the dictionary is saved beside the database');
      assert.ok(first.lines.some((l) => /none saved yet/.test(l)), first.lines.join('\n'));
      assert.ok(first.lines.some((l) => /dictionary built/.test(l)), first.lines.join('\n'));

      const index2 = await newIndex();
      const second = session(db, index2, 'content-a');
      await second.preparation.ready(index2);
      assert.ok(second.lines.some((l) => /read from the saved copy/.test(l)), second.lines.join('\n'));
      assert.deepEqual([...builtDictionary(index2)!.terms()].map(plainTerm), [...builtDictionary(index1)!.terms()].map(plainTerm));

      const damaged = readFileSync(file);
      damaged[damaged.length - 3]! ^= 0xff;
      writeFileSync(file, damaged);
      const index3 = await newIndex();
      const third = session(db, index3, 'content-a');
      await third.preparation.ready(index3);
      assert.ok(third.lines.some((l) => /checksum/.test(l)), third.lines.join('\n'));
      assert.ok(third.lines.some((l) => /dictionary built/.test(l)), third.lines.join('\n'));
      assert.deepEqual([...builtDictionary(index3)!.terms()].map(plainTerm), [...builtDictionary(index1)!.terms()].map(plainTerm));

      const index4 = await newIndex();
      const fourth = session(db, index4, 'content-b');
      await fourth.preparation.ready(index4);
      assert.ok(fourth.lines.some((l) => /another database/.test(l)), fourth.lines.join('\n'));
      // The rebuilt copy replaced the damaged one: a fifth session with content-b reads it.
      const index5 = await newIndex();
      const fifth = session(db, index5, 'content-b');
      await fifth.preparation.ready(index5);
      assert.ok(fifth.lines.some((l) => /read from the saved copy/.test(l)), fifth.lines.join('\n'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('built in a separate process from the database file, saved, and read back next session', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'medcode-prep-'));
    try {
      const db = join(dir, 'codesets.sqlite');
      const index = await newIndex();
      writeFileSync(db, index.db.export());
      const hash = createHash('sha256').update(readFileSync(db)).digest('hex');
      // Bundled as the extension ships it (the forked process does not load TypeScript); beside the repository's node_modules.
      const file = join(__dirname, '../../../.cache/test-worker/builderProcess.js');
      buildSync({ entryPoints: [join(__dirname, '../../../src/node/builderProcess.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: file, logLevel: 'silent' });
      const builder = { file, execArgv: [] };
      const first = session(db, index, hash, builder);
      await first.preparation.ready(index);
      assert.equal(first.preparation.last?.dictionary, 'built in a separate process', first.lines.join('\n'));
      await first.preparation.searchReady;
      assert.equal(first.preparation.lastSearch, 'built in a separate process', first.lines.join('\n'));
      assert.ok(existsSync(savedDictionaryPath(db)));
      assert.ok(existsSync(savedSearchPath(db)));
      assert.ok(index.hasSearchIndex(), 'the search index built in the separate process is in use');
      const inProcess = await newIndex();
      await session(join(dir, 'elsewhere.sqlite'), inProcess, hash).preparation.ready(inProcess);
      assert.deepEqual([...builtDictionary(index)!.terms()].map(plainTerm), [...builtDictionary(inProcess)!.terms()].map(plainTerm));
      const again = await newIndex();
      const second = session(db, again, hash, builder);
      await second.preparation.ready(again);
      assert.equal(second.preparation.last?.dictionary, 'saved copy', second.lines.join('\n'));
      assert.equal(second.preparation.lastSearch, 'saved copy', second.lines.join('\n'));
      // Searches answer the same from the saved copy as from a word index built here.
      const builtHere = await newIndex();
      for (const q of ['pneumonia', 'aspiration pneumonia', 'pneumonitis vomit', 'J18']) assert.deepEqual(again.search(q), builtHere.search(q), q);
      // A search copy whose header is wrong is refused when the database loads, and the process rebuilds it.
      const saidOther = readFileSync(savedSearchPath(db));
      writeFileSync(savedSearchPath(db), Buffer.concat([saidOther, Buffer.from('    ')]));
      const cutIndex = await newIndex();
      const cut = session(db, cutIndex, hash, builder);
      await cut.preparation.ready(cutIndex);
      await cut.preparation.searchReady;
      assert.equal(cut.preparation.lastSearch, 'built in a separate process', cut.lines.join('\n'));
      assert.ok(cut.lines.some((l) => /search index: .*cut off or too long/.test(l)), cut.lines.join('\n'));
      // A damaged body passes the header check at load (the 14 MB body is not read until someone
      // searches); the first search refuses it with its reason, builds the index here, and removes the
      // copy; the next session has the process build a good one.
      const damaged = readFileSync(savedSearchPath(db));
      damaged[damaged.length - 5] ^= 0xff;
      writeFileSync(savedSearchPath(db), damaged);
      const fourthIndex = await newIndex();
      const fourth = session(db, fourthIndex, hash, builder);
      await fourth.preparation.ready(fourthIndex);
      assert.equal(fourth.preparation.last?.dictionary, 'saved copy', fourth.lines.join('\n'));
      assert.equal(fourth.preparation.lastSearch, 'saved copy', fourth.lines.join('\n'));
      assert.deepEqual(fourthIndex.search('aspiration pneumonia'), builtHere.search('aspiration pneumonia'));
      assert.ok(fourth.lines.some((l) => /search index: the saved copy was refused .*checksum/.test(l)), fourth.lines.join('\n'));
      assert.ok(!existsSync(savedSearchPath(db)), 'the damaged copy is removed');
      const fifthIndex = await newIndex();
      const fifth = session(db, fifthIndex, hash, builder);
      await fifth.preparation.ready(fifthIndex);
      await fifth.preparation.searchReady;
      assert.equal(fifth.preparation.lastSearch, 'built in a separate process', fifth.lines.join('\n'));
      assert.deepEqual(fifthIndex.search('aspiration pneumonia'), builtHere.search('aspiration pneumonia'));
      // The file on disk is not the content the extension loaded: the separate process refuses, the dictionary is built here.
      const other = await newIndex();
      const third = session(db, other, 'another-hash', builder);
      await third.preparation.ready(other);
      assert.equal(third.preparation.last?.dictionary, 'built in slices', third.lines.join('\n'));
      assert.ok(third.lines.some((l) => /changed on disk/.test(l)), third.lines.join('\n'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('an unwritable place beside the database only costs the rebuild next time', async () => {
    const index = await newIndex();
    const s = session('/proc/medcode-no-such-dir/codesets.sqlite', index, 'content-a');
    await s.preparation.ready(index);
    assert.ok(builtDictionary(index));
    assert.ok(s.lines.some((l) => /could not be saved/.test(l)), s.lines.join('\n'));
  });
});
