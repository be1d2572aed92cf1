// Streaming gunzip: large derived tables (NCCI PTP, 100+ MB of text) are read chunk by chunk
// so the whole text never exists as one string.
import { Gunzip } from 'fflate';
import { ImportError } from './types';

const INPUT_CHUNK = 1 << 20;

export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Yields decompressed chunks as text (UTF-8). Throws ImportError naming the file when the stream is damaged. */
export function* gunzipTextChunks(bytes: Uint8Array, fileName: string): Generator<string> {
  const decoder = new TextDecoder('utf-8');
  const out: string[] = [];
  const gunzip = new Gunzip((data) => { out.push(decoder.decode(data, { stream: true })); });
  for (let start = 0; start < bytes.length; start += INPUT_CHUNK) {
    const end = Math.min(bytes.length, start + INPUT_CHUNK);
    try {
      gunzip.push(bytes.subarray(start, end), end === bytes.length);
    } catch (e) {
      throw new ImportError(`the gzip stream is truncated or corrupt (${e instanceof Error ? e.message : String(e)}). Download it again and re-import.`, fileName);
    }
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
