// `npm run fuzz`: random claims and notes through the rules, the export gate and the analyzer.
// Counts what must stay 0: crashes (an exception out of parseClaim, checkClaim, exportClaim,
// readNoteBytes or analyzeLongNote), exports that fail their validator (FHIR: @medplum's R4
// validator; claim JSON: our schema; 837P: ../shared/tools/x12valid on a sample, in batches),
// exports written while unsuppressed errors remained without an override, and overridden
// exports that do not carry the override. Claims are the project's fixtures mutated by a seeded
// generator (garbage strings, control characters, overlong codes, missing members, odd numbers);
// notes are the example notes mutated likewise (look-alike letters, binary bytes, long lines).
// x12valid takes 0.15-0.9 s a file, so a sample of the X12 exports is validated (--x12-sample).
//   npm run fuzz -- [--claims 100000] [--notes 20000] [--x12-sample 500] [--seed 1] [--db PATH]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { exportClaim, OVERRIDE_EXTENSION_URL, type ExportFormat } from '../src/core/claim/export/index';
import { parseClaim } from '../src/core/claim/parse';
import type { CodesetIndex } from '../src/core/codeset/api';
import { checkClaim } from '../src/core/rules/index';
import { readNoteBytes } from '../src/core/suggest/input';
import { analyzeLongNote } from '../src/core/suggest/longNote';
import { openIndexAt } from '../src/cli/openIndex';
import { fhirErrors } from '../test/unit/claim/support';
import { index as ruleFixtureIndex } from '../test/unit/rules/fixture';
import { suggestFixtureIndex } from '../test/unit/suggest/fixture';
import { mulberry32 } from './random';

const ROOT = resolve(__dirname, '..');
const X12VALID = resolve(ROOT, '..', 'shared', 'tools', 'x12valid');
const SHARED_X12VALID = '/work/shared/tools/x12valid';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const argText = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};

/** A seeded generator, so a failing run can be repeated. */
const rng = mulberry32;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

class Mutator {
  constructor(readonly random: () => number) {}
  int(n: number): number { return Math.floor(this.random() * n); }
  pick<T>(xs: readonly T[]): T { return xs[this.int(xs.length)]!; }
  chance(p: number): boolean { return this.random() < p; }

  garbage(): Json {
    switch (this.int(14)) {
      case 0: return '';
      case 1: return ' ';
      case 2: return '*~:^|';
      case 3: return '\u0000\u001f\u007f';
      case 4: return '\ud800x';
      case 5: return 'é ñ Zoë Ωμέγα';
      case 6: return 'X'.repeat(1 + this.int(40_000));
      case 7: return this.pick([-1, 0, 0.0001, 1e15, -0, 125.005, Number.MAX_SAFE_INTEGER]);
      case 8: return null;
      case 9: return this.pick([true, false]);
      case 10: return [];
      case 11: return {};
      case 12: return '=HYPERLINK("x")';
      default: return String.fromCharCode(...Array.from({ length: 1 + this.int(12) }, () => this.int(0xffff)));
    }
  }

  code(): Json {
    return this.pick(['I10', 'E11.9', 'E119', 'S52.521A', 'W09.8XXA', 'J45.909', 'E10.9', 'i10', 'I1*0', 'Z00.00', 'R07.9', '99213', '99214', '25565', 'Q4012', 'J3490', 'J1100', '9921', 'E'.repeat(20_000), 'A00.0000', 'S52.5']);
  }

