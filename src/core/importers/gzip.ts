// Streaming gunzip: large derived tables (NCCI PTP, 100+ MB of text) are read chunk by chunk
// so the whole text never exists as one string.
import { Gunzip } from 'fflate';
import { ImportError } from './types';
import { INFLATE_LIMITS, type InflateLimits } from './zip';

/** Ratio is only judged past this much output (a short file of spaces compresses very well). */
const RATIO_FLOOR = 1 << 20;

const INPUT_CHUNK = 1 << 20;

export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * Inflates `bytes` an input chunk at a time, handing each piece of output to `ondata` and
 * yielding after each chunk; throws ImportError naming the file when the stream is damaged or
 * inflates past `limits` (judged per input chunk: one chunk inflates to at most about a thousand
 * times its size).
 */
function* inflateGuarded(bytes: Uint8Array, fileName: string, limits: InflateLimits, ondata: (data: Uint8Array) => void): Generator<void> {
  let inflated = 0;
  const gunzip = new Gunzip((data) => {
    inflated += data.length;
    ondata(data);
  });
  const limit = Math.min(limits.memberBytes, limits.totalBytes);
  for (let start = 0; start < bytes.length; start += INPUT_CHUNK) {
    const end = Math.min(bytes.length, start + INPUT_CHUNK);
    try {
      gunzip.push(bytes.subarray(start, end), end === bytes.length);
    } catch (e) {
      throw new ImportError(`the gzip stream is truncated or corrupt (${e instanceof Error ? e.message : String(e)}). Download it again and re-import.`, fileName);
    }
    if (inflated > limit) throw new ImportError(`the gzip file inflates to more than ${Math.round(limit / 1048576)} MB, more than a release file can be; nothing was imported from it.`, fileName);
    if (inflated > RATIO_FLOOR && inflated > limits.ratio * end) {
      throw new ImportError(`the gzip file inflates more than ${limits.ratio} times its compressed size (release files: 10-30 times); this looks like a gzip bomb, so nothing was imported from it.`, fileName);
    }
    yield;
  }
}

/** Yields decompressed chunks as text (UTF-8). Throws ImportError naming the file when the stream is damaged. */
export function* gunzipTextChunks(bytes: Uint8Array, fileName: string, limits: InflateLimits = INFLATE_LIMITS): Generator<string> {
  const decoder = new TextDecoder('utf-8');
  const out: string[] = [];
  for (const _ of inflateGuarded(bytes, fileName, limits, (data) => out.push(decoder.decode(data, { stream: true })))) {
    yield* out;
    out.length = 0;
  }
  const tail = decoder.decode();
  if (tail) yield tail;
}

/** First bytes of the decompressed text, for kind detection (stops inflating once enough is out). */
export function gunzipHead(bytes: Uint8Array, max = 64 * 1024): string {
  let text = '';
  const decoder = new TextDecoder('utf-8');
  const gunzip = new Gunzip((data) => { if (text.length < max) text += decoder.decode(data, { stream: true }); });
  try {
    for (let start = 0; start < bytes.length && text.length < max; start += 64 * 1024) {
      const end = Math.min(bytes.length, start + 64 * 1024);
      gunzip.push(bytes.subarray(start, end), end === bytes.length);
    }
  } catch {
    // A damaged stream still gives its first lines for detection; the import reports the damage.
  }
  return text.slice(0, max);
}

/** The whole decompressed file, held to the same limits (for importers that read bytes, not a stream). */
export function gunzipBytes(bytes: Uint8Array, fileName: string, limits: InflateLimits = INFLATE_LIMITS): Uint8Array {
  const parts: Uint8Array[] = [];
  let inflated = 0;
  for (const _ of inflateGuarded(bytes, fileName, limits, (data) => { inflated += data.length; parts.push(data); })) { /* each chunk checked */ }
  const out = new Uint8Array(inflated);
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return out;
}
