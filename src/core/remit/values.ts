// Element values: amounts, dates and composites, each failing with the element's name.
import { RemitReadError } from './errors';
import type { X12Segment } from './segments';

export function element(seg: X12Segment, n: number): string {
  return (seg.elements[n] ?? '').trim();
}

/** Amount in dollars; an absent optional element is `undefined`, a malformed one an error. */
export function optionalAmount(file: string, seg: X12Segment, n: number): number | undefined {
  const raw = element(seg, n);
  if (raw === '') return undefined;
  const v = Number(raw);
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(raw) || !Number.isFinite(v))
    throw new RemitReadError(file, seg.index, seg.id, `${seg.id}${String(n).padStart(2, '0')} "${raw}" is not an amount`);
  return v;
}

export function amount(file: string, seg: X12Segment, n: number): number {
  const v = optionalAmount(file, seg, n);
  if (v === undefined) throw new RemitReadError(file, seg.index, seg.id, `${seg.id}${String(n).padStart(2, '0')} (an amount) is missing`);
  return v;
}

export function required(file: string, seg: X12Segment, n: number, what: string): string {
  const v = element(seg, n);
  if (v === '') throw new RemitReadError(file, seg.index, seg.id, `${seg.id}${String(n).padStart(2, '0')} (${what}) is missing`);
  return v;
}

/** CCYYMMDD -> YYYY-MM-DD; anything else is returned as sent. */
export function d8(value: string): string | undefined {
  if (value === '') return undefined;
  return /^\d{8}$/.test(value) ? `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6, 8)}` : value;
}

export function components(value: string, component: string): string[] {
  return value.split(component).map((c) => c.trim());
}

/** Sums in cents so that 0.1 + 0.2 stays 0.3. */
export function addMoney(a: number, b: number): number {
  return Math.round(a * 100 + b * 100) / 100;
}
