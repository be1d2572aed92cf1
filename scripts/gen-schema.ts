// Writes schema/claim.schema.json and schema/practice.schema.json from the zod schemas (npm run schema).
// test/unit/claim/jsonSchema.test.ts fails when a committed file differs from this output.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { claimJsonSchemaText } from '../src/core/claim/jsonSchema';
import { practiceJsonSchemaText } from '../src/core/claim/practice';

const out = resolve(__dirname, '..', 'schema', 'claim.schema.json');
writeFileSync(out, claimJsonSchemaText());
process.stdout.write(`wrote ${out}\n`);
const practice = resolve(__dirname, '..', 'schema', 'practice.schema.json');
writeFileSync(practice, practiceJsonSchemaText());
process.stdout.write(`wrote ${practice}\n`);
