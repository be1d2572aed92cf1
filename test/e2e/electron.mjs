// `npm run test:electron`: the extension-host suite in a desktop VS Code downloaded by
// @vscode/test-electron. Needs the internet (it downloads VS Code); CI uses `npm run test:e2e`,
// which runs the same suite offline in code-server's VS Code server.
import { runTests } from '@vscode/test-electron';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, cpSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const build = spawnSync(process.execPath, ['scripts/e2e.mjs', '--build-only'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const info = JSON.parse(spawnSync(process.execPath, ['-e', "process.stdout.write(require('fs').readFileSync(require('path').join(process.env.MEDCODE_HARNESS_DIR || '.vscode-test', 'out', 'build.json'),'utf8'))"], { cwd: root, encoding: 'utf8' }).stdout);
const workspace = mkdtempSync(join(tmpdir(), 'medcode-electron-'));
cpSync(info.workspace, workspace, { recursive: true });
mkdirSync(join(workspace, '.vscode'), { recursive: true });
writeFileSync(join(workspace, '.vscode', 'settings.json'), JSON.stringify({ 'medcode.databasePath': info.dbPath, 'medcode.decorations.inlineCodes': true }, null, 2));
try {
  await runTests({
    extensionDevelopmentPath: root,
    extensionTestsPath: info.suite,
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
    extensionTestsEnv: { MEDCODE_E2E_RESULTS: join(workspace, 'results.json') },
  });
  console.log('1 passed, 0 failed');
} catch (e) {
  console.error(`test:electron failed: ${e.message}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}
