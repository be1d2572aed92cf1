// X12 837P (005010X222A1) professional claim: one billing provider, one subscriber (and the
// patient when the patient is a dependent), one claim. Loop layout follows the implementation
// guide and the shape of the guide's published examples:
//   1000A submitter NM1*41, PER   1000B receiver NM1*40
//   2000A HL*1**20*1, PRV   2010AA billing provider NM1*85, N3, N4, REF*EI
//   2000B HL*2*1*22*x, SBR   2010BA subscriber NM1*IL, N3, N4, DMG   2010BB payer NM1*PR
//   2000C HL*3*2*23*0, PAT   2010CA patient NM1*QC, N3, N4, DMG    (patient is not the subscriber)
//   2300 CLM (CLM05-3 frequency), REF*G1 prior authorization, REF*F8 original claim, HI (ABK then ABF)
//   2310A referring provider NM1*DN   2310B rendering provider NM1*82 (when not the billing provider)
//   2400 LX, SV1, DTP*472 per service line   2410 LIN*N4 + CTP drug (NDC, quantity, unit)
import { patientIsSubscriber, x12RelationshipCode, x12SexCode } from '../../parties';
import type { Address, Claim, PersonName } from '../../schema';
import { ClaimExportError } from '../format';
import { exportProblems } from '../requirements';
import { centsToX12, lineTotalCents, toCents, toD8 } from '../values';
import { normalizeCode } from '../../../codes';
import { ccyymmdd, hhmm, renderInterchange, type Segment } from './envelope';
import { idProblem, ndcDigits, phoneDigits, taxIdDigits, x12Fold, zipDigits } from './fields';
import { x12Id, x12Text } from './text';

export interface X12ExportOptions {
  /** ISA06/GS02 and the 1000A submitter id; default the billing provider's NPI. */
  senderId?: string;
  /** ISA08/GS03 and the 1000B receiver id; default the payer id. */
  receiverId?: string;
  /** 1000A NM103; default the billing provider's name. */
  submitterName?: string;
  /** 1000A PER: the person to call about the file. */
  submitterContact?: { name?: string; phone?: string };
  /** 1000B NM103; default the payer's name. */
  receiverName?: string;
  /** Interchange control number, 1..999999999 (default 1); also GS06 and ST02. */
  controlNumber?: number;
  /** File creation time (default now); injected by golden tests. */
  now?: Date;
  /** ISA15: P production (default) or T test. */
  usage?: 'P' | 'T';
  /** SBR09 claim filing indicator (default CI commercial; MB Medicare Part B, MC Medicaid). */
  claimFilingIndicator?: string;
  /** CLM05-3 claim frequency: 1 original (default), 7 replacement, 8 void. */
  frequency?: '1' | '7' | '8';
  /** 2300 REF*F8: the payer's claim control number of the claim a 7 or 8 replaces or voids. */
  payerClaimControlNumber?: string;
}

export function x12_837p(claim: Claim, options: X12ExportOptions = {}): string {
  const problems = exportProblems(claim, 'x12');
  const controlNumber = options.controlNumber ?? 1;
  if (!Number.isInteger(controlNumber) || controlNumber < 1 || controlNumber > 999_999_999)
    problems.push(`The control number ${controlNumber} must be a whole number from 1 to 999999999.`);
  const senderId = (options.senderId ?? claim.billingProvider?.npi ?? '').trim() || 'MEDCODE';
  const receiverId = (options.receiverId ?? claim.payer?.id ?? '').trim() || 'RECEIVER';
  for (const [what, value] of [['sender id (ISA06, default the billing NPI)', senderId], ['receiver id (ISA08, default payer.id)', receiverId]] as const) {
    const why = idProblem(value, 1, 15);
    if (why) problems.push(`The ${what} ${JSON.stringify(value)} ${why}; pass --sender / --receiver with the id your clearinghouse assigned.`);
  }
  const contactPhone = options.submitterContact?.phone;
  if (contactPhone !== undefined && phoneDigits(contactPhone)?.length !== 10)
    problems.push(`The submitter contact phone ${JSON.stringify(contactPhone)} is not a 10-digit telephone number (loop 1000A, PER04).`);
  if (problems.length > 0) throw new ClaimExportError('x12', problems);

  const now = options.now ?? new Date();
  const body: Segment[] = [
    ['BHT', '0019', '00', claim.id?.trim() || String(controlNumber), ccyymmdd(now), hhmm(now), 'CH'],
    ...submitterAndReceiver(claim, options, senderId, receiverId),
    ...billingProviderLoop(claim),
    ...subscriberLoops(claim, options),
    ...claimLoop(claim, controlNumber, options),
  ];
  return renderInterchange(body, { senderId, receiverId, controlNumber, now, usage: options.usage ?? 'P' });
}

