// Spelling variants that mean the same word, shared by the analyzer's word keys and code search:
// British spellings meet the US titles of the code sets (anaemia, oedema, oesophagitis,
// diarrhoea, paediatric, tumour), and Latin and Greek plurals that no suffix rule reaches meet
// their singular ("varices" in a note or a query, "Varix" in the index).

export const IRREGULAR_PLURALS = new Map<string, string>([
  ['varices', 'varix'], ['appendices', 'appendix'], ['cervices', 'cervix'], ['apices', 'apex'], ['vertices', 'vertex'],
  ['cicatrices', 'cicatrix'], ['testes', 'testis'], ['pelves', 'pelvis'], ['crises', 'crisis'], ['ganglia', 'ganglion'],
  ['diverticula', 'diverticulum'], ['bacteria', 'bacterium'], ['condylomata', 'condyloma'], ['calculi', 'calculus'],
  ['thrombi', 'thrombus'], ['emboli', 'embolus'], ['bronchi', 'bronchus'], ['nevi', 'nevus'], ['naevi', 'nevus'],
  ['fungi', 'fungus'], ['bacilli', 'bacillus'], ['foci', 'focus'], ['alveoli', 'alveolus'], ['glomeruli', 'glomerulus'],
  ['villi', 'villus'], ['nuclei', 'nucleus'], ['polypi', 'polyp'], ['fibromata', 'fibroma'], ['septa', 'septum'],
]);

// Only clinical patterns, so "aeruginosa" and "toe" stay as they are.
const BRITISH_SPELLINGS: [RegExp, string][] = [
  [/aem/g, 'em'], [/aesth/g, 'esth'], [/^oe(?=[ds])/, 'e'], [/oea$/, 'ea'], [/paed/g, 'ped'],
  [/^foet/, 'fet'], [/^coel/, 'cel'], [/(?<=.{3})our$/, 'or'],
];

/** The US spelling of a lower-case word (the word itself when it has no British pattern). */
export function americanSpelling(w: string): string {
  if (!/ae|oe|our$/.test(w)) return w;
  for (const [from, to] of BRITISH_SPELLINGS) w = w.replace(from, to);
  return w;
}
