// `medcode analyze` on awkward inputs: one JSON object per file in input order, a clear warning
// where the input is not a usable note, and no crash.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../support/cli';
import { realDbPath } from '../../support/realIndex';
import { skipUnlessShared } from '../../support/shared';

const skip = skipUnlessShared('codesets/icd10cm/fy2025/ICD10CM_2025_Index.csv');
const dir = mkdtempSync(join(tmpdir(), 'medcode-analyze-'));
after(() => rmSync(dir, { recursive: true, force: true }));

interface FileResult { file: string; suggestions: { code: string; system: string; score: number; evidence: { start: number; end: number; text: string }[]; units?: number }[]; warnings: string[] }

const FILES: Record<string, string | Uint8Array> = {
  'visit.txt': 'CHIEF COMPLAINT: cough\r\n\r\nHPI: Established patient with HTN and T2DM. Denies chest pain.\r\n\r\nASSESSMENT AND PLAN:\r\n1. Community acquired pneumonia.\r\nCeftriaxone 1 g IM given in clinic. I spent 35 minutes.\r\n',
  'empty.txt': '',
  'blank.txt': '  \n\t\r\n  ',
  'binary.bin': new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0, 0x14, 0, 0x08, 0]),
  'latin1.txt': new Uint8Array([...new TextEncoder().encode('Fever and cough. Caf'), 0xe9, ...new TextEncoder().encode(' visit.')]),
  'spanish.txt': 'Varón de 45 años con hipertensión arterial y diabetes mellitus tipo 2 que consulta por dolor torácico de dos horas de evolución, sin fiebre ni tos. '.repeat(4),
  'oneline.txt': 'word '.repeat(210_000) + 'aspiration pneumonia',
};

describe('medcode analyze', { skip }, () => {
  let db: string;
  before(async () => {
    db = await realDbPath();
    for (const [name, content] of Object.entries(FILES)) writeFileSync(join(dir, name), content);
    // A 10 MB note: a real visit repeated.
    writeFileSync(join(dir, 'big.txt'), (FILES['visit.txt'] as string).repeat(Math.ceil(10_485_760 / (FILES['visit.txt'] as string).length)));
  });

  test('prints one object per file, in input order, with warnings for unusable input', async () => {
    const names = ['visit.txt', 'empty.txt', 'blank.txt', 'binary.bin', 'latin1.txt', 'spanish.txt', 'missing.txt'];
    const r = await runCli(['analyze', ...names.map((n) => join(dir, n)), '--db', db, '--json']);
    assert.equal(r.code, 1, 'a missing file fails the run after the others are analyzed');
    assert.match(r.stderr, /1 of 7 file\(s\) could not be analyzed:\n  - cannot read .*missing\.txt: no such file/);
    const out = JSON.parse(r.stdout) as FileResult[];
    assert.deepEqual(out.map((o) => o.file), names.map((n) => join(dir, n)));
    const by = (n: string) => out[names.indexOf(n)]!;
    const visit = by('visit.txt');
    const text = FILES['visit.txt'] as string;
    for (const s of visit.suggestions) for (const e of s.evidence) assert.equal(text.slice(e.start, e.end), e.text, `${s.code} evidence offsets`);
    const codes = visit.suggestions.map((s) => s.code);
    assert.ok(codes.includes('J18.9'), `${codes}`);
    assert.ok(!codes.some((c) => c.startsWith('R07')), 'denied chest pain is not suggested');
    assert.equal(visit.suggestions.find((s) => s.code === 'J0696')?.units, 4);
    assert.ok(codes.includes('99214'), `${codes}`);
    assert.deepEqual(visit.warnings, []);
    assert.match(by('empty.txt').warnings.join(), /empty note/);
    assert.match(by('blank.txt').warnings.join(), /whitespace/);
    assert.match(by('binary.bin').warnings.join(), /binary file/);
    assert.deepEqual(by('binary.bin').suggestions, []);
    assert.match(by('latin1.txt').warnings.join(), /invalid UTF-8/);
    assert.ok(by('latin1.txt').suggestions.some((s) => s.code === 'R05.9'));
    assert.match(by('spanish.txt').warnings.join(), /does not look like English/);
    assert.match(by('missing.txt').warnings.join(), /cannot read .*no such file/);
  });

  test('a 10 MB note and a 1 MB single line finish with suggestions', async () => {
    const r = await runCli(['analyze', join(dir, 'big.txt'), join(dir, 'oneline.txt'), '--db', db, '--json']);
    assert.equal(r.code, 0, r.stderr);
    const [big, line] = JSON.parse(r.stdout) as FileResult[];
    assert.ok(big!.suggestions.some((s) => s.code === 'J18.9'));
    assert.ok(line!.suggestions.some((s) => s.code === 'J69.0'));
  });

  test('--sarif prints SARIF 2.1.0 with one location per evidence span', async () => {
    const r = await runCli(['analyze', join(dir, 'visit.txt'), '--db', db, '--sarif']);
    assert.equal(r.code, 0, r.stderr);
    const sarif = JSON.parse(r.stdout) as { version: string; runs: { results: { ruleId: string; locations: { physicalLocation: { region?: { charOffset: number } } }[] }[] }[] };
    assert.equal(sarif.version, '2.1.0');
    const results = sarif.runs[0]!.results;
    assert.ok(results.some((x) => x.ruleId === 'suggest.icd10cm' && x.locations[0]!.physicalLocation.region !== undefined));
  });

  test('a bad --setting is a usage error naming the flag', async () => {
    const r = await runCli(['analyze', join(dir, 'visit.txt'), '--db', db, '--setting', 'er']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--setting takes outpatient or inpatient/);
  });
  test('--date codes with the release in force on that day, and names the releases when none is', async () => {
    writeFileSync(join(dir, 'cough.txt'), 'Cough for three days. Low back pain.\n');
    const dated = await runCli(['analyze', join(dir, 'cough.txt'), '--db', db, '--json', '--date', '2021-03-01']);
    assert.equal(dated.code, 0, dated.stderr);
    const codes = (JSON.parse(dated.stdout) as FileResult[])[0]!.suggestions.map((s) => s.code);
    assert.ok(codes.includes('R05') && codes.includes('M54.5'), `FY2021 codes expected: ${codes.join(', ')}`);
    const latest = (JSON.parse((await runCli(['analyze', join(dir, 'cough.txt'), '--db', db, '--json'])).stdout) as FileResult[])[0]!.suggestions.map((s) => s.code);
    assert.ok(latest.includes('R05.9') && latest.includes('M54.50'), `latest codes expected: ${latest.join(', ')}`);
    const none = await runCli(['analyze', join(dir, 'cough.txt'), '--db', db, '--date', '2015-01-01']);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /no ICD-10-CM code set is in force on 2015-01-01; installed: FY2021 \(2020-10-01 to 2021-09-30\)/);
  });
});
