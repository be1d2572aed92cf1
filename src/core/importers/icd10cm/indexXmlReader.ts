// Streams any of the CDC Alphabetic Index XML files (<ICD10CM.index>: main index, External Cause
// Index, Table of Drugs, Neoplasm Table) into IndexEntryRows, one per mainTerm and term, each
// with its full path. The four share one schema (icd10cm-index.xsd); tables add <cell col="n">.
import type { ImportCounts, ImportFile, ImportKind, ImportOptions, ImportResult, ImportSink, IndexEntryRow, IndexSource } from '../types';
import { ImportError } from '../types';
import { normalizeCode } from '../../codes';
import { ICD_CODE } from './hierarchy';
import { fiscalYearFromText, resolveVersion } from './version';
import { squash, streamXml, XmlContentError } from './xmlStream';

const ROOT = 'ICD10CM.index';
const ENTRY_FIELDS: ReadonlySet<string> = new Set(['see', 'seeAlso', 'code', 'seecat', 'subcat', 'manif', 'warning', 'cell']);

export type TableKind = 'drug' | 'neoplasm';

/** What the file says it is: a table by its first column heading, an index by its title. */
export function classifyIndexXml(head: string): IndexSource | undefined {
  if (!/<ICD10CM\.index[\s>]/.test(head)) return undefined;
  const firstHead = head.match(/<head\s+col="1"\s*>([^<]*)</);
  if (firstHead) {
    if (/substance|drug/i.test(firstHead[1]!)) return 'drug';
    if (/neoplasm/i.test(firstHead[1]!)) return 'neoplasm';
    return undefined;
  }
  if (/<indexHeading[\s>]/.test(head)) return undefined;
  const title = head.match(/<ICD10CM\.index[^>]*>\s*(?:<version>[^<]*<\/version>\s*)?<title>([^<]*)</);
  if (title && /external\s+cause/i.test(title[1]!)) return 'eindex';
  return 'index';
}

const SOURCE_LABEL: Record<IndexSource, string> = {
  index: 'Alphabetic Index to Diseases and Injuries',
  eindex: 'External Cause of Injuries Index',
  drug: 'Table of Drugs and Chemicals',
  neoplasm: 'Neoplasm Table',
};

interface Frame {
  term: string;
  nemod: string;
  level: number;
  path: string;
  code?: string;
  see?: string;
  seeAlso?: string;
  codes?: Record<string, string>;
  emitted: boolean;
}

export interface IndexXmlSpec {
  source: IndexSource;
  kind: ImportKind;
  /** Tables: turns the heading text of a column into the name its codes are stored under. */
  columnName?: (heading: string, col: number) => string;
}

