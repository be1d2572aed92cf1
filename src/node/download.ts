// Downloads the official releases named in data/releases.json (or a --manifest) into a private
// temp folder, verifies each archive (complete zip, SHA-256 when the manifest gives one; printed
// in full when it does not, and recorded with the import) and returns the local paths. https only
// (plain http only with allowHttp, for a local mirror). The only network access MedCode makes,
// and only when the user asks. withDownloadedReleases removes the folder after use.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, relative, resolve } from 'node:path';
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
  /** Accept plain http:// URLs (a local mirror); https only otherwise. */
  allowHttp?: boolean;
}

export function defaultManifest(): Manifest {
  const candidates = [join(__dirname, 'releases.json'), join(__dirname, '..', 'data', 'releases.json'), join(__dirname, '..', '..', 'data', 'releases.json')];
  const found = candidates.find((c) => existsSync(c));
  if (!found) throw new UserFixableError('data/releases.json is missing from this installation.');
  return JSON.parse(readFileSync(found, 'utf8')) as Manifest;
}

export function resolveUrls(manifest: Manifest, year: string, baseUrl?: string, allowHttp = false): ReleaseEntry[] {
  const base = baseUrl ?? process.env.MEDCODE_DOWNLOAD_BASE ?? manifest.baseUrl;
  return manifest.releases.map((r) => {
    const rel = r.url.replaceAll('{year}', year);
    let url: URL;
    try {
      url = /^[a-z][a-z0-9+.-]*:/i.test(rel) ? new URL(rel) : new URL(rel, base.endsWith('/') ? base : `${base}/`);
    } catch {
      throw new UserFixableError(`the release URL "${rel}" (base ${base}) is not a valid URL.`);
    }
    requireSecure(url, allowHttp);
    return { ...r, url: url.toString() };
  });
}

/** https only; http with allowHttp (a local mirror); nothing else. */
function requireSecure(url: URL, allowHttp: boolean): void {
  if (url.protocol === 'https:') return;
  if (url.protocol === 'http:' && allowHttp) return;
  throw new UserFixableError(
    url.protocol === 'http:'
      ? `${url.toString()} is plain http: MedCode downloads code sets over https only. For a local mirror you trust, pass --allow-http.`
      : `${url.toString()}: MedCode downloads code sets over https only.`,
  );
}

/**
 * The file name for a download: the URL's last path segment, decoded, reduced to letters, digits,
 * dot, dash and underscore (an encoded "../" or a folder separator cannot leave the folder).
 */
export function safeFileName(url: string): string {
  const last = new URL(url).pathname.split('/').pop() ?? '';
  let decoded: string;
  try {
    decoded = decodeURIComponent(last);
  } catch {
    decoded = last;
  }
  const name = (decoded.split(/[/\\]/).pop() ?? '').replace(/[^A-Za-z0-9._-]/g, '_').replace(/^[.]+/, '').slice(0, 200);
  return name === '' ? 'release.bin' : name;
}

function offlineMessage(url: string, why: string): string {
  return `could not download ${url} (${why}). MedCode needs the internet only for this command. ` +
    'To work offline, download the release files elsewhere and run `medcode codesets import <files or zips...> --db PATH`.';
}

/** Downloads the releases into a private temp folder, hands their paths to `use`, and removes the folder. */
export async function withDownloadedReleases<T>(options: DownloadOptions, use: (files: string[]) => Promise<T>): Promise<T> {
  const cache = options.cacheDir ?? mkdtempSync(join(tmpdir(), 'medcode-download-'));
  try {
    return await use(await downloadReleases({ ...options, cacheDir: cache }));
  } finally {
    if (!options.cacheDir) rmSync(cache, { recursive: true, force: true });
  }
}

export async function downloadReleases(options: DownloadOptions): Promise<string[]> {
  const manifest = options.manifestPath ? (JSON.parse(readFileSync(options.manifestPath, 'utf8')) as Manifest) : defaultManifest();
  const entries = resolveUrls(manifest, options.year, options.baseUrl, options.allowHttp ?? false);
  const cache = options.cacheDir ?? mkdtempSync(join(tmpdir(), 'medcode-download-'));
  mkdirSync(cache, { recursive: true });
  const out: string[] = [];
  const taken = new Set<string>();
  for (const entry of entries) {
    let name = safeFileName(entry.url);
    for (let i = 2; taken.has(name); i++) name = `${i}-${safeFileName(entry.url)}`;
    taken.add(name);
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
    // A redirect may not lead off https.
    if (res.url) requireSecure(new URL(res.url), options.allowHttp ?? false);
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
    if (relative(cache, path).startsWith('..')) throw new UserFixableError(`${entry.url}: the file name would leave the download folder.`);
    writeFileSync(path, bytes);
    options.progress?.(entry.sha256
      ? `  verified ${name} (${(received / 1e6).toFixed(1)} MB, sha256 matches the manifest)\n`
      : `  verified ${name} (${(received / 1e6).toFixed(1)} MB; the manifest gives no SHA-256: sha256 ${sha}, recorded with the import)\n`);
    out.push(path);
  }
  return out;
}
