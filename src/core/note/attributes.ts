// Specificity cues near a mention, in its sentence: laterality, acuity, episode of care, trimester
// and stage. Each axis looks at a bounded window (inside the mention first, then nearest before,
// then nearest after) so a question costs the same in a 1 MB sentence as in a short one.
import type { Acuity, EpisodeOfCare, NoteModel, Sentence, Span, SpecificityAttributes, Token, Trimester } from './model';
import { mentionTokens } from './mention';

const HARD_STOP = new Set([';', '.', 'but', 'however', 'although', 'whereas', 'while']);

type Probe<T> = (tokens: Token[], i: number) => { value: T; first: number; last: number } | undefined;

/** Nearest hit of `probe`: inside the mention, then alternately before and after, within the windows. */
function nearest<T>(tokens: Token[], first: number, last: number, before: number, after: number, probe: Probe<T>) {
  for (let i = first; i <= last; i++) { const h = probe(tokens, i); if (h) return h; }
  let b = first - 1, a = last + 1, stopB = false, stopA = false;
  for (let d = 1; d <= Math.max(before, after); d++, b--, a++) {
    if (!stopB && d <= before && b >= 0) {
      if (HARD_STOP.has(tokens[b]!.norm)) stopB = true; else { const h = probe(tokens, b); if (h) return h; }
    }
    if (!stopA && d <= after && a < tokens.length) {
      if (HARD_STOP.has(tokens[a]!.norm)) stopA = true; else { const h = probe(tokens, a); if (h) return h; }
    }
  }
  return undefined;
}

const norm = (tokens: Token[], i: number): string => tokens[i]?.norm ?? '';

const laterality: Probe<'right' | 'left' | 'bilateral'> = (t, i) => {
  const n = norm(t, i);
  // "right and left", "left and right" -> bilateral
  if ((n === 'right' || n === 'left') && norm(t, i + 1) === 'and' && (norm(t, i + 2) === 'left' || norm(t, i + 2) === 'right') && norm(t, i + 2) !== n) {
    return { value: 'bilateral', first: i, last: i + 2 };
  }
  if (n === 'bilateral' || n === 'bilaterally' || n === 'both' || n === 'bl' && t[i]!.text === 'BL') return { value: 'bilateral', first: i, last: i };
  if (n === 'b' && norm(t, i + 1) === '/' && norm(t, i + 2) === 'l') return { value: 'bilateral', first: i, last: i + 2 };
  if (n === 'right' || n === 'rt' || n === 'dexter') return { value: 'right', first: i, last: i };
  if (n === 'left' || n === 'lt' || n === 'sinister') return { value: 'left', first: i, last: i };
  // "R knee", "L shoulder": a capital R or L standing alone right before a word.
  const raw = t[i]!.text;
  if ((raw === 'R' || raw === 'L') && t[i + 1] && /^\p{L}/u.test(t[i + 1]!.text) && t[i + 1]!.start === t[i]!.end + 1) {
    return { value: raw === 'R' ? 'right' : 'left', first: i, last: i };
  }
  return undefined;
};

const ACUTE_WORDS = new Set(['acute', 'acutely', 'exacerbation', 'exacerbations', 'exacerbated', 'flare', 'flaring', 'decompensated', 'decompensation']);
const CHRONIC_WORDS = new Set(['chronic', 'chronically', 'longstanding', 'long-standing']);

const acuityWord: Probe<'acute' | 'chronic'> = (t, i) => {
  const n = norm(t, i);
  if (ACUTE_WORDS.has(n) || (n === 'flare' && norm(t, i + 1) === '-')) return { value: 'acute', first: i, last: i };
  if (CHRONIC_WORDS.has(n)) return { value: 'chronic', first: i, last: i };
  return undefined;
};

/** "acute on chronic", "acute-on-chronic", "acute exacerbation of chronic". */
const acuteOnChronic: Probe<'acute-on-chronic'> = (t, i) => {
  if (norm(t, i) !== 'acute') return undefined;
  for (let j = i + 1; j <= i + 4 && j < t.length; j++) {
    if (norm(t, j) === 'chronic') return { value: 'acute-on-chronic', first: i, last: j };
    if (!['on', '-', 'exacerbation', 'of'].includes(norm(t, j))) return undefined;
  }
  return undefined;
};

