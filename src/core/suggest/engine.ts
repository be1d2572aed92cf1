// Note text + code-set index -> ranked ICD-10-CM suggestions with evidence. One pass over the
// sentences: match terms, read each mention's context, walk to the billable code the text
// supports, then apply the combination conventions and score.
import type { CodeRecord, CodesetIndex } from '../codeset/api';
import type { CodeRange } from '../importers/types';
import type { ContextFlags, NoteModel, Sentence, Span, SpecificityAttributes } from '../note/model';
import { parseNote, contextOf, attributes } from '../note';
import { dictionaryFor, type TermSource } from './dictionary';
import { dropSubsumed, matchAll, sentenceKeys, type TermMatch } from './matcher';
import { SpecificityResolver, attributeKeys } from './specificity';
import { familyHistoryCode, isChronicCondition, personalHistoryCode } from './history';
import { applyCombinations } from './combination';
import { decideOutpatient } from './outpatient';
import { readAssessment } from '../note/problems';
import { matchNeoplasms, neoplasmTableFor } from './neoplasm';
import { SECTION_WEIGHT, SOURCE_WEIGHT, SUBSUMED_CAP, SUBSUMED_WEIGHT, codeWeight, combineMentions, termStrength } from './weights';
import { DEFAULT_THRESHOLD, type AnalyzeOptions, type Evidence, type Suggestion } from './types';
import type { CodeAggregate, EngineState, Mention } from './aggregate';

/** The note-model functions the engine uses; injectable so tests can pin context behaviour. */
export interface NoteReader {
  parseNote(text: string): NoteModel;
  contextOf(note: NoteModel, sentence: Sentence, span: Span): ContextFlags;
  attributes(note: NoteModel, sentence: Sentence, span: Span): SpecificityAttributes;
}

export const defaultNoteReader: NoteReader = { parseNote, contextOf, attributes };

export type { CodeAggregate, EngineState, Mention } from './aggregate';

const MISSING_AXIS_FACTOR = 0.9;
const SOURCE_RANK: Record<TermSource, number> = { lexicon: 0, index: 1, neoplasm: 2, title: 3, inclusion: 4 };
const states = new WeakMap<CodesetIndex, EngineState>();

export function engineFor(index: CodesetIndex): EngineState {
  let s = states.get(index);
  if (!s) {
    const notes = new Map<string, CodeRange[]>();
    const alsoCoded = (code: string, other: string): boolean => {
      let refs = notes.get(code);
      if (!refs) {
        refs = index.notes(code, { system: 'icd10cm', inherited: true, types: ['useAdditionalCode', 'codeAlso'] }).flatMap((n) => n.refs);
        notes.set(code, refs);
      }
      return refs.length > 0 && index.inRanges(other, refs);
    };
    s = { index, dictionary: dictionaryFor(index), resolver: new SpecificityResolver(index), neoplasms: neoplasmTableFor(index), alsoCoded };
    states.set(index, s);
  }
  return s;
}

/** A term's keys in sorted order, joined: the same words give the same signature (no array for one or two keys). */
function keySignature(keys: string[]): string {
  if (keys.length === 1) return keys[0]!;
  if (keys.length === 2) return keys[0]! <= keys[1]! ? `${keys[0]} ${keys[1]}` : `${keys[1]} ${keys[0]}`;
  return keys.slice().sort().join(' ');
}

/** Among matches with identical words, keep the one from the most authoritative source. */
function preferAuthoritative(matches: TermMatch[]): TermMatch[] {
  const best = new Map<string, TermMatch>();
  for (const m of matches) {
    const sig = keySignature(m.term.keys);
    const cur = best.get(sig);
    if (!cur || SOURCE_RANK[m.term.source] < SOURCE_RANK[cur.term.source] || (m.term.source === cur.term.source && m.termIndex < cur.termIndex)) best.set(sig, m);
  }
  return [...best.values()];
}

// Long sentences (a 1 MB line without punctuation, run-on operative notes) are read in
// overlapping windows: a term spans at most a dozen tokens, so nothing is lost, and the
// matcher's per-sentence work stays bounded, keeping the whole note linear. A match belongs to
// the window where it starts after the overlap, so none is counted twice.
const WINDOW_TOKENS = 64;
const WINDOW_OVERLAP = 16;

interface SentenceWindow { sentence: Sentence; ownFrom: number }

