// Builds 835 (005010X221A1) files that answer test claims, so tests read remittances shaped like a
// payer's without hand-editing samples. The output is checked with ../shared/tools/x12valid in
// test/integration/remit/x12valid.test.ts.
export interface Cas { group: string; reason: string; amount: number }

export interface Line835 {
  code: string;
  modifiers?: string[];
  billed: number;
  paid: number;
  units?: number;
  lineControlNumber?: string;
  adjustments?: Cas[];
  remarks?: string[];
  date?: string;
}

export interface Claim835 {
  patientControlNumber: string;
  /** CLP02: 1 primary, 4 denied, 22 reversal. */
  statusCode: string;
  billed: number;
  paid: number;
  patientResponsibility?: number;
  payerClaimControlNumber: string;
  adjustments?: Cas[];
  lines: Line835[];
  patient?: { family: string; given: string; memberId: string };
}

export interface Build835Options {
  controlNumber?: number;
  trace?: string;
  payerName?: string;
  payerId?: string;
  date?: string;
  /** Element, component and segment delimiters (default * : ~). */
  element?: string;
  component?: string;
  segment?: string;
}

const m = (n: number) => (Math.round(n * 100) / 100).toFixed(2).replace(/\.00$/, '').replace(/(\.\d)0$/, '$1');

function casSegments(adjs: Cas[] | undefined): string[][] {
  const byGroup = new Map<string, Cas[]>();
  for (const a of adjs ?? []) byGroup.set(a.group, [...(byGroup.get(a.group) ?? []), a]);
  return [...byGroup].map(([g, list]) => ['CAS', g, ...list.flatMap((a) => [a.reason, m(a.amount), ''])]);
}

export function build835(claims: Claim835[], o: Build835Options = {}): string {
  const E = o.element ?? '*';
  const C = o.component ?? ':';
  const S = o.segment ?? '~';
  const control = o.controlNumber ?? 1;
  const date = o.date ?? '20250115';
  const total = claims.reduce((t, c) => t + c.paid, 0);
  const body: string[][] = [
    ['BPR', total > 0 ? 'I' : 'H', m(total), 'C', total > 0 ? 'CHK' : 'NON', '', '', '', '', '', '', '', '', '', '', '', date],
    ['TRN', '1', o.trace ?? `TRACE${control}`, '1512345678'],
    ['DTM', '405', date],
    ['N1', 'PR', o.payerName ?? 'TEST PAYER'],
    ['N3', '1 PAYER WAY'],
    ['N4', 'SPRINGFIELD', 'IL', '62701'],
    ['PER', 'BL', 'PROVIDER SERVICES', 'TE', '8005551212'],
    ['N1', 'PE', 'TEST CLINIC', 'XX', '1234567893'],
    ['LX', '1'],
  ];
  for (const c of claims) {
    body.push(['CLP', c.patientControlNumber, c.statusCode, m(c.billed), m(c.paid), c.patientResponsibility ? m(c.patientResponsibility) : '', '12', c.payerClaimControlNumber, '11', '1']);
    body.push(...casSegments(c.adjustments));
    const p = c.patient ?? { family: 'DOE', given: 'JANE', memberId: 'M123' };
    body.push(['NM1', 'QC', '1', p.family, p.given, '', '', '', 'MI', p.memberId]);
    for (const l of c.lines) {
      body.push(['SVC', ['HC', l.code, ...(l.modifiers ?? [])].join(C), m(l.billed), m(l.paid), '', l.units !== undefined && l.units !== 1 ? String(l.units) : '']);
      body.push(['DTM', '472', l.date ?? '20250102']);
      body.push(...casSegments(l.adjustments));
      if (l.lineControlNumber) body.push(['REF', '6R', l.lineControlNumber]);
      if (l.paid > 0) body.push(['AMT', 'B6', m(l.paid + (l.adjustments ?? []).filter((a) => a.group === 'PR').reduce((t, a) => t + a.amount, 0))]);
      for (const r of l.remarks ?? []) body.push(['LQ', 'HE', r]);
    }
  }
  const st = String(control).padStart(4, '0');
  const tx = [['ST', '835', st], ...body];
  tx.push(['SE', String(tx.length + 1), st]);
  const isaControl = String(control).padStart(9, '0');
  const render = (seg: string[]) => {
    const els = [...seg];
    while (els.length > 1 && els[els.length - 1] === '') els.pop();
    return els.join(E);
  };
  const isa = ['ISA', '00', '          ', '00', '          ', 'ZZ', 'PAYER          ', 'ZZ', 'CLINIC         ', '250115', '1200', '^', '00501', isaControl, '0', 'T', C].join(E);
  const lines = [isa, render(['GS', 'HP', 'PAYER', 'CLINIC', date, '1200', String(control), 'X', '005010X221A1']), ...tx.map(render), render(['GE', '1', String(control)]), render(['IEA', '1', isaControl])];
  return lines.map((l) => `${l}${S}\n`).join('');
}
