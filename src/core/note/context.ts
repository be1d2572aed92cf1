// ConText-style assertion of one mention: which cues reach it, before or after, within their
// window and before a terminator. The nearest assertion cue before a mention closes the scope of
// farther cues of other kinds ("denies fever, history of MI": MI is historical, not negated);
// family and other-person cues are closed only by terminators and by the patient as subject.
import { FAMILY_MEMBERS, OTHER_PEOPLE, RELATIVE_LINKS, type CueDef, type CueRole } from './cues';
import { matchCues, type CueMatch } from './cueMatcher';
import type { Assertion, ContextFlags, NoteModel, Sentence, Span, Token } from './model';
import { mentionTokens, wordsBetween } from './mention';

const LOOK_BEHIND = 60;
const LOOK_AHEAD = 15;
type FlagKind = Exclude<Assertion, 'present'>;
const ASSERTIONS: FlagKind[] = ['negated', 'uncertain', 'hypothetical', 'historical'];
const PRIORITY: FlagKind[] = ['negated', 'family', 'hypothetical', 'uncertain', 'historical'];
const DETERMINERS = new Set(['his', 'her', 'the', 'their', 'a', 'patient', "patient's", 'maternal', 'paternal', 'both']);

/** Links that make a relative the subject only right after the relative: "mother is diabetic". */
const WEAK_LINKS = new Set(['is', 'was', 'were', 'are', 'history', 'hx', 'h', "'", ':', '-']);
const OBJECT_OF = new Set(['with', 'to', 'for', 'from', 'of', 'at', 'by', 'in', 'visit', 'visiting', 'called', 'told', 'asked']);

interface Applied { kind: FlagKind; match: CueMatch }

function relativeCues(tokens: Token[], from: number, to: number, taken: Uint8Array): CueMatch[] {
  const out: CueMatch[] = [];
  for (let k = from; k < to; k++) {
    const norm = tokens[k]!.norm;
    const family = FAMILY_MEMBERS.has(norm);
    if ((!family && !OTHER_PEOPLE.has(norm)) || taken[k - from]) continue;
    const role: CueRole = family ? 'family' : 'otherSubject';
    // "mother with", "father had", "sister's", "brother:": the relative is the subject of what follows
    // (not the object of a preposition: "lives with her mother and has asthma").
    let p = k - 1;
    while (p >= from && p > k - 4 && DETERMINERS.has(tokens[p]!.norm)) p--;
    const isObject = p >= from && OBJECT_OF.has(tokens[p]!.norm);
    for (let j = k + 1; j <= k + 3 && j < to && !isObject; j++) {
      if (tokens[j]!.norm === 'and' || tokens[j]!.norm === ',') break;
      const link = tokens[j]!.norm;
      if (RELATIVE_LINKS.has(link) && (j === k + 1 || !WEAK_LINKS.has(link))) {
        out.push({ first: k, last: k, defs: [{ phrase: norm, roles: [role], direction: 'pre', window: 20 }] });
        break;
      }
    }
    // "... in her mother": the relative is who has what precedes.
    let b = k - 1;
    while (b >= from && b > k - 4 && DETERMINERS.has(tokens[b]!.norm)) b--;
    if (b >= from && (tokens[b]!.norm === 'in' || tokens[b]!.norm === 'by')) {
      out.push({ first: b, last: k, defs: [{ phrase: norm, roles: [role], direction: 'post', window: 8 }] });
    }
  }
  return out;
}

/** "and she", ", he", "and that the patient": the patient opens a new clause that no earlier cue reaches. */
function startsClause(tokens: Token[], at: number): boolean {
  let p = at - 1;
  if (tokens[p]?.norm === 'that') p--;
  const before = tokens[p]?.norm;
  return before === 'and' || before === ',' || before === 'but';
}

// Roles as bits: the loops below ask about every cue in the window for every mention, and sets
// made for each question were most of what reading a note allocated.
const ROLES: CueRole[] = ['present', 'negated', 'uncertain', 'hypothetical', 'historical', 'family', 'pseudo', 'terminate', 'patientSubject', 'otherSubject'];
const BIT = Object.fromEntries(ROLES.map((r, i) => [r, 1 << i])) as Record<CueRole, number>;
const SELF = 1, PRE = 2, POST = 4, BOTH = 8;
const DIRECTION: Record<CueDef['direction'], number> = { self: SELF, pre: PRE, post: POST, both: BOTH };

