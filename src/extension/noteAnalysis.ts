// One analysis of one note: suggestions (with their status in the sidecar claim), negated mentions
// (for dimming) and the rules' warnings on the claim. Pure (no `vscode`): analysis.ts schedules it.
import type { CodesetIndex } from '../core/codeset/api';
import { defaultNoteReader, suggestDiagnoses, type NoteReader } from '../core/suggest/engine';
import type { AnalyzeOptions, Suggestion } from '../core/suggest/types';
import { checkClaim } from '../core/rules/index';
import type { NoteAnalysis, RuleWarning } from '../core/rules/types';
import type { Span } from '../core/note/model';
import { chunkBounds as coreChunkBounds } from '../core/suggest/longNote';
import type { DecisionStatus } from '../core/claim/schema';
import type { MedcodeSettings } from './settingsSchema';
import { billedView, fixOnFile, statusInClaim, type ClaimJson } from './sidecar';

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
  millis: number;
}

/** Wraps the note reader so negated mentions the engine skips are remembered for dimming. */
function recordingReader(negated: Span[]): NoteReader {
  return {
    ...defaultNoteReader,
    contextOf(note, sentence, span) {
      const flags = defaultNoteReader.contextOf(note, sentence, span);
      if (flags.negated) negated.push({ start: span.start, end: span.end });
      return flags;
    },
  };
}

function remapTarget(w: RuleWarning, view: { dxIndex: number[]; lineIndex: number[] }): RuleWarning {
  const t = w.target;
  const fixes = w.fixes.map((f) => ({ ...f, edit: fixOnFile(f.edit, view) }));
  if (t.kind === 'diagnosis') return { ...w, fixes, target: { kind: 'diagnosis', index: view.dxIndex[t.index] ?? t.index } };
  if (t.kind === 'line') return { ...w, fixes, target: { kind: 'line', index: view.lineIndex[t.index] ?? t.index } };
  return { ...w, fixes };
}

/** Notes longer than this are analyzed in paragraph-aligned pieces of CHUNK_CHARS, yielding between them. */
export const WHOLE_NOTE_CHARS = 16_000;
export const CHUNK_CHARS = 4_000;

/** Splits long text at blank lines (else line ends) into pieces of about `size` characters. */
export function chunkBounds(text: string, size = CHUNK_CHARS): Span[] {
  return coreChunkBounds(text, size);
}

const yieldToEventLoop = (): Promise<void> => new Promise((r) => setImmediate(r));

export class StaleAnalysis extends Error {}

/** Moves a span of a piece to its place in the whole note (in place: the piece's spans are not shared). */
function shiftSpan<T extends { start: number; end: number }>(span: T, by: number): T {
  span.start += by;
  span.end += by;
  return span;
}

/**
 * Suggestions for the whole note. A long note is analyzed piece by piece so the extension host
 * answers hovers and commands in between; `isStale` stops the work when the text moved on.
 */
async function suggestInChunks(index: CodesetIndex, text: string, options: AnalyzeOptions, negated: Span[], isStale: () => boolean): Promise<Suggestion[]> {
  const reader = recordingReader(negated);
  if (text.length <= WHOLE_NOTE_CHARS) return suggestDiagnoses(index, reader.parseNote(text), options, reader);
  // Evidence is appended in place: copying each code's growing list at every piece made garbage
  // quadratic in the note's length, and the extension host's heap kept the high-water mark.
  const byCode = new Map<string, Suggestion>();
  for (const b of chunkBounds(text)) {
    await yieldToEventLoop();
    if (isStale()) throw new StaleAnalysis('the note changed during analysis');
    const piece = text.slice(b.start, b.end);
    const before = negated.length;
    const found = suggestDiagnoses(index, reader.parseNote(piece), options, reader);
    for (let i = before; i < negated.length; i++) shiftSpan(negated[i]!, b.start);
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
      for (const e of s.evidence) prev.evidence.push(e);
    }
  }
  return [...byCode.values()].sort((a, b) => b.score - a.score || a.code.localeCompare(b.code));
}

/** The date that picks code-set versions: the setting, else the start of the latest ICD-10-CM set. */
function analysisDate(index: CodesetIndex, settings: MedcodeSettings): string | undefined {
  return settings.dateOfService || index.setFor('icd10cm')?.effectiveFrom || undefined;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A notice when the date of service (the claim's, else the `dateOfService` setting's) is one no
 * installed ICD-10-CM release covers: the rules cannot check the codes as of that day. Suggestions
 * in the editor come from the latest release; coding a note as of an older release (a second
 * analyzer dictionary) is the CLI's `analyze --date` for now.
 */
function dateNotice(index: CodesetIndex, claim: ClaimJson | undefined, settings: MedcodeSettings): string | undefined {
  const fromClaim = claim?.encounter?.dateOfService;
  const date = typeof fromClaim === 'string' && ISO_DATE.test(fromClaim) ? fromClaim : settings.dateOfService || undefined;
  if (!date || index.setFor('icd10cm', date)) return undefined;
  const source = date === fromClaim ? "the claim's date of service" : 'the medcode.dateOfService setting';
  const latest = index.setFor('icd10cm')?.version ?? 'the latest installed release';
  return `No installed ICD-10-CM release covers ${date} (${source}): the codes cannot be checked as of that day, and the suggestions come from ${latest}. Import the release for that date.`;
}

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
  const date = analysisDate(index, settings);
  const notice = dateNotice(index, claim, settings);
  const suggestions = await suggestInChunks(index, text, { setting: settings.setting, threshold: settings.suggestionThreshold }, negated, isStale);
  const marked: MarkedCode[] = suggestions.map((s) => ({
    code: s.code, system: s.system, title: s.title, status: (claim && statusInClaim(claim, s.code)) ?? 'suggested',
    evidence: s.evidence, suggestion: s,
  }));
  const seen = new Set(suggestions.map((s) => s.code.replace(/\./g, '')));
  for (const d of [...(claim?.diagnoses ?? []), ...(claim?.lines ?? [])]) {
    const n = d.code.replace(/\./g, '').toUpperCase();
    if (seen.has(n) || !d.evidence?.length) continue;
    seen.add(n);
    const rec = index.lookup(d.code);
    marked.push({ code: rec?.code ?? d.code, system: d.system, title: rec?.title ?? '', status: d.status ?? 'accepted', evidence: d.evidence.map((e) => ({ start: e.start, end: e.end })) });
  }
  hideReplacedRejections(marked);
  let warnings: RuleWarning[] = [];
  if (claim) {
    const view = billedView(claim);
    const analysis: NoteAnalysis = {
      setting: settings.setting,
      suggestions: suggestions.map((s) => ({
        code: s.code, system: s.system, evidence: s.evidence, missing: s.missing,
        context: { uncertain: s.context.uncertain, historical: s.context.historical, family: s.context.family },
      })),
    };
    const found = await checkClaim(view.claim, {
      index, date: date ?? new Date().toISOString().slice(0, 10), settings: { severity: settings.ruleSeverity }, analysis, noteText: text,
    });
    warnings = found.map((w) => remapTarget(w, view));
  }
  return { marked, negated: mergeSpans(negated), warnings, claimErrors, notices: notice ? [notice] : [], millis: now() - started };
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
