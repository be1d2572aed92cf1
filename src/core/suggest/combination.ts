// ICD-10-CM "with" conventions (guideline I.A.15, I.C.4.a, I.C.9.a): linked conditions take a
// combination code and the parts it absorbs are not coded again. Also drops signs and symptoms
// routinely associated with a confirmed diagnosis of the same body system (I.B.5).
import type { CodeAggregate, EngineState, Mention } from './aggregate';
import { foldWord, stem } from './terms';

/** A code that stays; `reason` replaces its mentions' reason (a combination code's). */
export interface Combined { aggregate: CodeAggregate; reason?: string }

const DIABETES_UNCOMPLICATED = /^E(0[89]|1[013])9$/;
const isCkd = (c: string) => c.startsWith('N18');
const isEndStageCkd = (c: string) => c === 'N185' || c === 'N186';
const isHeartFailure = (c: string) => c.startsWith('I50');

function find(byCode: Map<string, CodeAggregate>, test: (c: string) => boolean): CodeAggregate[] {
  return [...byCode.values()].filter((a) => !a.absorbedBy && test(a.record.normalized));
}

function combine(state: EngineState, code: string, parts: CodeAggregate[], reason: string): Combined | undefined {
  const record = state.index.lookup(code, { system: 'icd10cm' });
  if (!record?.billable) return undefined;
  const mentions: Mention[] = parts.flatMap((p) => p.mentions);
  return { aggregate: { record, mentions, missing: [] }, reason };
}

/** Signs and symptoms (R codes) -> the confirmed diagnoses that make them integral, and why. */
const SAME_SYSTEM = 'usually integral to a confirmed diagnosis of the same body system';
// Circulatory signs pair with the disorders that produce them: a murmur is part of a valve
// disorder, not of hypertension; palpitations of an arrhythmia; a raised reading of hypertension.
const INTEGRAL_SYMPTOMS: [RegExp, RegExp, string][] = [
  [/^R00/, /^I4[7-9]/, SAME_SYSTEM], [/^R01/, /^(I0[5-9]|I3[4-9]|Q2[0-4])/, 'usually integral to a confirmed valve disorder'],
  [/^R03/, /^I1[0-6]/, 'usually integral to confirmed hypertension'], [/^R0[24]/, /^I/, SAME_SYSTEM],
  [/^R0[4-6]/, /^J/, SAME_SYSTEM], [/^R0[56]/, /^I50/, 'usually integral to confirmed heart failure'],
  [/^R07/, /^I2[0-5]/, 'usually integral to confirmed ischemic heart disease'], [/^R60/, /^I50/, 'usually integral to confirmed heart failure'],
  [/^R5[34]/, /^I50/, 'usually integral to confirmed heart failure'], [/^R10/, /^K(2[5-9]|3[5-8]|4|5[0-7]|8)/, SAME_SYSTEM], [/^R11/, /^K(29|52|56|80|81|85)/, SAME_SYSTEM],
  [/^R12/, /^K2[01]/, SAME_SYSTEM], [/^R13/, /^K2[0-2]/, SAME_SYSTEM], [/^R14/, /^K(30|5[89])/, SAME_SYSTEM], [/^R1[5-9]/, /^K5/, SAME_SYSTEM],
  [/^R13/, /^J0[236]/, 'usually integral to a confirmed throat infection'], [/^R3[0-9]/, /^N/, SAME_SYSTEM], [/^R2[0-3]/, /^L/, SAME_SYSTEM],
  [/^R60/, /^S/, 'usually integral to the injury it surrounds'], [/^N23/, /^N2[01]/, 'usually integral to the confirmed urinary calculus'],
  [/^R50/, /^(A|B[0-8]|J0|J1[0-8]|J2[0-2]|J3[26]|N10|N30|N390|N41|N45|L0[0-3]|K35|K57|K65|K81|K83|H66|G0[0-4])/, 'usually integral to a confirmed infection'],
];