function submitterAndReceiver(claim: Claim, o: X12ExportOptions, senderId: string, receiverId: string): Segment[] {
  const bp = claim.billingProvider;
  const submitter = x12Text(o.submitterName ?? bp?.name);
  const contact = x12Text(o.submitterContact?.name ?? bp?.contactName ?? o.submitterName ?? bp?.name);
  const phone = phoneDigits(o.submitterContact?.phone ?? bp?.phone ?? '') ?? '';
  return [
    ['NM1', '41', '2', submitter, '', '', '', '', '46', senderId],
    ['PER', 'IC', contact, 'TE', phone],
    ['NM1', '40', '2', x12Text(o.receiverName ?? claim.payer?.name), '', '', '', '', '46', receiverId],
  ];
}

/** N3 and N4 when a street is given (the export has checked that a given address is complete). */
function addressSegments(a: Address | undefined): Segment[] {
  if (a === undefined || x12Text(a.line1) === '') return [];
  const country = x12Fold(a.country ?? '');
  const us = country === '' || country === 'US';
  const zip = us ? zipDigits(a.postalCode ?? '') ?? '' : x12Text(a.postalCode);
  return [
    ['N3', x12Text(a.line1), x12Text(a.line2)],
    ['N4', x12Text(a.city), x12Fold(a.state ?? ''), zip, us ? '' : country],
  ];
}

function personName(n: PersonName | undefined): string[] {
  return [x12Text(n?.family), x12Text(n?.given), x12Text(n?.middle), '', x12Text(n?.suffix)];
}

function billingProviderLoop(claim: Claim): Segment[] {
  const bp = claim.billingProvider!;
  const out: Segment[] = [['HL', '1', '', '20', '1']];
  const taxonomy = (bp.taxonomy ?? '').trim().toUpperCase();
  if (taxonomy) out.push(['PRV', 'BI', 'PXC', taxonomy]);
  out.push(['NM1', '85', '2', x12Text(bp.name), '', '', '', '', 'XX', bp.npi!.trim()]);
  out.push(...addressSegments(bp.address));
  out.push(['REF', 'EI', taxIdDigits(bp.taxId ?? '') ?? '']);
  return out;
}

function demographics(birthDate: string | undefined, sex: string | undefined): Segment[] {
  return birthDate === undefined ? [] : [['DMG', 'D8', toD8(birthDate), x12SexCode(sex)]];
}

function subscriberLoops(claim: Claim, o: X12ExportOptions): Segment[] {
  const self = patientIsSubscriber(claim);
  const patient = claim.patient ?? {};
  const sub = self ? { ...patient, groupNumber: claim.subscriber?.groupNumber } : claim.subscriber!;
  const payer = claim.payer!;
  const out: Segment[] = [
    ['HL', '2', '1', '22', self ? '0' : '1'],
    ['SBR', 'P', self ? '18' : '', (sub.groupNumber ?? '').trim(), '', '', '', '', '', x12Id(o.claimFilingIndicator, 2) || 'CI'],
    ['NM1', 'IL', '1', ...personName(sub.name), 'MI', (sub.memberId ?? '').trim()],
    ...addressSegments(sub.address),
    // 2010BA DMG is sent only when the subscriber is the patient (TR3: "if not required, do not send").
    ...(self ? demographics(sub.birthDate, sub.sex) : []),
    ['NM1', 'PR', '2', x12Text(payer.name), '', '', '', '', 'PI', (payer.id ?? '').trim()],
  ];
  if (!self) {
    out.push(
      ['HL', '3', '2', '23', '0'],
      ['PAT', x12RelationshipCode(claim.subscriber?.relationship)],
      ['NM1', 'QC', '1', ...personName(patient.name)],
      ...addressSegments(patient.address),
      ...demographics(patient.birthDate, patient.sex),
    );
  }
  return out;
}