function windows(sentence: Sentence): SentenceWindow[] {
  if (sentence.tokens.length <= WINDOW_TOKENS) return [{ sentence, ownFrom: 0 }];
  const out: SentenceWindow[] = [];
  for (let i = 0; i < sentence.tokens.length; i += WINDOW_TOKENS - WINDOW_OVERLAP) {
    const tokens = sentence.tokens.slice(i, i + WINDOW_TOKENS);
    out.push({ sentence: { ...sentence, start: tokens[0]!.start, end: tokens[tokens.length - 1]!.end, tokens }, ownFrom: i === 0 ? 0 : WINDOW_OVERLAP });
    if (i + WINDOW_TOKENS >= sentence.tokens.length) break;
  }
  return out;
}

/**
 * Terms that differ only in a number ("kidney disease stage 2" vs "stage 3b") compete: the one
 * whose words sit closest together wins, so the 2 of "T2DM" does not stage the kidney disease.
 */
function keepBestNumbered(matches: TermMatch[]): TermMatch[] {
  const width = (m: TermMatch) => Math.max(...m.positions) - Math.min(...m.positions);
  const best = new Map<string, TermMatch>();
  const numbered = (m: TermMatch) => m.term.keys.some((k) => /^\d/.test(k));
  for (const m of matches) {
    if (!numbered(m)) continue;
    const sig = m.term.keys.filter((k) => !/^\d/.test(k)).sort().join(' ');
    const cur = best.get(sig);
    if (!cur || width(m) < width(cur)) best.set(sig, m);
  }
  return matches.filter((m) => !numbered(m) || best.get(m.term.keys.filter((k) => !/^\d/.test(k)).sort().join(' ')) === m || sameNumbers(m, best.get(m.term.keys.filter((k) => !/^\d/.test(k)).sort().join(' '))!));
}

function sameNumbers(a: TermMatch, b: TermMatch): boolean {
  const na = a.term.keys.filter((k) => /^\d/.test(k)).sort().join(' ');
  const nb = b.term.keys.filter((k) => /^\d/.test(k)).sort().join(' ');
  return na === nb;
}

/**
 * A term gathered from words far apart loses to a tight phrase that claims one of its words and
 * reaches beyond it: in "sore throat and fever", "sore" belongs to "sore throat", so the index
 * term "Fever > sore" (a cold sore) is not read across the two findings.
 */
function dropCrossed(matches: TermMatch[]): TermMatch[] {
  const slack = (m: TermMatch, spots: Set<number>) => Math.max(...m.positions) - Math.min(...m.positions) + 1 - spots.size;
  const spots = matches.map((m) => new Set(m.positions));
  const tight = matches.map((m, i) => spots[i]!.size >= 2 && slack(m, spots[i]!) <= 1);
  return matches.filter((m, i) => {
    if (slack(m, spots[i]!) < 2) return true;
    return !matches.some((_, j) => {
      if (j === i || !tight[j]) return false;
      const mine = spots[i]!;
      const theirs = spots[j]!;
      let shared = false;
      let outside = false;
      for (const p of theirs) if (mine.has(p)) shared = true; else outside = true;
      return shared && outside && [...mine].some((p) => !theirs.has(p));
    });
  });
}

function union(spans: Span[]): Span {
  return { start: Math.min(...spans.map((s) => s.start)), end: Math.max(...spans.map((s) => s.end)) };
}

/**
 * The reader's context of spans in one sentence, each span read once: the many terms that match
 * the same words ask about the same spans (about three questions per distinct span in clinical
 * notes), and each reading scans the cues around the mention. Context depends only on the span.
 */
function contextOnce(reader: NoteReader, note: NoteModel, sentence: Sentence): (span: Span) => ContextFlags {
  const read = new Map<number, { end: number; flags: ContextFlags }[]>();
  return (span) => {
    let atStart = read.get(span.start);
    if (!atStart) read.set(span.start, (atStart = []));
    let hit = atStart.find((r) => r.end === span.end);
    if (!hit) atStart.push((hit = { end: span.end, flags: reader.contextOf(note, sentence, span) }));
    return hit.flags;
  };
}

