// The published JSON Schema of a claim file (schema/claim.schema.json), generated from the zod
// schema so the two cannot drift: scripts/gen-schema.ts writes it, a unit test compares it.
import { z } from 'zod';
import { CLAIM_SCHEMA_VERSION, ClaimSchema } from './schema';

export const CLAIM_JSON_SCHEMA_ID = `https://medcode.local/schema/claim.v${CLAIM_SCHEMA_VERSION}.schema.json`;

/** The schema of what a claim file may contain (zod "input": defaulted members are optional). */
export function claimJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(ClaimSchema, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
  return {
    $schema: generated.$schema,
    $id: CLAIM_JSON_SCHEMA_ID,
    title: `MedCode claim (schemaVersion ${CLAIM_SCHEMA_VERSION})`,
    description:
      'One professional claim for one encounter, with optional working-copy fields (evidence, decisions, audit, suppressions). Semantic problems are reported by `medcode check`, not by this schema.',
    ...Object.fromEntries(Object.entries(generated).filter(([k]) => k !== '$schema')),
  };
}

/** The file text: 2-space JSON with a final newline, so regeneration is byte-stable. */
export function claimJsonSchemaText(): string {
  return `${JSON.stringify(claimJsonSchema(), null, 2)}\n`;
}
