// The download accepts https only (http with --allow-http, for a local mirror), keeps file names
// inside its folder, says the SHA-256 of a file the manifest gives none for, and cleans up.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { downloadReleases, resolveUrls, safeFileName, withDownloadedReleases } from '../../../src/node/download';
import { runCli } from '../../support/cli';

const tmp = mkdtempSync(join(tmpdir(), 'medcode-dl-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

describe('download hardening', () => {
  test('plain http is refused from the manifest, --base-url and MEDCODE_DOWNLOAD_BASE unless allowed', async () => {
    const manifest = { baseUrl: 'http://mirror.example/', releases: [{ system: 'icd10cm', url: 'a.zip' }] };
    assert.throws(() => resolveUrls(manifest, '2025'), /plain http: MedCode downloads code sets over https only.*--allow-http/);
    assert.throws(() => resolveUrls({ ...manifest, baseUrl: 'https://www.cms.gov/' }, '2025', 'http://evil.example/'), /plain http/);
    assert.throws(() => resolveUrls({ baseUrl: 'https://www.cms.gov/', releases: [{ system: 'x', url: 'ftp://x.example/a.zip' }] }, '2025'), /https only/);
    assert.equal(resolveUrls(manifest, '2025', undefined, true)[0]!.url, 'http://mirror.example/a.zip');
    const previous = process.env.MEDCODE_DOWNLOAD_BASE;
    process.env.MEDCODE_DOWNLOAD_BASE = 'http://evil.example/';
    try {
      assert.throws(() => resolveUrls({ ...manifest, baseUrl: 'https://www.cms.gov/' }, '2025'), /plain http/);
    } finally {
      if (previous === undefined) delete process.env.MEDCODE_DOWNLOAD_BASE; else process.env.MEDCODE_DOWNLOAD_BASE = previous;
    }
    const r = await runCli(['codesets', 'download', '--db', join(tmp, 'x.sqlite'), '--base-url', 'http://127.0.0.1:9/']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /https only/);
  });

  test('file names come from a sanitised last path segment', () => {
    assert.equal(safeFileName('https://x.example/files/..%2F..%2F..%2Fetc%2Fcron.d%2Fevil'), 'evil');
    assert.equal(safeFileName('https://x.example/a/..%2F'), 'release.bin');
    assert.equal(safeFileName('https://x.example/%2E%2E'), 'release.bin');
    assert.equal(safeFileName('https://x.example/2025%20code%20tables.zip'), '2025_code_tables.zip');
    assert.equal(safeFileName('https://x.example/a%5C..%5Cb.zip'), 'b.zip');
  });

  test('a file the manifest gives no SHA-256 for: its SHA-256 is printed; the folder is removed after use', async () => {
    const body = Buffer.from('00001 E11     0 Type 2 diabetes mellitus\n');
    const server = createServer((_req, res) => { res.writeHead(200, { 'content-length': body.length }).end(body); });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    const manifestPath = join(tmp, 'm.json');
    writeFileSync(manifestPath, JSON.stringify({ baseUrl: `http://127.0.0.1:${port}/`, releases: [{ system: 'icd10cm', url: 'x/..%2F..%2Forder.txt' }] }));
    let progress = '';
    let folder = '';
    try {
      await withDownloadedReleases({ year: '2025', manifestPath, allowHttp: true, progress: (t) => { progress += t; } }, async (files) => {
        assert.equal(files.length, 1);
        assert.ok(files[0]!.endsWith('/order.txt'));
        folder = join(files[0]!, '..');
        assert.ok(existsSync(files[0]!));
      });
      await assert.rejects(downloadReleases({ year: '2025', manifestPath }), /plain http/);
    } finally {
      server.close();
    }
    assert.match(progress, new RegExp(`sha256 ${createHash('sha256').update(body).digest('hex')}`));
    assert.equal(existsSync(folder), false, 'the download folder is removed');
    assert.ok(!readdirSync(tmpdir()).some((n) => n === `medcode-download-${process.pid}`));
  });
});
