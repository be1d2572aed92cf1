// Every importer the project ships, in detection order (most specific first).
import type { Importer } from './types';
import { icd10cmImporters } from './icd10cm/index';
import { hcpcsImporters } from './hcpcs/index';
import { ncciImporters } from './ncci/index';
import { mceImporters } from './mce/index';
import { posImporters } from './pos/index';
import { cptImporters } from './cpt/index';
import { riskAdjustImporters } from './riskadjust/index';

export const ALL_IMPORTERS: Importer[] = [
  // CMS-HCC tables first: each is recognized by its exact CSV header.
  ...riskAdjustImporters,
  ...icd10cmImporters,
  ...hcpcsImporters,
  ...ncciImporters,
  ...mceImporters,
  ...posImporters,
  // CPT last: its layout (code + descriptor) is the least specific.
  ...cptImporters,
];
