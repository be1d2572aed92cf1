// Strict 837P validation in tests: ../shared/tools/x12valid (pyx12 with the 005010X222A1 maps)
// over many files in one call (one Python process, about 0.15 s a file). Tests that need it pass
// `skipUnlessX12valid()` as their `skip` option, so an absent tool or python3 is reported by name.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sharedPath } from './shared';

export const X12VALID = process.env.MEDCODE_X12VALID ?? sharedPath('tools', 'x12valid');

let python: boolean | undefined;
function hasPython3(): boolean {
  python ??= spawnSync('python3', ['--version'], { encoding: 'utf8' }).status === 0;
  return python;
}

/** False when x12valid can run; else a sentence naming what is missing. */
export function skipUnlessX12valid(): string | false {
  if (!existsSync(X12VALID)) return `skipped: ${X12VALID} is absent (set MEDCODE_SHARED to the shared folder, or MEDCODE_X12VALID to the tool)`;
  if (!hasPython3()) return `skipped: python3 is not on PATH; ${X12VALID} needs it`;
  return false;
}

export interface X12Verdict {
  ok: boolean;
  /** The validator's findings for this file (missing segments, bad values ...). */
  findings: string[];
}

/** Validates files in one x12valid call; each file's verdict and findings. */
export function validateX12Files(files: readonly string[]): Map<string, X12Verdict> {
  const out = new Map<string, X12Verdict>();
  if (files.length === 0) return out;
  const skip = skipUnlessX12valid();
  if (skip) throw new Error(skip);
  const r = spawnSync(X12VALID, [...files], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw new Error(`${X12VALID} did not run: ${r.error.message}`);
  const wanted = new Set(files);
  let pending: string[] = [];
  for (const line of `${r.stdout}\n${r.stderr}`.split('\n')) {
    const verdict = /^(.*): (OK|Failure|cannot read)$/.exec(line);
    if (verdict && wanted.has(verdict[1]!)) {
      out.set(verdict[1]!, { ok: verdict[2] === 'OK', findings: pending });
      pending = [];
    } else if (line.trim() !== '') pending.push(line);
  }
  for (const f of files) if (!out.has(f)) out.set(f, { ok: false, findings: [`x12valid printed no verdict for this file (exit ${r.status})`, ...pending] });
  return out;
}

/** Writes the texts to a temporary folder and validates them in one call; names are kept in the verdicts. */
export function validateX12Texts(texts: ReadonlyArray<{ name: string; text: string }>): Map<string, X12Verdict> {
  const dir = mkdtempSync(join(tmpdir(), 'medcode-x12valid-'));
  try {
    const files = texts.map((t, i) => {
      const file = join(dir, `${String(i).padStart(5, '0')}-${t.name.replace(/[^A-Za-z0-9._-]/g, '_')}.x12`);
      writeFileSync(file, t.text);
      return file;
    });
    const verdicts = validateX12Files(files);
    return new Map(texts.map((t, i) => [t.name, verdicts.get(files[i]!)!]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Every text passes x12valid; the failure message lists each failing file with its findings. */
export function assertX12Valid(texts: ReadonlyArray<{ name: string; text: string }>): void {
  const verdicts = validateX12Texts(texts);
  const failed = [...verdicts].filter(([, v]) => !v.ok);
  assert.deepEqual(
    failed.map(([name, v]) => `${name}: ${v.findings.join(' | ')}`),
    [],
    `${failed.length} of ${texts.length} 837P files fail x12valid`,
  );
}

/**
 * Many interchanges in one file, validated in one pass (pyx12 reads interchange after
 * interchange, far faster than one file each). Each text needs its own interchange control
 * number (ISA13); findings are traced back to the text by their line number.
 */
export function assertX12ValidBatch(texts: ReadonlyArray<{ name: string; text: string }>): void {
  if (texts.length === 0) return;
  const controls = texts.map((t) => t.text.slice(0, 106).split('*')[13]);
  assert.equal(new Set(controls).size, texts.length, 'each interchange in a batch needs its own control number');
  const starts: number[] = [];
  let line = 1;
  for (const t of texts) {
    starts.push(line);
    line += t.text.split('\n').length - (t.text.endsWith('\n') ? 1 : 0);
  }
  const [verdict] = validateX12Texts([{ name: 'batch', text: texts.map((t) => (t.text.endsWith('\n') ? t.text : `${t.text}\n`)).join('') }]).values();
  if (verdict!.ok) return;
  const owner = (n: number): string => {
    let i = 0;
    while (i + 1 < starts.length && starts[i + 1]! <= n) i++;
    return `${texts[i]!.name} (line ${n - starts[i]! + 1})`;
  };
  const traced = verdict!.findings.map((f) => {
    const m = /Line:(\d+)/.exec(f);
    return m ? `${owner(Number(m[1]))}: ${f}` : f;
  });
  assert.deepEqual(traced, [], `x12valid refused ${traced.length} finding(s) in a batch of ${texts.length} 837P interchanges`);
}
