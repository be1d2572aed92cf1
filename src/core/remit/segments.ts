// Streaming X12 segment reader. Text arrives in chunks of any size; segments come out one at a
// time, so a file of any length is read in constant memory. The delimiters are the ones the file
// declares: element separator ISA04 position, repetition ISA11, component ISA16, and the segment
// terminator right after ISA16 (X12.5 section 4). Files that start at ST (transaction sets cut out
// of their interchange, as some samples are) use `*`-style detection: the element separator is
// the character after "ST", the terminator `~` when the text has one, else the line break.
// White space (line breaks) between segments is ignored.
import { RemitReadError } from './errors';

export interface Delimiters {
  element: string;
  segment: string;
  component: string;
  repetition?: string;
}

export interface X12Segment {
  /** 1-based position of the segment in the file. */
  index: number;
  id: string;
  /** `elements[0]` is the segment id, so `elements[1]` is XXX01 as the guides number them. */
  elements: string[];
}

export class SegmentTokenizer {
  private buffer = '';
  private delimiters: Delimiters | undefined;
  private count = 0;
  private started = false;

  constructor(
    private readonly file: string,
    private readonly onSegment: (segment: X12Segment, delimiters: Delimiters) => void,
  ) {}

  push(chunk: string): void {
    this.buffer += chunk;
    if (this.delimiters === undefined && !this.detect(false)) return;
    this.drain(false);
  }

  end(): void {
    if (this.delimiters === undefined) this.detect(true);
    this.drain(true);
  }

  get segmentCount(): number {
    return this.count;
  }

  private detect(final: boolean): boolean {
    const text = this.buffer.replace(/^[\uFEFF\s]+/, '');
    if (text.length < 3 && !final) return false;
    if (text.startsWith('ISA')) {
      const element = text[3];
      if (element === undefined) return this.tooShort(final);
      let seen = 0;
      for (let i = 3; i < text.length; i++) {
        if (text[i] !== element) continue;
        seen++;
        if (seen === 16) {
          const component = text[i + 1];
          const segment = text[i + 2];
          if (component === undefined || segment === undefined) return this.tooShort(final);
          const isa = text.slice(0, i).split(element);
          this.delimiters = { element, component, segment, repetition: isa[11] && isa[11].length === 1 && /[^A-Za-z0-9 ]/.test(isa[11]) ? isa[11] : undefined };
          return true;
        }
      }
      return this.tooShort(final);
    }
    if (/^ST[^A-Za-z0-9]/.test(text)) {
      if (!final && text.length < 4096 && !text.includes('~')) return false;
      this.delimiters = { element: text[2]!, segment: text.includes('~') ? '~' : '\n', component: ':' };
      return true;
    }
    if (text.length === 0) throw new RemitReadError(this.file, 0, undefined, 'the file is empty; expected an X12 999, 277CA or 835 starting with ISA');
    throw new RemitReadError(this.file, 1, undefined, 'the file does not start with an ISA (or ST) segment, so it is not an X12 file');
  }

  private tooShort(final: boolean): boolean {
    if (!final) return false;
    throw new RemitReadError(this.file, 1, 'ISA', 'the ISA segment is cut short (it must have 16 elements and then the segment terminator)');
  }

  private drain(final: boolean): void {
    const d = this.delimiters!;
    const buf = this.buffer;
    let pos = 0;
    for (;;) {
      const end = buf.indexOf(d.segment, pos);
      if (end < 0) break;
      this.emit(buf.slice(pos, end), d);
      pos = end + d.segment.length;
    }
    this.buffer = pos === 0 ? buf : buf.slice(pos);
    if (final) {
      const rest = this.buffer;
      this.buffer = '';
      if (rest.trim() !== '') this.emit(rest, d, true);
    }
  }

  /**
   * `unterminated`: the text after the last terminator. A closing trailer without its terminator
   * is accepted (files often end that way); anything else means the file was cut.
   */
  private emit(raw: string, d: Delimiters, unterminated = false): void {
    const text = this.started ? trimLineBreaks(raw) : raw.replace(/^[\uFEFF\s]+/, '').replace(/[\r\n]+$/, '');
    if (text === '') return;
    this.started = true;
    this.count++;
    const elements = text.split(d.element);
    const id = elements[0]!.trim();
    if (unterminated && id !== 'IEA' && id !== 'GE' && id !== 'SE')
      throw new RemitReadError(this.file, this.count, id, 'the file ends in the middle of this segment (no segment terminator): it was cut short');
    this.onSegment({ index: this.count, id, elements }, d);
  }
}

function trimLineBreaks(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && isSpace(s.charCodeAt(a))) a++;
  while (b > a && (s.charCodeAt(b - 1) === 10 || s.charCodeAt(b - 1) === 13)) b--;
  return a === 0 && b === s.length ? s : s.slice(a, b);
}

function isSpace(c: number): boolean {
  return c === 10 || c === 13 || c === 32 || c === 9;
}
