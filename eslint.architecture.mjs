// The house's dependency rules, for the ESLint config of a tree rooted at `root`: no import cycles
// (import-x/no-cycle; type-only imports do not count, they vanish at run time), and each layer
// imports only the layers below it: src/core nothing of ours outside it, src/node the core,
// src/cli and src/extension the core and src/node but never each other. eslint.config.mjs applies
// it to the repository; test/unit/lint/architecture.test.ts to a fixture with deliberate violations.
import { importX, createNodeResolver } from 'eslint-plugin-import-x';

const LAYERS = {
  'src/core': ['src/node', 'src/cli', 'src/extension', 'webview'],
  'src/node': ['src/cli', 'src/extension', 'webview'],
  'src/cli': ['src/extension', 'webview'],
  'src/extension': ['src/cli', 'webview'],
};

/** Flat-config entries for the `.ts` files below `root` (an absolute path). */
export function architectureConfig(root) {
  return [{
    files: ['**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      // Without these import-x reads only .js files, and would never follow a .ts import.
      'import-x/extensions': ['.ts'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js', '.mjs', '.json'] })],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': ['error', {
        basePath: root,
        zones: Object.entries(LAYERS).flatMap(([target, forbidden]) => forbidden.map((from) => ({
          target: `./${target}`,
          from: `./${from}`,
          message: from === 'src/cli' || from === 'src/extension'
            ? `${target} must not import ${from}: put what both need in src/node (Node adapters) or src/core.`
            : `${target} must not import ${from}: dependencies point from adapters to src/node to src/core.`,
        }))),
      }],
    },
  }];
}
