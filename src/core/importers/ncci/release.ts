// Which NCCI quarter a file is. NCCI tables change quarterly (Jan 1, Apr 1, Jul 1, Oct 1), so a
// file dated on a quarter start is that quarter: 2024-07-01 -> "2024-Q3", in force 2024-07-01 ..
// 2024-09-30. Evidence, first found wins: options; a date in the file name (2024-07-01, 20240701,
// Eff_07-01-2024); a quarter in the name (2024Q3); a CMS version number (v30.2 / v302r0: NCCI
// version NN.q is year 1994+NN, quarter q+1); a date in the title lines above the header.
import type { ImportOptions } from '../types';

export interface NcciRelease {
  version: string;
  effectiveFrom?: string;
  effectiveTo?: string;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const QUARTER_END = ['03-31', '06-30', '09-30', '12-31'];

function quarter(year: number, q: number): NcciRelease {
  const from = `${year}-${String((q - 1) * 3 + 1).padStart(2, '0')}-01`;
  return { version: `${year}-Q${q}`, effectiveFrom: from, effectiveTo: `${year}-${QUARTER_END[q - 1]}` };
}

/** A date on a quarter start names that quarter; any other date is its own version, in force from that day. */
function fromDate(y: number, m: number, d: number): NcciRelease | undefined {
  if (m < 1 || m > 12 || d < 1 || d > 31) return undefined;
  if (d === 1 && (m - 1) % 3 === 0) return quarter(y, (m - 1) / 3 + 1);
  const iso = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return { version: iso, effectiveFrom: iso };
}

export function releaseFromText(text: string): NcciRelease | undefined {
  let m = /(20\d\d)[-_]?(\d\d)[-_]?(\d\d)(?!\d)/.exec(text);
  if (m) return fromDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /(?<!\d)(\d\d)[-_/](\d\d)[-_/](20\d\d)/.exec(text);
  if (m) return fromDate(Number(m[3]), Number(m[1]), Number(m[2]));
  m = /(20\d\d)[-_ ]?Q([1-4])/i.exec(text);
  if (m) return quarter(Number(m[1]), Number(m[2]));
  m = /\bv(\d\d)\.?([0-3])(?:r\d+)?\b/i.exec(text);
  if (m) return quarter(1994 + Number(m[1]), Number(m[2]) + 1);
  m = new RegExp(`\\b(${MONTHS.join('|')})\\s+(\\d{1,2}),?\\s+(20\\d\\d)`, 'i').exec(text);
  if (m) return fromDate(Number(m[3]), MONTHS.indexOf(m[1]!.toLowerCase()) + 1, Number(m[2]));
  return undefined;
}

export function resolveRelease(name: string, preamble: string, options: ImportOptions): NcciRelease | undefined {
  const found = releaseFromText(name.split(/[!/\\]/).pop() ?? name) ?? releaseFromText(name) ?? releaseFromText(preamble);
  if (!found && !options.version) return undefined;
  return {
    version: options.version ?? found!.version,
    effectiveFrom: options.effectiveFrom ?? found?.effectiveFrom,
    effectiveTo: options.effectiveTo ?? found?.effectiveTo,
  };
}

/** YYYYMMDD or YYYY-MM-DD -> ISO; "*", blank and 9999-12-31 (no end) -> undefined. */
export function ncciDate(value: string): string | undefined {
  const s = value.trim();
  if (!s || s === '*' || /^9999-?12-?31$/.test(s)) return undefined;
  if (/^\d{8}$/.test(s)) return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`;
  return s;
}
