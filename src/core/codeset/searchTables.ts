// The Table of Drugs and Chemicals and the Neoplasm Table as search texts: each cell is searched
// by its row's path and its column's words ("Acetaminophen" + "poisoning (accidental)
// (unintentional)"), and shown as a path through the table.

export type TableSource = 'drug' | 'neoplasm';

export interface TableColumn {
  /** The column's name in the stored row (see importers/icd10cm/drugNeoplasmXml.ts). */
  key: string;
  /** What the column adds to the row's words; words in parentheses cost nothing when not typed (the column a bare query means). */
  words: string;
  /** The column's heading, as shown. */
  heading: string;
}

export const TABLE_COLUMNS: Record<TableSource, readonly TableColumn[]> = {
  drug: [
    // Poisoning without a stated intent is coded as accidental (ICD-10-CM guideline I.C.19.e.5.b).
    { key: 'poisoningAccidental', words: 'poisoning (accidental) (unintentional)', heading: 'Poisoning, accidental (unintentional)' },
    { key: 'poisoningIntentional', words: 'poisoning intentional self-harm', heading: 'Poisoning, intentional self-harm' },
    { key: 'poisoningAssault', words: 'poisoning assault', heading: 'Poisoning, assault' },
    { key: 'poisoningUndetermined', words: 'poisoning undetermined', heading: 'Poisoning, undetermined' },
    { key: 'adverseEffect', words: 'adverse effect', heading: 'Adverse effect' },
    { key: 'underdosing', words: 'underdosing', heading: 'Underdosing' },
  ],
  neoplasm: [
    { key: 'malignantPrimary', words: 'malignant (primary)', heading: 'Malignant primary' },
    { key: 'malignantSecondary', words: 'malignant secondary (metastatic) (metastasis)', heading: 'Malignant secondary' },
    { key: 'caInSitu', words: 'carcinoma in situ', heading: 'Ca in situ' },
    { key: 'benign', words: 'benign', heading: 'Benign' },
    { key: 'uncertainBehavior', words: 'uncertain behavior', heading: 'Uncertain behavior' },
    { key: 'unspecifiedBehavior', words: 'unspecified behavior', heading: 'Unspecified behavior' },
  ],
};

const TABLE_NAME: Record<TableSource, string> = { drug: 'Table of Drugs and Chemicals', neoplasm: 'Neoplasm Table' };
const NEOPLASM_MAIN_TERM = /^Neoplasm, neoplastic > /;

/**
 * The code a cell names, as a code set spells it: drug-table cells give six characters of a
 * poisoning, adverse-effect or underdosing code, whose 7th character "A" (initial encounter) makes it billable.
 */
export function tableCode(table: TableSource, code: string): string {
  return table === 'drug' && code.length === 6 && code.startsWith('T') ? `${code}A` : code;
}

/** The words a cell is searched by: the row's path and nonessential modifiers, then the column's words. */
export function tableWords(path: string, nemod: string, column: TableColumn): string {
  return `${path}${nemod ? ` ${nemod}` : ''} > ${column.words}`;
}

/** A cell as shown: the table, the row's path, the column's heading. */
export function tablePath(table: TableSource, path: string, nemod: string, column: TableColumn): string {
  const row = table === 'neoplasm' ? path.replace(NEOPLASM_MAIN_TERM, '') : path;
  return `${TABLE_NAME[table]} > ${row}${nemod ? ` ${nemod}` : ''} > ${column.heading}`;
}
