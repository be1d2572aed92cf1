// `medcode demo` goes online only when asked to: with no database it asks the person at the
// terminal, never downloads when nobody can answer, and --no-download never asks.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../src/cli/main';
import type { CliIO } from '../../../src/cli/command';

const dir = mkdtempSync(join(tmpdir(), 'medcode-demo-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const NOTE = join(__dirname, '..', '..', '..', 'examples', 'notes', '02-sore-throat.note');

async function demo(extra: string[], ask?: (q: string) => Promise<string>) {
  let stdout = '';
  let stderr = '';
  const questions: string[] = [];
  const io: CliIO = {
    stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; }, cwd: dir, env: {},
    ...(ask ? { ask: (q: string) => { questions.push(q); return ask(q); } } : {}),
  };
  const code = await main(['demo', NOTE, '--db', join(dir, 'none.sqlite'), ...extra], io);
  return { code, stdout, stderr, questions };
}

describe('medcode demo and the network', () => {
  test('nobody at a terminal: no download, says how, runs on the SAMPLE set', async () => {
    const r = await demo([]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /does not go online without asking: run `medcode demo --download`/);
    assert.doesNotMatch(r.stderr, /downloading/);
    assert.match(r.stdout, /SAMPLE/);
  });

  test('asks first; "n" keeps it offline', async () => {
    const r = await demo([], async () => 'n');
    assert.equal(r.questions.length, 1);
    assert.match(r.questions[0]!, /Download the official releases from cms\.gov now .*\[y\/N\]/);
    assert.doesNotMatch(r.stderr, /downloading/);
    assert.match(r.stdout, /SAMPLE/);
  });

  test('--no-download never asks', async () => {
    const r = await demo(['--no-download'], async () => 'y');
    assert.equal(r.questions.length, 0);
    assert.match(r.stdout, /SAMPLE/);
  });
});
