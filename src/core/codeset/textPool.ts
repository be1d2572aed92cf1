// Many strings kept as UTF-8 in one byte buffer and read back on demand: a JS string costs a
// header and, when cut from a larger string, keeps that whole string alive; here a string costs
// its bytes and an offset. For texts that are stored by the hundred thousand and read rarely
// (the reasons of the analyzer's terms, read only for the terms a note matches).

/** A growable list of 32-bit unsigned integers. */
export class U32List {
  data: Uint32Array;
  length = 0;
  constructor(capacity = 1024) {
    this.data = new Uint32Array(Math.max(1, capacity));
  }
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Uint32Array(Math.max(16, this.data.length * 2));
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  /** A copy of exactly the used part (the growth slack is released). */
  trimmed(): Uint32Array {
    return this.data.slice(0, this.length);
  }
}

/** Strings kept as UTF-8 in one buffer; read back on demand. */
export class TextPool {
  private bytes: Uint8Array = new Uint8Array(1 << 16);
  private used = 0;
  private readonly ends = new U32List();
  private static readonly encoder = new TextEncoder();
  private static readonly decoder = new TextDecoder();

  add(text: string): number {
    // UTF-8 takes at most 3 bytes per UTF-16 unit.
    const need = this.used + text.length * 3;
    if (need > this.bytes.length) {
      const next = new Uint8Array(Math.max(need, this.bytes.length * 2));
      next.set(this.bytes.subarray(0, this.used));
      this.bytes = next;
    }
    this.used += TextPool.encoder.encodeInto(text, this.bytes.subarray(this.used)).written;
    this.ends.push(this.used);
    return this.ends.length - 1;
  }

  /** Number of strings. */
  get size(): number {
    return this.ends.length;
  }

  get(id: number): string {
    const start = id === 0 ? 0 : this.ends.data[id - 1]!;
    return TextPool.decoder.decode(this.bytes.subarray(start, this.ends.data[id]!));
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
