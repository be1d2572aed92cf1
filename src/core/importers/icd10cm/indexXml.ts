// Alphabetic Index to Diseases and Injuries and External Cause of Injuries Index (CDC XML).
import type { Importer } from '../types';
import { classifyIndexXml, importIndexXml } from './indexXmlReader';

export const indexXmlImporter: Importer = {
  kind: 'icd10cm-index-xml',
  label: 'ICD-10-CM Alphabetic Index XML',
  detect: (_name, head) => classifyIndexXml(head) === 'index',
  run: async (file, sink, sha256, options) => importIndexXml({ source: 'index', kind: 'icd10cm-index-xml' }, file, sink, sha256, options),
};

export const eindexXmlImporter: Importer = {
  kind: 'icd10cm-eindex-xml',
  label: 'ICD-10-CM External Cause of Injuries Index XML',
  detect: (_name, head) => classifyIndexXml(head) === 'eindex',
  run: async (file, sink, sha256, options) => importIndexXml({ source: 'eindex', kind: 'icd10cm-eindex-xml' }, file, sink, sha256, options),
};
