// Place-of-service importer (FHIR CodeSystem XML) and the built-in table used without one.
import { ImportError, type Importer } from '../types';
import { looksLikePosCodeSystem, posRow, readFhirCodeSystem } from './fhir';

export { builtinPlaceOfService } from './builtin';

export const posFhirImporter: Importer = {
  kind: 'pos-fhir-xml',
  label: 'CMS place-of-service codes (FHIR CodeSystem XML)',
  detect: (_name, head) => looksLikePosCodeSystem(head),
  run: async (file, sink, sha256, options) => {
    const cs = readFhirCodeSystem(file);
    const bad = cs.concepts.find((c) => !/^\d{2}$/.test(c.code));
    if (bad) throw new ImportError(`concept code "${bad.code}" is not a two-digit place-of-service code.`, file.name);
    if (cs.concepts.length === 0) throw new ImportError('the CodeSystem holds no <concept> elements. Expected the CMS place-of-service CodeSystem.', file.name);
    const version = options.version ?? cs.version;
    if (!version) throw new ImportError('the CodeSystem has no <version>. Pass a version.', file.name);
    // POS codes have no release period: each code carries its own "(Effective ...)" date.
    const setId = sink.beginSet({
      system: 'pos',
      version,
      effectiveFrom: options.effectiveFrom,
      effectiveTo: options.effectiveTo,
      source: { name: file.name, sha256, kind: 'pos-fhir-xml', bytes: file.bytes.length },
    });
    for (const c of cs.concepts) sink.code(setId, posRow(c.code, c.display, c.definition));
    options.onProgress?.(1);
    return { kind: 'pos-fhir-xml', file: file.name, system: 'pos', version, counts: { codes: cs.concepts.length, billable: cs.concepts.length } };
  },
};

export const posImporters: Importer[] = [posFhirImporter];