export function collectMentions(state: EngineState, note: NoteModel, reader: NoteReader, options: AnalyzeOptions): Map<string, CodeAggregate> {
  const setting = options.setting ?? 'outpatient';
  const byCode = new Map<string, CodeAggregate>();
  const add = (record: CodeRecord, missing: string[], mention: Mention): void => {
    let agg = byCode.get(record.normalized);
    if (!agg) {
      agg = { record, mentions: [], missing };
      byCode.set(record.normalized, agg);
    }
    agg.mentions.push(mention);
  };
  for (const { sentence, ownFrom } of note.sentences.flatMap(windows)) {
    if (sentence.tokens.length === 0) continue;
    const keys = sentenceKeys(note.text, sentence);
    const flagsOf = new Map<TermMatch, ContextFlags>();
    const contextOf = contextOnce(reader, note, sentence);
    // Context is read before subsumption: a denied longer term ("diabetes, no complications")
    // must not hide the affirmed shorter one inside it.
    const all = keepBestNumbered([...matchAll(state.dictionary, keys), ...matchNeoplasms(state.neoplasms, keys, note.text)]).filter((m) => {
      if (ownFrom > 0 && Math.min(...m.positions) < ownFrom) return false;
      const flags = contextOf(union(m.evidence));
      flagsOf.set(m, flags);
      if (flags.negated || flags.hypothetical || flags.subject === 'other') return false;
      // A term whose own words include a denied one ("no complications") is denied too.
      return m.evidence.length < 2 || !m.evidence.some((e) => contextOf(e).negated);
    });
    const uncrossed = dropCrossed(all);
    const kept = dropSubsumed(uncrossed, (shorter, longer) => state.alsoCoded(longer.term.code, shorter.term.code));
    const keptSet = new Set(kept);
    // Words inside a longer term stay as weak candidates (ranked, below the default threshold).
    // So do terms read across two findings: ranked, never shown by default.
    const weak = new Set(preferAuthoritative(all.filter((m) => !keptSet.has(m))));
    const matches = [...preferAuthoritative(kept), ...weak];
    if (matches.length === 0) continue;
    const contextKeys = new Set(keys.positions.keys());
    for (const match of matches) {
      const span = union(match.evidence);
      const flags = flagsOf.get(match)!;
      // A term whose own words include an uncertain one ("tests suggest asthma or COPD") is uncertain too.
      if (setting === 'outpatient' && (flags.uncertain || (match.evidence.length > 1 && match.evidence.some((e) => contextOf(e).uncertain)))) continue;
      // Attributes only matter when the code still has axes to choose (a header or a 7th character).
      let ctx = contextKeys;
      let attrs: SpecificityAttributes | undefined;
      if (state.resolver.needsWalk(match.term.code)) {
        attrs = reader.attributes(note, sentence, span);
        ctx = new Set(contextKeys);
        for (const k of attributeKeys(attrs)) ctx.add(k);
      }
      const resolved = state.resolver.resolve(match.term.code, ctx, attrs);
      if (!resolved) continue;
      let record = resolved.record;
      let reason = match.term.reason;
      const mentionFlags: Mention['flags'] = {};
      if (flags.uncertain) mentionFlags.uncertain = true;
      let weight = 1;
      if (flags.family || flags.subject === 'family') {
        const z = familyHistoryCode(record.normalized);
        const zr = z ? state.resolver.resolve(z, ctx) : undefined;
        if (!zr) continue;
        reason = `family history of ${record.code} (${reason})`;
        record = zr.record;
        mentionFlags.family = true;
      } else if (flags.historical && /^Z79/.test(record.normalized)) {
        // A drug stopped or taken in the past is not current long-term therapy.
        continue;
      } else if (flags.historical && !isChronicCondition(record.normalized)) {
        const z = personalHistoryCode(record.normalized);
        const zr = z ? state.resolver.resolve(z, ctx) : undefined;
        if (zr) {
          reason = `personal history of ${record.code} (${reason})`;
          record = zr.record;
          mentionFlags.historical = true;
        } else if (setting === 'outpatient') continue; // a past condition with no history code is not a current one
        else weight = 0.6;
      }
      if (weak.has(match)) {
        weight *= SUBSUMED_WEIGHT;
        mentionFlags.subsumed = true;
      }
      const score = SECTION_WEIGHT[sentence.section] * SOURCE_WEIGHT[match.term.source] * termStrength(match.term.keys.length, Math.max(...match.positions) - Math.min(...match.positions) + 1) * weight * codeWeight(record.normalized);
      add(record, record === resolved.record ? resolved.missing : [], { score, evidence: match.evidence, section: sentence.section, reason, flags: mentionFlags });
    }
  }
  return byCode;
}

