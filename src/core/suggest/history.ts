// Historical and family mentions map to the Z history codes instead of the active condition
// (guidelines I.C.21.c.4): a resolved condition -> Z85-Z87 (and I25.2 for an old infarction),
// a relative's condition -> Z80-Z84. Chronic conditions listed as "history of" are still present
// and keep their own code.

/** Active-code prefix -> personal history code; first matching prefix wins (longest first). */
const PERSONAL_HISTORY: [string, string][] = [
  ['I21', 'I252'], ['I22', 'I252'], ['I63', 'Z8673'], ['G45', 'Z8673'], ['I26', 'Z86711'], ['I824', 'Z86718'],
  ['I82', 'Z86718'], ['N390', 'Z87440'], ['N20', 'Z87442'], ['K25', 'Z8711'], ['K26', 'Z8711'], ['K27', 'Z8711'],
  ['J18', 'Z8701'], ['J15', 'Z8701'], ['A15', 'Z8611'], ['F17', 'Z87891'], ['S', 'Z8781'], ['O', 'Z8759'],
  ['C50', 'Z853'], ['C61', 'Z8546'], ['C18', 'Z85038'], ['C19', 'Z85048'], ['C20', 'Z85048'], ['C34', 'Z85118'],
  ['C67', 'Z8551'], ['C64', 'Z85528'], ['C53', 'Z8541'], ['C54', 'Z8542'], ['C56', 'Z8543'], ['C73', 'Z85850'],
  ['C43', 'Z85820'], ['C16', 'Z85028'], ['C25', 'Z8507'], ['C22', 'Z8505'], ['C15', 'Z8501'], ['C62', 'Z8547'],
  ['C81', 'Z8571'], ['C82', 'Z8572'], ['C83', 'Z8572'], ['C84', 'Z8579'], ['C85', 'Z8572'], ['C91', 'Z856'],
  ['C92', 'Z856'], ['C71', 'Z85841'], ['C', 'Z859'], ['D0', 'Z8600'], ['K35', 'Z8719'], ['K80', 'Z8719'],
  ['L89', 'Z8731'],
];

/** Active-code prefix -> family history code. */
const FAMILY_HISTORY: [string, string][] = [
  ['C50', 'Z803'], ['C18', 'Z800'], ['C19', 'Z800'], ['C20', 'Z800'], ['C16', 'Z800'], ['C25', 'Z800'],
  ['C34', 'Z801'], ['C61', 'Z8042'], ['C56', 'Z8041'], ['C64', 'Z8051'], ['C67', 'Z8052'], ['C9', 'Z806'],
  ['C8', 'Z807'], ['C43', 'Z808'], ['C', 'Z809'], ['I21', 'Z8249'], ['I25', 'Z8249'], ['I20', 'Z8249'],
  ['I63', 'Z823'], ['I64', 'Z823'], ['I10', 'Z8249'], ['E10', 'Z833'], ['E11', 'Z833'], ['E13', 'Z833'],
  ['E78', 'Z8342'], ['G30', 'Z8189'], ['F03', 'Z8189'], ['F10', 'Z811'], ['F1', 'Z814'], ['F3', 'Z818'],
  ['F2', 'Z818'], ['J45', 'Z825'], ['J44', 'Z825'], ['N18', 'Z841'], ['Q', 'Z8279'], ['G40', 'Z820'],
  ['I4', 'Z8249'], ['I', 'Z8249'], ['K5', 'Z8379'], ['D', 'Z832'],
];

// Chronic conditions that stay coded when written as "history of".
// Nicotine dependence is the exception: "quit smoking" is history (Z87.891).
const CHRONIC = /^(I1[0-6]|E0[89]|E1[0-3]|E78|E66|E0[3-5]|J4[45]|N18|I48|I50|I25|F(?!17)|M0[5-6]|M1[5-9]|G40|G20|G35|K21|B1[89]|B20|I7[03]|N40|E27|G47|H40|K7[0-6]|D5|D6|E03|Z)/;

function mapByPrefix(table: [string, string][], code: string): string | undefined {
  let best: [string, string] | undefined;
  for (const row of table) if (code.startsWith(row[0]) && (!best || row[0].length > best[0].length)) best = row;
  return best?.[1];
}

export function personalHistoryCode(activeCode: string): string | undefined {
  return mapByPrefix(PERSONAL_HISTORY, activeCode);
}

export function familyHistoryCode(activeCode: string): string | undefined {
  return mapByPrefix(FAMILY_HISTORY, activeCode);
}

export function isChronicCondition(code: string): boolean {
  return CHRONIC.test(code);
}
