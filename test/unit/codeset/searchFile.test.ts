// The search word index saved as bytes and read back: searches answer exactly as from the index it
// was built as (also for a date that needs another version, loaded after reading it back); a copy
// from another database or analyzer, damaged, cut off or not one at all is refused with the reason.
import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import { fixtureIndex, icd } from '../../support/fixtureIndex';
import type { SqlCodesetIndex } from '../../../src/core/codeset/index';
import { decodeSearchIndex, encodeSearchIndex, searchIndexHeaderRefusal } from '../../../src/core/codeset/searchFile';
import type { CodeRow } from '../../../src/core/importers/types';

const KEY = { database: 'db-hash-1', code: 'code-hash-1' };

const COMMON: CodeRow[] = [
  icd('J18', 'Pneumonia, unspecified organism', false),
  icd('J18.9', 'Pneumonia, unspecified organism'),
  icd('J69', 'Pneumonitis due to solids and liquids', false),
  icd('J69.0', 'Pneumonitis due to inhalation of food and vomit'),
  icd('I48', 'Atrial fibrillation and flutter', false),
  icd('I48.91', 'Unspecified atrial fibrillation'),
];

function build(): Promise<SqlCodesetIndex> {
  return fixtureIndex([
    { system: 'icd10cm', version: 'FY2023', effectiveFrom: '2022-10-01', effectiveTo: '2023-09-30', codes: [...COMMON, icd('R05', 'Cough')] },
    {
      system: 'icd10cm', version: 'FY2024', effectiveFrom: '2023-10-01', effectiveTo: '2024-09-30',
      codes: [...COMMON, icd('R05', 'Cough', false), icd('R05.9', 'Cough, unspecified')],
      indexEntries: [
        { source: 'index', path: 'Pneumonia > aspiration', term: 'aspiration', level: 1, code: 'J690' },
        { source: 'index', path: 'Fibrillation > atrial or auricular', term: 'atrial or auricular', level: 1, nemod: '(established)', code: 'I4891' },
      ],
      notes: [{ code: 'J189', type: 'inclusionTerm', text: 'Lung infection NOS' }],
    },
    { system: 'hcpcs', version: '2024', effectiveFrom: '2024-01-01', codes: [{ code: 'J0696', display: 'J0696', kind: 'code', billable: true, longTitle: 'Injection, ceftriaxone sodium, per 250 mg', shortTitle: 'Ceftriaxone sodium injection' }] },
  ]);
}

const QUERIES = ['pneumonia', 'aspiration pneumonia', 'lung infection', 'afib', 'atrial fibrilation', 'cough', 'ceftriaxone', 'pneum', 'J18', 'office visit established'];
const OPTIONS = [{}, { date: '2023-01-15' }, { system: 'hcpcs' as const }, { system: 'cpt' as const }, { limit: 2 }];

