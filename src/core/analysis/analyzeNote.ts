// The one front door for a note: note text + its claim + the date of service -> ranked
// suggestions (ICD-10-CM diagnoses, office E/M, HCPCS drug codes), each with its evidence and
// reason, the claim's rule warnings, and which code-set releases were used. The editor, the claim
// panel and every CLI command (analyze, audit, demo, eval) call this; none calls the suggestion
// engine or the rules directly.
import type { CodesetIndex } from '../codeset/api';
import { indexAtDate } from '../codeset/atDate';
import type { CodeSystem } from '../importers/types';
import type { Span } from '../note/model';
import type { RuleSettings, RuleWarning } from '../rules/types';
import { analyzeNote as suggestCodes } from '../suggest/analyze';
import { chunkBounds as splitAtParagraphs } from '../suggest/longNote';
import { bySuggestionRank, defaultNoteReader, type NoteReader } from '../suggest/engine';
import { textWarnings } from '../suggest/input';
import type { AnalyzeOptions, Suggestion } from '../suggest/types';
import { checkClaim } from './checkClaim';

export type PatientStatus = 'new' | 'established';

export interface NoteAnalysisOptions extends Omit<AnalyzeOptions, 'date'> {
  /** The claim's `encounter.patientStatus`: the office E/M code follows it when the note does not say. */
  patientStatus?: PatientStatus;
  /** Rule severity for the claim check (see checkClaim). */
  severity?: RuleSettings['severity'];
  /**
   * ISO date "today": the date of service when neither the call nor the claim gives one (the
   * editor passes it; the CLI leaves it out and codes with the latest releases). A "today" no
   * release covers falls back to the latest release without a notice.
   */
  today?: string;
  /** Reads the note (tests and the editor wrap it, e.g. to remember negated mentions). */
  reader?: NoteReader;
  /**
   * Given, a note longer than WHOLE_NOTE_CHARS is analyzed in paragraph-aligned pieces and `pause`
   * is awaited between them (an editor yields to its event loop there, and throws to stop work on
   * text that moved on). Without it the note is analyzed whole, as the CLI and `eval` do.
   */
  pause?: () => Promise<void>;
  /** Where a `dateOfService` given to the call came from, for the notice (e.g. "the medcode.dateOfService setting"). */
  dateSource?: string;
}

export interface CodeSetUsed {
  system: CodeSystem;
  version: string;
  /** False when no release of this system is in force on the date and the latest was used instead. */
  inForce: boolean;
}

export interface NoteAnalysisResult {
  /** The date of service the code sets were chosen by (undefined: the latest releases). */
  dateOfService?: string;
  /** The releases the suggestions came from. */
  codeSets: CodeSetUsed[];
  /** Every suggestion, ranked. */
  suggestions: Suggestion[];
  diagnoses: Suggestion[];
  /** CPT: the office E/M level and prolonged service. */
  procedures: Suggestion[];
  /** HCPCS Level II: injected drugs with billed units. */
  hcpcs: Suggestion[];
  /** The claim's rule warnings (none without a claim), targets in the claim file's indexes. */
  warnings: RuleWarning[];
  /** What is wrong with the text itself (empty, not English). */
  inputWarnings: string[];
  /** How the note was coded that a coder should know (a date of service no installed release covers). */
  notices: string[];
}

/** Notes longer than this are analyzed in paragraph-aligned pieces of CHUNK_CHARS. */
export const WHOLE_NOTE_CHARS = 16_000;
export const CHUNK_CHARS = 4_000;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const SYSTEMS: CodeSystem[] = ['icd10cm', 'hcpcs', 'cpt'];

/** Splits long text into pieces of about `size` characters at blank lines, else line ends (the editor's pieces are 4 KB). */
export function chunkBounds(text: string, size = CHUNK_CHARS): Span[] {
  return splitAtParagraphs(text, size);
}

/** Moves a span of a piece to its place in the whole note (in place: the piece's spans are not shared). */
function shiftSpan<T extends Span>(span: T, by: number): T {
  span.start += by;
  span.end += by;
  return span;
}

/** The claim's patient status when it is one the E/M rules know. */
export function patientStatusOf(claim: unknown): PatientStatus | undefined {
  const s = (claim as { encounter?: { patientStatus?: unknown } } | undefined)?.encounter?.patientStatus;
  return s === 'new' || s === 'established' ? s : undefined;
}

/** The claim's date of service when it is an ISO date. */
export function dateOfServiceOf(claim: unknown): string | undefined {
  const d = (claim as { encounter?: { dateOfService?: unknown } } | undefined)?.encounter?.dateOfService;
  return typeof d === 'string' && ISO_DATE.test(d) ? d : undefined;
}

/**
 * Suggestions for a long note, piece by piece. Diagnoses and drug codes come from the pieces; the
 * office E/M level needs the whole visit (patient status, time, problems addressed) and is not
 * suggested for a note this long.
 */
