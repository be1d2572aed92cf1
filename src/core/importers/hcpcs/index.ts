// HCPCS Level II importers: the contractor fixed-width text, the ANWEB spreadsheet and the
// derived modifiers CSV. Each writes procedures to a 'hcpcs' set and modifiers to a 'modifier' set.
import type { Importer } from '../types';
import { emitHcpcs } from './emit';
import { contractorRecords, looksLikeContractorFile } from './fixedWidth';
import { hasModifiersCsvHeader, modifierCsvRecords } from './modifiersCsv';
import { baseName } from './release';
import { anwebRecords, hasAnwebHeader } from './spreadsheet';

const ZIP_MAGIC = 'PK\u0003\u0004';

export const hcpcsTextImporter: Importer = {
  kind: 'hcpcs-txt',
  label: 'HCPCS Level II contractor file (fixed width)',
  detect: (_name, head) => looksLikeContractorFile(head),
  run: async (file, sink, sha256, options) => emitHcpcs(file, [...contractorRecords(file.bytes, file.name)], sink, sha256, 'hcpcs-txt', options),
};

export const hcpcsSpreadsheetImporter: Importer = {
  kind: 'hcpcs-xlsx',
  label: 'HCPCS Level II ANWEB spreadsheet',
  // Decided by the header row when the caller shows the sheet's first rows (contentHead);
  // from raw zip bytes only the CMS file name (…ANWEB.xlsx) can tell.
  detect: (name, head) => hasAnwebHeader(head) || (head.startsWith(ZIP_MAGIC) && /ANWEB[^!/]*\.xlsx$/i.test(baseName(name))),
  run: async (file, sink, sha256, options) => emitHcpcs(file, [...anwebRecords(file)], sink, sha256, 'hcpcs-xlsx', options),
};

export const hcpcsModifiersCsvImporter: Importer = {
  kind: 'hcpcs-modifiers-csv',
  label: 'HCPCS Level II modifiers (derived CSV)',
  detect: (_name, head) => hasModifiersCsvHeader(head),
  run: async (file, sink, sha256, options) => emitHcpcs(file, modifierCsvRecords(file), sink, sha256, 'hcpcs-modifiers-csv', options),
};

export const hcpcsImporters: Importer[] = [hcpcsTextImporter, hcpcsSpreadsheetImporter, hcpcsModifiersCsvImporter];
