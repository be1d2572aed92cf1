// Reads one X12 response file (999, 277CA or 835) pushed in chunks. The envelope is checked as it
// goes: ISA/IEA, GS/GE and ST/SE must pair up with equal control numbers and the counts in the
// trailers must match (a cut or spliced file fails here, naming the segment). The transaction set
// decides the reader: 999, 277 or 835; anything else is refused. A 277 claim status response
// (005010X212) is read like a 277CA: both carry TRN*2 and STC per claim.
// Trailer counts (SE01, GE01, IEA01) and IEA02 that disagree are kept as notices: the content
// read is whole. ST/SE and GS/GE control numbers that disagree are errors (a spliced file).
import { RemitReadError } from './errors';
import { Reader277CA } from './read277ca';
import { Reader835 } from './read835';
import { Reader999 } from './read999';
import { SegmentTokenizer, type Delimiters, type X12Segment } from './segments';
import type { EnvelopeIds, Remit835Claim, RemitDocument, RemitKind } from './types';
import { element } from './values';

export interface RemitReaderOptions {
  /** Called with each 835 claim when it is complete. */
  onClaim?: (claim: Remit835Claim) => void;
  /** Keep 835 claims in the document (default true; false for constant memory with `onClaim`). */
  keepClaims?: boolean;
}

type Transaction = Reader999 | Reader277CA | Reader835;

const sameNumber = (a: string, b: string) => a === b || (/^\d+$/.test(a) && /^\d+$/.test(b) && Number(a) === Number(b));

export class RemitReader {
  private readonly tokenizer: SegmentTokenizer;
  private kind: RemitKind | undefined;
  private isa: { control: string; sender: string; receiver: string; groups: number } | undefined;
  private gs: { control: string; transactions: number } | undefined;
  private st: { control: string; count: number; reader: Transaction; first: X12Segment } | undefined;
  private last: X12Segment | undefined;
  private sawTransaction = false;
  private readonly doc: RemitDocument | { kind: undefined };

  constructor(private readonly file: string, private readonly options: RemitReaderOptions = {}) {
    this.tokenizer = new SegmentTokenizer(file, (seg, d) => this.segment(seg, d));
    this.doc = { kind: undefined };
  }

  push(chunk: string): void {
    this.tokenizer.push(chunk);
  }

  /** Finishes the file; throws when it ends inside an envelope or holds no transaction. */
  end(): RemitDocument {
    this.tokenizer.end();
    const last = this.last;
    if (!last) throw new RemitReadError(this.file, 0, undefined, 'the file holds no segment');
    if (this.st) throw this.fail(last, `the file ends inside transaction set ${this.st.first.elements[1]} ${this.st.control} (no SE): it was cut short`);
    if (this.gs) throw this.fail(last, `the file ends inside functional group ${this.gs.control} (no GE): it was cut short`);
    if (this.isa) throw this.fail(last, `the file ends inside interchange ${this.isa.control} (no IEA): it was cut short`);
    if (!this.sawTransaction || this.doc.kind === undefined) throw this.fail(last, 'the file holds no 999, 277CA or 835 transaction set');
    return this.doc;
  }

  private readonly notices: string[] = [];

  private notice(seg: X12Segment, reason: string): void {
    this.notices.push(`${this.file}: segment ${seg.index} (${seg.id}): ${reason}.`);
  }

  private fail(seg: X12Segment, reason: string): RemitReadError {
    return new RemitReadError(this.file, seg.index, seg.id, reason);
  }

