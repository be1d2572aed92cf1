// Outpatient accuracy as a US coder judges it (the aci-us-gold format): each note's gold lists
// the conditions that must be coded (`required`, one inner list of alternative codes per
// condition), codes a careful coder may also report (`acceptable`), acceptable first-listed
// codes (`principal`), defensible office E/M codes (`em`) and HCPCS codes (`hcpcs`).
//   precision    suggested diagnosis codes found in required, acceptable or principal / suggested
//   recall       required conditions with at least one of their codes suggested / required
//   first-listed the top-ranked diagnosis is in principal (notes whose gold names one)
//   E/M          defensible: the suggested office E/M is in em; offered: one was suggested at all
//                (both over the notes whose gold has an office E/M)
//   wrong HCC    wrong diagnosis suggestions that map to a CMS-HCC payment category

export interface OutpatientGold {
  id: string;
  required: string[][];
  acceptable: string[];
  principal: string[];
  em: string[];
  hcpcs: string[];
  wrongIfSuggested: string[];
}

export interface OutpatientRun {
  gold: OutpatientGold;
  /** Diagnosis codes returned at the default threshold, best first. */
  diagnoses: string[];
  /** The office E/M code suggested, if any, and why (or why none). */
  em?: string;
  emReason?: string;
  /** HCPCS Level II codes suggested. */
  hcpcs: string[];
}

export interface OutpatientNoteReport {
  id: string;
  suggested: string[];
  wrong: { code: string; hcc?: string; flagged: boolean }[];
  missed: string[][];
  firstListed: { suggested?: string; correct: boolean; expected: string[] };
  em: { suggested?: string; defensible: boolean; expected: string[]; reason?: string };
  hcpcs: { suggested: string[]; expected: string[] };
}

export interface OutpatientReport {
  notes: number;
  precision: number;
  recall: number;
  f1: number;
  firstListed: number;
  wrongHcc: number;
  emDefensible: number;
  emOffered: number;
  counts: { suggested: number; correct: number; required: number; found: number; wrongFlagged: number; emNotes: number; hcpcsSuggested: number; hcpcsCorrect: number };
  perNote: OutpatientNoteReport[];
}

/** Codes compare without the dot, upper-case. */
export function bareCode(code: string): string {
  return code.replace('.', '').trim().toUpperCase();
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** Scores analyzer runs against outpatient gold. `hccOf` maps a bare ICD-10-CM code to its payment HCC, if any. */
export function evaluateOutpatient(runs: OutpatientRun[], hccOf: (code: string) => string | undefined = () => undefined): OutpatientReport {
  let suggested = 0, correct = 0, required = 0, found = 0, firstRight = 0, firstNotes = 0, wrongHcc = 0, wrongFlagged = 0;
  let emNotes = 0, emRight = 0, emOffered = 0, hcpcsSuggested = 0, hcpcsCorrect = 0;
  const perNote: OutpatientNoteReport[] = [];
  for (const run of runs) {
    const g = run.gold;
    const dx = [...new Set(run.diagnoses.map(bareCode))];
    const ok = new Set([...g.required.flat(), ...g.acceptable, ...g.principal].map(bareCode));
    const flaggedWrong = new Set(g.wrongIfSuggested.map(bareCode));
    const wrong = dx.filter((c) => !ok.has(c)).map((code) => {
      const hcc = hccOf(code);
      return { code, ...(hcc ? { hcc } : {}), flagged: flaggedWrong.has(code) };
    });
    suggested += dx.length;
    correct += dx.length - wrong.length;
    wrongHcc += wrong.filter((w) => w.hcc).length;
    wrongFlagged += wrong.filter((w) => w.flagged).length;
    const have = new Set(dx);
    const missed = g.required.filter((alts) => !alts.some((c) => have.has(bareCode(c))));
    required += g.required.length;
    found += g.required.length - missed.length;
    const principal = g.principal.map(bareCode);
    const top = dx[0];
    const firstOk = top !== undefined && principal.includes(top);
    if (principal.length > 0) {
      firstNotes++;
      if (firstOk) firstRight++;
    }
    const em = g.em.map(bareCode);
    const emOk = run.em !== undefined && em.includes(run.em);
    if (em.length > 0) {
      emNotes++;
      if (run.em !== undefined) emOffered++;
      if (emOk) emRight++;
    }
    const hx = new Set(g.hcpcs.map(bareCode));
    hcpcsSuggested += run.hcpcs.length;
    hcpcsCorrect += run.hcpcs.filter((c) => hx.has(bareCode(c))).length;
    perNote.push({
      id: g.id, suggested: dx, wrong, missed,
      firstListed: { ...(top !== undefined ? { suggested: top } : {}), correct: firstOk, expected: principal },
      em: { ...(run.em !== undefined ? { suggested: run.em } : {}), defensible: emOk, expected: em, ...(run.emReason ? { reason: run.emReason } : {}) },
      hcpcs: { suggested: run.hcpcs, expected: g.hcpcs },
    });
  }
  const precision = suggested > 0 ? correct / suggested : 0;
  const recall = required > 0 ? found / required : 0;
  return {
    notes: runs.length,
    precision: round(precision),
    recall: round(recall),
    f1: round(precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0),
    firstListed: round(firstNotes > 0 ? firstRight / firstNotes : 0),
    wrongHcc,
    emDefensible: round(emNotes > 0 ? emRight / emNotes : 0),
    emOffered: round(emNotes > 0 ? emOffered / emNotes : 0),
    counts: { suggested, correct, required, found, wrongFlagged, emNotes, hcpcsSuggested, hcpcsCorrect },
    perNote,
  };
}
