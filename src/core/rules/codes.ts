// The few CPT, modifier and place-of-service facts the rules need (numbers only, no AMA text).
// How codes are spelled and compared is src/core/codes.ts.

export const EM_NEW = ['99202', '99203', '99204', '99205'] as const;
export const EM_ESTABLISHED = ['99211', '99212', '99213', '99214', '99215'] as const;

/** Minimum total minutes on the date for each office E/M level (CPT 2021+; 99211 has none). */
export const EM_TIME_MINIMUM: Readonly<Record<string, number>> = {
  '99202': 15, '99203': 30, '99204': 45, '99205': 60,
  '99212': 10, '99213': 20, '99214': 30, '99215': 40,
};

/** Prolonged service: one unit per full 15 minutes beyond the top level's minimum. */
export const PROLONGED_CODE = '99417';

export function isOfficeEm(code: string): boolean {
  return (EM_NEW as readonly string[]).includes(code) || (EM_ESTABLISHED as readonly string[]).includes(code);
}

/** Any E/M service (CPT 99202-99499) for the modifier 25 rule. */
export function isEm(code: string): boolean {
  if (!/^\d{5}$/.test(code)) return false;
  const n = Number(code);
  return n >= 99202 && n <= 99499 && code !== PROLONGED_CODE;
}

/**
 * Procedures that make a same-day E/M need modifier 25: the CPT surgery section and the
 * injection/infusion, wound care and similar minor procedures of the medicine section.
 * Lab (and venipuncture), radiology, drugs and supplies do not.
 */
export function isProcedure(code: string): boolean {
  if (!/^\d{5}$/.test(code)) return false;
  const n = Number(code);
  // Venipuncture and specimen collection from access devices carry no global period.
  if ((n >= 36400 && n <= 36416) || n === 36591 || n === 36592) return false;
  return (n >= 10004 && n <= 69990) || (n >= 96360 && n <= 96549) || (n >= 97597 && n <= 97610) || (n >= 92950 && n <= 92998);
}

/** CPT Level I modifiers (numbers are facts; labels are ours). */
export const CPT_MODIFIERS: Readonly<Record<string, string>> = {
  '22': 'increased procedural services', '23': 'unusual anesthesia', '24': 'unrelated E/M in postoperative period',
  '25': 'separately identifiable E/M same day', '26': 'professional component', '27': 'multiple outpatient hospital E/M',
  '32': 'mandated service', '33': 'preventive service', '47': 'anesthesia by surgeon', '50': 'bilateral procedure',
  '51': 'multiple procedures', '52': 'reduced services', '53': 'discontinued procedure', '54': 'surgical care only',
  '55': 'postoperative management only', '56': 'preoperative management only', '57': 'decision for surgery',
  '58': 'staged or related procedure', '59': 'distinct procedural service', '62': 'two surgeons', '63': 'procedure on infant under 4 kg',
  '66': 'surgical team', '73': 'discontinued before anesthesia', '74': 'discontinued after anesthesia', '76': 'repeat procedure, same physician',
  '77': 'repeat procedure, another physician', '78': 'unplanned return to operating room', '79': 'unrelated procedure in postoperative period',
  '80': 'assistant surgeon', '81': 'minimum assistant surgeon', '82': 'assistant surgeon, no resident available', '90': 'reference laboratory',
  '91': 'repeat clinical laboratory test', '92': 'alternative laboratory platform', '93': 'synchronous telemedicine (audio only)',
  '95': 'synchronous telemedicine', '96': 'habilitative services', '97': 'rehabilitative services', '99': 'multiple modifiers',
};

/** NCCI-associated modifiers that may bypass a PTP edit with modifier indicator 1 (NCCI Policy Manual ch. I). */
export const NCCI_PTP_MODIFIERS: ReadonlySet<string> = new Set([
  'E1', 'E2', 'E3', 'E4', 'FA', 'F1', 'F2', 'F3', 'F4', 'F5', 'F6', 'F7', 'F8', 'F9',
  'TA', 'T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8', 'T9', 'LT', 'RT', 'LC', 'LD', 'LM', 'RC', 'RI',
  '24', '25', '27', '57', '58', '59', '78', '79', '91', 'XE', 'XS', 'XP', 'XU',
]);

/** Place-of-service codes CMS publishes (public facts), used when no POS set is loaded. */
export const KNOWN_POS: ReadonlySet<string> = new Set([
  '01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12', '13', '14', '15', '16', '17', '18', '19', '20',
  '21', '22', '23', '24', '25', '26', '27', '31', '32', '33', '34', '41', '42', '49', '50', '51', '52', '53', '54', '55',
  '56', '57', '58', '60', '61', '62', '65', '66', '71', '72', '81', '99',
]);

/** Inpatient places of service (hospital inpatient, psychiatric, rehab, SNF). */
export const INPATIENT_POS: ReadonlySet<string> = new Set(['21', '31', '51', '61']);
