// Benchmark of the 835 reader: 10,000 generated remittance claims (2-3 service lines each, CAS
// and LQ on the lines), fed in 64 KiB chunks as `medcode remit` feeds a file, with each claim
// matched to a folder of 10,000 claims as it is read. Target: < 5 s, memory flat (the heap after
// reading 10,000 claims is about what it is after 1,000). Baseline in the same process: splitting
// the same text into segments and elements with String.split, which any reader has to do.
import { ClaimDirectory, matchRemittance, type ClaimFile, type MatchResult } from '../src/core/remit/match';
import { RemitReader } from '../src/core/remit/reader';
import type { Claim } from '../src/core/claim/schema';

const CHUNK = 1 << 16;

function claimSegments(i: number): string {
  const id = `C${i}`;
  const denied = i % 7 === 0;
  const lines = [
    `SVC*HC:99213:25*150*${denied ? 0 : 110}~DTM*472*20250102~CAS*${denied ? 'CO*97*150' : 'CO*45*20**PR*2*20'}~REF*6R*${id}-1~${denied ? 'LQ*HE*M15~' : 'AMT*B6*130~'}`,
    `SVC*HC:36415*25*20~DTM*472*20250102~CAS*CO*45*5~REF*6R*${id}-2~AMT*B6*20~`,
    ...(i % 3 === 0 ? [`SVC*HC:81002*12*0~DTM*472*20250102~CAS*CO*151*12~LQ*HE*N362~`] : []),
  ];
  const billed = 175 + (i % 3 === 0 ? 12 : 0);
  const paid = denied ? 20 : 130;
  return `CLP*${id}*1*${billed}*${paid}*20*12*PAYER${i}*11*1~NM1*QC*1*DOE*JANE****MI*M${i}~${lines.join('')}`;
}

/** The 835 text in pieces, never whole: header, one piece per claim, trailer. */
function* era(claims: number): Generator<string> {
  yield 'ISA*00*          *00*          *ZZ*PAYER          *ZZ*CLINIC         *250115*1200*^*00501*000000001*0*P*:~GS*HP*PAYER*CLINIC*20250115*1200*1*X*005010X221A1~ST*835*0001~';
  yield 'BPR*I*1000*C*CHK************20250115~TRN*1*T1*1512345678~DTM*405*20250115~N1*PR*PAYER~N1*PE*CLINIC*XX*1234567893~LX*1~';
  let segments = 8;
  for (let i = 0; i < claims; i++) {
    const s = claimSegments(i);
    segments += s.split('~').length - 1;
    yield s;
  }
  yield `SE*${segments + 1}*0001~GE*1*1~IEA*1*000000001~`;
}

/** Re-chunks the generated pieces into 64 KiB strings, as a file read would deliver them. */
function* chunks(claims: number): Generator<string> {
  let buf = '';
  for (const piece of era(claims)) {
    buf += piece;
    while (buf.length >= CHUNK) {
      yield buf.slice(0, CHUNK);
      buf = buf.slice(CHUNK);
    }
  }
  if (buf) yield buf;
}

function folder(n: number): ClaimDirectory {
  const claims: ClaimFile[] = [];
  for (let i = 0; i < n; i++) {
    const claim = {
      schemaVersion: '1', id: `C${i}`, encounter: { dateOfService: '2025-01-02', placeOfService: '11' }, diagnoses: [{ code: 'I10', system: 'icd10cm' }],
      lines: [{ code: '99213', system: 'cpt', modifiers: ['25'], units: 1, charge: 150, diagnosisPointers: [1] }, { code: '36415', system: 'cpt', modifiers: [], units: 1, charge: 25, diagnosisPointers: [1] }],
    } as unknown as Claim;
    claims.push({ path: `c${i}.claim.json`, claim });
  }
  return new ClaimDirectory(claims);
}

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** Peak heap growth while reading (garbage included) and what is left after a full GC. */
function readOnce(claims: number, directory: ClaimDirectory, keepMatches: boolean): { ms: number; matched: number; heapMb: number; retainedMb: number } {
  gc();
  const heap0 = process.memoryUsage().heapUsed;
  let peak = heap0;
  let matched = 0;
  const ctx = { file: 'bench.835', recordedAt: '2025-01-15T00:00:00.000Z' };
  const out: MatchResult = { matched: [], unmatched: [] };
  const reader = new RemitReader('bench.835', {
    keepClaims: false,
    onClaim: (c) => {
      matchRemittance(c, directory, ctx, out);
      matched += out.matched.length;
      if (!keepMatches) out.matched.length = 0;
    },
  });
  const t0 = performance.now();
  let n = 0;
  for (const chunk of chunks(claims)) {
    reader.push(chunk);
    if (++n % 16 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
  }
  reader.end();
  const ms = performance.now() - t0;
  peak = Math.max(peak, process.memoryUsage().heapUsed);
  gc();
  const retained = process.memoryUsage().heapUsed - heap0;
  return { ms, matched, heapMb: +((peak - heap0) / 1048576).toFixed(1), retainedMb: +(retained / 1048576).toFixed(1) };
}

function baselineSplit(claims: number): number {
  const t0 = performance.now();
  let elements = 0;
  let rest = '';
  for (const chunk of chunks(claims)) {
    const parts = (rest + chunk).split('~');
    rest = parts.pop() ?? '';
    for (const p of parts) elements += p.split('*').length;
  }
  if (elements < 0) throw new Error('unreachable');
  return performance.now() - t0;
}

export async function benchRemit(): Promise<Record<string, unknown>> {
  const directory = folder(10_000);
  readOnce(1_000, directory, false); // warm up
  const small = readOnce(1_000, directory, false);
  const big = readOnce(10_000, directory, false);
  const base = baselineSplit(10_000);
  return {
    remit: {
      claims: 10_000,
      matched: big.matched,
      seconds: +(big.ms / 1000).toFixed(2),
      claimsPerSecond: Math.round(10_000 / (big.ms / 1000)),
      ratioToSplitBaseline: +(big.ms / base).toFixed(1),
      peakHeapGrowthMb: { claims1000: small.heapMb, claims10000: big.heapMb },
      retainedHeapMb: { claims1000: small.retainedMb, claims10000: big.retainedMb },
      target: '< 5 s for 10,000 claims; retained heap about the same at 1,000 and 10,000 claims (peak includes garbage awaiting collection)',
    },
  };
}
