// Imports a batch of files: expands zips, detects each file's kind by content, runs its importer
// into the writer. All or nothing: the caller writes the database only when every file succeeded.
import type { CodesetWriter } from '../codeset/writer';
import { contentHead } from './head';
import { gunzipBytes, isGzip } from './gzip';
import { LineTooLongError, sha256Hex } from './text';
import { ImportError, type ImportFile, type ImportOptions, type ImportResult, type Importer } from './types';
import { expandZip, isZip, isXlsx } from './zip';

export interface BatchReport {
  imported: ImportResult[];
  /** Files skipped with the reason (already imported, archive members that are documentation). */
  skipped: { file: string; reason: string }[];
}

/** Importers that read a gzipped table as a stream themselves (NCCI tables run to hundreds of MB). */
const STREAMS_GZIP = new Set(['ncci-ptp', 'ncci-mue', 'ncci-addon']);

/** Zip members that are documentation, not data: skipped without complaint. */
const DOCUMENTATION = /\.(pdf|docx?|rtf|htm|html|md|readme)$|(^|[!/])readme[^!/]*$/i;

export function detectImporter(importers: Importer[], name: string, head: string): Importer | undefined {
  return importers.find((i) => i.detect(name, head));
}

export async function importBatch(
  files: ImportFile[],
  writer: CodesetWriter,
  importers: Importer[],
  options: ImportOptions & { onFile?: (name: string, label: string) => void } = {},
): Promise<BatchReport> {
  const report: BatchReport = { imported: [], skipped: [] };
  const work: { file: ImportFile; importer: Importer; fromArchive: boolean }[] = [];
  for (const file of files) {
    if (file.bytes.length === 0) throw new ImportError('the file is empty. Nothing was imported.', file.name);
    const fromArchive = isZip(file.bytes) && !isXlsx(file.bytes);
    const members = expandZip(file);
    let matched = 0;
    for (const member of members) {
      const importer = detectImporter(importers, member.name, contentHead(member.name, member.bytes));
      if (importer) {
        work.push({ file: member, importer, fromArchive });
        matched++;
      } else if (fromArchive) {
        report.skipped.push({ file: member.name, reason: DOCUMENTATION.test(member.name) ? 'documentation' : 'not a code-set layout MedCode reads' });
      } else {
        throw new ImportError(
          `not a code-set file MedCode recognizes. Accepted: ${[...new Set(importers.map((i) => i.label))].join('; ')}.`,
          file.name,
        );
      }
    }
    // An HCPCS release zip carries the same release as fixed-width text and as a spreadsheet: read the text once.
    const inThisFile = work.filter((w) => members.includes(w.file));
    if (inThisFile.some((w) => w.importer.kind === 'hcpcs-txt')) {
      for (const w of inThisFile.filter((x) => x.importer.kind === 'hcpcs-xlsx')) {
        work.splice(work.indexOf(w), 1);
        report.skipped.push({ file: w.file.name, reason: 'same release as the fixed-width HCPCS file in this archive' });
      }
    }
    if (fromArchive && matched === 0) {
      throw new ImportError('the archive holds no code-set file MedCode recognizes (members: ' + members.map((m) => m.name.split('!').pop()).join(', ') + ').', file.name);
    }
  }
  writer.begin();
  try {
    for (const { file, importer } of work) {
      const sha256 = await sha256Hex(file.bytes);
      if (writer.hasSource(sha256)) {
        report.skipped.push({ file: file.name, reason: 'already imported (same SHA-256)' });
        continue;
      }
      options.onFile?.(file.name, importer.label);
      writer.takeBegunSets();
      let result: ImportResult;
      try {
        // Other importers read bytes: a gzipped file (mce.csv.gz) is inflated for them; its SHA-256 stays the file's.
        const input = isGzip(file.bytes) && !STREAMS_GZIP.has(importer.kind) ? { name: file.name, bytes: gunzipBytes(file.bytes, file.name) } : file;
        result = await importer.run(input, writer, sha256, options);
      } catch (e) {
        if (e instanceof LineTooLongError) throw new ImportError(e.message.replace(/^line \d+ is/, 'this line is'), file.name, e.lineNo);
        throw e;
      }
      for (const id of writer.takeBegunSets()) writer.recordResult(id, file.name, result);
      report.imported.push(result);
    }
    writer.finalize();
    writer.commit();
  } catch (e) {
    writer.rollback();
    throw e;
  }
  return report;
}