/** The roles of `defs` looking in `directions` (bits), and those whose window reaches `distance` words. */
function rolesOf(defs: CueDef[], directions: number, distance: number): { roles: number; inWindow: number } {
  let roles = 0;
  let inWindow = 0;
  for (const d of defs) {
    if (!(DIRECTION[d.direction] & directions)) continue;
    for (const r of d.roles) { roles |= BIT[r]; if (distance <= d.window) inWindow |= BIT[r]; }
  }
  return { roles, inWindow };
}

const ASSERTION_BITS = ASSERTIONS.reduce((m, a) => m | BIT[a], 0);

export function contextOf(note: NoteModel, sentence: Sentence, span: Span): ContextFlags {
  const flags: ContextFlags = { negated: false, uncertain: false, hypothetical: false, historical: false, family: false, subject: 'patient' };
  const tokens = sentence.tokens;
  const at = mentionTokens(sentence, span);
  let other = false;
  const applied: Applied[] = [];
  if (at) {
    const from = Math.max(0, at.first - LOOK_BEHIND);
    const to = Math.min(tokens.length, at.last + 1 + LOOK_AHEAD);
    const cues = matchCues(tokens, from, to);
    const taken = new Uint8Array(to - from);
    for (const c of cues) for (let i = c.first; i <= c.last; i++) taken[i - from] = 1;
    const all = [...cues, ...relativeCues(tokens, from, to, taken)].sort((a, b) => a.first - b.first || a.last - b.last);
    const apply = (kind: FlagKind | 'otherSubject', match: CueMatch): void => {
      if (kind === 'otherSubject') { other = true; return; }
      flags[kind] = true;
      applied.push({ kind, match });
    };

    // Cues overlapping the mention: only "self" cues speak about it.
    for (const c of all) {
      if (c.last < at.first || c.first > at.last) continue;
      const inWindow = rolesOf(c.defs, SELF, 0).inWindow;
      for (const r of ROLES) if (inWindow & BIT[r] && r !== 'pseudo') apply(r as FlagKind, c);
    }

    // Before the mention, nearest first.
    let decided: number | undefined;
    let familyClosed = false;
    for (let k = all.length - 1; k >= 0; k--) {
      const c = all[k]!;
      if (c.last >= at.first) continue;
      const { roles, inWindow } = rolesOf(c.defs, PRE | BOTH, wordsBetween(tokens, c.last, at.first));
      if (roles & BIT.terminate) break;
      if (roles & BIT.pseudo) continue;
      if (roles & BIT.patientSubject) {
        if (startsClause(tokens, c.first)) break; // "..., and that he sustained a sprain": a new clause
        familyClosed = true;
        continue;
      }
      for (const r of ['family', 'otherSubject'] as const) if (inWindow & BIT[r] && !familyClosed) apply(r, c);
      const kinds = roles & ASSERTION_BITS;
      if (kinds === 0) continue;
      // The nearest assertion cue decides which kinds farther cues may still add.
      if (decided !== undefined && (kinds & ~decided) !== 0) continue;
      decided ??= kinds;
      for (const a of ASSERTIONS) if (kinds & BIT[a] && inWindow & BIT[a] && !flags[a]) apply(a, c);
    }

    // After the mention, nearest first.
    for (const c of all) {
      if (c.first <= at.last) continue;
      const { roles, inWindow } = rolesOf(c.defs, POST | BOTH, wordsBetween(tokens, at.last, c.first));
      if (rolesOf(c.defs, PRE, 0).roles & BIT.terminate) break;
      if (roles & BIT.pseudo) continue;
      let hit = false;
      for (const r of ROLES) {
        if (!(inWindow & BIT[r])) continue;
        if (r === 'family' || r === 'otherSubject' || (ASSERTIONS as CueRole[]).includes(r)) { apply(r as FlagKind | 'otherSubject', c); hit = true; }
      }
      if (hit) break;
    }
  }

  if (sentence.section === 'familyHistory' && !other) {
    if (!flags.family) {
      const section = note.sections.find((s) => s.start <= sentence.start && sentence.start < s.end && s.kind === 'familyHistory');
      flags.family = true;
      if (section?.headingSpan) {
        flags.cue = { text: note.text.slice(section.headingSpan.start, section.headingSpan.end), span: { ...section.headingSpan }, kind: 'family' };
      }
    }
  }
  flags.subject = flags.family ? 'family' : other ? 'other' : 'patient';

  for (const kind of PRIORITY) {
    const hit = applied.find((a) => a.kind === kind);
    if (hit) {
      const span = { start: tokens[hit.match.first]!.start, end: tokens[hit.match.last]!.end };
      flags.cue = { text: note.text.slice(span.start, span.end), span, kind };
      break;
    }
  }
  return flags;
}
