// Downloads the official releases named in data/releases.json (or a --manifest) into a cache
// folder, verifies each archive (complete zip, SHA-256 when the manifest gives one) and returns
// the local paths. The only network access MedCode makes, and only when the user asks.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { UserFixableError } from './errors';
import { expandZip, isZip } from '../core/importers/zip';

export interface ReleaseEntry {
  system: string;
  url: string;
  what?: string;
  sha256?: string;
}

export interface Manifest {
  baseUrl: string;
  releases: ReleaseEntry[];
}

export interface DownloadOptions {
  year: string;
  baseUrl?: string;
  manifestPath?: string;
  cacheDir?: string;
  progress?: (text: string) => void;
  signal?: AbortSignal;
  /** Connection timeout per file, ms. */
  timeoutMs?: number;
}

export function defaultManifest(): Manifest {
  const candidates = [join(__dirname, 'releases.json'), join(__dirname, '..', 'data', 'releases.json'), join(__dirname, '..', '..', 'data', 'releases.json')];
  const found = candidates.find((c) => existsSync(c));
  if (!found) throw new UserFixableError('data/releases.json is missing from this installation.');
  return JSON.parse(readFileSync(found, 'utf8')) as Manifest;
}

export function resolveUrls(manifest: Manifest, year: string, baseUrl?: string): ReleaseEntry[] {
  const base = baseUrl ?? process.env.MEDCODE_DOWNLOAD_BASE ?? manifest.baseUrl;
  return manifest.releases.map((r) => {
    const rel = r.url.replaceAll('{year}', year);
    return { ...r, url: /^https?:\/\//.test(rel) ? rel : new URL(rel, base.endsWith('/') ? base : `${base}/`).toString() };
  });
}

function offlineMessage(url: string, why: string): string {
  return `could not download ${url} (${why}). MedCode needs the internet only for this command. ` +
    'To work offline, download the release files elsewhere and run `medcode codesets import <files or zips...> --db PATH`.';
}

export async function downloadReleases(options: DownloadOptions): Promise<string[]> {
  const manifest = options.manifestPath ? (JSON.parse(readFileSync(options.manifestPath, 'utf8')) as Manifest) : defaultManifest();
  const entries = resolveUrls(manifest, options.year, options.baseUrl);
  const cache = options.cacheDir ?? join(tmpdir(), `medcode-download-${process.pid}`);
  mkdirSync(cache, { recursive: true });
  const out: string[] = [];
  for (const entry of entries) {
    const name = decodeURIComponent(new URL(entry.url).pathname.split('/').pop() || 'release.bin');
    options.progress?.(`downloading ${entry.url}\n`);
    const timeout = AbortSignal.timeout(options.timeoutMs ?? 20_000);
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
    let res: Response;
    try {
      res = await fetch(entry.url, { signal });
    } catch (e) {
      const cause = (e as { cause?: { code?: string; message?: string } }).cause;
      throw new UserFixableError(offlineMessage(entry.url, cause?.code ?? cause?.message ?? (e as Error).message));
    }
    if (!res.ok || !res.body) throw new UserFixableError(offlineMessage(entry.url, `HTTP ${res.status}`));
    const total = Number(res.headers.get('content-length') ?? 0);
    const chunks: Uint8Array[] = [];
    let received = 0;
    let lastShown = 0;
    const reader = res.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      received += value.length;
      if (total > 0 && received - lastShown > total / 10) {
        lastShown = received;
        options.progress?.(`  ${Math.round((100 * received) / total)}% of ${(total / 1e6).toFixed(1)} MB\n`);
      }
    }
    const bytes = new Uint8Array(received);
    let at = 0;
    for (const c of chunks) { bytes.set(c, at); at += c.length; }
    if (total > 0 && received !== total) throw new UserFixableError(`${entry.url}: the download stopped early (${received} of ${total} bytes). Try again.`);
    const sha = createHash('sha256').update(bytes).digest('hex');
    if (entry.sha256 && entry.sha256.toLowerCase() !== sha) throw new UserFixableError(`${entry.url}: SHA-256 ${sha} does not match the manifest (${entry.sha256}). The file was not imported.`);
    if (isZip(bytes)) expandZip({ name, bytes }); // throws a clear error on a damaged archive
    const path = resolve(cache, name);
    writeFileSync(path, bytes);
    options.progress?.(`  verified ${name} (${(received / 1e6).toFixed(1)} MB, sha256 ${sha.slice(0, 12)}...)\n`);
    out.push(path);
  }
  return out;
}
