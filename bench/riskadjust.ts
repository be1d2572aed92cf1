// Benchmark of CMS-HCC scoring: 10,000 patients x 5 claims (50,000 claims, 1-4 diagnoses each)
// grouped per patient, checked for risk-adjustment eligibility and scored with the real PY2026
// V28 tables (goal < 10 s). Baseline in the same process: parsing the same claims with the claim
// schema, the step every scoring run starts with.
import { ClaimSchema } from '../src/core/claim/schema';
import { groupClaims } from '../src/core/riskadjust/patients';
import { patientReport } from '../src/core/riskadjust/report';
import { loadRealRiskTables } from '../test/support/riskTables';
import { mulberry32 } from './random';

const DX = ['E11.9', 'E11.22', 'I50.9', 'J44.9', 'N18.4', 'I10', 'F32.A', 'G30.9', 'C50.911', 'D66', 'E78.5', 'M17.11', 'F20.9', 'I48.91', 'Z79.4'];
const PROCS = ['99213', '99214', '99203', '80053', '36415'];
const POS = ['11', '11', '11', '22', '81'];

function generate(patients: number, claimsEach: number, seed = 7): { name: string; json: unknown }[] {
  const rnd = mulberry32(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const out: { name: string; json: unknown }[] = [];
  for (let p = 0; p < patients; p++) {
    const birthDate = `${1930 + Math.floor(rnd() * 70)}-0${1 + Math.floor(rnd() * 9)}-1${Math.floor(rnd() * 9)}`;
    const sex = rnd() < 0.5 ? 'female' : 'male';
    const riskAdjustment = { dualStatus: pick(['none', 'none', 'full', 'partial']), institutional: rnd() < 0.05, originallyDisabled: rnd() < 0.1 };
    for (let c = 0; c < claimsEach; c++) {
      out.push({
        name: `p${p}-c${c}.claim.json`,
        json: {
          schemaVersion: '1',
          encounter: { dateOfService: `2025-0${1 + Math.floor(rnd() * 9)}-15`, placeOfService: pick(POS) },
          patient: { id: `P-${p}`, birthDate, sex, riskAdjustment },
          diagnoses: Array.from({ length: 1 + Math.floor(rnd() * 4) }, () => ({ code: pick(DX), system: 'icd10cm' })),
          lines: [{ code: pick(PROCS), system: 'cpt', units: 1, charge: 100, diagnosisPointers: [1] }],
        },
      });
    }
  }
  return out;
}

export async function benchRiskAdjust(): Promise<Record<string, unknown>> {
  const t0 = performance.now();
  const { risk } = await loadRealRiskTables();
  const tables = risk.tablesFor(2026, 'V28')!;
  const loadMs = performance.now() - t0;
  const files = generate(10_000, 5);

  const b0 = performance.now();
  let parsed = 0;
  for (const f of files) if (ClaimSchema.safeParse(f.json).success) parsed++;
  const baselineMs = performance.now() - b0;

  const s0 = performance.now();
  const { patients } = groupClaims(files, 2026, tables.eligible);
  const reports = patients.map((p) => patientReport(p, tables));
  const scoreMs = performance.now() - s0;
  const raws = reports.map((r) => r.raw ?? 0);
  return {
    patients: reports.length, claims: files.length, claimsParsed: parsed,
    claimsSkipped: reports.reduce((n, r) => n + r.claimsSkipped.length, 0),
    meanRaw: +(raws.reduce((a, b) => a + b, 0) / raws.length).toFixed(3),
    seconds: +(scoreMs / 1000).toFixed(2),
    baselineSchemaParseSeconds: +(baselineMs / 1000).toFixed(2),
    ratioToBaseline: +(scoreMs / baselineMs).toFixed(2),
    tablesImportAndReadSeconds: +(loadMs / 1000).toFixed(2),
    target: '< 10 s',
  };
}
