// X12 837P (005010X222A1) professional claim: one billing provider, one subscriber (and the
// patient when the patient is a dependent), one claim. Loop layout follows the implementation
// guide and the shape of the guide's published examples:
//   1000A submitter NM1*41, PER   1000B receiver NM1*40
//   2000A HL*1**20*1, PRV   2010AA billing provider NM1*85, N3, N4, REF*EI
//   2000B HL*2*1*22*x, SBR   2010BA subscriber NM1*IL, N3, N4, DMG   2010BB payer NM1*PR
//   2000C HL*3*2*23*0, PAT   2010CA patient NM1*QC, N3, N4, DMG    (patient is not the subscriber)
//   2300 CLM, HI (ABK then ABF)   2310B rendering provider NM1*82 (when not the billing provider)
//   2400 LX, SV1, DTP*472 per service line
import { patientIsSubscriber, x12RelationshipCode, x12SexCode } from '../../parties';
import type { Address, Claim, PersonName } from '../../schema';
import { ClaimExportError } from '../format';
import { exportProblems } from '../requirements';
import { centsToX12, icdWithoutDot, lineTotalCents, toCents, toD8 } from '../values';
import { ccyymmdd, hhmm, renderInterchange, type Segment } from './envelope';
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
  if (problems.length > 0) throw new ClaimExportError('x12', problems);

  const now = options.now ?? new Date();
  const senderId = x12Id(options.senderId ?? claim.billingProvider?.npi, 15) || 'MEDCODE';
  const receiverId = x12Id(options.receiverId ?? claim.payer?.id, 15) || 'RECEIVER';
  const body: Segment[] = [
    ['BHT', '0019', '00', x12Id(claim.id, 50) || String(controlNumber), ccyymmdd(now), hhmm(now), 'CH'],
    ...submitterAndReceiver(claim, options, senderId, receiverId),
    ...billingProviderLoop(claim),
    ...subscriberLoops(claim, options),
    ...claimLoop(claim, controlNumber, options),
  ];
  return renderInterchange(body, { senderId, receiverId, controlNumber, now, usage: options.usage ?? 'P' });
}

function submitterAndReceiver(claim: Claim, o: X12ExportOptions, senderId: string, receiverId: string): Segment[] {
  const submitter = x12Text(o.submitterName ?? claim.billingProvider?.name);
  const contact = x12Text(o.submitterContact?.name ?? o.submitterName ?? claim.billingProvider?.name);
  const phone = (o.submitterContact?.phone ?? '').replace(/\D/g, '');
  return [
    ['NM1', '41', '2', submitter, '', '', '', '', '46', senderId],
    phone ? ['PER', 'IC', contact, 'TE', phone] : ['PER', 'IC', contact],
    ['NM1', '40', '2', x12Text(o.receiverName ?? claim.payer?.name), '', '', '', '', '46', receiverId],
  ];
}

function addressSegments(a: Address | undefined): Segment[] {
  if (a === undefined || x12Text(a.line1) === '') return [];
  const out: Segment[] = [['N3', x12Text(a.line1, 55), x12Text(a.line2, 55)]];
  const city = x12Text(a.city, 30);
  const state = x12Text(a.state, 2);
  const zip = (a.postalCode ?? '').replace(/\D/g, '').slice(0, 9);
  const country = x12Text(a.country, 3);
  if (city !== '') out.push(['N4', city, state, zip, country === '' || country === 'US' ? '' : country]);
  return out;
}

function personName(n: PersonName | undefined): string[] {
  return [x12Text(n?.family), x12Text(n?.given, 35), x12Text(n?.middle, 25), '', x12Text(n?.suffix, 10)];
}

function billingProviderLoop(claim: Claim): Segment[] {
  const bp = claim.billingProvider!;
  const out: Segment[] = [['HL', '1', '', '20', '1']];
  const taxonomy = x12Id(bp.taxonomy, 50);
  if (taxonomy) out.push(['PRV', 'BI', 'PXC', taxonomy]);
  out.push(['NM1', '85', '2', x12Text(bp.name), '', '', '', '', 'XX', bp.npi!]);
  out.push(...addressSegments(bp.address));
  out.push(['REF', 'EI', (bp.taxId ?? '').replace(/-/g, '')]);
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
    ['SBR', 'P', self ? '18' : '', x12Id(sub.groupNumber, 50), '', '', '', '', '', x12Id(o.claimFilingIndicator, 2) || 'CI'],
    ['NM1', 'IL', '1', ...personName(sub.name), 'MI', x12Id(sub.memberId)],
    ...addressSegments(sub.address),
    // 2010BA DMG is sent only when the subscriber is the patient (TR3: "if not required, do not send").
    ...(self ? demographics(sub.birthDate, sub.sex) : []),
    ['NM1', 'PR', '2', x12Text(payer.name), '', '', '', '', 'PI', x12Id(payer.id)],
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
  const patientControl = x12Id(claim.id ?? claim.patient?.id, 38) || String(controlNumber);
  const out: Segment[] = [
    ['CLM', patientControl, centsToX12(lineTotalCents(claim.lines)), '', '', [pos, 'B', o.frequency ?? '1'], 'Y', 'A', 'Y', 'Y'],
    ...(o.payerClaimControlNumber ? [['REF', 'F8', x12Id(o.payerClaimControlNumber, 50)] as Segment] : []),
    ['HI', ...claim.diagnoses.map((d, i) => [i === 0 ? 'ABK' : 'ABF', icdWithoutDot(d.code)])],
  ];
  const rp = claim.renderingProvider;
  if (rp?.npi !== undefined && rp.npi !== claim.billingProvider?.npi) {
    const name = rp.personName ?? { family: rp.name };
    out.push(['NM1', '82', '1', ...personName(name), 'XX', rp.npi]);
    const taxonomy = x12Id(rp.taxonomy, 50);
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
  });
  return out;
}

/** SV104: up to three decimals, no trailing zeros ("1", "1.5"). */
function formatUnits(units: number): string {
  return String(Math.round(units * 1000) / 1000);
}
