import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseClaim, check } from './fixture';

test('the minimal claim of the issue raises no warning on the fixture code sets', async () => {
  const ws = await check(baseClaim());
  assert.deepEqual(ws.map((w) => `${w.rule}: ${w.message}`), []);
});
