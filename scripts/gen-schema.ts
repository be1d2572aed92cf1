// Writes schema/claim.schema.json from the zod claim schema (npm run schema).
// test/unit/claim/jsonSchema.test.ts fails when the committed file differs from this output.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { claimJsonSchemaText } from '../src/core/claim/jsonSchema';

const out = resolve(__dirname, '..', 'schema', 'claim.schema.json');
writeFileSync(out, claimJsonSchemaText());
process.stdout.write(`wrote ${out}\n`);
