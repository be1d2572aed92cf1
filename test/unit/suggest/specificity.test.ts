import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { codes, suggest } from './helpers';

async function one(text: string, prefix: string) {
  const s = (await suggest(text)).find((x) => x.code.startsWith(prefix));
  assert.ok(s, `no ${prefix} suggestion for "${text}"`);
  return s;
}

describe('specificity', () => {
  test('laterality picks the right or left code', async () => {
    assert.equal((await one('Osteoarthritis of the right knee.', 'M17')).code, 'M17.11');
    assert.equal((await one('Left knee osteoarthritis.', 'M17')).code, 'M17.12');
  });
  test('without laterality: the unspecified code, and laterality is named as missing', async () => {
    const s = await one('Osteoarthritis of knee.', 'M17');
    assert.equal(s.code, 'M17.10');
    assert.deepEqual(s.missing, ['laterality']);
  });
  test('episode of care completes the 7th character', async () => {
    assert.equal((await one('Fracture of lower end of left radius, subsequent encounter.', 'S52')).code, 'S52.502D');
    assert.equal((await one('Fracture of the lower end of the right radius, initial encounter.', 'S52')).code, 'S52.501A');
  });
  test('no episode and no side: unspecified side, initial encounter, both axes missing', async () => {
    const s = await one('Fracture of lower end of radius.', 'S52');
    assert.equal(s.code, 'S52.509A');
    assert.deepEqual(s.missing.sort(), ['episode', 'laterality']);
  });
  test('acuity and type walk to the most specific heart failure code', async () => {
    assert.equal((await one('Acute on chronic systolic heart failure.', 'I50')).code, 'I50.23');
    assert.equal((await one('Chronic systolic heart failure.', 'I50')).code, 'I50.22');
  });
  test('CKD stage from the abbreviation and stage words', async () => {
    assert.equal((await one('CKD stage 3b.', 'N18')).code, 'N18.32');
    assert.equal((await one('CKD stage 4.', 'N18')).code, 'N18.4');
  });
});

describe('walking without a documented site', () => {
  test('a documented side does not buy a site the note never names', async () => {
    const found = await codes('Assessment: primary osteoarthritis, right side.', { setting: 'inpatient' });
    assert.ok(!found.includes('M19.011'), found.join(', '));
    assert.ok(found.includes('M19.09'), found.join(', '));
  });
});

describe('anatomical synonyms', () => {
  test('"distal radius" is the lower end of the radius', async () => {
    const found = await codes('Assessment: fracture of the left distal radius, initial encounter.');
    assert.ok(found.includes('S52.502A'), found.join(', '));
  });
});
