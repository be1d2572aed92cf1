// Office E/M rules (CPT 2021+ level thresholds are facts, see ../shared/docs/domain.md):
// em.level-vs-time compares the level billed with the total time documented on the date
// (level may also rest on medical decision making, so an excess is an upcoding *risk*);
// em.new-vs-established compares the code family with the encounter's patient status.
import { EM_ESTABLISHED, EM_NEW, EM_TIME_MINIMUM, PROLONGED_CODE, isOfficeEm } from '../codes';
import { normalizeCode } from '../../codes';
import { line, warning, type RuleFamily, type RuleRun } from '../rule';
import type { RuleWarning } from '../types';

const TIME_SOURCE = { dataset: 'domain', text: 'E/M office visits by total time on the date: new 99202 15, 99203 30, 99204 45, 99205 60 min; established 99212 10, 99213 20, 99214 30, 99215 40 min' };

/** The highest level of the family whose time minimum the minutes reach. */
export function levelForTime(family: readonly string[], minutes: number): string | undefined {
  let best: string | undefined;
  for (const c of family) if (EM_TIME_MINIMUM[c] !== undefined && minutes >= EM_TIME_MINIMUM[c]!) best = c;
  return best;
}

export const em: RuleFamily = {
  name: 'e/m',
  rules: ['em.level-vs-time', 'em.new-vs-established'],
  run(run) {
    return [...levelVsTime(run), ...newVsEstablished(run)];
  },
};

function levelVsTime(run: RuleRun): RuleWarning[] {
  const minutes = run.claim.totalTimeMinutes;
  if (minutes === undefined || minutes < 0) return [];
  const out: RuleWarning[] = [];
  const hasProlonged = run.claim.lines.some((l) => ['99417', 'G2212'].includes(normalizeCode(l.code)));
  run.claim.lines.forEach((l, i) => {
    const code = normalizeCode(l.code);
    if (!isOfficeEm(code) || code === '99211') return;
    const family = (EM_NEW as readonly string[]).includes(code) ? EM_NEW : EM_ESTABLISHED;
    const supported = levelForTime(family, minutes);
    const min = EM_TIME_MINIMUM[code]!;
    const source = { ...TIME_SOURCE, row: { code, minimumMinutes: min, documentedMinutes: minutes } };
    if (minutes < min) {
      out.push(warning('em.level-vs-time', `${code} needs at least ${min} minutes of total time; the encounter documents ${minutes}. Unless medical decision making supports ${code}, this is an upcoding risk${supported ? `: time supports ${supported}` : ''}.`, line(i), {
        source, key: `em.level-vs-time:${code}:up`,
        fixes: supported ? [{ title: `Change to ${supported} (supported by ${minutes} minutes)`, edit: { op: 'setLineCode', line: i, code: supported } }] : [],
      }));
    } else if (supported && supported !== code) {
      out.push(warning('em.level-vs-time', `The encounter documents ${minutes} minutes, which supports ${supported}; ${code} may be undercoded.`, line(i), {
        severity: 'info', source, key: `em.level-vs-time:${code}:down`,
        fixes: [{ title: `Change to ${supported}`, edit: { op: 'setLineCode', line: i, code: supported } }],
      }));
    } else if (!hasProlonged && (code === '99205' || code === '99215') && minutes >= min + 15) {
      out.push(warning('em.level-vs-time', `${minutes} minutes is at least 15 minutes beyond the ${code} minimum; prolonged service ${PROLONGED_CODE} (Medicare: G2212) may apply.`, line(i), {
        severity: 'info', source, key: `em.level-vs-time:${code}:prolonged`,
      }));
    }
  });
  return out;
}

function newVsEstablished(run: RuleRun): RuleWarning[] {
  const status = run.claim.patientStatus?.toLowerCase();
  if (status !== 'new' && status !== 'established') return [];
  const out: RuleWarning[] = [];
  run.claim.lines.forEach((l, i) => {
    const code = normalizeCode(l.code);
    const isNew = (EM_NEW as readonly string[]).includes(code);
    const isEst = (EM_ESTABLISHED as readonly string[]).includes(code);
    if (status === 'established' && isNew) {
      const to = `9921${code[4]}`;
      out.push(warning('em.new-vs-established', `${code} is a new-patient visit but the patient is established (seen by the same specialty and group within 3 years).`, line(i), {
        source: { dataset: 'domain', text: 'CPT: new patient = no professional services from the same specialty and group in the past 3 years', row: { code, patientStatus: status } },
        fixes: [{ title: `Change to ${to}`, edit: { op: 'setLineCode', line: i, code: to } }], key: `em.new-vs-established:${code}`,
      }));
    }
    if (status === 'new' && isEst) {
      const to = code === '99211' ? undefined : `9920${code[4]}`;
      out.push(warning('em.new-vs-established', `${code} is an established-patient visit but the encounter records a new patient.`, line(i), {
        source: { dataset: 'domain', text: 'CPT: new patient = no professional services from the same specialty and group in the past 3 years', row: { code, patientStatus: status } },
        fixes: to ? [{ title: `Change to ${to}`, edit: { op: 'setLineCode', line: i, code: to } }] : [], key: `em.new-vs-established:${code}`,
      }));
    }
  });
  return out;
}
