// An appeal letter draft for a denied claim: the denial with each reason explained, the services
// in question, the note's words that support their codes (the evidence spans the coder accepted),
// and the guideline or edit the payer's reason turns on. Rendered as Markdown and as HTML from one
// outline so both say the same thing. The biller reviews and signs it; nothing here is sent.
import type { Claim, EvidenceSpan } from '../claim/schema';
import { carcInfo, CARC_LIST_URL, explainAdjustment, isExpectedAdjustment } from './carc';
import { claimStanding } from './history';
import { claimTotal, patientControlNumber } from './match';
import { explainRemark, RARC_LIST_URL } from './rarc';

/** What each rule's reason turns on, in our words: the source an appeal cites. */
const CITATIONS: Record<string, string> = {
  'ncci.ptp': 'NCCI procedure-to-procedure edits and the NCCI Policy Manual: a pair with modifier indicator 1 is paid separately when the services were distinct (separate site, session or encounter) and a distinct-service modifier (59, XE, XS, XP, XU) says so.',
  'ncci.mue': 'NCCI medically unlikely edits: units above the MUE are paid on appeal when the record documents the medical need for each unit.',
  'ncci.addon-without-primary': 'NCCI add-on code edits: an add-on code is paid with its primary procedure on the same claim.',
  'modifier.invalid': 'CPT and HCPCS Level II modifier rules: the modifier must be valid for the code and the date of service.',
  'icd10cm.excludes1': 'ICD-10-CM Official Guidelines, Section I.A.12.a (Excludes1 notes) and Section IV (outpatient diagnosis coding): the diagnosis reported is the one documented for the service.',
  'mce.age': 'Diagnosis and procedure edits for age (Medicare Code Editor): the patient\'s age on the date of service is on the claim.',
  'mce.sex': 'Diagnosis and procedure edits for sex (Medicare Code Editor): the patient\'s sex is on the claim.',
  'claim.required-field': 'X12 005010X222A1 (837P) required data elements: the missing information is supplied with this request.',
  'claim.duplicate-line': 'The services billed more than once were separate services, each documented.',
  'em.level-vs-time': 'The 2021 office E/M guidelines: the level is supported by medical decision making (two of problems, data, risk) or by total time on the date of the encounter.',
  'em.new-vs-established': 'CPT E/M definitions of new and established patients (no professional services from the same physician or group and specialty within three years).',
  'code.invalid': 'The code set in force on the date of service (ICD-10-CM fiscal year, HCPCS quarter).',
  'claim.place-of-service': 'The CMS place-of-service code set: the service was given in the place of service reported.',
  'claim.dates': 'The dates of service reported are those of the encounter documented.',
};

type Block = { h: string } | { p: string } | { list: string[] };

export interface AppealOptions {
  /** The note text, to quote evidence spans that do not carry their text. */
  noteText?: string;
  /** The letter's date (YYYY-MM-DD). */
  date: string;
}

export interface AppealLetter {
  markdown: string;
  html: string;
}

function money(n: number): string {
  return `$${n.toFixed(2)}`;
}

function quote(span: EvidenceSpan, noteText: string | undefined): string | undefined {
  const text = span.text ?? (noteText !== undefined ? noteText.slice(span.start, span.end) : undefined);
  const t = text?.replace(/\s+/g, ' ').trim();
  return t ? t : undefined;
}