  private segment(seg: X12Segment, d: Delimiters): void {
    this.last = seg;
    switch (seg.id) {
      case 'ISA':
        if (this.isa) throw this.fail(seg, `a new interchange starts before interchange ${this.isa.control} ended (no IEA)`);
        this.isa = { control: element(seg, 13), sender: element(seg, 6), receiver: element(seg, 8), groups: 0 };
        return;
      case 'IEA': {
        if (!this.isa) throw this.fail(seg, 'IEA without an ISA before it');
        if (this.gs) throw this.fail(seg, `IEA closes the interchange while functional group ${this.gs.control} is still open (no GE)`);
        const control = element(seg, 2);
        if (!sameNumber(control, this.isa.control)) this.notice(seg, `the interchange control number ${control} in IEA02 does not match ${this.isa.control} in ISA13`);
        if (Number(element(seg, 1)) !== this.isa.groups) this.notice(seg, `IEA01 says ${element(seg, 1)} functional group(s) but the interchange holds ${this.isa.groups}`);
        this.isa = undefined;
        return;
      }
      case 'GS':
        if (this.gs) throw this.fail(seg, `a new functional group starts before group ${this.gs.control} ended (no GE)`);
        if (this.isa) this.isa.groups++;
        this.gs = { control: element(seg, 6), transactions: 0 };
        return;
      case 'GE': {
        if (!this.gs) throw this.fail(seg, 'GE without a GS before it');
        if (this.st) throw this.fail(seg, `GE closes the group while transaction set ${this.st.control} is still open (no SE)`);
        const control = element(seg, 2);
        if (!sameNumber(control, this.gs.control)) throw this.fail(seg, `the group control number ${control} in GE02 does not match ${this.gs.control} in GS06`);
        if (Number(element(seg, 1)) !== this.gs.transactions) this.notice(seg, `GE01 says ${element(seg, 1)} transaction set(s) but the group holds ${this.gs.transactions}`);
        this.gs = undefined;
        return;
      }
      case 'ST':
        this.startTransaction(seg);
        return;
      case 'SE': {
        const st = this.st;
        if (!st) throw this.fail(seg, 'SE without an ST before it');
        st.count++;
        const control = element(seg, 2);
        if (control !== st.control) throw this.fail(seg, `the transaction set control number ${control} in SE02 does not match ${st.control} in ST02`);
        if (Number(element(seg, 1)) !== st.count) this.notice(seg, `SE01 says ${element(seg, 1)} segments but the transaction set holds ${st.count} (ST to SE)`);
        st.reader.end(seg);
        this.finishTransaction(st.reader);
        this.st = undefined;
        return;
      }
      default:
        if (!this.st) throw this.fail(seg, `${seg.id} is outside a transaction set (no ST before it)`);
        this.st.count++;
        this.st.reader.segment(seg, d);
    }
  }

  private startTransaction(seg: X12Segment): void {
    if (this.st) throw this.fail(seg, `a new transaction set starts before transaction set ${this.st.control} ended (no SE)`);
    const setId = element(seg, 1);
    let kind: RemitKind;
    if (setId === '999') kind = '999';
    else if (setId === '835') kind = '835';
    else if (setId === '277') kind = '277CA';
    else throw this.fail(seg, `transaction set ${setId || '(none)'} is not a response MedCode reads: expected a 999, 277CA or 835${setId === '837' ? ' (this is a claim, not a response to one)' : ''}`);
    if (this.kind !== undefined && this.kind !== kind) throw this.fail(seg, `a ${kind} transaction set follows a ${this.kind} in the same file; give each kind of response its own file`);
    if (this.gs) this.gs.transactions++;
    const control = element(seg, 2);
    const envelope: EnvelopeIds = {
      transactionControlNumber: control,
      ...(this.isa ? { interchangeControlNumber: this.isa.control, senderId: this.isa.sender, receiverId: this.isa.receiver } : {}),
      ...(this.gs ? { groupControlNumber: this.gs.control } : {}),
    };
    if (this.kind === undefined) {
      this.kind = kind;
      Object.assign(this.doc, kind === '835'
        ? { kind, file: this.file, notices: this.notices, payments: [], claims: [], claimCount: 0, providerAdjustments: [] }
        : kind === '999' ? { kind, file: this.file, notices: this.notices, groups: [] } : { kind, file: this.file, notices: this.notices, claims: [] });
    }
    const reader: Transaction = kind === '999' ? new Reader999(this.file, envelope)
      : kind === '277CA' ? new Reader277CA(this.file, envelope)
      : new Reader835(this.file, envelope, (claim) => this.claim835(claim));
    this.st = { control, count: 1, reader, first: seg };
    this.sawTransaction = true;
  }

  private claim835(claim: Remit835Claim): void {
    const doc = this.doc as RemitDocument;
    if (doc.kind !== '835') return;
    doc.claimCount++;
    if (this.options.keepClaims !== false) doc.claims.push(claim);
    this.options.onClaim?.(claim);
  }

  private finishTransaction(reader: Transaction): void {
    const doc = this.doc as RemitDocument;
    if (reader instanceof Reader999 && doc.kind === '999') doc.groups.push(...reader.groups);
    else if (reader instanceof Reader277CA && doc.kind === '277CA') doc.claims.push(...reader.claims);
    else if (reader instanceof Reader835 && doc.kind === '835') {
      doc.payments.push(reader.payment);
      doc.providerAdjustments.push(...reader.providerAdjustments);
    }
  }
}

/** Reads a whole text at once (tests, the panel). */
export function readRemit(file: string, text: string, options: RemitReaderOptions = {}): RemitDocument {
  const r = new RemitReader(file, options);
  r.push(text);
  return r.end();
}
