// Public face of the suggestion engine.
export { analyzeNote, type NoteAnalysis } from './analyze';
export { suggestDiagnoses, defaultNoteReader, type NoteReader } from './engine';
export { readNoteBytes, textWarnings } from './input';
export { evaluate, stripSeventhCharacter, type EvalDocument, type EvalReport } from './evaluate';
export * from './types';