  /** A random change somewhere in the value; returns the new value. */
  mutate(value: Json, depth = 0): Json {
    if (depth > 6 || value === null || typeof value !== 'object') return this.chance(0.5) ? this.garbage() : value;
    if (Array.isArray(value)) {
      const copy = [...value];
      const r = this.int(5);
      if (r === 0 && copy.length > 0) copy.splice(this.int(copy.length), 1);
      else if (r === 1 && copy.length > 0) copy.push(structuredClone(copy[this.int(copy.length)]!));
      else if (r === 2) copy.push(this.garbage());
      else if (copy.length > 0) { const i = this.int(copy.length); copy[i] = this.mutate(copy[i]!, depth + 1); }
      return copy;
    }
    const copy: { [k: string]: Json } = { ...value };
    const keys = Object.keys(copy);
    const r = this.int(6);
    if (r === 0 && keys.length > 0) delete copy[this.pick(keys)];
    else if (r === 1) copy[this.pick(['code', 'extra', 'modifiers', 'units', 'charge', 'npi', 'memberId', 'relationship'])] = this.garbage();
    else if (keys.length > 0) { const k = this.pick(keys); copy[k] = k === 'code' ? this.code() : this.mutate(copy[k]!, depth + 1); }
    return copy;
  }
}

interface Tally {
  claims: number;
  claimsParsed: number;
  notes: number;
  crashes: number;
  crashSamples: string[];
  exports: Record<ExportFormat, number>;
  refused: number;
  overridden: number;
  invalid: Record<ExportFormat, number>;
  invalidSamples: string[];
  pastErrorWithoutOverride: number;
  overrideNotCarried: number;
  x12Validated: number;
  x12ValidatorMissing: boolean;
  /** x12valid's findings over the invalid X12 files, with how many files had each. */
  x12Findings: Record<string, number>;
}

function crash(t: Tally, where: string, e: unknown): void {
  t.crashes++;
  if (t.crashSamples.length < 10) t.crashSamples.push(`${where}: ${e instanceof Error ? `${e.name}: ${e.message.slice(0, 200)}` : String(e)}`);
}

function fixtures(): Json[] {
  const dir = join(ROOT, 'test', 'fixtures', 'claim');
  return readdirSync(dir).filter((f) => f.endsWith('.claim.json')).map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Json);
}

async function fuzzClaims(t: Tally, index: CodesetIndex, count: number, x12Sample: number, m: Mutator, x12Dir: string): Promise<string[]> {
  const bases = fixtures();
  const x12Files: string[] = [];
  // About one claim in eight exports as X12: every x12Every-th X12 export goes to the validator.
  const x12Every = Math.max(1, Math.round(count / (8 * Math.max(1, x12Sample))));
  for (let i = 0; i < count; i++) {
    let claim: Json = structuredClone(m.pick(bases));
    for (let k = m.int(4); k >= 0; k--) claim = m.mutate(claim);
    const text = m.chance(0.02) ? `\uFEFF${JSON.stringify(claim)}` : JSON.stringify(claim);
    t.claims++;
    let parsed: ReturnType<typeof parseClaim>;
    try {
      parsed = parseClaim(text);
    } catch (e) {
      crash(t, 'parseClaim', e);
      continue;
    }
    let warnings: Awaited<ReturnType<typeof checkClaim>>;
    try {
      warnings = await checkClaim(claim, { index, date: '2024-08-15', settings: { severity: {} }, today: '2024-09-01' });
    } catch (e) {
      crash(t, 'checkClaim', e);
      continue;
    }
    if (!parsed.ok) continue;
    t.claimsParsed++;
    const unsuppressedErrors = warnings.filter((w) => w.severity === 'error' && !w.suppressed).length;
    for (const format of ['claim-json', 'fhir', 'x12'] as const) {
      const override = m.chance(0.3) ? { reason: m.pick(['payer confirmed by phone', 'NPI verified', ' ', 'ok']), who: 'fuzz', at: '2024-09-05T09:00:00Z' } : undefined;
      let outcome: ReturnType<typeof exportClaim>;
      try {
        outcome = exportClaim(parsed.claim, format, warnings, { ...(override ? { override } : {}), fhir: { created: '2024-09-05T08:00:00Z' }, x12: { controlNumber: 1 + (i % 999_999_999), senderId: 'FUZZ', receiverId: 'PAYER' } });
      } catch (e) {
        crash(t, `exportClaim ${format}`, e);
        continue;
      }
      if (!outcome.ok) { t.refused++; continue; }
      t.exports[format]++;
      if (unsuppressedErrors > 0 && (override === undefined || override.reason.trim() === '')) t.pastErrorWithoutOverride++;
      if (outcome.overridden) t.overridden++;
      const invalid = (why: string) => {
        t.invalid[format]++;
        if (t.invalidSamples.length < 10) t.invalidSamples.push(`${format} #${i}: ${why.slice(0, 300)}`);
      };
      try {
        if (format === 'fhir') {
          const resource = JSON.parse(outcome.content) as { extension?: { url: string }[] };
          const errors = fhirErrors(resource);
          if (errors.length > 0) invalid(errors.join('; '));
          if (outcome.overridden && !resource.extension?.some((x) => x.url === OVERRIDE_EXTENSION_URL)) t.overrideNotCarried++;
        } else if (format === 'claim-json') {
          const back = parseClaim(outcome.content);
          if (!back.ok) invalid(back.errors.join('; '));
          else if (outcome.overridden && !(back.claim.overrides ?? []).some((o) => o.reason === outcome.override?.reason)) t.overrideNotCarried++;
        } else {
          if (outcome.overridden && outcome.override === undefined) t.overrideNotCarried++;
          if (t.exports.x12 % x12Every === 0 && x12Files.length < x12Sample) {
            const f = join(x12Dir, `claim-${i}.x12`);
            writeFileSync(f, outcome.content);
            x12Files.push(f);
          }
        }
      } catch (e) {
        crash(t, `validating ${format}`, e);
      }
    }
  }
  return x12Files;
}

