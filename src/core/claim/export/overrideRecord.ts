// How an export written despite errors carries its override: claim JSON keeps it in `overrides`,
// a FHIR Claim in an extension, and an X12 837P (which has no place for it) in an audit file
// written beside the export (`<file>.audit.json`).
import type { ExportOverride } from '../schema';

export const OVERRIDE_EXTENSION_URL = 'https://medcode.dev/fhir/StructureDefinition/export-override';

/** The FHIR Claim extension that records an override: reason, when, who and the rules that blocked. */
export function overrideExtension(o: ExportOverride): Record<string, unknown> {
  return {
    url: OVERRIDE_EXTENSION_URL,
    extension: [
      { url: 'reason', valueString: o.reason },
      { url: 'at', valueDateTime: o.at },
      ...(o.who !== undefined && o.who.trim() !== '' ? [{ url: 'who', valueString: o.who }] : []),
      ...(o.blocking ?? []).map((rule) => ({ url: 'blockingRule', valueCode: rule })),
    ],
  };
}

/** The audit file written beside an X12 export sent with an override. */
export function overrideAuditJson(o: ExportOverride, info: { exportFile: string; claimId?: string }): string {
  return `${JSON.stringify({
    kind: 'medcode-export-override',
    exportFile: info.exportFile,
    format: o.format,
    ...(info.claimId !== undefined ? { claimId: info.claimId } : {}),
    override: o,
  }, null, 2)}\n`;
}