function acuity(t: Token[], first: number, last: number): { value: Acuity; first: number; last: number } | undefined {
  const combined = nearest(t, first, last, 6, 4, acuteOnChronic);
  if (combined) return combined;
  const near = nearest(t, first, last, 5, 4, acuityWord);
  if (!near) return undefined;
  // A chronic condition "with acute exacerbation" (or the reverse) is acute on chronic.
  const want = near.value === 'acute' ? 'chronic' : 'acute';
  const lo = Math.max(0, first - 6), hi = Math.min(t.length - 1, last + 5);
  for (let i = lo; i <= hi; i++) {
    if (i >= near.first && i <= near.last) continue;
    const other = acuityWord(t, i);
    if (other && other.value === want) return { value: 'acute-on-chronic', first: Math.min(i, near.first), last: Math.max(i, near.last) };
  }
  return near;
}

const episodeCue: Probe<EpisodeOfCare> = (t, i) => {
  const n = norm(t, i), n1 = norm(t, i + 1), n2 = norm(t, i + 2);
  if (n === 'sequela' || n === 'sequelae' || (n === 'late' && (n1 === 'effect' || n1 === 'effects'))) return { value: 'sequela', first: i, last: n === 'late' ? i + 1 : i };
  if (n === 'subsequent' || n === 'recheck' || n === 'healing' || n === 'nonunion' || n === 'malunion') return { value: 'subsequent', first: i, last: i };
  if ((n === 'follow' && (n1 === 'up' || (n1 === '-' && n2 === 'up'))) || n === 'followup') return { value: 'subsequent', first: i, last: n === 'followup' ? i : n1 === 'up' ? i + 1 : i + 2 };
  if (n === 'f' && n1 === '/' && n2 === 'u') return { value: 'subsequent', first: i, last: i + 2 };
  if (n === 'initial' || n === 'today' || n === 'yesterday' || n === 'tonight') return { value: 'initial', first: i, last: i };
  if ((n === 'presents' || n === 'presented' || n === 'presenting') && n1 === 'with') return { value: 'initial', first: i, last: i + 1 };
  if (n === 'this' && (n1 === 'morning' || n1 === 'afternoon' || n1 === 'evening')) return { value: 'initial', first: i, last: i + 1 };
  if (n === 'last' && n1 === 'night') return { value: 'initial', first: i, last: i + 1 };
  return undefined;
};

const EPISODE_RANK: Record<EpisodeOfCare, number> = { sequela: 3, subsequent: 2, initial: 1 };

/** The strongest episode cue in a window: sequela over subsequent over initial. */
function episode(t: Token[], first: number, last: number): { value: EpisodeOfCare; first: number; last: number } | undefined {
  let best: { value: EpisodeOfCare; first: number; last: number } | undefined;
  const lo = Math.max(0, first - 25), hi = Math.min(t.length - 1, last + 25);
  for (let i = lo; i <= hi; i++) {
    const h = episodeCue(t, i);
    if (h && (!best || EPISODE_RANK[h.value] > EPISODE_RANK[best.value])) best = h;
  }
  return best;
}

const ORDINAL_TRIMESTER: Record<string, Trimester> = { first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3 };
const PREGNANCY_WORDS = new Set(['pregnant', 'pregnancy', 'gestation', 'gestational', 'ega', 'ga', 'iup', 'intrauterine', 'gravid', 'weeks\'', 'pregnancies', 'g1p0', 'primigravida', 'multigravida']);

