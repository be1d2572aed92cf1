// HCPCS drug codes are dosed per unit ("Injection, ceftriaxone sodium, per 250 mg"): the unit
// comes from the descriptor, so billed units = documented dose / unit size, rounded up.

export interface DoseUnit { amount: number; unit: 'mg' | 'mcg' | 'g' | 'units' | 'ml'; upTo: boolean }

const UNIT_ALIASES: Record<string, DoseUnit['unit']> = {
  mg: 'mg', milligram: 'mg', milligrams: 'mg', mcg: 'mcg', microgram: 'mcg', micrograms: 'mcg', ug: 'mcg',
  g: 'g', gm: 'g', gram: 'g', grams: 'g', unit: 'units', units: 'units', u: 'units', iu: 'units', ml: 'ml', cc: 'ml',
};

export function unitOf(word: string): DoseUnit['unit'] | undefined {
  return UNIT_ALIASES[word.toLowerCase()];
}

/** The dose unit at the end of a HCPCS drug descriptor: "per 250 mg", "up to 40 mg", "100,000 units". */
export function descriptorUnit(title: string): DoseUnit | undefined {
  const m = /(?:,\s*|\s)(per\s+|up to\s+)?(\d[\d,]*(?:\.\d+)?)\s*(mg|mcg|microgram|micrograms|g|gm|grams?|units?|iu|ml|cc)\b[^,]*$/i.exec(title);
  if (!m) return undefined;
  const unit = unitOf(m[3]!);
  if (!unit) return undefined;
  return { amount: Number(m[2]!.replace(/,/g, '')), unit, upTo: /up to/i.test(m[1] ?? '') };
}

function toBase(amount: number, unit: DoseUnit['unit']): { value: number; kind: string } {
  if (unit === 'g') return { value: amount * 1000, kind: 'mass' };
  if (unit === 'mg') return { value: amount, kind: 'mass' };
  if (unit === 'mcg') return { value: amount / 1000, kind: 'mass' };
  return { value: amount, kind: unit };
}

/** Billed units for a dose, or undefined when the dose and the descriptor measure different things. */
export function billedUnits(dose: number, doseUnit: DoseUnit['unit'], per: DoseUnit): number | undefined {
  const a = toBase(dose, doseUnit);
  const b = toBase(per.amount, per.unit);
  if (a.kind !== b.kind || b.value <= 0) return undefined;
  // Rounded to 6 places first so 1 g / 250 mg is exactly 4, not 4.000000001.
  return Math.max(1, Math.ceil(Math.round((a.value / b.value) * 1e6) / 1e6));
}