export function importIndexXml(spec: IndexXmlSpec, file: ImportFile, sink: ImportSink, sha256: string, options: ImportOptions): Promise<ImportResult> {
  const counts: ImportCounts = { indexEntries: 0, mainTerms: 0, subTerms: 0, withCode: 0, see: 0, seeAlso: 0 };
  const result: ImportResult = { kind: spec.kind, file: file.name, system: 'icd10cm', version: '', counts };
  const elements: string[] = [];
  const frames: Frame[] = [];
  const columns = new Map<number, string>();
  let setId: number | undefined;
  let version: string | undefined;
  let field: string | undefined;
  let fieldCol = 0;
  let buffer = '';
  let title = '';
  let nemod = '';
  let inTitle = false;
  let inNemod = false;
  let inOld = false;
  let docTitle = '';

  const ensureSet = (): number => {
    if (setId === undefined) {
      checkKind();
      const v = resolveVersion(file, options, fiscalYearFromText(version));
      result.version = v.version;
      setId = sink.beginSet({
        system: 'icd10cm', version: v.version, effectiveFrom: v.effectiveFrom, effectiveTo: v.effectiveTo,
        source: { name: file.name, sha256, kind: spec.kind, bytes: file.bytes.length },
      });
    }
    return setId;
  };

  // Refuses a file of another index kind, by its column headings or title.
  const checkKind = () => {
    const col1 = columns.get(1);
    const actual: IndexSource = col1 !== undefined
      ? (/substance|drug/i.test(col1) ? 'drug' : /neoplasm/i.test(col1) ? 'neoplasm' : spec.source)
      : /external\s+cause/i.test(docTitle) ? 'eindex' : spec.source === 'eindex' && /index to diseases/i.test(docTitle) ? 'index' : spec.source;
    if (actual !== spec.source) {
      throw new XmlContentError(`this is the ICD-10-CM ${SOURCE_LABEL[actual]}, not the ${SOURCE_LABEL[spec.source]}; import it as the kind of file it is.`);
    }
  };

  const emit = (f: Frame) => {
    if (f.emitted) return;
    f.emitted = true;
    if (!f.term) throw new XmlContentError('an index entry has an empty <title>; the index XML is damaged.');
    const row: IndexEntryRow = { source: spec.source, path: f.path, term: f.term, level: f.level };
    if (f.nemod) row.nemod = f.nemod;
    if (f.code) row.code = f.code;
    if (f.see) row.see = f.see;
    if (f.seeAlso) row.seeAlso = f.seeAlso;
    if (f.codes) row.codes = f.codes;
    sink.indexEntry(ensureSet(), row);
    counts.indexEntries!++;
    if (f.level === 0) counts.mainTerms!++;
    else counts.subTerms!++;
    if (f.code || f.codes) counts.withCode!++;
    if (f.see) counts.see!++;
    if (f.seeAlso) counts.seeAlso!++;
  };

  streamXml(file, {
    open(name, attributes) {
      const parent = elements[elements.length - 1];
      elements.push(name);
      if (parent === undefined) {
        if (name !== ROOT) throw new XmlContentError(`this is not an ICD-10-CM index XML (its root element is <${name}>, expected <${ROOT}>); import it as the kind of file it is.`);
        return;
      }
      if (name === 'mainTerm' || name === 'term') {
        const enclosing = frames[frames.length - 1];
        if (name === 'term' && !enclosing) throw new XmlContentError('a <term> appears outside any <mainTerm>; the index XML is damaged.');
        if (enclosing) emit(enclosing);
        const declared = Number(attributes.level);
        const level = name === 'mainTerm' ? 0 : Number.isInteger(declared) && declared > 0 ? declared : frames.length;
        frames.push({ term: '', nemod: '', level, path: '', emitted: false });
        return;
      }
      const frame = frames[frames.length - 1];
      if (frame && (parent === 'mainTerm' || parent === 'term')) {
        if (name === 'title' || name === 'diff') { inTitle = true; title = ''; nemod = ''; return; }
        if (ENTRY_FIELDS.has(name)) { field = name; buffer = ''; fieldCol = Number(attributes.col); return; }
      }
      if (inTitle) {
        if (name === 'nemod') inNemod = true;
        else if (name === 'old') inOld = true;
        return;
      }
      if (parent === ROOT && (name === 'version' || name === 'title')) { field = name; buffer = ''; return; }
      if (name === 'head' && parent === 'indexHeading') { field = 'head'; buffer = ''; fieldCol = Number(attributes.col); }
    },
    text(t) {
      if (inTitle) {
        if (inOld) return;
        if (inNemod) nemod += t;
        else title += t;
      } else if (field !== undefined) buffer += t;
    },
    close(name) {
      elements.pop();
      if (inTitle) {
        if (name === 'nemod') inNemod = false;
        else if (name === 'old') inOld = false;
        else if (name === 'title' || name === 'diff') {
          inTitle = false;
          const f = frames[frames.length - 1]!;
          f.nemod = squash(nemod);
          // An entry may consist only of a nonessential modifier: it is then the term itself.
          f.term = squash(title) || f.nemod;
          const parentFrame = frames[frames.length - 2];
          f.path = parentFrame ? `${parentFrame.path} > ${f.term}` : f.term;
        }
        return;
      }
      if (field !== undefined && name === field) {
        field = undefined;
        const value = squash(buffer);
        assignField(name, value);
        return;
      }
      if (name === 'mainTerm' || name === 'term') {
        emit(frames[frames.length - 1]!);
        frames.pop();
      }
    },
  }, options.onProgress);

  if (counts.indexEntries === 0) {
    throw new ImportError(`the ${SOURCE_LABEL[spec.source]} XML contains no index entries; import the complete file as downloaded.`, file.name);
  }
  return Promise.resolve(result);

  function assignField(name: string, value: string) {
    if (name === 'version') { version = value; return; }
    if (name === 'title') { docTitle = value; return; }
    if (name === 'head') {
      if (Number.isInteger(fieldCol)) columns.set(fieldCol, value);
      return;
    }
    const f = frames[frames.length - 1]!;
    switch (name) {
      case 'see': f.see = value; break;
      case 'seeAlso': f.seeAlso = value; break;
      case 'code': f.code = indexCode(value) ?? f.code; break;
      // "see category T71" / "see subcategory T75.0": the partial code the coder continues from.
      case 'seecat': case 'subcat': f.code ??= indexCode(value); break;
      case 'manif': {
        const manif = indexCode(value.replace(/^\[|\]$/g, ''));
        if (manif) (f.codes ??= {}).manifestation = manif;
        break;
      }
      case 'cell': {
        const code = indexCode(value);
        if (!code) break;
        const col = Number.isInteger(fieldCol) ? fieldCol : 0;
        const heading = columns.get(col) ?? `col${col}`;
        (f.codes ??= {})[spec.columnName ? spec.columnName(heading, col) : heading] = code;
        break;
      }
      default: break; // <warning>: free text for the coder, not stored.
    }
  }
}

/** Normalized index code: "C79.8-" -> C798, "E08.-" -> E08; table placeholders ("--", "-") -> undefined. */
export function indexCode(text: string): string | undefined {
  const code = normalizeCode(text.replace(/\.?-+$/, ''));
  return ICD_CODE.test(code) ? code : undefined;
}
