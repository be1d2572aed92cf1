// Entry point bundled by esbuild into dist/extension.js.
export { activate, deactivate } from './activate';
