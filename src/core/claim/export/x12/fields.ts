// What each 837P (005010X222A1) element the claim fills can hold: which fields the guide requires,
// their lengths and character sets. A value that does not fit is refused with the field, loop and
// segment named, never cut, stripped or rewritten. Used by the export (requirements.ts) and by the
// rules (`claim.required-field`, `claim.field-value`), so `check` and `export --format x12` agree.
//
// Allowed rewriting is only what changes no meaning: upper case, accents folded (Ñ -> N), runs of
// white space collapsed, and the punctuation of phone numbers, tax ids and ZIP codes dropped.
import { KNOWN_POS } from '../../../rules/codes';
import { patientIsSubscriber } from '../../parties';
import type { Address, Claim, PersonName, ServiceLine } from '../../schema';

export type X12FieldKind = 'missing' | 'value';

export interface X12FieldProblem {
  /** Claim member path, e.g. `billingProvider.address.postalCode`, `lines[3].ndc`. */
  field: string;
  /** 837P loop and segment (element), e.g. `2010AA N4` / `N403`. */
  loop: string;
  segment: string;
  kind: X12FieldKind;
  message: string;
}

/** 2400 repeats at most 50 times in one claim (TR3 loop 2400 repeat 50). */
export const X12_MAX_LINES = 50;

const DELIMITERS = /[*~:^]/;

/** Upper case, accents folded, white space collapsed: the only change free text undergoes. */
export function x12Fold(value: string): string {
  return value.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toUpperCase().replace(/\s+/g, ' ').trim();
}

/** Why free text (a name, an address line) cannot go into an element of `max` characters; undefined when it can. */
export function textProblem(value: string, max: number, min = 1): string | undefined {
  const folded = x12Fold(value);
  if (folded.length < min) return `is ${folded.length} character${folded.length === 1 ? '' : 's'} long; the 837P element needs at least ${min}`;
  if (DELIMITERS.test(folded)) return `holds ${JSON.stringify(folded.match(DELIMITERS)![0])}, an X12 delimiter (* ~ : ^ cannot appear in data)`;
  const bad = /[^ -~]/.exec(folded);
  if (bad) return `holds ${JSON.stringify(bad[0])}, a character outside the X12 character set`;
  if (folded.length > max) return `is ${folded.length} characters long; the 837P element holds at most ${max}`;
  return undefined;
}

/** Identifiers (member id, payer id, claim id, group number): letters, digits and hyphens. */
export function idProblem(value: string, min: number, max: number): string | undefined {
  const v = value.trim();
  if (!/^[A-Za-z0-9-]*$/.test(v)) return 'may hold only letters, digits and hyphens';
  if (v.length < min || v.length > max) return min === max ? `must be ${min} characters` : `must be ${min} to ${max} characters`;
  return undefined;
}

/** Digits of a phone number written with the usual punctuation; undefined when other characters appear. */
export function phoneDigits(value: string): string | undefined {
  const v = value.trim();
  if (!/^[0-9()+.\- ]+$/.test(v)) return undefined;
  const digits = v.replace(/\D/g, '');
  return digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits;
}

/** 9 digits, optionally written 12-3456789. */
export function taxIdDigits(value: string): string | undefined {
  const v = value.trim();
  return /^\d{9}$/.test(v) || /^\d{2}-\d{7}$/.test(v) ? v.replace('-', '') : undefined;
}

/** 5 or 9 digits, optionally written 62701-0400. */
export function zipDigits(value: string): string | undefined {
  const v = value.trim();
  return /^(\d{5}|\d{9})$/.test(v) || /^\d{5}-\d{4}$/.test(v) ? v.replace('-', '') : undefined;
}

const blank = (v: string | undefined): boolean => v === undefined || v.trim() === '';
const show = (v: string): string => JSON.stringify(v);

class Collector {
  readonly problems: X12FieldProblem[] = [];
  missing(field: string, loop: string, segment: string, what: string): void {
    this.problems.push({ field, loop, segment, kind: 'missing', message: `${field} is missing; the 837P ${what} (loop ${loop}, ${segment}) requires it.` });
  }
  value(field: string, loop: string, segment: string, value: string, why: string): void {
    this.problems.push({ field, loop, segment, kind: 'value', message: `${field} ${show(value)} ${why} (837P loop ${loop}, ${segment}); correct the value, the export does not change it.` });
  }
  text(field: string, loop: string, segment: string, value: string | undefined, max: number, min = 1): void {
    if (blank(value)) return;
    const why = textProblem(value!, max, min);
    if (why) this.value(field, loop, segment, value!, why);
  }
  id(field: string, loop: string, segment: string, value: string | undefined, min: number, max: number): void {
    if (blank(value)) return;
    const why = idProblem(value!, min, max);
    if (why) this.value(field, loop, segment, value!, why);
  }
}

