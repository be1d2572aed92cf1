// Finds section headings: "LABEL:" at a line start or inline after ",", "." or ";" (MTSamples runs
// a whole note on one line: "...rhinitis.,PLAN:,1. ..."), and a known label alone on its line
// ("ASSESSMENT AND PLAN"). Every look-back is bounded, so the scan is linear in the text.
import { headingKind, isTitleCaseLabel, isUpperCaseLabel } from './headings';
import type { Section, SectionKind, Span } from './model';
import { isWhitespace } from './tokens';

export interface Heading { kind: SectionKind; label: string; span: Span; bodyStart: number }

const MAX_LABEL = 60;
const LABEL_CHAR = /[\p{L}\p{M} &/()'\-]/u;

function isLineBreak(c: number): boolean { return c === 10 || c === 13 || c === 0x2028 || c === 0x2029; }
function isSpaceOrTab(c: number): boolean { return !isLineBreak(c) && isWhitespace(c); }
/** Markdown decorations allowed before a heading: "## Plan", "**Plan:**". */
function isDecoration(c: number): boolean { return c === 35 || c === 42 || c === 95; }

/** A heading that ends at the colon at `colon`, or undefined. */
function colonHeading(text: string, colon: number): Heading | undefined {
  const limit = Math.max(0, colon - MAX_LABEL);
  let i = colon;
  while (i > limit && LABEL_CHAR.test(text[i - 1]!)) i--;
  let labelStart = i;
  while (labelStart < colon && isSpaceOrTab(text.charCodeAt(labelStart))) labelStart++;
  if (labelStart >= colon || !/\p{L}/u.test(text[labelStart]!)) return undefined; // "- Exam:" is a list item
  // What stands before the label decides how strict we are.
  let b = i - 1;
  while (b >= 0 && (isSpaceOrTab(text.charCodeAt(b)) || isDecoration(text.charCodeAt(b)))) b--;
  if (i === limit && limit > 0 && LABEL_CHAR.test(text[i - 1]!)) return undefined; // label too long
  const before = b < 0 ? 10 : text.charCodeAt(b);
  const atLineStart = isLineBreak(before);
  const afterDelimiter = before === 44 || before === 46 || before === 59; // , . ;
  if (!atLineStart && !afterDelimiter) return undefined;
  const label = text.slice(labelStart, colon).trimEnd();
  if (!/^\p{Lu}/u.test(label)) return undefined;
  const upper = isUpperCaseLabel(label);
  if (afterDelimiter && !upper) return undefined;
  const kind = headingKind(label, upper);
  if (kind === undefined) return undefined;
  let end = colon + 1;
  while (end < text.length && isDecoration(text.charCodeAt(end))) end++;
  return { kind, label, span: { start: labelStart, end }, bodyStart: end };
}

/** A known label standing alone on the line [ls, le), in upper or title case. */
function lineHeading(text: string, ls: number, le: number): Heading | undefined {
  let s = ls;
  while (s < le && (isWhitespace(text.charCodeAt(s)) || isDecoration(text.charCodeAt(s)))) s++;
  let e = le;
  while (e > s && (isWhitespace(text.charCodeAt(e - 1)) || isDecoration(text.charCodeAt(e - 1)))) e--;
  if (e - s === 0 || e - s > MAX_LABEL) return undefined;
  const raw = text.slice(s, e);
  const label = raw.replace(/[\s:\-]+$/, '');
  if (label.length === 0 || !/^\p{Lu}/u.test(label)) return undefined;
  if (!isUpperCaseLabel(label) && !isTitleCaseLabel(label)) return undefined;
  const kind = headingKind(label, false);
  if (kind === undefined) return undefined;
  return { kind, label, span: { start: s, end: e }, bodyStart: le };
}

export function findHeadings(text: string): Heading[] {
  const found: Heading[] = [];
  let lineStart = 0;
  let lineHasColonHeading = false;
  const n = text.length;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? text.charCodeAt(i) : 10;
    if (c === 58) { // ':'
      const h = colonHeading(text, i);
      if (h) { found.push(h); lineHasColonHeading = true; }
    } else if (isLineBreak(c) || i === n) {
      if (!lineHasColonHeading) {
        const h = lineHeading(text, lineStart, i);
        if (h) found.push(h);
      }
      lineStart = i + 1;
      lineHasColonHeading = false;
    }
  }
  found.sort((a, b) => a.span.start - b.span.start);
  const out: Heading[] = [];
  for (const h of found) {
    const last = out[out.length - 1];
    if (!last || h.span.start >= last.bodyStart) out.push(h);
  }
  return out;
}

/** Sections in order; text before the first heading becomes an 'other' section. */
export function buildSections(text: string, headings: Heading[]): Section[] {
  const sections: Section[] = [];
  const firstStart = headings.length > 0 ? headings[0]!.span.start : text.length;
  if (hasContent(text, 0, firstStart)) {
    sections.push({ kind: 'other', heading: '', start: 0, end: firstStart });
  }
  headings.forEach((h, k) => {
    const end = k + 1 < headings.length ? headings[k + 1]!.span.start : text.length;
    sections.push({ kind: h.kind, heading: h.label, headingSpan: { ...h.span }, start: h.span.start, end });
  });
  return sections;
}

function hasContent(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isWhitespace(text.charCodeAt(i))) return true;
  return false;
}
