// The analyzer's front door: note text -> ICD-10-CM, HCPCS drug and E/M suggestions, ranked.
import type { CodesetIndex } from '../codeset/api';
import { indexAtDate } from '../codeset/atDate';
import { bySuggestionRank, defaultNoteReader, suggestDiagnoses, type NoteReader } from './engine';
import { suggestOfficeVisit } from './evaluationManagement';
import { suggestDrugCodes } from './hcpcs';
import { textWarnings } from './input';
import { DEFAULT_THRESHOLD, type AnalyzeOptions, type Suggestion } from './types';

export interface NoteAnalysis {
  suggestions: Suggestion[];
  warnings: string[];
  /** Why no office E/M is suggested for an outpatient note, when none is. */
  evaluationManagement?: string;
}

export function analyzeNote(index: CodesetIndex, text: string, options: AnalyzeOptions = {}, reader: NoteReader = defaultNoteReader): NoteAnalysis {
  const warnings = textWarnings(text);
  if (text.trim().length === 0) return { suggestions: [], warnings };
  // A date of service codes the note with the versions in force on that day.
  if (options.date && !index.setFor('icd10cm', options.date)) throw new Error(`No ICD-10-CM code set is in force on ${options.date}: import the release for that date, or analyze without a date.`);
  const at = options.date ? indexAtDate(index, options.date) : index;
  const note = reader.parseNote(text);
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const diagnoses = suggestDiagnoses(at, note, options, reader);
  const outpatient = (options.setting ?? 'outpatient') === 'outpatient';
  const visit = outpatient ? suggestOfficeVisit(note, diagnoses, { ...(options.patientStatus ? { patientStatus: options.patientStatus } : {}), ...(options.visitDate ?? options.date ? { date: (options.visitDate ?? options.date)! } : {}) }) : undefined;
  const others = [...suggestDrugCodes(at, note, reader), ...(visit?.suggestions ?? [])];
  const suggestions = [...diagnoses, ...others.filter((s) => s.score >= threshold)].sort(bySuggestionRank);
  return { suggestions, warnings, ...(visit?.notice ? { evaluationManagement: visit.notice } : {}) };
}
