// Lint: keeps src/core pure (no `vscode`, no Node built-ins), the layers and import cycles in
// order (eslint.architecture.mjs), and catches floating promises.
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';
import { architectureConfig } from './eslint.architecture.mjs';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.vscode-test/**', 'out/**', '**/*.mjs', '**/*.js', 'test/fixtures/lint/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { project: './tsconfig.json', tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': ['error', {
        allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['describe', 'test', 'it', 'suite'] }],
      }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  ...architectureConfig(import.meta.dirname),
  {
    files: ['src/core/**/*.ts', 'webview/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [
          { name: 'vscode', message: 'src/core is pure: inject what you need from src/extension instead.' },
          ...nodeBuiltins.map((name) => ({ name, message: 'src/core runs in the browser too: no Node built-ins (do I/O in src/node, src/cli or src/extension).' })),
        ],
      }],
    },
  },
);