export function appealLetter(claim: Claim, options: AppealOptions): AppealLetter {
  const s = claimStanding(claim);
  const r = s.remittance;
  if (!r || (s.standing !== 'denied' && s.standing !== 'partial'))
    throw new Error(`An appeal needs a denied or partially paid claim; this claim is ${s.standing === 'not-sent' ? 'not sent yet' : s.standing}.`);
  const payer = claim.payer?.name ?? r.payer?.name ?? 'the payer';
  const denials = [
    ...r.adjustments.map((a) => ({ a, line: undefined as number | undefined })),
    ...r.lines.flatMap((l) => l.adjustments.map((a) => ({ a, line: l.line }))),
  ].filter(({ a }) => !isExpectedAdjustment(a.group, a.reason));
  const remarks = [...new Set([...r.remarks, ...r.lines.flatMap((l) => l.remarks)])];
  const deniedLines = new Set<number>();
  for (const l of r.lines) if (l.line !== undefined && (l.paid <= 0 || l.adjustments.some((a) => !isExpectedAdjustment(a.group, a.reason)))) deniedLines.add(l.line);
  if (deniedLines.size === 0) claim.lines.forEach((_, i) => deniedLines.add(i));
  const rules = [...new Set(denials.map(({ a }) => carcInfo(a.reason)?.rule).filter((x): x is string => x !== undefined))];

  const blocks: Block[] = [
    { p: options.date },
    { p: `To: ${payer}, appeals and reconsiderations` },
    { p: `Re: request for reconsideration of claim ${r.payerClaimControlNumber ?? '(payer claim number not given)'}; patient control number ${patientControlNumber(claim)}; date of service ${claim.encounter.dateOfService ?? '(not on the claim)'}; billed ${money(claimTotal(claim))}, paid ${money(s.paid)}.` },
    { h: 'The decision we ask you to reconsider' },
    { list: denials.length > 0
      ? denials.map(({ a, line }) => `${a.group}-${a.reason} (${money(a.amount)}${line !== undefined ? `, line ${line + 1}` : ''}): ${explainAdjustment(a.group, a.reason)}`)
      : [`The claim was processed with status ${r.statusCode} and nothing paid.`] },
  ];
  if (remarks.length > 0) blocks.push({ p: 'Remarks on the remittance:' }, { list: remarks.map((c) => `${c}: ${explainRemark(c)}`) });
  blocks.push({ h: 'The services in question' });
  blocks.push({ list: [...deniedLines].sort((a, b) => a - b).map((i) => {
    const l = claim.lines[i];
    if (!l) return `line ${i + 1}`;
    const dx = l.diagnosisPointers.map((p) => claim.diagnoses[p - 1]?.code).filter((c): c is string => c !== undefined);
    return `Line ${i + 1}: ${l.code}${l.modifiers.length ? `-${l.modifiers.join('-')}` : ''}, ${l.units} unit(s), ${money(l.charge)}${dx.length ? `, for diagnosis ${dx.join(', ')}` : ''}`;
  }) });
  blocks.push({ h: 'What the record documents' });
  const evidence: string[] = [];
  for (const i of [...deniedLines].sort((a, b) => a - b)) {
    const l = claim.lines[i];
    if (!l) continue;
    for (const span of l.evidence ?? []) { const q = quote(span, options.noteText); if (q) evidence.push(`${l.code}: "${q}"`); }
    for (const p of l.diagnosisPointers) {
      const d = claim.diagnoses[p - 1];
      for (const span of d?.evidence ?? []) { const q = quote(span, options.noteText); if (q) evidence.push(`${d!.code}: "${q}"`); }
    }
  }
  blocks.push(evidence.length > 0
    ? { list: [...new Set(evidence)] }
    : { p: 'The claim carries no evidence spans from the note for these codes; attach the relevant part of the record.' });
  blocks.push({ h: 'Guideline or edit' });
  blocks.push(rules.length > 0
    ? { list: rules.map((rule) => CITATIONS[rule] ?? `MedCode rule ${rule}.`) }
    : { p: 'State the coverage policy or guideline that supports the service.' });
  blocks.push(
    { p: 'The enclosed record supports the services as billed. We ask that you reconsider the decision and process the claim for payment. A corrected claim is not being submitted because the claim was billed correctly.' },
    { p: 'Sincerely,' },
    { p: `${claim.billingProvider?.name ?? '[billing provider]'}${claim.billingProvider?.npi ? `, NPI ${claim.billingProvider.npi}` : ''}` },
    { p: '[name, title, telephone]' },
    { p: `Reason and remark codes are X12 codes shown with MedCode's own short explanations; the official lists: ${CARC_LIST_URL} and ${RARC_LIST_URL}.` },
  );
  return { markdown: renderMarkdown('Appeal: request for reconsideration', blocks), html: renderHtml('Appeal: request for reconsideration', blocks) };
}

function renderMarkdown(title: string, blocks: Block[]): string {
  const out = [`# ${title}`, ''];
  for (const b of blocks) {
    if ('h' in b) out.push(`## ${b.h}`, '');
    else if ('p' in b) out.push(b.p, '');
    else out.push(...b.list.map((i) => `- ${i}`), '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function renderHtml(title: string, blocks: Block[]): string {
  const body = blocks.map((b) => ('h' in b ? `<h2>${esc(b.h)}</h2>` : 'p' in b ? `<p>${esc(b.p)}</p>` : `<ul>\n${b.list.map((i) => `<li>${esc(i)}</li>`).join('\n')}\n</ul>`)).join('\n');
  return `<!DOCTYPE html>\n<html lang="en">\n<head><meta charset="utf-8"><title>${esc(title)}</title></head>\n<body>\n<h1>${esc(title)}</h1>\n${body}\n</body>\n</html>\n`;
}
