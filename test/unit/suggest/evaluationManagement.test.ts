import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { suggest } from './helpers';

async function em(text: string) {
  return (await suggest(text, { setting: 'outpatient' })).filter((s) => s.system === 'cpt');
}

describe('office E/M level', () => {
  test('established patient by total time', async () => {
    assert.equal((await em('Established patient seen for follow up. I spent 25 minutes.'))[0]?.code, '99213');
    assert.equal((await em('Established patient. Total time: 35 minutes.'))[0]?.code, '99214');
    assert.equal((await em('Established patient. I spent 45 minutes on the date of the visit.'))[0]?.code, '99215');
  });
  test('new patient by total time', async () => {
    assert.equal((await em('New patient visit. I spent 35 minutes.'))[0]?.code, '99203');
    assert.equal((await em('New patient. Total time 60 minutes.'))[0]?.code, '99205');
  });
  test('time beyond the top level adds 99417 per full 15 minutes', async () => {
    const found = await em('New patient. Total time 90 minutes.');
    assert.equal(found.find((s) => s.code === '99205')?.code, '99205');
    assert.equal(found.find((s) => s.code === '99417')?.units, 2);
    assert.ok(!(await em('New patient. Total time 70 minutes.')).some((s) => s.code === '99417'));
  });
  test('without time, medical decision making sets the level (2 of 3)', async () => {
    const found = await em('Established patient. Assessment: worsening COPD. Reviewed labs, ordered chest x-ray, discussed with pulmonology. Prescribed prednisone.');
    assert.equal(found[0]?.code, '99214');
    assert.match(found[0]!.reason, /medical decision making moderate/);
  });
  test('a note that is not an office visit gets no E/M code', async () => {
    assert.deepEqual(await em('Aspiration pneumonia.'), []);
  });
  test('inpatient analysis proposes no office visit', async () => {
    assert.ok(!(await suggest('New patient. I spent 35 minutes.', { setting: 'inpatient' })).some((s) => s.system === 'cpt'));
  });
});
