// CMS place-of-service codes as an HL7 FHIR CodeSystem (XML): <CodeSystem> with <version value>,
// then <concept><code value/><display value/><definition value/></concept> per code.
import { SaxesParser } from 'saxes';
import { decodeChunks } from '../text';
import { ImportError, type CodeRow, type ImportFile } from '../types';

export interface FhirCodeSystem {
  url?: string;
  version?: string;
  title?: string;
  concepts: { code: string; display: string; definition?: string }[];
}

export function looksLikePosCodeSystem(head: string): boolean {
  return /<CodeSystem\b[^>]*xmlns="http:\/\/hl7\.org\/fhir"/.test(head) && /place[\s_-]*of[\s_-]*service/i.test(head);
}

export function readFhirCodeSystem(file: ImportFile): FhirCodeSystem {
  const out: FhirCodeSystem = { concepts: [] };
  const path: string[] = [];
  let concept: { code?: string; display?: string; definition?: string } | undefined;
  let root: string | undefined;
  const parser = new SaxesParser({ xmlns: false });
  parser.on('opentag', (t) => {
    if (!root) root = t.name;
    const value = typeof t.attributes['value'] === 'string' ? (t.attributes['value'] as string) : undefined;
    const parent = path[path.length - 1];
    if (t.name === 'concept') concept = {};
    else if (parent === 'concept' && concept && value !== undefined && (t.name === 'code' || t.name === 'display' || t.name === 'definition')) concept[t.name] = value;
    else if (path.length === 1 && value !== undefined && (t.name === 'url' || t.name === 'version' || t.name === 'title')) out[t.name] = value;
    if (!t.isSelfClosing) path.push(t.name);
  });
  parser.on('closetag', (t) => {
    if (!t.isSelfClosing) path.pop();
    if (t.name === 'concept' && concept) {
      if (concept.code) out.concepts.push({ code: concept.code, display: concept.display ?? '', definition: concept.definition });
      concept = undefined;
    }
  });
  try {
    for (const chunk of decodeChunks(file.bytes, 'utf-8')) parser.write(chunk);
    parser.close();
  } catch (e) {
    throw new ImportError(`the XML is truncated or not well-formed (${e instanceof Error ? e.message : String(e)}).`, file.name, parser.line);
  }
  if (root !== 'CodeSystem') throw new ImportError(`expected a FHIR CodeSystem XML document, found <${root ?? 'nothing'}>.`, file.name);
  return out;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** "(Effective October 1, 2003)" in a CMS definition -> 2003-10-01. */
export function effectiveDateIn(definition: string | undefined): string | undefined {
  const m = /effective\s+(\w+)\s+(\d{1,2}),\s*(\d{4})/i.exec(definition ?? '');
  const month = m ? MONTHS.indexOf(m[1]!.toLowerCase()) + 1 : 0;
  return m && month > 0 ? `${m[3]}-${String(month).padStart(2, '0')}-${m[2]!.padStart(2, '0')}` : undefined;
}

export function posRow(code: string, display: string, definition?: string): CodeRow {
  const effectiveDate = effectiveDateIn(definition);
  return {
    code,
    display: code,
    kind: 'pos',
    billable: true,
    shortTitle: display,
    longTitle: definition || display,
    ...(effectiveDate ? { extra: { effectiveDate } } : {}),
  };
}
