// NCCI importers: procedure-to-procedure edits, medically unlikely edits, add-on code edits.
import type { Importer } from '../types';
import { addonImporter } from './addon';
import { mueImporter } from './mue';
import { ptpImporter } from './ptp';

export { addonImporter, mueImporter, ptpImporter };
export const ncciImporters: Importer[] = [ptpImporter, mueImporter, addonImporter];
