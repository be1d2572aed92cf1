// The analyzer's front door: note text -> ICD-10-CM, HCPCS drug and E/M suggestions, ranked.
import type { CodesetIndex } from '../codeset/api';
import { bySuggestionRank, defaultNoteReader, suggestDiagnoses, type NoteReader } from './engine';
import { suggestOfficeVisit } from './evaluationManagement';
import { suggestDrugCodes } from './hcpcs';
import { textWarnings } from './input';
import { DEFAULT_THRESHOLD, type AnalyzeOptions, type Suggestion } from './types';

export interface NoteAnalysis {
  suggestions: Suggestion[];
  warnings: string[];
}

export function analyzeNote(index: CodesetIndex, text: string, options: AnalyzeOptions = {}, reader: NoteReader = defaultNoteReader): NoteAnalysis {
  const warnings = textWarnings(text);
  if (text.trim().length === 0) return { suggestions: [], warnings };
  const note = reader.parseNote(text);
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const diagnoses = suggestDiagnoses(index, note, options, reader);
  const addressed = diagnoses.filter((s) => !s.code.startsWith('R') && !s.code.startsWith('Z') && s.context.sections.some((k) => /assessment|plan|diagnoses/i.test(k))).length;
  const others = [...suggestDrugCodes(index, note, reader), ...((options.setting ?? 'outpatient') === 'outpatient' ? suggestOfficeVisit(note, addressed) : [])];
  const suggestions = [...diagnoses, ...others.filter((s) => s.score >= threshold)].sort(bySuggestionRank);
  return { suggestions, warnings };
}
