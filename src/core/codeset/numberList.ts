// Growable lists of numbers over one typed array that doubles as it fills, for the search index and
// the text pools: a JS array costs 8 bytes or more a number, and every young collection copies it.
type NumberArray = Int32Array | Uint32Array | Uint8Array;

class NumberList<A extends NumberArray> {
  length = 0;
  data: A;

  /** `make`: a new, zeroed array of a length, of this list's kind. */
  constructor(private readonly make: (length: number) => A, capacity: number) {
    this.data = make(Math.max(1, capacity));
  }

  push(v: number): void {
    if (this.length === this.data.length) {
      const next = this.make(Math.max(16, this.data.length * 2));
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }

  /** Releases the growth slack (a later push grows it again). */
  trim(): void {
    if (this.data.length > this.length + 1) this.data = this.data.slice(0, Math.max(1, this.length)) as A;
  }

  /** The used part (a view). */
  used(): A {
    return this.data.subarray(0, this.length) as A;
  }

  /** A copy of exactly the used part. */
  trimmed(): A {
    return this.data.slice(0, this.length) as A;
  }

  /** Takes `data` as the list's content (not copied). */
  protected adopt(data: A): this {
    this.data = data;
    this.length = data.length;
    return this;
  }
}

/** 32-bit signed integers. */
export class IntList extends NumberList<Int32Array> {
  constructor(capacity = 1024) { super((n) => new Int32Array(n), capacity); }
  static of(data: Int32Array): IntList { return new IntList(1).adopt(data); }
}

/** 32-bit unsigned integers. */
export class U32List extends NumberList<Uint32Array> {
  constructor(capacity = 1024) { super((n) => new Uint32Array(n), capacity); }
}

/** Small numbers (0..255). */
export class ByteList extends NumberList<Uint8Array> {
  constructor(capacity = 1024) { super((n) => new Uint8Array(n), capacity); }
  static of(data: Uint8Array): ByteList { return new ByteList(1).adopt(data); }
}