function name(c: Collector, at: string, loop: string, n: PersonName | undefined): void {
  c.text(`${at}.family`, loop, 'NM103', n?.family, 60);
  c.text(`${at}.given`, loop, 'NM104', n?.given, 35);
  c.text(`${at}.middle`, loop, 'NM105', n?.middle, 25);
  c.text(`${at}.suffix`, loop, 'NM107', n?.suffix, 10);
}

/**
 * An address: N3 street lines, N4 city / state / ZIP. `required` for the billing provider and the
 * patient; the billing provider's ZIP must have all 9 digits (TR3 2010AA N403). Any other address
 * is optional, but once given it needs the street, city, state and ZIP (N3 and N4 go together).
 */
function address(c: Collector, at: string, loop: string, a: Address | undefined, required: boolean | 'billing'): void {
  const us = blank(a?.country) || x12Fold(a!.country!) === 'US';
  const given = a !== undefined && [a.line1, a.line2, a.city, a.state, a.postalCode].some((v) => !blank(v));
  if (required && !given) {
    c.missing(at, loop, 'N3/N4', `${required === 'billing' ? 'billing provider' : 'patient'} address`);
    return;
  }
  if (given) {
    if (blank(a?.line1)) c.missing(`${at}.line1`, loop, 'N301', 'street address');
    if (blank(a?.city)) c.missing(`${at}.city`, loop, 'N401', 'city');
    if (us && blank(a?.state)) c.missing(`${at}.state`, loop, 'N402', 'state');
    if (us && blank(a?.postalCode)) c.missing(`${at}.postalCode`, loop, 'N403', 'ZIP code');
  }
  if (a === undefined) return;
  c.text(`${at}.line1`, loop, 'N301', a.line1, 55);
  c.text(`${at}.line2`, loop, 'N302', a.line2, 55);
  c.text(`${at}.city`, loop, 'N401', a.city, 30, 2);
  if (!blank(a.state) && !STATES.has(x12Fold(a.state!))) c.value(`${at}.state`, loop, 'N402', a.state!, 'is not a 2-letter US state, territory or Canadian province code');
  if (!blank(a.postalCode)) {
    const zip = us ? zipDigits(a.postalCode!) : undefined;
    if (us && zip === undefined) c.value(`${at}.postalCode`, loop, 'N403', a.postalCode!, 'is not a 5- or 9-digit ZIP code');
    else if (us && required === 'billing' && zip!.length !== 9) c.value(`${at}.postalCode`, loop, 'N403', a.postalCode!, 'has 5 digits, but the billing provider needs the full 9-digit ZIP+4');
    else if (!us) c.text(`${at}.postalCode`, loop, 'N403', a.postalCode, 15, 3);
  }
  if (!blank(a.country) && !COUNTRIES.has(x12Fold(a.country!))) c.value(`${at}.country`, loop, 'N404', a.country!, 'is not a 2-letter ISO 3166 country code');
}

const NPI_SHAPE = /^\d{10}$/;
/**
 * N402 codes (X12 code source 22, States and Provinces): US states, DC, territories, military
 * post offices and the Canadian provinces, as the strict validator's code list holds them.
 */
const STATES: ReadonlySet<string> = new Set([
  'AL', 'AK', 'AZ', 'AR', 'CA', 'CO', 'CT', 'DE', 'DC', 'FL', 'GA', 'HI', 'ID', 'IL', 'IN', 'IA', 'KS', 'KY', 'LA', 'ME', 'MD', 'MA', 'MI', 'MN', 'MS', 'MO',
  'MT', 'NE', 'NV', 'NH', 'NJ', 'NM', 'NY', 'NC', 'ND', 'OH', 'OK', 'OR', 'PA', 'RI', 'SC', 'SD', 'TN', 'TX', 'UT', 'VT', 'VA', 'WA', 'WV', 'WI', 'WY',
  'AS', 'FM', 'GU', 'MH', 'MP', 'PR', 'VI', 'AA', 'AE', 'AP',
  'AB', 'BC', 'MB', 'NB', 'NF', 'NS', 'NT', 'ON', 'PE', 'PQ', 'SK', 'YT',
]);
/** N404 country codes (ISO 3166-1 alpha-2, X12 code source 5). */
const COUNTRIES: ReadonlySet<string> = new Set([
  'AD AE AF AG AI AL AM AN AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC',
  'CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE',
  'GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM',
  'KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ',
  'NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH',
  'SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TP TR TT TV TW TZ UA UG UM US UY UZ VA VC VE',
  'VG VI VN VU WF WS YE YT YU ZA ZM ZW',
].join(' ').split(' '));
const CLAIM_FREQUENCIES: ReadonlySet<string> = new Set(['1', '7', '8']);
/** CTP05-1 units the 837P allows for a drug quantity. */
export const NDC_UNITS: ReadonlySet<string> = new Set(['UN', 'ML', 'GR', 'F2', 'ME']);