describe('saved search index', () => {
  let built: SqlCodesetIndex;
  let bytes: Uint8Array;
  before(async () => {
    built = await build();
    built.warmSearch();
    bytes = encodeSearchIndex(built.searchParts()!, KEY);
  });

  test('read back, it answers every search as the index it was built as, including a date that loads another version afterwards', async () => {
    const decoded = decodeSearchIndex(bytes, KEY);
    assert.ok(decoded.ok, decoded.ok ? '' : decoded.reason);
    const restored = await build();
    assert.equal(restored.adoptSearch(decoded.parts), true);
    assert.equal(restored.adoptSearch(decoded.parts), false, 'a second copy is not taken over the first');
    for (const q of QUERIES) {
      for (const o of OPTIONS) assert.deepEqual(restored.search(q, o), built.search(q, o), `${q} ${JSON.stringify(o)}`);
    }
    // The FY2023 version was loaded after reading back: its cough is the billable R05.
    assert.equal(restored.search('cough', { date: '2023-01-15' })[0]?.code, 'R05');
    assert.equal(restored.search('cough')[0]?.code, 'R05.9');
  });

  test('refuses a copy built from another database or by another analyzer', () => {
    const refusal = (key = KEY, b = bytes) => { const d = decodeSearchIndex(b, key); return d.ok ? 'accepted' : d.reason; };
    assert.match(refusal({ ...KEY, database: 'db-hash-2' }), /another database/);
    assert.match(refusal({ ...KEY, code: 'code-hash-2' }), /another version of the analyzer/);
  });

  test('refuses a damaged or cut-off copy, and anything that is not a saved search index', () => {
    const refusal = (b: Uint8Array) => { const d = decodeSearchIndex(b, KEY); return d.ok ? 'accepted' : d.reason; };
    const damaged = bytes.slice();
    damaged[damaged.length - 3]! ^= 0xff;
    assert.match(refusal(damaged), /checksum/);
    assert.match(refusal(bytes.subarray(0, bytes.length - 8)), /cut off/);
    assert.match(refusal(new TextEncoder().encode('MEDCODE-ANALYZER-DICTIONARY\n{}\n')), /not a MedCode search index/);
    assert.match(refusal(new Uint8Array(0)), /not a MedCode search index/);
  });

  test('the header alone says whether a copy is for this database and analyzer and has its full length', () => {
    const head = bytes.subarray(0, 4096);
    assert.equal(searchIndexHeaderRefusal(head, bytes.length, KEY), undefined);
    assert.match(searchIndexHeaderRefusal(head, bytes.length, { ...KEY, database: 'db-hash-2' })!, /another database/);
    assert.match(searchIndexHeaderRefusal(head, bytes.length, { ...KEY, code: 'code-hash-2' })!, /another version of the analyzer/);
    assert.match(searchIndexHeaderRefusal(head, bytes.length - 8, KEY)!, /cut off or too long/);
    assert.match(searchIndexHeaderRefusal(bytes.subarray(0, 30), bytes.length, KEY)!, /header is cut off/);
    assert.match(searchIndexHeaderRefusal(new TextEncoder().encode('MEDCODE-ANALYZER-DICTIONARY\n{}\n'), 40, KEY)!, /not a MedCode search index/);
    // A damaged body has a good header: the checksum is checked when the copy is decoded.
    const damaged = bytes.slice();
    damaged[damaged.length - 3]! ^= 0xff;
    assert.equal(searchIndexHeaderRefusal(damaged.subarray(0, 4096), damaged.length, KEY), undefined);
    assert.match((decodeSearchIndex(damaged, KEY) as { reason: string }).reason, /checksum/);
  });

  test('parts that do not fit together are refused when taken, and the index still builds its own', async () => {
    const decoded = decodeSearchIndex(bytes, KEY);
    assert.ok(decoded.ok);
    const parts = { ...decoded.parts, text: { ...decoded.parts.text, words: decoded.parts.text.words.subarray(1) } };
    const index = await build();
    assert.throws(() => index.adoptSearch(parts), /do not fit together/);
    assert.deepEqual(index.search('aspiration pneumonia'), built.search('aspiration pneumonia'));
  });
});

describe('a search index provided for the first search', () => {
  test('is read once, on the first search, and answers as the index it was built as', async () => {
    const built = await build();
    built.warmSearch();
    const bytes = encodeSearchIndex(built.searchParts()!, KEY);
    const index = await build();
    let reads = 0;
    index.provideSearchIndex(() => { reads++; const d = decodeSearchIndex(bytes, KEY); return d.ok ? d.parts : undefined; });
    assert.equal(reads, 0, 'nothing is read before a search');
    assert.ok(index.hasSearchIndex());
    for (const q of QUERIES) assert.deepEqual(index.search(q), built.search(q), q);
    assert.equal(reads, 1);
  });

  test('one that cannot be read or does not fit is left, and the index is built from the database', async () => {
    const built = await build();
    for (const load of [() => undefined, () => { throw new Error('gone'); }]) {
      const index = await build();
      index.provideSearchIndex(load);
      assert.deepEqual(index.search('aspiration pneumonia'), built.search('aspiration pneumonia'));
    }
  });
});
