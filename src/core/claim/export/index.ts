// The claim exports and the gate in front of them.
export { EXPORT_FORMATS, isExportFormat, ClaimExportError, type ExportFormat } from './format';
export { claimJson, billingCopy, type ClaimJsonOptions } from './claimJson';
export { fhirClaim, FHIR_SYSTEMS, type FhirExportOptions } from './fhir';
export { x12_837p, type X12ExportOptions } from './x12/x837p';
export { exportProblems } from './requirements';
export { exportClaim, blockingErrors, type ExportOutcome, type ExportGateOptions, type GateWarning } from './gate';
export { overrideAuditJson, overrideExtension, OVERRIDE_EXTENSION_URL } from './overrideRecord';