/** The 11 digits of an NDC written 5-4-2 (with or without hyphens); undefined for other shapes. */
export function ndcDigits(value: string): string | undefined {
  const v = value.trim();
  return /^\d{11}$/.test(v) || /^\d{5}-\d{4}-\d{2}$/.test(v) ? v.replace(/-/g, '') : undefined;
}

/** 2410 drug identification: the NDC, its quantity and unit go together. */
function drug(c: Collector, at: string, l: ServiceLine): void {
  const given = !blank(l.ndc) || l.ndcQuantity !== undefined || !blank(l.ndcUnit);
  if (!given) return;
  if (blank(l.ndc)) c.missing(`${at}.ndc`, '2410', 'LIN03', 'National Drug Code (a drug quantity or unit is given)');
  else if (ndcDigits(l.ndc!) === undefined)
    c.value(`${at}.ndc`, '2410', 'LIN03', l.ndc!, 'is not an 11-digit NDC in 5-4-2 form (pad the short segment with a leading zero: 0409-3795-1 -> 00409-3795-01)');
  if (l.ndcQuantity === undefined) c.missing(`${at}.ndcQuantity`, '2410', 'CTP04', 'drug quantity');
  else if (!(l.ndcQuantity > 0 && l.ndcQuantity < 1e8)) c.value(`${at}.ndcQuantity`, '2410', 'CTP04', String(l.ndcQuantity), 'is not a positive quantity');
  if (blank(l.ndcUnit)) c.missing(`${at}.ndcUnit`, '2410', 'CTP05-1', 'drug unit (UN, ML, GR, F2 or ME)');
  else if (!NDC_UNITS.has(l.ndcUnit!.trim().toUpperCase())) c.value(`${at}.ndcUnit`, '2410', 'CTP05-1', l.ndcUnit!, 'is not a drug unit code (UN unit, ML milliliter, GR gram, F2 international unit, ME milligram)');
}
const TAXONOMY_SHAPE = /^[0-9]{3}[0-9A-Z]{6}X$/;

function taxonomy(c: Collector, field: string, loop: string, value: string | undefined): void {
  if (!blank(value) && !TAXONOMY_SHAPE.test(value!.trim().toUpperCase()))
    c.value(field, loop, 'PRV03', value!, 'is not a 10-character NUCC taxonomy code (e.g. 207Q00000X)');
}