function evidenceOf(text: string, mentions: Mention[]): Evidence[] {
  const seen = new Set<string>();
  const out: Evidence[] = [];
  for (const m of mentions) for (const s of m.evidence) {
    const k = `${s.start}:${s.end}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push({ start: s.start, end: s.end, text: text.slice(s.start, s.end) });
  }
  return out.sort((a, b) => a.start - b.start);
}

function scoreOf(agg: CodeAggregate): number {
  const score = combineMentions(agg.mentions.map((m) => m.score)) * (agg.missing.length > 0 ? MISSING_AXIS_FACTOR : 1);
  // Demoted codes keep their order among themselves, below the subsumed-word cap.
  if (agg.demoted) return score * SUBSUMED_CAP;
  return agg.mentions.every((m) => m.flags.subsumed) ? Math.min(SUBSUMED_CAP, score) : score;
}

export function toSuggestion(text: string, agg: CodeAggregate, reasonOverride?: string): Suggestion {
  const best = agg.mentions.reduce((a, b) => (b.score > a.score ? b : a));
  const context: Suggestion['context'] = { sections: [...new Set(agg.mentions.map((m) => m.section))] };
  if (agg.mentions.every((m) => m.flags.uncertain)) context.uncertain = true;
  if (agg.mentions.some((m) => m.flags.historical)) context.historical = true;
  if (agg.mentions.some((m) => m.flags.family)) context.family = true;
  return {
    code: agg.record.code,
    system: 'icd10cm',
    title: agg.record.title,
    score: Math.round(scoreOf(agg) * 1000) / 1000,
    // Words that only sit inside another code's longer term are not shown as this code's evidence
    // when it has its own ("diabetes ... complications" of a type 1 line is not type 2's evidence).
    evidence: evidenceOf(text, agg.mentions.some((m) => !m.flags.subsumed) ? agg.mentions.filter((m) => !m.flags.subsumed) : agg.mentions),
    reason: (reasonOverride ?? best.reason) + (agg.demoted ? `; ${agg.demoted}` : ''),
    context,
    missing: agg.missing,
  };
}

/**
 * Diagnoses the visit addressed first, in the assessment's order (outpatient); then score; ties go
 * to the earlier mention, then code order (deterministic).
 */
export function bySuggestionRank(a: Suggestion, b: Suggestion): number {
  if (a.order !== undefined || b.order !== undefined) {
    if (a.order === undefined) return 1;
    if (b.order === undefined) return -1;
    if (a.order !== b.order) return a.order - b.order;
  }
  return b.score - a.score || (a.evidence[0]?.start ?? 0) - (b.evidence[0]?.start ?? 0) || a.code.localeCompare(b.code);
}

/** Billable codes beside `code` under its parent (the other lateralities of a condition). */
function siblingsOf(index: CodesetIndex, code: string): { code: string; title: string }[] {
  const record = index.lookup(code, { system: 'icd10cm' });
  if (!record?.parent) return [];
  return index.children(record.parent, { system: 'icd10cm' }).filter((c) => c.billable && c.code !== record.code).map((c) => ({ code: c.code, title: c.title }));
}

/** ICD-10-CM suggestions for a parsed note, sorted by score, above the threshold. */

export function suggestDiagnoses(index: CodesetIndex, note: NoteModel, options: AnalyzeOptions = {}, reader: NoteReader = defaultNoteReader): Suggestion[] {
  const state = engineFor(index);
  const byCode = collectMentions(state, note, reader, options);
  const outpatient = (options.setting ?? 'outpatient') === 'outpatient';
  // Outpatient, integral symptoms are judged against the diagnoses the visit reports (decideOutpatient).
  const dropIntegral = options.dropIntegralSymptoms ?? outpatient;
  // Outpatient, specificity is settled among the reported codes (decideOutpatient), so a word read
  // across list items elsewhere cannot demote what the assessment names.
  // Without an assessment, a bare word repeating a condition named in full is still demoted here.
  const assessed = outpatient && readAssessment(note).present;
  const coded = applyCombinations(state, note.text, byCode, { dropIntegralSymptoms: dropIntegral && !outpatient, preferSpecific: assessed ? false : options.preferSpecific ?? outpatient, bareRepeatsOnly: outpatient });
  const combined = coded.map((c) => toSuggestion(note.text, c.aggregate, c.reason));
  const suggestions = outpatient ? decideOutpatient(note, combined, { dropIntegralSymptoms: dropIntegral, alsoCoded: state.alsoCoded, titleOf: (code) => { const r = index.lookup(code, { system: 'icd10cm' }); return r?.billable ? r.title : undefined; }, siblingsOf: (code) => siblingsOf(index, code), historyCodeOf: personalHistoryCode }) : combined;
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  return suggestions.filter((s) => s.score >= threshold).sort(bySuggestionRank);
}
