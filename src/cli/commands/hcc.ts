// `medcode hcc <claim files or folders...> --year 2026 [--model V28] [--json]`: CMS-HCC risk scores
// per patient from the claims given, with the claims left out and why.
import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseNote } from '../../core/note';
import { conditionSpans, meatSupport, type EvidencedCode } from '../../core/riskadjust/meat';
import { namingSpans } from '../../core/riskadjust/mentions';
import { MODELS } from '../../core/riskadjust/models';
import { groupClaims, type ClaimInputFile } from '../../core/riskadjust/patients';
import { riskAdjustmentOf } from '../../core/riskadjust/read';
import { patientReport, type HccPatientReport } from '../../core/riskadjust/report';
import type { PaymentFactors } from '../../core/riskadjust/score';
import { categoriesOf, type RiskModelTables } from '../../core/riskadjust/tables';
import type { SqlCodesetIndex } from '../../core/codeset/index';
import { analyzeNote } from '../../core/suggest/analyze';
import { flagBool, flagString, UsageError, type CliCommand, type CliIO, type ParsedArgs } from '../command';
import { openIndexFromArgs } from '../openIndex';
import { noteTextFor, readJsonFile } from './check';

const USAGE = `Usage: medcode hcc <claim files or folders...> --year YYYY [--model V28|V24] [--json] [--db PATH]
                  [--normalization FACTOR] [--coding-adjustment FRACTION]

CMS-HCC risk score per patient for a payment year from the claims given (folders are read for
*.json claim files). Only claims of the year before the payment year with a face-to-face line
on the year's eligible CPT/HCPCS list count; the others are listed with the reason. The
demographic cell comes from patient.birthDate (age on 1 February of the payment year),
patient.sex and patient.riskAdjustment {dualStatus none|full|partial, originallyDisabled,
institutional, newEnrollee}; absent fields default to community, non-dual, continuing enrollee,
aged or disabled by age. --normalization and --coding-adjustment (e.g. 0.059) add the normalized
and coding-adjusted scores; MedCode never guesses them. --json prints one object per patient:
{patient, year, model, segment, demographic: {cell, factor}, hccs: [{category, label, factor,
codes, supported}], dropped: [{category, by}], interactions: [{name, factor}], counts: {name,
factor}, raw, claimsUsed, claimsSkipped, factors, defaults}.`;

function claimFiles(paths: string[], cwd: string): string[] {
  const out: string[] = [];
  for (const p of paths) {
    const full = resolve(cwd, p);
    let st;
    try {
      st = statSync(full);
    } catch {
      throw new UsageError(`${p}: no such file or folder.`);
    }
    if (!st.isDirectory()) { out.push(full); continue; }
    const walk = (d: string) => {
      for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
        const f = join(d, e.name);
        if (e.isDirectory()) { if (!e.name.startsWith('.') && e.name !== 'node_modules') walk(f); }
        else if (e.name.endsWith('.json') && !e.name.endsWith('.schema.json')) out.push(f);
      }
    };
    walk(full);
  }
  return out;
}

function factorFlag(args: ParsedArgs, name: string, percentAllowed: boolean): number | undefined {
  const v = flagString(args, name);
  if (v === undefined) return undefined;
  const m = /^(\d+(?:\.\d+)?)(%?)$/.exec(v.trim());
  const n = m ? Number(m[1]) / (m[2] ? 100 : 1) : NaN;
  if (!Number.isFinite(n) || n <= 0 || (percentAllowed && n >= 1)) {
    throw new UsageError(`--${name} takes ${percentAllowed ? 'a fraction such as 0.059 (or 5.9%)' : 'a positive factor such as 1.045'}, not "${v}".`);
  }
  return n;
}

/** MEAT support of the claim's HCC diagnoses in its linked note; codes are left out when there is nothing to check them against. */
function supportOf(index: SqlCodesetIndex, tables: RiskModelTables, json: unknown, noteText: string | undefined): Map<string, boolean> | undefined {
  if (noteText === undefined) return undefined;
  const claim = json as { diagnoses?: { code?: unknown; evidence?: { start?: unknown; end?: unknown }[] }[]; encounter?: { dateOfService?: unknown; setting?: unknown } };
  const dxs = (Array.isArray(claim.diagnoses) ? claim.diagnoses : []).flatMap((d) => {
    if (typeof d?.code !== 'string') return [];
    const spans = (Array.isArray(d.evidence) ? d.evidence : []).filter((e): e is { start: number; end: number } => typeof e?.start === 'number' && typeof e?.end === 'number');
    return [{ code: d.code.replace(/[.\s]/g, '').toUpperCase(), spans }];
  }).filter((d) => categoriesOf(tables, d.code).length > 0);
  if (dxs.length === 0) return undefined;
  let suggestions: EvidencedCode[] = [];
  if (dxs.some((d) => d.spans.length === 0)) {
    try {
      suggestions = analyzeNote(index, noteText).suggestions.filter((s) => s.system === 'icd10cm');
    } catch {
      // Without an analysis only the claim's own evidence spans can be checked.
    }
  }
  const note = parseNote(noteText);
  const setting = claim.encounter?.setting === 'inpatient' ? 'inpatient' : 'outpatient';
  const out = new Map<string, boolean>();
  const date = typeof claim.encounter?.dateOfService === 'string' ? claim.encounter.dateOfService : undefined;
  for (const d of dxs) {
    let spans = conditionSpans(d.code, d.spans, suggestions, tables);
    if (spans.length === 0) spans = namingSpans(index, note, d.code, date);
    if (spans.length === 0 && suggestions.length === 0) continue;
    out.set(d.code, meatSupport(note, spans, setting).supported);
  }
  return out;
}