/** Every 837P element requirement the claim can break, in claim order. */
export function x12FieldProblems(claim: Claim): X12FieldProblem[] {
  const c = new Collector();
  const bp = claim.billingProvider;

  // 1000A submitter: the billing provider, with a contact telephone number (PER03/PER04).
  const phone = bp?.phone;
  if (blank(phone)) c.missing('billingProvider.phone', '1000A', 'PER04', 'submitter contact telephone number');
  else {
    const digits = phoneDigits(phone!);
    if (digits === undefined || digits.length !== 10) c.value('billingProvider.phone', '1000A', 'PER04', phone!, 'is not a 10-digit telephone number');
  }
  c.text('billingProvider.contactName', '1000A', 'PER02', bp?.contactName, 60);

  // 2010AA billing provider.
  if (blank(bp?.name)) c.missing('billingProvider.name', '2010AA', 'NM103', 'billing provider name');
  c.text('billingProvider.name', '2010AA', 'NM103', bp?.name, 60);
  if (blank(bp?.npi)) c.missing('billingProvider.npi', '2010AA', 'NM109', 'billing provider NPI');
  else if (!NPI_SHAPE.test(bp!.npi!.trim())) c.value('billingProvider.npi', '2010AA', 'NM109', bp!.npi!, 'is not 10 digits');
  address(c, 'billingProvider.address', '2010AA', bp?.address, 'billing');
  if (blank(bp?.taxId)) c.missing('billingProvider.taxId', '2010AA', 'REF*EI', 'billing provider tax id (EIN)');
  else if (taxIdDigits(bp!.taxId!) === undefined) c.value('billingProvider.taxId', '2010AA', 'REF02', bp!.taxId!, 'is not a 9-digit EIN (123456789 or 12-3456789)');
  taxonomy(c, 'billingProvider.taxonomy', '2000A', bp?.taxonomy);

  // 2000B/2010BA subscriber and 2010BB payer.
  const self = patientIsSubscriber(claim);
  const sub = self ? 'patient' : 'subscriber';
  const subscriber = self ? claim.patient : claim.subscriber;
  if (blank(subscriber?.name?.family)) c.missing(`${sub}.name.family`, '2010BA', 'NM103', 'subscriber last name');
  name(c, `${sub}.name`, '2010BA', subscriber?.name);
  if (blank(subscriber?.memberId)) c.missing(`${sub}.memberId`, '2010BA', 'NM109', 'subscriber member id');
  c.id(`${sub}.memberId`, '2010BA', 'NM109', subscriber?.memberId, 2, 80);
  // The patient's birth date (DMG) and address are required: in 2010BA when the patient is the subscriber, else in 2010CA.
  if (blank(claim.patient?.birthDate)) c.missing('patient.birthDate', self ? '2010BA' : '2010CA', 'DMG02', 'patient birth date');
  address(c, `${sub}.address`, '2010BA', subscriber?.address, self);
  c.id('subscriber.groupNumber', '2000B', 'SBR03', claim.subscriber?.groupNumber, 1, 50);
  if (blank(claim.payer?.name)) c.missing('payer.name', '2010BB', 'NM103', 'payer name');
  c.text('payer.name', '2010BB', 'NM103', claim.payer?.name, 60);
  if (blank(claim.payer?.id)) c.missing('payer.id', '2010BB', 'NM109', 'payer id');
  c.id('payer.id', '2010BB', 'NM109', claim.payer?.id, 2, 80);
  if (!self) {
    if (blank(claim.patient?.name?.family)) c.missing('patient.name.family', '2010CA', 'NM103', 'patient last name');
    name(c, 'patient.name', '2010CA', claim.patient?.name);
    address(c, 'patient.address', '2010CA', claim.patient?.address, true);
  }

  // 2300 claim.
  c.id('id', '2300', 'CLM01', claim.id, 1, 38);
  const frequency = claim.encounter.frequency?.trim();
  if (frequency !== undefined && frequency !== '' && !CLAIM_FREQUENCIES.has(frequency))
    c.value('encounter.frequency', '2300', 'CLM05-3', claim.encounter.frequency!, 'is not a claim frequency code (1 original, 7 replacement, 8 void)');
  if ((frequency === '7' || frequency === '8') && blank(claim.encounter.originalClaimId))
    c.missing('encounter.originalClaimId', '2300', 'REF*F8', `payer claim control number of the claim being ${frequency === '7' ? 'replaced' : 'voided'}`);
  c.id('encounter.originalClaimId', '2300', 'REF*F8', claim.encounter.originalClaimId, 1, 50);
  c.id('priorAuthorization', '2300', 'REF*G1', claim.priorAuthorization, 1, 50);

  // 2310A referring provider.
  const ref = claim.referringProvider;
  if (ref !== undefined && !blank(ref.npi ?? ref.name ?? ref.personName?.family)) {
    if (blank(ref.npi)) c.missing('referringProvider.npi', '2310A', 'NM109', 'referring provider NPI');
    else if (!NPI_SHAPE.test(ref.npi!.trim())) c.value('referringProvider.npi', '2310A', 'NM109', ref.npi!, 'is not 10 digits');
    if (blank(ref.personName !== undefined ? ref.personName.family : ref.name)) c.missing('referringProvider.name', '2310A', 'NM103', 'referring provider last name');
    if (ref.personName) name(c, 'referringProvider.personName', '2310A', ref.personName);
    else c.text('referringProvider.name', '2310A', 'NM103', ref.name, 60);
  }

  // 2310B rendering provider, when not the billing provider.
  const rp = claim.renderingProvider;
  if (rp?.npi !== undefined && rp.npi !== bp?.npi) {
    if (!NPI_SHAPE.test(rp.npi.trim())) c.value('renderingProvider.npi', '2310B', 'NM109', rp.npi, 'is not 10 digits');
    if (blank(rp.personName !== undefined ? rp.personName.family : rp.name)) c.missing('renderingProvider.name', '2310B', 'NM103', 'rendering provider last name (the rendering NPI differs from the billing NPI)');
    if (rp.personName) name(c, 'renderingProvider.personName', '2310B', rp.personName);
    else c.text('renderingProvider.name', '2310B', 'NM103', rp.name, 60);
    taxonomy(c, 'renderingProvider.taxonomy', '2310B', rp.taxonomy);
  }

  // 2400 service lines.
  if (claim.lines.length > X12_MAX_LINES)
    c.problems.push({ field: 'lines', loop: '2400', segment: 'LX', kind: 'value', message: `The claim has ${claim.lines.length} service lines; an 837P claim carries at most ${X12_MAX_LINES} (loop 2400). Split it into claims of at most ${X12_MAX_LINES} lines.` });
  claim.lines.forEach((l, i) => {
    const pos = l.placeOfService;
    if (pos !== undefined && !KNOWN_POS.has(pos)) c.value(`lines[${i}].placeOfService`, '2400', 'SV105', pos, 'is not a 2-digit CMS place-of-service code');
    drug(c, `lines[${i}]`, l);
  });
  return c.problems;
}