/** Why the sign or symptom `code` (no dot) is integral to one of the confirmed diagnoses `confirmed` (no dots), if it is (I.B.5). */
export function integralSymptomReason(code: string, confirmed: readonly string[]): string | undefined {
  if (!code.startsWith('R') && !code.startsWith('N23')) return undefined;
  const rule = INTEGRAL_SYMPTOMS.find(([symptom, diagnosis]) => symptom.test(code) && confirmed.some((d) => !d.startsWith('R') && !d.startsWith('Z') && diagnosis.test(d)));
  return rule?.[2];
}

export interface CombinationOptions {
  dropIntegralSymptoms?: boolean;
  /** Demote unspecified codes the note elaborates, and bare repeats of a named condition. */
  preferSpecific?: boolean;
  /** Only the bare repeats (outpatient: specificity is settled among the reported codes, in outpatient.ts). */
  bareRepeatsOnly?: boolean;
}

export function applyCombinations(state: EngineState, text: string, byCode: Map<string, CodeAggregate>, options: CombinationOptions = {}): Combined[] {
  const added: Combined[] = [];
  const ckd = find(byCode, isCkd);
  if (ckd.length > 0) {
    for (const dm of find(byCode, (c) => DIABETES_UNCOMPLICATED.test(c))) {
      const c = combine(state, `${dm.record.normalized.slice(0, 3)}22`, [dm, ...ckd], `combination: diabetes with chronic kidney disease (${dm.record.code} + ${ckd[0]!.record.code})`);
      if (c) {
        dm.absorbedBy = c.aggregate.record.code;
        added.push(c);
      }
    }
  }
  // Hypertension may already arrive combined from an index path (I12.9 "hypertension > kidney").
  const htn = find(byCode, (c) => c === 'I10' || /^I1[123]/.test(c));
  const hf = find(byCode, isHeartFailure);
  const withCkd = ckd.length > 0 || htn.some((a) => /^I1[23]/.test(a.record.normalized));
  const withHf = hf.length > 0 || htn.some((a) => /^I110|^I13[02]/.test(a.record.normalized));
  if (htn.length > 0 && (withCkd || withHf)) {
    const endStage = ckd.some((a) => isEndStageCkd(a.record.normalized)) || htn.some((a) => /^I1(20|32|311)/.test(a.record.normalized));
    let code: string;
    let label: string;
    if (withCkd && withHf) [code, label] = [endStage ? 'I132' : 'I130', 'hypertension with heart failure and chronic kidney disease'];
    else if (withCkd) [code, label] = [endStage ? 'I120' : 'I129', 'hypertension with chronic kidney disease'];
    else [code, label] = ['I110', 'hypertension with heart failure'];
    if (!htn.some((a) => a.record.normalized === code)) {
      const c = combine(state, code, [...htn, ...ckd, ...hf], `combination: ${label}`);
      if (c) {
        for (const h of htn) h.absorbedBy = c.aggregate.record.code;
        added.push(c);
      }
    }
  }
  if (options.dropIntegralSymptoms) {
    const confirmed = [...byCode.values()].filter((a) => !a.absorbedBy && !a.record.normalized.startsWith('R') && !a.record.normalized.startsWith('Z'));
    const codes = confirmed.map((d) => d.record.normalized);
    for (const a of byCode.values()) {
      const why = integralSymptomReason(a.record.normalized, codes);
      // Demoted below the default threshold rather than dropped: a coder may still want it (--all).
      if (why) a.demoted = why;
    }
  }
  if (options.preferSpecific && !options.bareRepeatsOnly) demoteUnspecifiedSiblings(byCode);
  if (options.preferSpecific) demoteBareRepeats(text, byCode);
  const out: Combined[] = [];
  for (const a of byCode.values()) if (!a.absorbedBy) out.push({ aggregate: a });
  for (const c of added) if (!byCode.has(c.aggregate.record.normalized)) out.push(c);
  return out;
}

