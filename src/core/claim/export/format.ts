// The export formats and the error an exporter raises when a claim cannot be written in a format
// at all (as opposed to rule warnings, which an override can pass).
export const EXPORT_FORMATS = ['claim-json', 'fhir', 'x12'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function isExportFormat(value: string): value is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(value);
}

/** Thrown by an exporter; `problems` are sentences naming the claim member and what to do. */
export class ClaimExportError extends Error {
  readonly problems: string[];
  constructor(format: ExportFormat, problems: string[]) {
    super(`The claim cannot be exported as ${format}: ${problems.join(' ')}`);
    this.name = 'ClaimExportError';
    this.problems = problems;
  }
}
