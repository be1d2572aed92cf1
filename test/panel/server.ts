// Serves the built panel from 127.0.0.1 inside the page the extension would give it (same CSP,
// fresh nonce), plus a fake `acquireVsCodeApi` that hands every message to the test's host.
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { makeNonce, panelHtml } from '../../src/extension/claimEditor/html';

const FAKE_VSCODE = `
window.__posted = [];
window.acquireVsCodeApi = () => ({
  postMessage(m) { window.__posted.push(m); window.__toHost(JSON.stringify(m)); },
  getState() { return undefined; },
  setState() {},
});
`;

const TYPES: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json' };

export async function startServer(root: string): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    void (async () => {
      try {
        if (url.pathname === '/') {
          const nonce = makeNonce();
          const origin = `http://${req.headers.host}`;
          res.writeHead(200, { 'content-type': 'text/html' });
          res.end(panelHtml({
            cspSource: origin, scriptUri: '/panel.js', styleUri: '/panel.css', nonce,
            extraHead: `<link rel="stylesheet" nonce="${nonce}" href="/theme.css">\n<script nonce="${nonce}" src="/fake-vscode.js"></script>`,
          }));
          return;
        }
        if (url.pathname === '/fake-vscode.js') {
          res.writeHead(200, { 'content-type': 'text/javascript' });
          res.end(FAKE_VSCODE);
          return;
        }
        if (url.pathname === '/theme.css') {
          res.writeHead(200, { 'content-type': 'text/css' });
          res.end(await readFile(join(root, 'test/panel/theme-dark.css')));
          return;
        }
        const file = url.pathname.replace(/^\//, '');
        if (!/^panel\.(js|css)(\.map)?$/.test(file)) throw new Error('not found');
        res.writeHead(200, { 'content-type': TYPES[file.slice(file.lastIndexOf('.'))] ?? 'application/octet-stream' });
        res.end(await readFile(join(root, 'dist/webview', file)));
      } catch {
        res.writeHead(404);
        res.end();
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}
