// Risk adjustment (CMS-HCC): a diagnosis that maps to a payment HCC must be supported in the
// linked note by MEAT (monitored, evaluated, assessed, treated); an unspecified code where the
// note documents a specific one that maps to an HCC; an HCC condition the note supports with MEAT
// that the claim leaves out. The model is the one CMS pays by in the payment year that follows the
// date of service (diagnoses of 2025 visits count for payment year 2026). Suggestions come only
// from what the note supports: an HCC without MEAT evidence is never suggested.
import type { CodesetIndex } from '../../codeset/api';
import { parseNote, type NoteModel, type Span } from '../../note';
import { assertedDiagnosis as asserted, conditionSpans, meatSupport, type MeatSupport } from '../../riskadjust/meat';
import { namingSpans } from '../../riskadjust/mentions';
import { hccTag, type HccTag, type RiskModelTables } from '../../riskadjust/tables';
import { icdDisplay, normalizeCode as normalize } from '../../codes';
import { warning, type RuleFamily, type RuleRun } from '../rule';
import type { RuleWarning } from '../types';

let lastNote: { text: string; model: NoteModel } | undefined;
function modelOf(text: string): NoteModel {
  if (lastNote?.text !== text) lastNote = { text, model: parseNote(text) };
  return lastNote.model;
}

const category = (code: string): string => normalize(code).slice(0, 3);

function tagText(tag: HccTag): string {
  return `${tag.category}${tag.label ? ` ${tag.label}` : ''}, ${tag.model}`;
}

function tablesFor(run: RuleRun): RiskModelTables | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(run.date)) return undefined;
  return run.ctx.riskAdjustment?.tablesFor(Number(run.date.slice(0, 4)) + 1);
}

function isUnspecified(index: CodesetIndex, code: string, date: string): boolean {
  const rec = index.lookup(code, { system: 'icd10cm', date }) ?? index.lookup(code, { system: 'icd10cm' });
  return rec !== undefined && /\bunspecified\b|\bwithout complications?\b|\bNOS\b/i.test(rec.title);
}

