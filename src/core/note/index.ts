// Public face of the note model: parse a note, then ask about the context and specificity of a mention.
export * from './model';
export { parseNote } from './parse';
export { contextOf } from './context';
export { attributes } from './attributes';
