// 999 implementation acknowledgment (005010X231A1): per acknowledged group AK1 ... AK9, per
// transaction AK2, the segment errors IK3 (with element errors IK4) and the verdict IK5.
import { RemitReadError } from './errors';
import type { Delimiters, X12Segment } from './segments';
import type { Ack999Group, Ack999Transaction, EnvelopeIds } from './types';
import { element, required } from './values';

export class Reader999 {
  readonly groups: Ack999Group[] = [];
  private group: Ack999Group | undefined;
  private transaction: Ack999Transaction | undefined;

  constructor(private readonly file: string, private readonly envelope: EnvelopeIds) {}

  segment(seg: X12Segment, d: Delimiters): void {
    switch (seg.id) {
      case 'AK1':
        this.group = {
          envelope: this.envelope,
          functionalId: required(this.file, seg, 1, 'functional identifier code'),
          groupControlNumber: required(this.file, seg, 2, 'group control number'),
          version: element(seg, 3) || undefined,
          statusCode: '',
          transactions: [],
        };
        this.groups.push(this.group);
        return;
      case 'AK2':
        this.transaction = {
          setId: required(this.file, seg, 1, 'transaction set identifier code'),
          controlNumber: required(this.file, seg, 2, 'transaction set control number'),
          statusCode: '',
          syntaxErrors: [],
          segmentErrors: [],
        };
        this.needGroup(seg).transactions.push(this.transaction);
        return;
      case 'IK3':
        this.needTransaction(seg).segmentErrors.push({
          segmentId: element(seg, 1),
          position: element(seg, 2),
          loop: element(seg, 3) || undefined,
          code: element(seg, 4) || undefined,
          elements: [],
        });
        return;
      case 'IK4': {
        const errors = this.needTransaction(seg).segmentErrors;
        const last = errors[errors.length - 1];
        if (!last) throw new RemitReadError(this.file, seg.index, seg.id, 'an IK4 element error must follow the IK3 segment error it belongs to');
        last.elements.push({
          position: element(seg, 1).split(d.component).filter((p) => p !== '').join(':'),
          code: element(seg, 3),
          value: element(seg, 4) || undefined,
        });
        return;
      }
      case 'IK5': {
        const t = this.needTransaction(seg);
        t.statusCode = required(this.file, seg, 1, 'transaction set acknowledgment code');
        t.syntaxErrors = [2, 3, 4, 5, 6].map((n) => element(seg, n)).filter((c) => c !== '');
        return;
      }
      case 'AK9':
        this.needGroup(seg).statusCode = required(this.file, seg, 1, 'functional group acknowledge code');
        this.group = undefined;
        this.transaction = undefined;
        return;
      default:
        return;
    }
  }

  end(last: X12Segment): void {
    for (const g of this.groups) {
      if (g.statusCode === '') throw new RemitReadError(this.file, last.index, last.id, `the acknowledgment of group ${g.groupControlNumber} has no AK9 verdict`);
      for (const t of g.transactions) if (t.statusCode === '') t.statusCode = g.statusCode === 'P' ? 'R' : g.statusCode;
    }
  }

  private needGroup(seg: X12Segment): Ack999Group {
    if (!this.group) throw new RemitReadError(this.file, seg.index, seg.id, `${seg.id} must come after an AK1 (the acknowledged functional group)`);
    return this.group;
  }

  private needTransaction(seg: X12Segment): Ack999Transaction {
    if (!this.transaction) throw new RemitReadError(this.file, seg.index, seg.id, `${seg.id} must come after an AK2 (the acknowledged transaction set)`);
    return this.transaction;
  }
}