export const hcc: RuleFamily = {
  name: 'risk adjustment (CMS-HCC)',
  rules: ['hcc.unsupported', 'hcc.specificity', 'hcc.suspect'],
  run(run) {
    const text = run.ctx.noteText;
    if (text === undefined) return [];
    const tables = tablesFor(run);
    if (!tables) return [];
    const note = modelOf(text);
    const setting = (run.claim.setting ?? run.ctx.analysis?.setting ?? 'outpatient').toLowerCase() === 'inpatient' ? 'inpatient' : 'outpatient';
    const suggestions = run.ctx.analysis?.suggestions ?? [];
    const out: RuleWarning[] = [];
    const onClaim = new Set(run.claim.diagnoses.filter((d) => d.system === 'icd10cm').map((d) => normalize(d.code)));
    const claimHccs = new Set<string>();
    const claimCategories = new Set<string>();
    const support = new Map<string, MeatSupport>();
    const supportOf = (code: string, spans: Span[]): MeatSupport => {
      const known = support.get(code);
      if (known) return known;
      const s = meatSupport(note, spans, setting);
      support.set(code, s);
      return s;
    };
    const source = (row: Record<string, unknown>) => ({ dataset: 'cms-hcc', version: `PY${tables.paymentYear} ${tables.model}`, row });

    // hcc.unsupported
    run.claim.diagnoses.forEach((d, i) => {
      if (d.system !== 'icd10cm' || d.code === '') return;
      const code = normalize(d.code);
      claimCategories.add(category(code));
      const tag = hccTag(tables, code);
      if (!tag) return;
      claimHccs.add(tag.category);
      let spans = conditionSpans(code, d.evidence, suggestions, tables);
      if (spans.length === 0) spans = namingSpans(run.ctx.index, note, code, run.date);
      if (spans.length === 0 && !run.ctx.analysis) {
        run.unchecked({ dataset: 'note', checks: ['hcc.unsupported'], reason: 'the note was not analyzed and some HCC diagnoses carry no evidence spans' });
        return;
      }
      const s = supportOf(code, spans);
      if (s.supported) return;
      const target = s.span ? { kind: 'note' as const, span: { start: s.span.start, end: s.span.end } } : { kind: 'diagnosis' as const, index: i };
      out.push(warning('hcc.unsupported', `${icdDisplay(code)} (diagnosis ${i + 1}) maps to ${tagText(tag)} but has no MEAT support in the note: ${s.reason}. Document monitoring, evaluation, assessment or treatment, or remove the code.`, target, {
        source: source({ diagnosis: i, code: icdDisplay(code), hcc: tag.category, label: tag.label, reason: s.reason }),
        fixes: [{ title: `Remove ${icdDisplay(code)}`, edit: { op: 'removeDiagnosis', index: i } }],
        key: `hcc.unsupported:${code}`,
      }));
    });

    if (suggestions.length === 0) return out;
    // hcc.specificity: an unspecified code on the claim, a documented specific code of the same category that maps to another HCC.
    const proposed = new Set<string>();
    run.claim.diagnoses.forEach((d, i) => {
      if (d.system !== 'icd10cm' || d.code === '') return;
      const code = normalize(d.code);
      const own = hccTag(tables, code);
      if (own && !isUnspecified(run.ctx.index, code, run.date)) return;
      for (const s of suggestions) {
        const n = normalize(s.code);
        if (!asserted(s) || n === code || onClaim.has(n) || proposed.has(n) || category(n) !== category(code)) continue;
        const tag = hccTag(tables, n);
        if (!tag || tag.category === own?.category) continue;
        const m = supportOf(n, conditionSpans(n, [], suggestions.filter((x) => normalize(x.code) === n), tables));
        if (!m.supported) continue;
        proposed.add(n);
        const span = m.span ?? s.evidence[0]!;
        out.push(warning('hcc.specificity', `${icdDisplay(code)} (diagnosis ${i + 1}) is less specific than the note: it documents ${icdDisplay(n)} (${tagText(tag)}).`, { kind: 'note', span: { start: span.start, end: span.end } }, {
          source: source({ diagnosis: i, code: icdDisplay(code), documented: icdDisplay(n), hcc: tag.category, label: tag.label, reason: m.reason }),
          fixes: [{ title: `Replace ${icdDisplay(code)} with ${icdDisplay(n)}`, edit: { op: 'replaceDiagnosis', index: i, code: icdDisplay(n) } }],
          key: `hcc.specificity:${code}>${n}`,
        }));
        break;
      }
    });

    // hcc.suspect: documented with MEAT, maps to an HCC, and neither the code, its category nor its HCC is on the claim.
    for (const s of suggestions) {
      const n = normalize(s.code);
      if (!asserted(s) || onClaim.has(n) || proposed.has(n) || claimCategories.has(category(n))) continue;
      const tag = hccTag(tables, n);
      if (!tag || claimHccs.has(tag.category)) continue;
      const m = supportOf(n, s.evidence.map((e) => ({ start: e.start, end: e.end })));
      if (!m.supported) continue;
      proposed.add(n);
      claimHccs.add(tag.category);
      const span = m.span ?? s.evidence[0]!;
      out.push(warning('hcc.suspect', `The note documents ${icdDisplay(n)} (${tagText(tag)}) with MEAT support (${m.reason}), but the claim does not carry it.`, { kind: 'note', span: { start: span.start, end: span.end } }, {
        source: source({ code: icdDisplay(n), hcc: tag.category, label: tag.label, reason: m.reason }),
        fixes: [{ title: `Add ${icdDisplay(n)}`, edit: { op: 'addDiagnosis', code: icdDisplay(n) } }],
        key: `hcc.suspect:${n}`,
      }));
    }
    return out;
  },
};