/** Runs x12valid over the files in batches, counting the invalid ones and their findings. */
function validateX12(t: Tally, files: string[]): void {
  const tool = existsSync(X12VALID) ? X12VALID : existsSync(SHARED_X12VALID) ? SHARED_X12VALID : undefined;
  if (!tool) {
    t.x12ValidatorMissing = true;
    return;
  }
  for (let i = 0; i < files.length; i += 200) {
    const batch = files.slice(i, i + 200);
    const r = spawnSync(tool, batch, { encoding: 'utf8', maxBuffer: 1 << 26 });
    // Findings come before their file's verdict line ("FILE: OK" / "FILE: Failure").
    const verdicts = new Map<string, { ok: boolean; findings: string[] }>();
    let pending: string[] = [];
    for (const line of `${r.stdout}\n${r.stderr}`.split('\n')) {
      const v = /^(.*): (OK|Failure)$/.exec(line);
      if (v) { verdicts.set(v[1]!, { ok: v[2] === 'OK', findings: pending }); pending = []; }
      else if (line.trim() !== '') pending.push(line.replace(/^ERROR Line:\d+ /, '').trim());
    }
    for (const f of batch) {
      t.x12Validated++;
      const v = verdicts.get(f);
      if (v?.ok) continue;
      t.invalid.x12++;
      for (const finding of v?.findings.length ? v.findings : ['no verdict from x12valid']) t.x12Findings[finding] = (t.x12Findings[finding] ?? 0) + 1;
      if (t.invalidSamples.length < 10) t.invalidSamples.push(`x12 ${f.split('/').pop()}: ${(v?.findings ?? []).slice(0, 3).join(' | ').slice(0, 300)}`);
    }
  }
}

