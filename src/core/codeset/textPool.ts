// Many strings kept as UTF-8 in one byte buffer and read back on demand: a JS string costs a
// header and, when cut from a larger string, keeps that whole string alive; here a string costs
// its bytes and an offset. For texts that are stored by the hundred thousand and read rarely
// (the reasons of the analyzer's terms, read only for the terms a note matches).
import { U32List } from './numberList';

const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder();

/** `bytes` with room for `need` bytes (a larger copy of the first `used` when it has not). */
function withRoom(bytes: Uint8Array, used: number, need: number): Uint8Array {
  if (need <= bytes.length) return bytes;
  const next = new Uint8Array(Math.max(need, bytes.length * 2));
  next.set(bytes.subarray(0, used));
  return next;
}

/** Strings kept as UTF-8 in one buffer; read back on demand. */
export class TextPool {
  private bytes: Uint8Array = new Uint8Array(1 << 16);
  private used = 0;
  private readonly ends = new U32List();

  add(text: string): number {
    // UTF-8 takes at most 3 bytes per UTF-16 unit.
    this.bytes = withRoom(this.bytes, this.used, this.used + text.length * 3);
    this.used += utf8.encodeInto(text, this.bytes.subarray(this.used)).written;
    this.ends.push(this.used);
    return this.ends.length - 1;
  }

  /** Number of strings. */
  get size(): number {
    return this.ends.length;
  }

  get(id: number): string {
    const start = id === 0 ? 0 : this.ends.data[id - 1]!;
    return fromUtf8.decode(this.bytes.subarray(start, this.ends.data[id]!));
  }

  /** Drops the growth slack once every string is in. */
  seal(): void {
    this.bytes = this.bytes.slice(0, this.used);
  }

  /** The pool's bytes and each string's end offset (for saving it). */
  toParts(): { bytes: Uint8Array; ends: Uint32Array } {
    return { bytes: this.bytes.subarray(0, this.used), ends: this.ends.data.subarray(0, this.ends.length) };
  }

  static fromParts(bytes: Uint8Array, ends: Uint32Array): TextPool {
    const pool = new TextPool();
    pool.bytes = bytes;
    pool.used = bytes.length;
    pool.ends.data = ends;
    pool.ends.length = ends.length;
    return pool;
  }
}

/**
 * Strings as newline-separated UTF-8 lines in one buffer (the lines sections of our saved files),
 * read back on demand: a saved copy's bytes are used in place, no string is made until one is
 * asked for. For short ASCII strings kept by the tens of thousands (codes). No string may
 * contain a newline.
 */
export class LineTable {
  private bytes: Uint8Array<ArrayBufferLike> = new Uint8Array(1 << 12);
  private used = 0;
  /** Where string i ends; string i + 1 starts one byte (the newline) later. */
  private ends = new U32List();

  get length(): number {
    return this.ends.length;
  }

  push(text: string): number {
    // Saved lines end without a newline after the last string.
    const n = this.ends.length;
    const separator = n > 0 && this.used === this.ends.data[n - 1] ? 1 : 0;
    // UTF-8 takes at most 3 bytes per UTF-16 unit, plus the newline. Saved bytes are never
    // written into: the first push after reading them copies them.
    this.bytes = withRoom(this.bytes, this.used, this.used + separator + text.length * 3 + 1);
    if (separator) this.bytes[this.used++] = 0x0a;
    this.used += utf8.encodeInto(text, this.bytes.subarray(this.used)).written;
    this.ends.push(this.used);
    this.bytes[this.used++] = 0x0a;
    return this.ends.length - 1;
  }

  get(i: number): string {
    const start = i === 0 ? 0 : this.ends.data[i - 1]! + 1;
    const end = this.ends.data[i]!;
    for (let k = start; k < end; k++) if (this.bytes[k]! >= 0x80) return fromUtf8.decode(this.bytes.subarray(start, end));
    return String.fromCharCode(...this.bytes.subarray(start, end));
  }

  /** Drops the growth slack. */
  trim(): void {
    this.bytes = this.bytes.slice(0, this.used);
    this.ends.data = this.ends.trimmed();
  }

  /** The strings as newline-separated UTF-8, without a newline after the last (a view). */
  lines(): Uint8Array {
    const n = this.ends.length;
    return this.bytes.subarray(0, n === 0 ? 0 : this.ends.data[n - 1]!);
  }

  /**
   * A table over saved lines, used in place. `count` tells an empty buffer apart: no strings, or
   * one empty string.
   */
  static fromLines(lines: Uint8Array, count: number): LineTable {
    const t = new LineTable();
    const ends = new U32List(Math.max(1, count));
    if (lines.length > 0 || count > 0) {
      for (let k = 0; k < lines.length; k++) if (lines[k] === 0x0a) ends.push(k);
      ends.push(lines.length);
    }
    t.ends = ends;
    t.bytes = lines;
    t.used = lines.length;
    return t;
  }
}