function printText(io: CliIO, reports: HccPatientReport[]): void {
  for (const r of reports) {
    io.stdout(`${r.patient}  payment year ${r.year}, ${r.model}\n`);
    if (r.error) io.stdout(`  not scored: ${r.error}\n`);
    else {
      io.stdout(`  segment ${r.segment}; demographic ${r.demographic!.cell} ${r.demographic!.factor.toFixed(3)}\n`);
      for (const h of r.hccs) io.stdout(`  ${h.category.padEnd(7)} ${h.factor.toFixed(3)}  ${h.label} (${h.codes.join(', ')})${h.supported === false ? '  NOT SUPPORTED in the note' : h.supported === null ? '  support not checked' : ''}\n`);
      for (const d of r.dropped) io.stdout(`  ${d.category} dropped by ${d.by} (hierarchy)\n`);
      for (const i of r.interactions) io.stdout(`  ${i.name} ${i.factor.toFixed(3)}\n`);
      if (r.counts) io.stdout(`  ${r.counts.name} (payment HCC count) ${r.counts.factor.toFixed(3)}\n`);
      io.stdout(`  raw ${r.raw!.toFixed(3)}${r.normalized !== undefined ? `, normalized ${r.normalized.toFixed(3)}` : ''}${r.codingAdjusted !== undefined ? `, coding-adjusted ${r.codingAdjusted.toFixed(3)}` : ''}\n`);
    }
    if (r.defaults.length > 0) io.stdout(`  defaults: ${r.defaults.join('; ')}\n`);
    io.stdout(`  claims used: ${r.claimsUsed.length}\n`);
    for (const s of r.claimsSkipped) io.stdout(`  skipped ${s.claim}: ${s.reason}\n`);
  }
}

export const command: CliCommand = {
  name: 'hcc',
  summary: 'CMS-HCC risk scores per patient from claims (V28/V24), with the claims left out and why',
  usage: USAGE,
  async run(args, io) {
    if (args.positionals.length === 0) throw new UsageError(`give one or more claim files or folders.\n${USAGE}`);
    const yearText = flagString(args, 'year');
    if (!yearText || !/^\d{4}$/.test(yearText)) throw new UsageError(`name the payment year with --year YYYY (e.g. --year 2026)${yearText ? `, not "${yearText}"` : ''}.`);
    const year = Number(yearText);
    const model = (flagString(args, 'model') ?? 'V28').toUpperCase();
    if (!MODELS[model]) throw new UsageError(`--model takes ${Object.keys(MODELS).join(' or ')}, not "${model}".`);
    const factors: PaymentFactors = {};
    const normalization = factorFlag(args, 'normalization', false);
    const codingAdjustment = factorFlag(args, 'coding-adjustment', true);
    if (normalization !== undefined) factors.normalization = normalization;
    if (codingAdjustment !== undefined) factors.codingAdjustment = codingAdjustment;
    const paths = claimFiles(args.positionals, io.cwd);
    if (paths.length === 0) throw new UsageError(`no claim files (*.json) in ${args.positionals.join(', ')}.`);

    const index = await openIndexFromArgs(args, io);
    let reports: HccPatientReport[];
    try {
      const risk = riskAdjustmentOf(index);
      if (!risk) throw new UsageError('no CMS-HCC tables are imported. Import them with `medcode codesets import <folder of ra_*.csv files>` (e.g. ../shared/riskadjust).');
      const tables = risk.tablesFor(year, model);
      if (!tables) throw new UsageError(`no ${model} mapping is imported (payment years imported: ${risk.years().join(', ') || 'none'}).`);
      for (const s of tables.sources) {
        if (s.version !== `PY${year}` && s.version !== 'undated') io.stderr(`note: payment year ${year} has no ${s.table} table imported; using the one of ${s.version}.\n`);
      }
      const files: ClaimInputFile[] = [];
      for (const path of paths) {
        const shown = relative(io.cwd, path) || path;
        let json: unknown;
        try {
          json = readJsonFile(path, shown);
        } catch (e) {
          io.stderr(`skipped ${shown}: ${(e as Error).message}\n`);
          continue;
        }
        const support = supportOf(index, tables, json, noteTextFor(path, json, undefined, io.cwd));
        files.push({ name: shown, json, ...(support ? { support } : {}) });
      }
      const { patients, unreadable } = groupClaims(files, year, tables.eligible);
      for (const u of unreadable) io.stderr(`skipped ${u.claim}: ${u.reason}\n`);
      reports = patients.map((p) => patientReport(p, tables, factors));
    } finally {
      index.close();
    }
    if (flagBool(args, 'json')) io.stdout(`${JSON.stringify(reports, null, 2)}\n`);
    else printText(io, reports);
    return 0;
  },
};
