// Which HCPCS release a file is: from its name (HCPC2025_OCT_ANWEB, 2019-Alpha-Numeric-HCPCS-File,
// hcpcs_level2_modifiers_2025-oct), else from the latest action-effective date inside it.
// CMS publishes an annual file (January) and quarterly updates (April, July, October); a
// quarterly file is in force until the next quarter, an annual one for the calendar year.
import type { ImportOptions } from '../types';

export interface Release {
  version: string;
  effectiveFrom?: string;
  effectiveTo?: string;
}

const QUARTER_MONTHS: Record<string, [from: string, to: string]> = {
  jan: ['01-01', '03-31'],
  apr: ['04-01', '06-30'],
  jul: ['07-01', '09-30'],
  oct: ['10-01', '12-31'],
};

/** The last path piece of a name such as `a.zip!dir/HCPC2019_CONTR_ANWEB.txt`. */
export function baseName(name: string): string {
  return name.split(/[!/\\]/).pop() ?? name;
}

export function releaseFromName(name: string): Release | undefined {
  for (const candidate of [baseName(name), name]) {
    const q = /(20\d\d)[-_ ]?(jan|apr|jul|oct)/i.exec(candidate);
    if (q) return quarterRelease(Number(q[1]), q[2]!.toLowerCase());
    const y = /(?:^|[^0-9])(20\d\d)(?![0-9])/.exec(candidate);
    if (y) return annualRelease(Number(y[1]));
  }
  return undefined;
}

/** From an ISO action-effective date (the newest in the file) to the quarter it starts. */
export function releaseFromLatestDate(iso: string | undefined): Release | undefined {
  if (!iso) return undefined;
  const [y, m] = iso.split('-').map(Number);
  const month = ['jan', 'jan', 'jan', 'apr', 'apr', 'apr', 'jul', 'jul', 'jul', 'oct', 'oct', 'oct'][(m ?? 1) - 1] ?? 'jan';
  return quarterRelease(y!, month);
}

function quarterRelease(year: number, month: string): Release {
  const [from, to] = QUARTER_MONTHS[month]!;
  const label = month[0]!.toUpperCase() + month.slice(1);
  return { version: `${year}-${label}`, effectiveFrom: `${year}-${from}`, effectiveTo: `${year}-${to}` };
}

function annualRelease(year: number): Release {
  return { version: String(year), effectiveFrom: `${year}-01-01`, effectiveTo: `${year}-12-31` };
}

/** Options win over what the file says. */
export function applyOptions(found: Release | undefined, options: ImportOptions): Release | undefined {
  if (!found && !options.version) return undefined;
  return {
    version: options.version ?? found!.version,
    effectiveFrom: options.effectiveFrom ?? found?.effectiveFrom,
    effectiveTo: options.effectiveTo ?? found?.effectiveTo,
  };
}

/** YYYYMMDD -> YYYY-MM-DD; blank -> undefined; anything else is returned as written. */
export function isoDate(yyyymmdd: string): string | undefined {
  const s = yyyymmdd.trim();
  if (!s) return undefined;
  return /^\d{8}$/.test(s) ? `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}` : s;
}