async function suggestInPieces(index: CodesetIndex, text: string, options: AnalyzeOptions, reader: NoteReader, pause: () => Promise<void>): Promise<Suggestion[]> {
  // Evidence is appended in place: copying each code's growing list at every piece made garbage
  // quadratic in the note's length.
  const byCode = new Map<string, Suggestion>();
  for (const b of chunkBounds(text)) {
    await pause();
    const found = suggestCodes(index, text.slice(b.start, b.end), options, reader).suggestions.filter((s) => s.system !== 'cpt');
    // Codes of one piece may share an evidence object: each is moved once.
    const moved = new Set<Span>();
    const move = (e: Span): void => { if (!moved.has(e)) { moved.add(e); shiftSpan(e, b.start); } };
    for (const s of found) {
      s.evidence.forEach(move);
      const prev = byCode.get(s.code);
      if (!prev) {
        byCode.set(s.code, { ...s, evidence: [...s.evidence] });
        continue;
      }
      prev.score = Math.max(prev.score, s.score);
      if (s.units !== undefined) prev.units = Math.max(prev.units ?? 0, s.units);
      for (const e of s.evidence) prev.evidence.push(e);
    }
  }
  return [...byCode.values()].sort(bySuggestionRank);
}

/** The releases the analysis read (the date's when `dated`, else the latest), and whether each is in force on the date. */
function codeSetsUsed(index: CodesetIndex, date: string | undefined, dated: boolean): CodeSetUsed[] {
  return SYSTEMS.flatMap((system) => {
    const onDate = date ? index.setFor(system, date) : index.setFor(system);
    const set = dated ? onDate ?? index.setFor(system) : index.setFor(system);
    return set ? [{ system, version: set.version, inForce: onDate?.id === set.id }] : [];
  });
}

/**
 * Analyzes `text` against its `claim` (undefined: no claim yet) as of `dateOfService` (undefined:
 * the claim's, else the latest releases). A date no installed ICD-10-CM release covers codes with
 * the latest release and says so in `notices`.
 */
export async function analyzeNote(
  index: CodesetIndex,
  text: string,
  claim: unknown,
  dateOfService: string | undefined,
  options: NoteAnalysisOptions = {},
): Promise<NoteAnalysisResult> {
  const fromCall = dateOfService && ISO_DATE.test(dateOfService) ? dateOfService : undefined;
  const given = fromCall ?? dateOfServiceOf(claim);
  const date = given ?? (options.today && ISO_DATE.test(options.today) ? options.today : undefined);
  const notices: string[] = [];
  const covered = date === undefined || index.setFor('icd10cm', date) !== undefined;
  if (!covered && given !== undefined) {
    const latest = index.setFor('icd10cm')?.version ?? 'the latest installed release';
    const source = fromCall ? (options.dateSource ?? 'the date of service given') : "the claim's date of service";
    notices.push(`No installed ICD-10-CM release covers ${date} (${source}): the codes cannot be checked as of that day, and the suggestions come from ${latest}. Import the release for that date.`);
  }
  // The analyzer's dictionary is built per index view (seconds and tens of MB): a dated view is
  // taken only when the date's ICD-10-CM release is not the latest one. HCPCS and CPT are read
  // from the latest releases otherwise; the claim check judges every code as of the date.
  const icdOnDate = date && covered ? index.setFor('icd10cm', date) : undefined;
  const dated = icdOnDate !== undefined && icdOnDate.id !== index.setFor('icd10cm')?.id;
  const at = dated && date ? indexAtDate(index, date) : index;
  const { severity, today, reader = defaultNoteReader, pause, dateSource: _source, ...rest } = options;
  const patientStatus = options.patientStatus ?? patientStatusOf(claim);
  const suggestOptions: AnalyzeOptions & { patientStatus?: PatientStatus } = { ...rest, ...(patientStatus ? { patientStatus } : {}), ...(given ? { visitDate: given } : {}) };
  let suggestions: Suggestion[];
  if (pause && text.length > WHOLE_NOTE_CHARS) suggestions = await suggestInPieces(at, text, suggestOptions, reader, pause);
  else {
    const whole = suggestCodes(at, text, suggestOptions, reader);
    suggestions = whole.suggestions;
    if (whole.evaluationManagement) notices.push(whole.evaluationManagement);
  }
  const warnings = claim === undefined ? [] : await checkClaim(index, claim, {
    noteText: text,
    ...(severity ? { severity } : {}),
    ...(today ? { today } : {}),
    ...(given ? { dateOfService: given } : {}),
  });
  return {
    ...(date ? { dateOfService: date } : {}),
    codeSets: codeSetsUsed(index, date, dated),
    suggestions,
    diagnoses: suggestions.filter((s) => s.system === 'icd10cm'),
    procedures: suggestions.filter((s) => s.system === 'cpt'),
    hcpcs: suggestions.filter((s) => s.system === 'hcpcs'),
    warnings,
    inputWarnings: textWarnings(text),
    notices,
  };
}
