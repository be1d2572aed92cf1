// CPT importer for a user-licensed file, plus the built-in numbers-only table.
import { ImportError, type Importer } from '../types';
import { cptRows, looksLikeCptFile } from './licensed';

export { builtinCptCodes, builtinCptModifiers } from './builtin';

/** Version from the name when it holds a year (cpt_2025.txt -> "2025", calendar year); else the file's own name, undated. */
export function cptRelease(name: string, options: { version?: string; effectiveFrom?: string; effectiveTo?: string }): { version: string; effectiveFrom?: string; effectiveTo?: string } {
  const base = name.split(/[!/\\]/).pop() ?? name;
  const year = /(?:^|[^0-9])(20\d\d)(?![0-9])/.exec(base)?.[1];
  return {
    version: options.version ?? year ?? base.replace(/\.[^.]+$/, ''),
    effectiveFrom: options.effectiveFrom ?? (year ? `${year}-01-01` : undefined),
    effectiveTo: options.effectiveTo ?? (year ? `${year}-12-31` : undefined),
  };
}

export const cptLicensedImporter: Importer = {
  kind: 'cpt-licensed',
  label: 'CPT codes from a licensed file',
  detect: (_name, head) => looksLikeCptFile(head),
  run: async (file, sink, sha256, options) => {
    if (file.bytes.length === 0) throw new ImportError('the file is empty.', file.name);
    const release = cptRelease(file.name, options);
    let setId = -1;
    let codes = 0;
    for (const row of cptRows(file)) {
      if (setId < 0) setId = sink.beginSet({ system: 'cpt', ...release, source: { name: file.name, sha256, kind: 'cpt-licensed', bytes: file.bytes.length } });
      sink.code(setId, row);
      codes++;
    }
    options.onProgress?.(1);
    return { kind: 'cpt-licensed', file: file.name, system: 'cpt', version: release.version, counts: { codes, billable: codes } };
  },
};

export const cptImporters: Importer[] = [cptLicensedImporter];
