// Table of Drugs and Chemicals and Neoplasm Table (CDC XML): index entries whose codes sit in
// table cells. Each cell is stored under a column name read from the file's own headings.
import type { Importer } from '../types';
import { classifyIndexXml, importIndexXml } from './indexXmlReader';

const DRUG_COLUMNS: [RegExp, string][] = [
  [/accident|unintentional/i, 'poisoningAccidental'],
  [/intentional|self-harm/i, 'poisoningIntentional'],
  [/assault/i, 'poisoningAssault'],
  [/undetermined/i, 'poisoningUndetermined'],
  [/adverse/i, 'adverseEffect'],
  [/underdos/i, 'underdosing'],
];

const NEOPLASM_COLUMNS: [RegExp, string][] = [
  [/malignant\s+primary|^primary/i, 'malignantPrimary'],
  [/malignant\s+secondary|^secondary/i, 'malignantSecondary'],
  [/in\s+situ/i, 'caInSitu'],
  [/benign/i, 'benign'],
  [/uncertain/i, 'uncertainBehavior'],
  [/unspecified/i, 'unspecifiedBehavior'],
];

/** Known headings get stable names; an unknown heading is camel-cased so nothing is lost. */
export function columnNamer(known: [RegExp, string][]): (heading: string, col: number) => string {
  return (heading, col) => {
    for (const [pattern, name] of known) if (pattern.test(heading)) return name;
    const words = heading.toLowerCase().match(/[a-z0-9]+/g);
    if (!words) return `col${col}`;
    return words.map((w, i) => (i === 0 ? w : w[0]!.toUpperCase() + w.slice(1))).join('');
  };
}

export const drugTableXmlImporter: Importer = {
  kind: 'icd10cm-drug-xml',
  label: 'ICD-10-CM Table of Drugs and Chemicals XML',
  detect: (_name, head) => classifyIndexXml(head) === 'drug',
  run: async (file, sink, sha256, options) =>
    importIndexXml({ source: 'drug', kind: 'icd10cm-drug-xml', columnName: columnNamer(DRUG_COLUMNS) }, file, sink, sha256, options),
};

export const neoplasmTableXmlImporter: Importer = {
  kind: 'icd10cm-neoplasm-xml',
  label: 'ICD-10-CM Neoplasm Table XML',
  detect: (_name, head) => classifyIndexXml(head) === 'neoplasm',
  run: async (file, sink, sha256, options) =>
    importIndexXml({ source: 'neoplasm', kind: 'icd10cm-neoplasm-xml', columnName: columnNamer(NEOPLASM_COLUMNS) }, file, sink, sha256, options),
};