/** `index "Anemia > deficiency > iron"` -> ["anemia", "deficiency", "iron"]; undefined for other reasons. */
function indexPath(reason: string): string[] | undefined {
  const m = /^index "([^"]+)"/.exec(reason);
  return m ? m[1]!.toLowerCase().split(' > ').map((p) => p.split(',')[0]!.trim()) : undefined;
}

/**
 * Guideline I.B: code to the highest specificity documented. When the note supports a specific
 * code ("streptococcal pharyngitis", J02.0), the unspecified code of the same category that a
 * looser phrase produced ("sore throat", J02.9) is demoted below the default threshold (it stays
 * in the --all ranking for the coder to compare).
 */
function demoteUnspecifiedSiblings(byCode: Map<string, CodeAggregate>): void {
  const live = [...byCode.values()].filter((a) => !a.absorbedBy);
  const isUnspecified = (a: CodeAggregate) => /\bunspecified\b/i.test(a.record.title);
  // Main terms each code elaborates with subterms (read once: a long note repeats mentions by the thousand).
  const elaborated = new Map<CodeAggregate, Set<string>>();
  const bareTerms = new Map<CodeAggregate, Set<string>>();
  for (const a of live) {
    const deep = new Set<string>();
    const bare = new Set<string>();
    const seen = new Set<string>();
    for (const m of a.mentions) {
      if (seen.has(m.reason)) continue;
      seen.add(m.reason);
      const path = indexPath(m.reason);
      if (!path) continue;
      if (path.length === 1) bare.add(path[0]!);
      else if (!m.flags.subsumed) deep.add(path[0]!);
    }
    elaborated.set(a, deep);
    bareTerms.set(a, bare);
  }
  for (const a of live) {
    if (!isUnspecified(a)) continue;
    const category = a.record.normalized.slice(0, 3);
    const specific = live.some((b) => b !== a && b.record.normalized.slice(0, 3) === category && !isUnspecified(b) && b.mentions.some((m) => !m.flags.subsumed));
    if (specific) a.demoted = 'a more specific code of the same category is documented';
    // The same condition elaborated in the Alphabetic Index: "anemia" (D64.9) beside "iron
    // deficiency anemia" (Anemia > deficiency > iron, D50.9).
    else if ([...bareTerms.get(a)!].some((term) => live.some((b) => b !== a && !b.demoted && elaborated.get(b)!.has(term)))) {
      a.demoted = 'the note documents a more specific form of the same condition';
    }
  }
}

/**
 * A condition named by one bare word ("the pain", "the hernia") in a note that names it with more
 * words elsewhere ("left shoulder pain") is the same condition mentioned again: its unspecified
 * code is demoted. Outpatient only: CodiEsp's hospital coders reported both (train MAP -0.025).
 */
function demoteBareRepeats(text: string, byCode: Map<string, CodeAggregate>): void {
  const wordOf = (span: { start: number; end: number }) => stem(foldWord(text.slice(span.start, span.end)));
  const qualified = new Map<string, Set<string>>();
  for (const [code, agg] of byCode) {
    if (agg.absorbedBy) continue;
    for (const m of agg.mentions) {
      if (m.evidence.length < 2 || m.flags.subsumed) continue;
      for (const e of m.evidence) {
        const w = wordOf(e);
        let codes = qualified.get(w);
        if (!codes) qualified.set(w, (codes = new Set()));
        codes.add(code);
      }
    }
  }
  for (const [code, agg] of byCode) {
    if (agg.absorbedBy || agg.demoted || !agg.mentions.every((m) => m.evidence.length === 1)) continue;
    const elsewhere = (m: Mention) => [...(qualified.get(wordOf(m.evidence[0]!)) ?? [])].some((c) => c !== code);
    if (agg.mentions.every(elsewhere)) agg.demoted = 'the same word names a more specific condition elsewhere in the note';
  }
}
