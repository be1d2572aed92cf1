// One analysis of one note for the editor: the core front door's result (suggestions of every
// system, the claim's warnings, the releases used) turned into what the editor draws: marked codes
// with their status in the sidecar claim and negated mentions (for dimming). Pure (no `vscode`):
// analysis.ts schedules it.
import { normalizeCode } from '../core/codes';
import type { CodesetIndex } from '../core/codeset/api';
import { analyzeNote, checkClaim, dateOfServiceOf, patientStatusOf, type CodeSetUsed } from '../core/analysis/index';
import { defaultNoteReader, type NoteReader } from '../core/suggest/engine';
import type { Suggestion } from '../core/suggest/types';
import type { RuleWarning } from '../core/rules/types';
import type { Span } from '../core/note/model';
import type { DecisionStatus } from '../core/claim/schema';
import type { MedcodeSettings } from './settingsSchema';
import { statusInClaim, type ClaimJson } from './sidecar';

export { chunkBounds, CHUNK_CHARS, WHOLE_NOTE_CHARS } from '../core/analysis/index';

export interface MarkedCode {
  code: string;
  system: 'icd10cm' | 'hcpcs' | 'cpt';
  title: string;
  status: DecisionStatus;
  evidence: { start: number; end: number }[];
  /** Present when the analyzer suggested it (a code only in the claim has none). */
  suggestion?: Suggestion;
}

export interface NoteResult {
  marked: MarkedCode[];
  negated: Span[];
  /** Warnings with targets in the indexes of the claim file (rejected codes are not judged). */
  warnings: RuleWarning[];
  /** Sentences about an unreadable sidecar claim, naming the file. */
  claimErrors: string[];
  /** What the coder should know about how the note was coded (a date of service no installed release covers). */
  notices: string[];
  /** The date of service the code sets were chosen by, and the releases used. */
  dateOfService?: string;
  codeSets: CodeSetUsed[];
  millis: number;
}

/**
 * A note reader that remembers the negated mentions the engine skips (for dimming). A long note
 * is read piece by piece, in order: each piece's spans are moved by the piece's start afterwards.
 */
function recordingReader(negated: Span[], pieces: { from: number; offset: number }[]): NoteReader {
  let offset = 0;
  return {
    ...defaultNoteReader,
    parseNote(text) {
      pieces.push({ from: negated.length, offset });
      offset += text.length;
      return defaultNoteReader.parseNote(text);
    },
    contextOf(note, sentence, span) {
      const flags = defaultNoteReader.contextOf(note, sentence, span);
      if (flags.negated) negated.push({ start: span.start, end: span.end });
      return flags;
    },
  };
}

const yieldToEventLoop = (): Promise<void> => new Promise((r) => setImmediate(r));

export class StaleAnalysis extends Error {}

export async function analyzeNoteText(
  index: CodesetIndex,
  text: string,
  claim: ClaimJson | undefined,
  claimErrors: string[],
  settings: MedcodeSettings,
  isStale: () => boolean = () => false,
  now: () => number = Date.now,
): Promise<NoteResult> {
  const started = now();
  const negated: Span[] = [];
  const pieces: { from: number; offset: number }[] = [];
  // The claim's date of service picks the code sets; the medcode.dateOfService setting stands in when it has none, else today.
  const result = await analyzeNote(index, text, claim, dateOfServiceOf(claim) ? undefined : settings.dateOfService || undefined, {
    setting: settings.setting,
    threshold: settings.suggestionThreshold,
    severity: settings.ruleSeverity,
    today: new Date().toISOString().slice(0, 10),
    dateSource: 'the medcode.dateOfService setting',
    reader: recordingReader(negated, pieces),
    pause: async () => {
      await yieldToEventLoop();
      if (isStale()) throw new StaleAnalysis('the note changed during analysis');
    },
  });
  pieces.forEach((p, i) => {
    const to = pieces[i + 1]?.from ?? negated.length;
    for (let k = p.from; k < to; k++) { negated[k]!.start += p.offset; negated[k]!.end += p.offset; }
  });
  return {
    marked: marksOf(index, result.suggestions, claim), negated: mergeSpans(negated), warnings: result.warnings, claimErrors, notices: result.notices,
    ...(result.dateOfService ? { dateOfService: result.dateOfService } : {}), codeSets: result.codeSets, millis: now() - started,
  };
}

/** The suggestions with their status in the claim, plus codes only the claim names (with evidence). */
function marksOf(index: CodesetIndex, suggestions: readonly Suggestion[], claim: ClaimJson | undefined): MarkedCode[] {
  const marked: MarkedCode[] = suggestions.map((s) => ({
    code: s.code, system: s.system, title: s.title, status: (claim && statusInClaim(claim, s.code)) ?? 'suggested',
    evidence: s.evidence, suggestion: s,
  }));
  const seen = new Set(suggestions.map((s) => normalizeCode(s.code)));
  for (const d of [...(claim?.diagnoses ?? []), ...(claim?.lines ?? [])]) {
    const n = normalizeCode(d.code);
    if (seen.has(n) || !d.evidence?.length) continue;
    seen.add(n);
    const rec = index.lookup(d.code);
    marked.push({ code: rec?.code ?? d.code, system: d.system, title: rec?.title ?? '', status: d.status ?? 'accepted', evidence: d.evidence.map((e) => ({ start: e.start, end: e.end })) });
  }
  hideReplacedRejections(marked);
  return marked;
}

/**
 * Only the claim changed (a code accepted or rejected, a fix applied) and not what picks the
 * suggestions (its date of service, the patient status): the previous suggestions are kept and
 * only the claim check runs again, so an accept does not re-read the whole note.
 */
export function claimOnlyChange(before: ClaimJson | undefined, after: ClaimJson | undefined): boolean {
  return dateOfServiceOf(before) === dateOfServiceOf(after) && patientStatusOf(before) === patientStatusOf(after);
}

export async function recheckClaim(
  index: CodesetIndex,
  text: string,
  previous: NoteResult,
  claim: ClaimJson | undefined,
  claimErrors: string[],
  settings: MedcodeSettings,
  now: () => number = Date.now,
): Promise<NoteResult> {
  const started = now();
  const suggestions = previous.marked.flatMap((m) => (m.suggestion ? [m.suggestion] : []));
  const fromSetting = dateOfServiceOf(claim) ? undefined : settings.dateOfService || undefined;
  const warnings = claim === undefined ? [] : await checkClaim(index, claim, {
    noteText: text, severity: settings.ruleSeverity, today: new Date().toISOString().slice(0, 10),
    ...(dateOfServiceOf(claim) ?? fromSetting ? { dateOfService: dateOfServiceOf(claim) ?? fromSetting } : {}),
  });
  return { ...previous, marked: marksOf(index, suggestions, claim), warnings, claimErrors, millis: now() - started };
}

function mergeSpans(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

/** A rejected code whose words now carry an accepted code (a more specific child was chosen) is not drawn. */
function hideReplacedRejections(marked: MarkedCode[]): void {
  const accepted = marked.filter((m) => m.status === 'accepted').flatMap((m) => m.evidence);
  for (let i = marked.length - 1; i >= 0; i--) {
    const m = marked[i]!;
    if (m.status === 'rejected' && m.evidence.every((e) => accepted.some((a) => a.start <= e.start && e.end <= a.end))) marked.splice(i, 1);
  }
}
