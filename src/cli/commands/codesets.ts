// `medcode codesets import|info|download`: build and inspect the code-set database.
import { basename, resolve } from 'node:path';
import { flagBool, flagString, UsageError, type CliCommand, type CliIO, type ParsedArgs } from '../command';
import { dbPathFromArgs, openIndexAt } from '../openIndex';
import { importCodesetFiles, releaseFilesIn, type CodesetImportResult } from '../../node/codesetImport';
import type { StoreFileOps } from '../../node/store';
import { withDownloadedReleases } from '../../node/download';

const USAGE = `Usage:
  medcode codesets import <files, folders or zips...> [--db PATH] [--version LABEL] [--effective-from YYYY-MM-DD] [--effective-to YYYY-MM-DD] [--json]
  medcode codesets info [--db PATH] [--json]
  medcode codesets download [--year YYYY] [--db PATH] [--base-url URL] [--manifest FILE] [--allow-http]

import detects each file's kind by its content (ICD-10-CM tabular/order/index/drug/neoplasm/eindex,
HCPCS TXT/xlsx, NCCI PTP/MUE/add-on, MCE, place of service, CMS-HCC risk-adjustment tables, a licensed CPT file) and writes the
database atomically: on any error the existing database is left as it was.
download fetches over https only (--allow-http for a local mirror you trust), verifies each file
(SHA-256 when the manifest gives one), imports, and removes the downloaded files.`;

/** Prints "importing <file> (<kind>)" as each file starts. */
export function announceFiles(io: CliIO): (path: string, label: string) => void {
  return (path, label) => io.stderr(`importing ${basename(path)} (${label})\n`);
}

/** Imports into the database on disk, telling the user what happens (files started, waits, damage set aside). */
export async function importFiles(
  paths: string[], dbPath: string, io: CliIO,
  options: { version?: string; effectiveFrom?: string; effectiveTo?: string; json?: boolean; quiet?: boolean; fileOps?: StoreFileOps; lockWaitMs?: number } = {},
): Promise<CodesetImportResult> {
  const { json, quiet, ...rest } = options;
  return importCodesetFiles(paths, dbPath, { ...rest, ...(json || quiet ? {} : { onFile: announceFiles(io) }), onNotice: (m) => io.stderr(m) });
}

async function runImport(args: ParsedArgs, io: CliIO): Promise<number> {
  if (args.positionals.length === 0) throw new UsageError(`name the files to import.\n${USAGE}`);
  const dbPath = dbPathFromArgs(args, io);
  const paths = releaseFilesIn(args.positionals, io.cwd);
  const json = flagBool(args, 'json');
  const version = flagString(args, 'version');
  const effectiveFrom = flagString(args, 'effective-from');
  const effectiveTo = flagString(args, 'effective-to');
  const r = await importFiles(paths, dbPath, io, { json, ...(version ? { version } : {}), ...(effectiveFrom ? { effectiveFrom } : {}), ...(effectiveTo ? { effectiveTo } : {}) });
  if (json) {
    io.stdout(JSON.stringify({ db: dbPath, seconds: r.seconds, bytes: r.bytes, ptpBytes: r.ptpBytes ?? null, imported: r.report.imported, skipped: r.report.skipped }, null, 2) + '\n');
  } else {
    for (const i of r.report.imported) {
      const counts = Object.entries(i.counts).filter(([, v]) => v !== undefined).map(([k, v]) => `${k} ${v!.toLocaleString('en-US')}`).join(', ');
      io.stdout(`${i.system} ${i.version}  ${basename(i.file)}: ${counts}\n`);
    }
    for (const s of r.report.skipped) io.stdout(`skipped ${basename(s.file)}: ${s.reason}\n`);
    io.stdout(`wrote ${dbPath} (${(r.bytes / 1e6).toFixed(1)} MB${r.ptpBytes ? `; PTP ${(r.ptpBytes / 1e6).toFixed(1)} MB` : ''}) in ${r.seconds.toFixed(1)} s\n`);
  }
  return 0;
}

async function runInfo(args: ParsedArgs, io: CliIO): Promise<number> {
  const dbPath = dbPathFromArgs(args, io);
  const index = await openIndexAt(dbPath);
  try {
    const sets = index.sets().map((s) => ({
      system: s.system, version: s.version, ...(s.variant ? { variant: s.variant } : {}),
      effectiveFrom: s.effectiveFrom ?? null, effectiveTo: s.effectiveTo ?? null, importedAt: s.importedAt,
      sources: s.sources, counts: s.counts,
    }));
    if (flagBool(args, 'json')) {
      io.stdout(JSON.stringify({ db: dbPath, sets }, null, 2) + '\n');
    } else {
      io.stdout(`${dbPath}\n`);
      for (const s of sets) {
        const counts = Object.entries(s.counts).map(([k, v]) => `${k} ${v.toLocaleString('en-US')}`).join(', ');
        io.stdout(`  ${s.system.padEnd(10)} ${s.version.padEnd(9)} ${(s.variant ?? '').padEnd(20)} ${s.effectiveFrom ?? '?'}..${s.effectiveTo ?? ''}  ${counts}\n`);
        for (const src of s.sources) io.stdout(`      ${basename(src.name)} sha256 ${src.sha256.slice(0, 16)}...\n`);
      }
    }
  } finally {
    index.close();
  }
  return 0;
}

async function runDownload(args: ParsedArgs, io: CliIO): Promise<number> {
  const dbPath = dbPathFromArgs(args, io);
  const year = flagString(args, 'year') ?? String(new Date().getFullYear() + (new Date().getMonth() >= 9 ? 1 : 0));
  if (!/^\d{4}$/.test(year)) throw new UsageError(`--year takes a four-digit year, not "${year}".`);
  const r = await withDownloadedReleases({
    year,
    ...(flagString(args, 'base-url') ? { baseUrl: flagString(args, 'base-url')! } : {}),
    ...(flagString(args, 'manifest') ? { manifestPath: resolve(io.cwd, flagString(args, 'manifest')!) } : {}),
    allowHttp: flagBool(args, 'allow-http'),
    progress: (t) => io.stderr(t),
  }, (files) => importFiles(files, dbPath, io));
  for (const i of r.report.imported) io.stdout(`${i.system} ${i.version}  ${basename(i.file)}\n`);
  io.stdout(`wrote ${dbPath} in ${r.seconds.toFixed(1)} s\n`);
  return 0;
}

export const command: CliCommand = {
  name: 'codesets',
  summary: 'import, download or describe the code-set database (ICD-10-CM, HCPCS, NCCI, MCE, POS, CPT)',
  usage: USAGE,
  async run(args, io) {
    const [sub, ...rest] = args.positionals;
    const subArgs = { ...args, positionals: rest };
    switch (sub) {
      case 'import': return runImport(subArgs, io);
      case 'info': return runInfo(subArgs, io);
      case 'download': return runDownload(subArgs, io);
      default: throw new UsageError(`unknown subcommand "${sub ?? ''}".\n${USAGE}`);
    }
  },
};
