// The front doors: a note becomes suggestions and warnings through analyzeNote, a claim becomes
// warnings through checkClaim. Adapters (CLI, extension, panel) import from here.
export { analyzeNote, chunkBounds, dateOfServiceOf, patientStatusOf, CHUNK_CHARS, WHOLE_NOTE_CHARS, type CodeSetUsed, type NoteAnalysisOptions, type NoteAnalysisResult, type PatientStatus } from './analyzeNote';
export { checkClaim, type ClaimCheckOptions } from './checkClaim';
export { draftClaim } from './draftClaim';
export {
  billedPointers, billedView, createClaim, fixOnFile, readClaim, serializeClaim, statusInClaim, withDecision, withFix, withSuppression,
  type BilledView, type ClaimJson, type ClaimRead, type Decision, type NewClaimInput,
} from '../claim/working';