async function fuzzNotes(t: Tally, index: CodesetIndex, count: number, m: Mutator): Promise<void> {
  const dir = join(ROOT, 'examples', 'notes');
  const notes = readdirSync(dir).filter((f) => f.endsWith('.note')).map((f) => readFileSync(join(dir, f), 'utf8'));
  const insertions = ['Denies ', 'D\u0435nies ', 'no ', 'N\u043e ', 'ruled out ', 'possible ', 'history of ', 'mother had ', '\u0000', '\ufffd', '\r', '\n\n', 'E11.9 ', 'x'.repeat(70_000), '\ud83d\ude00', 'I\u0131llness ', '"', '*~'];
  for (let i = 0; i < count; i++) {
    let text = m.pick(notes);
    for (let k = m.int(6); k >= 0; k--) {
      const at = m.int(text.length + 1);
      const r = m.int(4);
      if (r === 0) text = text.slice(0, at) + m.pick(insertions) + text.slice(at);
      else if (r === 1) text = text.slice(0, at) + text.slice(Math.min(text.length, at + m.int(200)));
      else if (r === 2) text = text.slice(0, at) + text.slice(at).toUpperCase();
      else text = text.slice(0, at) + String.fromCharCode(m.int(0xffff)) + text.slice(at);
    }
    const bytes = m.chance(0.03) ? Uint8Array.from({ length: 1 + m.int(400) }, () => m.int(256)) : new TextEncoder().encode(text);
    t.notes++;
    try {
      const input = readNoteBytes(bytes);
      if (input.text !== undefined) analyzeLongNote(index, input.text, { setting: m.chance(0.2) ? 'inpatient' : 'outpatient' });
    } catch (e) {
      crash(t, 'analyze', e);
    }
  }
}

async function main(): Promise<void> {
  const claims = arg('claims', 100_000);
  const noteCount = arg('notes', 20_000);
  const x12Sample = arg('x12-sample', 500);
  const seed = arg('seed', 1);
  const db = argText('db');
  const m = new Mutator(rng(seed));
  const started = Date.now();
  const real = db ? await openIndexAt(resolve(db)) : undefined;
  const t: Tally = {
    claims: 0, claimsParsed: 0, notes: 0, crashes: 0, crashSamples: [], exports: { 'claim-json': 0, fhir: 0, x12: 0 }, refused: 0, overridden: 0,
    invalid: { 'claim-json': 0, fhir: 0, x12: 0 }, invalidSamples: [], pastErrorWithoutOverride: 0, overrideNotCarried: 0, x12Validated: 0, x12ValidatorMissing: false, x12Findings: {},
  };
  const x12Dir = mkdtempSync(join(tmpdir(), 'medcode-fuzz-'));
  try {
    const files = await fuzzClaims(t, real ?? (await ruleFixtureIndex()), claims, x12Sample, m, x12Dir);
    const claimSeconds = (Date.now() - started) / 1000;
    validateX12(t, files);
    const x12Seconds = (Date.now() - started) / 1000 - claimSeconds;
    await fuzzNotes(t, real ?? (await suggestFixtureIndex()), noteCount, m);
    const report = {
      seed, index: db ?? 'test fixtures', ...t,
      seconds: { claims: claimSeconds, x12valid: x12Seconds, total: (Date.now() - started) / 1000 },
    };
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    const bad = t.crashes + t.invalid['claim-json'] + t.invalid.fhir + t.invalid.x12 + t.pastErrorWithoutOverride + t.overrideNotCarried;
    process.stderr.write(`fuzz: ${t.claims} claims (${t.claimsParsed} parsed; exports claim-json ${t.exports['claim-json']}, FHIR ${t.exports.fhir}, X12 ${t.exports.x12}, ${t.x12Validated} X12 validated${t.x12ValidatorMissing ? ': x12valid not found, X12 not validated' : ''}), ${t.notes} notes: ${t.crashes} crashes, ${t.invalid['claim-json'] + t.invalid.fhir + t.invalid.x12} invalid exports, ${t.pastErrorWithoutOverride} exported past an error without an override, ${t.overrideNotCarried} overrides not carried.\n`);
    process.exitCode = bad > 0 ? 1 : 0;
  } finally {
    real?.close();
    rmSync(x12Dir, { recursive: true, force: true });
  }
}

void main();
