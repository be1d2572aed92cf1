// Every ICD-10-CM importer, in the order detection should try them (most specific first).
import type { Importer } from '../types';
import { drugTableXmlImporter, neoplasmTableXmlImporter } from './drugNeoplasmXml';
import { indexCsvImporter } from './indexCsv';
import { eindexXmlImporter, indexXmlImporter } from './indexXml';
import { orderCsvImporter } from './orderCsv';
import { orderFileImporter } from './orderFile';
import { tabularXmlImporter } from './tabular';

export const icd10cmImporters: Importer[] = [
  tabularXmlImporter,
  orderFileImporter,
  orderCsvImporter,
  drugTableXmlImporter,
  neoplasmTableXmlImporter,
  eindexXmlImporter,
  indexXmlImporter,
  indexCsvImporter,
];
