import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeNonce, panelHtml } from '../../../src/extension/claimEditor/html';
import { applyPanelEdits } from '../../../src/extension/claimEditor/panelEdits';

test('the panel page allows only its own nonce-tagged script and stylesheet', () => {
  const nonce = makeNonce();
  const html = panelHtml({ cspSource: 'https://file+.vscode-resource.vscode-cdn.net', scriptUri: 'https://x/panel.js', styleUri: 'https://x/panel.css', nonce });
  const csp = /Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
  assert.match(csp, /^default-src 'none'; /);
  assert.match(csp, new RegExp(`script-src 'nonce-${nonce.replace(/[+/]/g, '\\$&')}'`));
  assert.ok(!/unsafe-inline|unsafe-eval|https?:\s|\*/.test(csp.replace(/font-src [^;]+/, '')), csp);
  const tags = html.match(/<(script|link)\b[^>]*>/g) ?? [];
  assert.equal(tags.length, 2);
  for (const t of tags) assert.ok(t.includes(`nonce="${nonce}"`), t);
});

test('nonces are fresh, 128 bits from the platform CSPRNG', () => {
  const a = makeNonce();
  assert.notEqual(a, makeNonce());
  assert.equal(Buffer.from(a, 'base64').length, 16);
});

test('clearing the last member of an object removes the emptied object too', () => {
  const c = { schemaVersion: '1', payer: { name: 'A' }, patient: { name: { family: 'R' }, sex: 'female' } };
  const out = applyPanelEdits(c, [{ op: 'clearField', path: 'payer.name' }, { op: 'clearField', path: 'patient.name.family' }]);
  assert.deepEqual(out, { schemaVersion: '1', patient: { sex: 'female' } });
  assert.deepEqual(c.payer, { name: 'A' }, 'the input is not changed');
  assert.throws(() => applyPanelEdits(c, [{ op: 'setField', path: '__proto__.x', value: 1 }]), /not a claim member/);
});
