import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { claimJsonSchemaText } from '../../../src/core/claim/jsonSchema';

test('schema/claim.schema.json is what `npm run schema` generates from the zod schema', () => {
  const committed = readFileSync(join(__dirname, '..', '..', '..', 'schema', 'claim.schema.json'), 'utf8');
  assert.equal(committed, claimJsonSchemaText(), 'schema/claim.schema.json is stale: run `npm run schema` and commit it');
});

test('the published schema requires the structural members and pins the version', () => {
  const schema = JSON.parse(claimJsonSchemaText());
  assert.deepEqual(schema.required.sort(), ['diagnoses', 'encounter', 'lines', 'schemaVersion']);
  assert.equal(schema.properties.schemaVersion.const, '1');
  assert.deepEqual(schema.properties.lines.items.required.sort(), ['charge', 'code', 'system', 'units']);
});
