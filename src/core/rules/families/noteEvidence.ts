// Rules that look at the note behind each coded diagnosis, through the evidence spans the claim
// keeps (and the analyzer's suggestions for the same code): a code resting only on negated words,
// on an uncertain diagnosis in an outpatient encounter, or left unspecified where the note states
// the side. Context comes from the note model (src/core/note contextOf / attributes) or from the
// analyzer's own flags. Messages never quote the note: they point at the span.
import type { CodeRecord } from '../../codeset/api';
import { attributes, contextOf, parseNote, type NoteModel, type Span } from '../../note';
import { icdDisplay, normalizeCode } from '../../codes';
import { warning, type RuleFamily, type RuleRun } from '../rule';
import type { AnalyzedContext, RuleWarning } from '../types';
import { sideOfTitle } from './modifiers';

interface Mention {
  span: Span;
  negated: boolean;
  uncertain: boolean;
  laterality?: string;
}

let lastNote: { text: string; model: NoteModel } | undefined;
function modelOf(text: string): NoteModel {
  if (lastNote?.text !== text) lastNote = { text, model: parseNote(text) };
  return lastNote.model;
}

function fromNote(note: NoteModel, span: Span): Mention {
  const sentence = note.sentences.find((s) => s.start <= span.start && span.end <= s.end);
  if (!sentence) return { span, negated: false, uncertain: false };
  const c = contextOf(note, sentence, span);
  const a = attributes(note, sentence, span);
  return { span, negated: c.negated, uncertain: c.uncertain, laterality: a.laterality };
}

function fromAnalysis(span: Span, c: AnalyzedContext | undefined, documented?: Record<string, string>): Mention {
  return { span, negated: c?.negated === true, uncertain: c?.uncertain === true, laterality: c?.laterality ?? documented?.laterality };
}

function mentionsOf(run: RuleRun, code: string, claimSpans: Span[]): Mention[] {
  const text = run.ctx.noteText;
  const note = text !== undefined ? modelOf(text) : undefined;
  const out: Mention[] = [];
  const seen = new Set<string>();
  for (const s of run.ctx.analysis?.suggestions ?? []) {
    if (normalizeCode(s.code) !== code) continue;
    for (const e of s.evidence) {
      seen.add(`${e.start}:${e.end}`);
      const m = fromAnalysis({ start: e.start, end: e.end }, s.context, s.documented);
      // The analyzer's flags win; the note model fills in what the analyzer did not say.
      if (note && !m.laterality) m.laterality = fromNote(note, m.span).laterality;
      out.push(m);
    }
  }
  if (note) {
    for (const span of claimSpans) {
      if (span.end > note.text.length || seen.has(`${span.start}:${span.end}`)) continue;
      out.push(fromNote(note, span));
    }
  }
  return out;
}

export const noteEvidence: RuleFamily = {
  name: 'note evidence',
  rules: ['note.negated-coded', 'note.uncertain-coded', 'note.unspecified-but-documented'],
  run(run) {
    if (run.ctx.noteText === undefined && !run.ctx.analysis) return [];
    const setting = (run.claim.setting ?? run.ctx.analysis?.setting ?? 'outpatient').toLowerCase();
    const out: RuleWarning[] = [];
    run.claim.diagnoses.forEach((d, i) => {
      if (d.system !== 'icd10cm' || d.code === '') return;
      const code = normalizeCode(d.code);
      const mentions = mentionsOf(run, code, d.evidence);
      if (mentions.length === 0) return;
      const span = mentions[0]!.span;
      const target = { kind: 'note' as const, span: { start: span.start, end: span.end } };
      const spans = mentions.map((m) => ({ start: m.span.start, end: m.span.end }));
      const remove = [{ title: `Remove ${icdDisplay(code)}`, edit: { op: 'removeDiagnosis' as const, index: i } }];
      if (mentions.every((m) => m.negated)) {
        out.push(warning('note.negated-coded', `${icdDisplay(code)} (diagnosis ${i + 1}) rests only on words the note negates; negated findings are not coded.`, target, {
          source: { dataset: 'note', row: { diagnosis: i, code: icdDisplay(code), evidence: spans, context: 'negated' } }, fixes: remove, key: `note.negated-coded:${code}`,
        }));
        return;
      }
      if (setting !== 'inpatient' && mentions.every((m) => m.uncertain || m.negated)) {
        out.push(warning('note.uncertain-coded', `${icdDisplay(code)} (diagnosis ${i + 1}) rests only on an uncertain diagnosis (probable, suspected, rule out); in an outpatient encounter code the documented signs and symptoms instead.`, target, {
          source: { dataset: 'note', text: 'ICD-10-CM Official Guidelines IV.H', row: { diagnosis: i, code: icdDisplay(code), evidence: spans, context: 'uncertain' } }, fixes: remove, key: `note.uncertain-coded:${code}`,
        }));
        return;
      }
      const side = mentions.find((m) => !m.negated && m.laterality)?.laterality;
      if (side) out.push(...unspecifiedSide(run, code, i, side, target, spans));
    });
    return out;
  },
};

function unspecifiedSide(run: RuleRun, code: string, i: number, side: string, target: { kind: 'note'; span: Span }, spans: Span[]): RuleWarning[] {
  const index = run.ctx.index;
  const rec = index.lookup(code, { system: 'icd10cm', date: run.date }) ?? index.lookup(code, { system: 'icd10cm' });
  if (!rec || !/unspecified/i.test(rec.title) || sideOfTitle(rec.title) !== undefined) return [];
  // Siblings and cousins under the category that name the documented side.
  const category = rec.code.slice(0, Math.max(3, rec.code.length - 2));
  const seventh = rec.code.length === 7 ? rec.code[6] : undefined;
  const candidates = index
    .billableDescendants(category, { system: 'icd10cm', date: run.date, limit: 400 })
    .filter((c) => sideOfTitle(c.title) === side && (!seventh || c.code[6] === seventh));
  if (candidates.length === 0) return [];
  const words = new Set(rec.title.toLowerCase().split(/\W+/).filter((w) => w && w !== 'unspecified'));
  const score = (c: CodeRecord) => c.title.toLowerCase().split(/\W+/).filter((w) => words.has(w)).length - c.title.length / 1000;
  const best = [...candidates].sort((a, b) => score(b) - score(a)).slice(0, 3);
  return [warning('note.unspecified-but-documented', `${icdDisplay(code)} leaves the side unspecified but the note documents the ${side} side; use the ${side}-side code.`, target, {
    source: { dataset: 'icd10cm', version: rec.version, row: { diagnosis: i, code: rec.code, title: rec.title, documented: { laterality: side }, evidence: spans } },
    fixes: best.map((c) => ({ title: `Replace with ${c.code} ${c.title}`, edit: { op: 'replaceDiagnosis' as const, index: i, code: c.code } })),
    key: `note.unspecified-but-documented:${code}`,
  })];
}
