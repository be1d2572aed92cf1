// The lint rules that keep the house's layers (eslint.architecture.mjs) report a deliberate import
// cycle and a deliberate src/extension -> src/cli import in a tiny fixture tree.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';

const ROOT = join(__dirname, '../../..');
const FIXTURE = join(ROOT, 'test/fixtures/lint');

test('the layer rules report an import cycle and an extension -> cli import, and nothing else', async () => {
  const { architectureConfig } = await import(pathToFileURL(join(ROOT, 'eslint.architecture.mjs')).href) as { architectureConfig: (root: string) => Linter.Config[] };
  const eslint = new ESLint({
    cwd: FIXTURE,
    overrideConfigFile: true,
    overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser as Linter.Parser } }, ...architectureConfig(FIXTURE)],
  });
  const results = await eslint.lintFiles(['src/**/*.ts']);
  const found = results.flatMap((r) => r.messages.map((m) => `${relative(FIXTURE, r.filePath)} ${m.ruleId ?? m.message}`)).sort();
  assert.deepEqual(found, [
    'src/core/first.ts import-x/no-cycle',
    'src/core/second.ts import-x/no-cycle',
    'src/extension/command.ts import-x/no-restricted-paths',
  ]);
  const restricted = results.flatMap((r) => r.messages).find((m) => m.ruleId === 'import-x/no-restricted-paths');
  assert.match(restricted?.message ?? '', /src\/extension must not import src\/cli/);
});