function claimLoop(claim: Claim, controlNumber: number, o: X12ExportOptions = {}): Segment[] {
  const pos = claim.encounter.placeOfService!;
  const dos = claim.encounter.dateOfService!;
  // CLM01: the claim id; else the patient id when it fits CLM01; else the control number.
  const patientId = claim.patient?.id?.trim();
  const patientControl = claim.id?.trim() || (patientId && idProblem(patientId, 1, 38) === undefined ? patientId : String(controlNumber));
  // A correction made from a remittance (medcode correct) names frequency and payer claim number as options.
  const frequency = o.frequency ?? (claim.encounter.frequency?.trim() || '1');
  const out: Segment[] = [['CLM', patientControl, centsToX12(lineTotalCents(claim.lines)), '', '', [pos, 'B', frequency], 'Y', 'A', 'Y', 'Y']];
  // 2300 REF segments in guide order: prior authorization (G1), then the payer claim control number (F8).
  const auth = claim.priorAuthorization?.trim();
  if (auth) out.push(['REF', 'G1', auth]);
  const original = o.payerClaimControlNumber?.trim() || claim.encounter.originalClaimId?.trim();
  if (original && frequency !== '1') out.push(['REF', 'F8', original]);
  out.push(['HI', ...claim.diagnoses.map((d, i): string[] => [i === 0 ? 'ABK' : 'ABF', normalizeCode(d.code)])]);
  const ref = claim.referringProvider;
  if (ref?.npi !== undefined && ref.npi.trim() !== '') {
    out.push(['NM1', 'DN', '1', ...personName(ref.personName ?? { family: ref.name }), 'XX', ref.npi.trim()]);
  }
  const rp = claim.renderingProvider;
  if (rp?.npi !== undefined && rp.npi !== claim.billingProvider?.npi) {
    const name = rp.personName ?? { family: rp.name };
    out.push(['NM1', '82', '1', ...personName(name), 'XX', rp.npi.trim()]);
    const taxonomy = (rp.taxonomy ?? '').trim().toUpperCase();
    if (taxonomy) out.push(['PRV', 'PE', 'PXC', taxonomy]);
  }
  claim.lines.forEach((l, i) => {
    const linePos = l.placeOfService !== undefined && l.placeOfService !== pos ? l.placeOfService : '';
    out.push(
      ['LX', String(i + 1)],
      [
        'SV1',
        ['HC', l.code.trim().toUpperCase(), ...l.modifiers.map((m) => m.trim().toUpperCase())],
        centsToX12(toCents(l.charge)),
        'UN',
        formatUnits(l.units),
        linePos,
        '',
        l.diagnosisPointers.map(String),
      ],
      ['DTP', '472', 'D8', toD8(l.serviceDate ?? dos)],
    );
    const ndc = l.ndc === undefined ? undefined : ndcDigits(l.ndc);
    if (ndc !== undefined && l.ndcQuantity !== undefined && l.ndcUnit !== undefined) {
      out.push(['LIN', '', 'N4', ndc], ['CTP', '', '', '', formatUnits(l.ndcQuantity), [l.ndcUnit.trim().toUpperCase()]]);
    }
  });
  return out;
}

/** SV104: up to three decimals, no trailing zeros ("1", "1.5"). */
function formatUnits(units: number): string {
  return String(Math.round(units * 1000) / 1000);
}