function trimester(t: Token[], first: number, last: number): { value: Trimester; evidence: Span[] } | undefined {
  const lo = Math.max(0, first - 25), hi = Math.min(t.length - 1, last + 25);
  for (let i = lo; i <= hi; i++) {
    const n = norm(t, i);
    if (n === 'trimester' && i > 0 && ORDINAL_TRIMESTER[norm(t, i - 1)]) {
      return { value: ORDINAL_TRIMESTER[norm(t, i - 1)]!, evidence: [{ start: t[i - 1]!.start, end: t[i]!.end }] };
    }
  }
  let pregnancy = false;
  for (let i = lo; i <= hi && !pregnancy; i++) pregnancy = PREGNANCY_WORDS.has(norm(t, i)) || /^g\d+p\d+$/.test(norm(t, i));
  if (!pregnancy) return undefined;
  for (let i = lo; i <= hi; i++) {
    const w = norm(t, i + 1);
    // "30 weeks", "30-week", "30 wks", "30 4/7 weeks"
    const unitAt = w === 'weeks' || w === 'week' || w === 'wks' || w === 'wk' ? i + 1
      : w === '-' && ['week', 'weeks'].includes(norm(t, i + 2)) ? i + 2
      : norm(t, i + 2) === '/' && norm(t, i + 3) === '7' && ['weeks', 'week', 'wks'].includes(norm(t, i + 4)) ? i + 4 : -1;
    if (unitAt < 0 || !/^\d{1,2}$/.test(norm(t, i))) continue;
    const weeks = Number(norm(t, i));
    if (weeks < 1 || weeks > 45) continue;
    const value: Trimester = weeks < 14 ? 1 : weeks < 28 ? 2 : 3;
    return { value, evidence: [{ start: t[i]!.start, end: t[unitAt]!.end }] };
  }
  return undefined;
}

const ROMAN: Record<string, string> = { i: '1', ii: '2', iii: '3', iv: '4', v: '5' };

/** "1".."5" with an optional a/b suffix, from "3a", "IIIb", "iv", "4". */
function stageValue(raw: string): string | undefined {
  const m = /^(\d|i{1,3}|iv|v)([abc])?$/.exec(raw);
  if (!m) return undefined;
  const base = ROMAN[m[1]!] ?? m[1]!;
  if (Number(base) < 0 || Number(base) > 5) return undefined;
  return base + (m[2] ?? '');
}

const stageCue: Probe<string> = (t, i) => {
  const n = norm(t, i);
  if (n === 'esrd' || n === 'eskd') return { value: 'esrd', first: i, last: i };
  if (n === 'end') {
    let j = i + 1;
    if (norm(t, j) === '-') j++;
    if (norm(t, j) === 'stage' && ['renal', 'kidney'].includes(norm(t, j + 1))) return { value: 'esrd', first: i, last: j + 1 };
    return undefined;
  }
  if (n === 'stage' || n === 'ckd') {
    let j = i + 1;
    if (norm(t, j) === 'stage') j++;
    if (norm(t, j) === '-' || norm(t, j) === ':') j++;
    let raw = norm(t, j);
    let last = j;
    if (/^(\d|i{1,3}|iv|v)$/.test(raw) && (norm(t, j + 1) === 'a' || norm(t, j + 1) === 'b') && t[j + 1]!.start === t[j]!.end) { raw += norm(t, j + 1); last = j + 1; }
    // KDIGO "G3a"
    if (n === 'ckd' && /^g\d[ab]?$/.test(raw)) raw = raw.slice(1);
    const v = stageValue(raw);
    if (v) return { value: v, first: i, last };
  }
  return undefined;
};

export function attributes(_note: NoteModel, sentence: Sentence, span: Span): SpecificityAttributes {
  const out: SpecificityAttributes = { evidence: [] };
  const at = mentionTokens(sentence, span);
  if (!at) return out;
  const t = sentence.tokens;
  const spanOf = (first: number, last: number): Span => ({ start: t[first]!.start, end: t[last]!.end });

  const lat = nearest(t, at.first, at.last, 6, 3, laterality);
  if (lat) { out.laterality = lat.value; out.evidence.push(spanOf(lat.first, lat.last)); }
  const ac = acuity(t, at.first, at.last);
  if (ac) { out.acuity = ac.value; out.evidence.push(spanOf(ac.first, ac.last)); }
  const ep = episode(t, at.first, at.last);
  if (ep) { out.episode = ep.value; out.evidence.push(spanOf(ep.first, ep.last)); }
  const tri = trimester(t, at.first, at.last);
  if (tri) { out.trimester = tri.value; out.evidence.push(...tri.evidence); }
  const st = nearest(t, at.first, at.last, 6, 5, stageCue);
  if (st) { out.stage = st.value; out.evidence.push(spanOf(st.first, st.last)); }
  out.evidence.sort((a, b) => a.start - b.start);
  return out;
}
