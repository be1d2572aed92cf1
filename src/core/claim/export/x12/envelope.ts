// The X12 interchange envelope around one 837P transaction: ISA/GS/ST ... SE/GE/IEA.
// The counts and control numbers in the trailers must match their headers (X12.5/X12.6),
// so they are computed here from the body rather than written by hand.
import { COMPONENT, ELEMENT, REPETITION, SEGMENT, x12Text } from './text';

export const X12_VERSION = '005010X222A1';

export interface EnvelopeOptions {
  /** ISA06/GS02: who sends the file (mutually defined id, ZZ qualifier). */
  senderId: string;
  /** ISA08/GS03: who receives it (the clearinghouse or payer). */
  receiverId: string;
  /** ISA13 interchange control number (1..999999999); GS06 and ST02 reuse it. */
  controlNumber: number;
  /** When the file is created (ISA09/10, GS04/05, BHT04/05), in UTC. */
  now: Date;
  /** ISA15: P production, T test. */
  usage: 'P' | 'T';
}

/** One segment: id then element values; a composite is an array of components. */
export type Segment = [string, ...Array<string | string[]>];

/** Drops trailing empty components/elements, which X12 forbids. */
function renderSegment(seg: Segment): string {
  const elements = seg.map((e) => {
    if (typeof e === 'string') return e;
    const parts = [...e];
    while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
    return parts.join(COMPONENT);
  });
  while (elements.length > 1 && elements[elements.length - 1] === '') elements.pop();
  return elements.join(ELEMENT);
}

const pad = (value: string, width: number) => value.slice(0, width).padEnd(width, ' ');
const two = (n: number) => String(n).padStart(2, '0');

export function ccyymmdd(d: Date): string {
  return `${d.getUTCFullYear()}${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())}`;
}
export function hhmm(d: Date): string {
  return `${two(d.getUTCHours())}${two(d.getUTCMinutes())}`;
}

/**
 * Wraps the transaction body (the segments between ST and SE) in the envelope and renders it,
 * one segment per line (the terminator stays `~`; the line break is ignorable white space).
 */
export function renderInterchange(body: Segment[], o: EnvelopeOptions): string {
  const control = String(o.controlNumber);
  const isaControl = control.padStart(9, '0');
  const stControl = control.padStart(4, '0');
  const sender = x12Text(o.senderId, 15);
  const receiver = x12Text(o.receiverId, 15);
  // ISA is fixed-width: every element has its exact length, nothing is trimmed.
  const isa = [
    'ISA', '00', pad('', 10), '00', pad('', 10),
    'ZZ', pad(sender, 15), 'ZZ', pad(receiver, 15),
    ccyymmdd(o.now).slice(2), hhmm(o.now), REPETITION, '00501', isaControl, '0', o.usage, COMPONENT,
  ].join(ELEMENT);
  const transaction: Segment[] = [['ST', '837', stControl, X12_VERSION], ...body];
  transaction.push(['SE', String(transaction.length + 1), stControl]);
  const lines = [
    isa,
    renderSegment(['GS', 'HC', sender, receiver, ccyymmdd(o.now), hhmm(o.now), control, 'X', X12_VERSION]),
    ...transaction.map(renderSegment),
    renderSegment(['GE', '1', control]),
    renderSegment(['IEA', '1', isaControl]),
  ];
  return lines.map((l) => `${l}${SEGMENT}\n`).join('');
}
