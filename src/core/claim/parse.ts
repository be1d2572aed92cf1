// Reads claim JSON text into a `Claim`, turning JSON syntax errors and schema issues into
// sentences a coder can act on (with line/column or the member path).
import type { z } from 'zod';
import { ClaimSchema, type Claim } from './schema';

export type ClaimParseResult = { ok: true; claim: Claim } | { ok: false; errors: string[] };

export function parseClaim(text: string): ClaimParseResult {
  let data: unknown;
  try {
    data = JSON.parse(stripBom(text));
  } catch (e) {
    return { ok: false, errors: [describeJsonError(text, e)] };
  }
  return validateClaim(data);
}

/** Validates an already-parsed value (e.g. a message from the panel). */
export function validateClaim(data: unknown): ClaimParseResult {
  const r = ClaimSchema.safeParse(data, { reportInput: true });
  if (r.success) return { ok: true, claim: r.data };
  return { ok: false, errors: r.error.issues.map(describeIssue) };
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** `encounter.dateOfService`, `lines[0].units`, or "the claim" for the root. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out === '' ? String(p) : `.${String(p)}`;
  }
  return out === '' ? 'the claim' : `"${out}"`;
}

function typeOfValue(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'number' && !Number.isFinite(v)) return 'a non-finite number';
  return `a ${typeof v}`;
}

const EXPECTED_NAMES: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  object: 'an object',
  array: 'an array',
  boolean: 'true or false',
};

function describeIssue(issue: z.core.$ZodIssue): string {
  const where = formatPath(issue.path);
  switch (issue.code) {
    case 'invalid_type': {
      const expected = EXPECTED_NAMES[issue.expected] ?? issue.expected;
      const got = 'input' in issue ? issue.input : undefined;
      if (got === undefined) return `${where} is missing; it must be ${expected}.`;
      return `${where} must be ${expected}, not ${typeOfValue(got)}.`;
    }
    case 'invalid_value': {
      const allowed = issue.values.map((v) => JSON.stringify(v)).join(', ');
      const got = 'input' in issue ? ` (found ${JSON.stringify(issue.input)})` : '';
      return issue.values.length === 1
        ? `${where} must be ${allowed}${got}.`
        : `${where} must be one of ${allowed}${got}.`;
    }
    case 'invalid_union':
      return `${where} does not match any allowed form (${issue.message}).`;
    default:
      return `${where}: ${issue.message}.`;
  }
}

/** JSON.parse messages differ across engines; find the offset and turn it into line/column. */
function describeJsonError(text: string, e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  const body = stripBom(text);
  if (body.trim() === '') return 'The claim file is empty; it must hold a JSON object with schemaVersion "1".';
  let offset: number | undefined;
  const pos = /position (\d+)/.exec(message);
  if (pos) offset = Number(pos[1]);
  const lc = /line (\d+) column (\d+)/.exec(message);
  let line: number;
  let column: number;
  if (lc) {
    line = Number(lc[1]);
    column = Number(lc[2]);
  } else {
    const at = Math.min(offset ?? body.length, body.length);
    const before = body.slice(0, at);
    line = before.split('\n').length;
    column = at - before.lastIndexOf('\n');
  }
  const reason = message.replace(/\s*\(line \d+ column \d+\)/, '').replace(/ in JSON at position \d+.*$/, '');
  return `The claim is not valid JSON at line ${line}, column ${column}: ${reason}. Fix the JSON syntax there.`;
}
