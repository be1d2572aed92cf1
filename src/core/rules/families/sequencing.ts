// Sequencing conventions: manifestation codes ("in diseases classified elsewhere") are never
// first-listed; "code first" asks for the underlying condition before the code; "use additional
// code" asks for a second code (information only: it often depends on what was documented).
import type { TabularNote } from '../../codeset/api';
import { icdDisplay, normalizeCode } from '../../codes';
import { dx, warning, type RuleFamily } from '../rule';
import type { RuleWarning } from '../types';
import { tabularSource } from './tabular';

const ELSEWHERE = /in diseases classified elsewhere|in diseases classd elswhr/i;

export const sequencing: RuleFamily = {
  name: 'sequencing',
  rules: ['icd10cm.manifestation-first', 'icd10cm.code-first', 'icd10cm.use-additional'],
  run(run) {
    const index = run.ctx.index;
    const dxs = run.claim.diagnoses.map((d, i) => ({ code: normalizeCode(d.code), i, system: d.system })).filter((d) => d.system === 'icd10cm' && d.code.length >= 3);
    if (dxs.length === 0) return [];
    const src = tabularSource(run);
    const out: RuleWarning[] = [];
    const onClaim = (refs: TabularNote['refs'], except: number) => dxs.filter((d) => d.i !== except && index.inRanges(d.code, refs));
    const codeFirstNotes = (code: string) =>
      src ? index.notes(code, { system: 'icd10cm', date: src.date, inherited: true, types: ['codeFirst'] }).filter((n) => n.refs.length > 0) : [];

    const first = dxs.find((d) => d.i === 0);
    if (first) {
      const rec = index.lookup(first.code, { system: 'icd10cm', date: run.date }) ?? index.lookup(first.code, { system: 'icd10cm' });
      const mce = index.mceEdits(first.code, { date: run.date }).find((e) => e.edit === 'manifestation');
      if (mce || (rec && ELSEWHERE.test(rec.title))) {
        const etiology = codeFirstNotes(first.code).flatMap((n) => onClaim(n.refs, first.i))[0];
        out.push(
          warning('icd10cm.manifestation-first', `${icdDisplay(first.code)} is a manifestation code and cannot be first-listed; list the underlying condition first.`, dx(0), {
            source: mce
              ? { dataset: 'mce', version: mce.version, text: mce.text, row: { code: mce.code, edit: mce.edit, rule: mce.rule } }
              : { dataset: 'icd10cm', version: rec!.version, row: { code: rec!.code, title: rec!.title } },
            fixes: etiology
              ? [{ title: `List ${icdDisplay(etiology.code)} first`, edit: { op: 'moveDiagnosis', from: etiology.i, to: 0 } }]
              : dxs.length > 1
                ? [{ title: `Move ${icdDisplay(first.code)} after the next diagnosis`, edit: { op: 'moveDiagnosis', from: 0, to: 1 } }]
                : [],
            key: `icd10cm.manifestation-first:${first.code}`,
          }),
        );
      }
    }
    if (!src) {
      run.unchecked({ dataset: 'icd10cm tabular', checks: ['icd10cm.code-first', 'icd10cm.use-additional'], reason: 'no ICD-10-CM Tabular List (code first / use additional code notes) is loaded' });
      return out;
    }
    for (const d of dxs) {
      for (const note of codeFirstNotes(d.code)) {
        const present = onClaim(note.refs, d.i);
        const source = { dataset: 'icd10cm', version: note.version, text: note.text, row: { code: icdDisplay(note.from), type: 'codeFirst', refs: note.refs } };
        if (present.length === 0) {
          out.push(warning('icd10cm.code-first', `${icdDisplay(d.code)} says "${note.text}"; no such code is on the claim. Add the underlying condition if it is documented.`, dx(d.i), {
            severity: 'info', source, key: `icd10cm.code-first:${d.code}:missing`,
          }));
        } else if (present.every((p) => p.i > d.i)) {
          const p = present[0]!;
          out.push(warning('icd10cm.code-first', `${icdDisplay(p.code)} must be listed before ${icdDisplay(d.code)} ("${note.text}").`, dx(d.i), {
            source, fixes: [{ title: `Move ${icdDisplay(p.code)} before ${icdDisplay(d.code)}`, edit: { op: 'moveDiagnosis', from: p.i, to: d.i } }],
            key: `icd10cm.code-first:${d.code}:${p.code}`,
          }));
        }
        break;
      }
      const additional = index.notes(d.code, { system: 'icd10cm', date: src.date, inherited: true, types: ['useAdditionalCode'] }).filter((n) => n.refs.length > 0);
      for (const note of additional) {
        if (onClaim(note.refs, d.i).length > 0) continue;
        out.push(warning('icd10cm.use-additional', `${icdDisplay(d.code)}: "${note.text}". Add that code if the note documents it.`, dx(d.i), {
          source: { dataset: 'icd10cm', version: note.version, text: note.text, row: { code: icdDisplay(note.from), type: 'useAdditionalCode', refs: note.refs } },
          key: `icd10cm.use-additional:${d.code}:${note.from}`,
        }));
      }
    }
    return out;
  },
};
