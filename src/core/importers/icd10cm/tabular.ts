// ICD-10-CM Tabular List XML (CDC <ICD10CM.tabular>, any fiscal year): chapters, sections,
// every <diag> with its notes and 7th-character definitions. Streamed with saxes.
import type { CodeRow, ImportCounts, Importer, ImportFile, ImportOptions, ImportResult, ImportSink, TabularNoteType } from '../types';
import { ImportError } from '../types';
import { normalizeCode } from '../../codes';
import { icdCodeKind } from './hierarchy';
import { parseCodeRefs } from './refs';
import { fiscalYearFromText, resolveVersion } from './version';
import { squash, streamXml, XmlContentError } from './xmlStream';

const ROOT = 'ICD10CM.tabular';
const NOTE_TYPES: ReadonlySet<string> = new Set<TabularNoteType>([
  'inclusionTerm', 'includes', 'excludes1', 'excludes2', 'codeFirst', 'useAdditionalCode', 'codeAlso', 'notes', 'sevenChrNote',
]);
const NODES: ReadonlySet<string> = new Set(['chapter', 'section', 'diag']);

interface Node {
  element: 'chapter' | 'section' | 'diag';
  code: string;
  display: string;
  title: string;
  parent?: string;
  placeholder: boolean;
  hasChildDiag: boolean;
  /** This node defines 7th characters (they apply to every code below it). */
  definesSeventh: boolean;
  emitted: boolean;
}

export const tabularXmlImporter: Importer = {
  kind: 'icd10cm-tabular-xml',
  label: 'ICD-10-CM Tabular List XML',
  detect: (_name, head) => /<ICD10CM\.tabular[\s>]/.test(head),
  run: async (file, sink, sha256, options) => importTabular(file, sink, sha256, options),
};

