// Making free text and identifiers safe inside an X12 element. The delimiters we use
// (element '*', segment '~', component ':', repetition '^') must never appear in data, and
// the 837P expects the basic/extended character set, so accents are folded and the rest dropped.
export const ELEMENT = '*';
export const SEGMENT = '~';
export const COMPONENT = ':';
export const REPETITION = '^';

const DELIMITERS = /[*~:^]/g;

/** Names and addresses: accents folded, upper case, delimiters and control characters removed. */
export function x12Text(value: string | undefined, maxLength = 60): string {
  if (value === undefined) return '';
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(DELIMITERS, ' ')
    .replace(/[^ -~]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, maxLength)
    .trim();
}

/** Identifiers (member id, payer id, claim id): letters, digits and hyphens only. */
export function x12Id(value: string | undefined, maxLength = 80): string {
  if (value === undefined) return '';
  return value.replace(/[^A-Za-z0-9-]/g, '').slice(0, maxLength);
}