function importTabular(file: ImportFile, sink: ImportSink, sha256: string, options: ImportOptions): Promise<ImportResult> {
  const counts: ImportCounts = {
    codes: 0, billable: 0, chapters: 0, sections: 0, diags: 0, placeholderDiags: 0, diagElements: 0,
    notes: 0, excludes1: 0, excludes2: 0, sevenChrDef: 0, seventhChars: 0,
  };
  const result: ImportResult = { kind: 'icd10cm-tabular-xml', file: file.name, system: 'icd10cm', version: '', counts };
  let setId: number | undefined;
  let version: string | undefined;
  const elements: string[] = [];
  const nodes: Node[] = [];
  let capture: string | undefined;
  let buffer = '';
  let extensionChar = '';

  const ensureSet = (): number => {
    if (setId === undefined) {
      const v = resolveVersion(file, options, fiscalYearFromText(version));
      setId = sink.beginSet({
        system: 'icd10cm', version: v.version, effectiveFrom: v.effectiveFrom, effectiveTo: v.effectiveTo,
        source: { name: file.name, sha256, kind: 'icd10cm-tabular-xml', bytes: file.bytes.length },
      });
      result.version = v.version;
    }
    return setId;
  };

  const owner = (): Node => {
    const node = nodes[nodes.length - 1];
    if (!node || !node.code) throw new XmlContentError('a note appears before the code it belongs to; the Tabular List XML is damaged.');
    return node;
  };

  const emit = (node: Node) => {
    if (node.emitted) return;
    node.emitted = true;
    let row: CodeRow;
    if (node.element === 'diag') {
      const seventhRequired = node.code.length < 7 && nodes.some((n) => n.definesSeventh);
      const billable = !node.hasChildDiag && !seventhRequired;
      row = { code: node.code, display: node.display, kind: icdCodeKind(node.code, billable), billable, longTitle: node.title, parent: node.parent };
      if (node.placeholder) row.extra = { placeholder: true };
      if (billable) counts.billable!++;
    } else {
      row = { code: node.code, display: node.display, kind: node.element, billable: false, longTitle: node.title, parent: node.parent };
    }
    sink.code(ensureSet(), row);
    counts.codes!++;
  };

  streamXml(file, {
    open(name, attributes) {
      const parent = elements[elements.length - 1];
      elements.push(name);
      if (parent === undefined) {
        if (name !== ROOT) throw new XmlContentError(`this is not an ICD-10-CM Tabular List XML (its root element is <${name}>, expected <${ROOT}>); import it as the kind of file it is.`);
        return;
      }
      if (NODES.has(name)) {
        const enclosing = nodes[nodes.length - 1];
        if (enclosing) {
          if (name === 'diag') enclosing.hasChildDiag = true;
          if (enclosing.element !== 'diag') emit(enclosing);
        }
        const node: Node = {
          element: name as Node['element'], code: '', display: '', title: '', parent: enclosing?.code,
          placeholder: attributes.placeholder === 'true', hasChildDiag: false, definesSeventh: false, emitted: false,
        };
        if (name === 'section') {
          const id = (attributes.id ?? '').trim();
          if (!id) throw new XmlContentError('a <section> has no id attribute; the Tabular List XML is damaged.');
          // A one-category section (id "B10") gets code B10-B10 so it cannot collide with category B10.
          node.code = id.includes('-') ? id.toUpperCase() : `${id.toUpperCase()}-${id.toUpperCase()}`;
          node.display = id;
          counts.sections!++;
        }
        if (name === 'diag') {
          counts.diagElements!++;
          if (node.placeholder) counts.placeholderDiags!++;
          else counts.diags!++;
        }
        if (name === 'chapter') counts.chapters!++;
        nodes.push(node);
        return;
      }
      if ((name === 'name' || name === 'desc') && parent !== undefined && NODES.has(parent)) {
        capture = name; buffer = '';
      } else if (name === 'note' && parent !== undefined && NOTE_TYPES.has(parent) && NODES.has(elements[elements.length - 3] ?? '')) {
        capture = 'note'; buffer = '';
      } else if (name === 'extension' && parent === 'sevenChrDef') {
        capture = 'extension'; buffer = ''; extensionChar = (attributes.char ?? '').trim();
      } else if (name === 'version' && parent === ROOT) {
        capture = 'version'; buffer = '';
      } else if (NOTE_TYPES.has(name) && NODES.has(parent)) {
        if (name === 'excludes1' || name === 'excludes2') counts[name]!++;
      } else if (name === 'sevenChrDef' && parent === 'diag') {
        owner().definesSeventh = true;
        counts.sevenChrDef!++;
      }
    },
    text(t) {
      if (capture !== undefined) buffer += t;
    },
    close(name) {
      elements.pop();
      if (capture === name) {
        capture = undefined;
        const value = squash(buffer);
        if (name === 'version') version = value;
        else if (name === 'name') nameNode(nodes[nodes.length - 1]!, value);
        else if (name === 'desc') nodes[nodes.length - 1]!.title = value;
        else if (name === 'note') writeNote(value);
        else if (name === 'extension') writeSeventh(value);
        return;
      }
      if (NODES.has(name)) {
        const node = nodes[nodes.length - 1]!;
        if (!node.code) throw new XmlContentError(`a <${name}> has no <name>; the Tabular List XML is damaged.`);
        emit(node);
        nodes.pop();
      }
    },
  }, options.onProgress);

  if (counts.codes === 0) throw new ImportError('the Tabular List XML contains no chapters or codes; import the complete file as downloaded.', file.name);
  return Promise.resolve(result);

  function nameNode(node: Node, value: string) {
    if (node.element === 'chapter') {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 1) throw new XmlContentError(`chapter name "${value}" is not a chapter number; the Tabular List XML is damaged.`);
      node.code = `CH${String(n).padStart(2, '0')}`;
      node.display = node.code;
    } else if (node.element === 'diag') {
      node.code = normalizeCode(value);
      node.display = value;
      if (!/^[A-Z][0-9][0-9A-Z]{1,5}$/.test(node.code)) throw new XmlContentError(`"${value}" is not an ICD-10-CM code; the Tabular List XML is damaged.`);
    }
  }

  function writeNote(text: string) {
    if (!text) return;
    const type = elements[elements.length - 1] as TabularNoteType;
    const node = owner();
    const refs = parseCodeRefs(text);
    sink.note(ensureSet(), refs.length > 0 ? { code: node.code, type, text, refs } : { code: node.code, type, text });
    counts.notes!++;
    const key = `${type}Notes`;
    counts[key] = (counts[key] ?? 0) + 1;
  }

  function writeSeventh(title: string) {
    if (!/^[0-9A-Z]$/.test(extensionChar)) throw new XmlContentError(`a 7th-character <extension> has char="${extensionChar}", expected one letter or digit; the Tabular List XML is damaged.`);
    sink.seventhChar(ensureSet(), { code: owner().code, chr: extensionChar, title });
    counts.seventhChars!++;
  }
}
