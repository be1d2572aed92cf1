// The panel page: nothing runs or loads but the built panel script and stylesheet, each carrying
// a nonce made fresh for this page. No inline code, no network (default-src 'none').
export interface PanelPageParts {
  /** `webview.cspSource` (fonts of the built assets only). */
  cspSource: string;
  scriptUri: string;
  styleUri: string;
  nonce: string;
  /** Extra script tags (the tests' fake host); they must carry the same nonce. */
  extraHead?: string;
}

const escapeAttr = (s: string): string => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export function panelHtml(p: PanelPageParts): string {
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${p.nonce}'`,
    `style-src 'nonce-${p.nonce}'`,
    `font-src ${p.cspSource}`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttr(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Claim</title>
<link rel="stylesheet" nonce="${p.nonce}" href="${escapeAttr(p.styleUri)}">
${p.extraHead ?? ''}
</head>
<body>
<main id="app"><p class="loading" role="status">Loading the claim…</p></main>
<script type="module" nonce="${p.nonce}" src="${escapeAttr(p.scriptUri)}"></script>
</body>
</html>`;
}

/** 128 random bits from the platform's CSPRNG, base64 (never Math.random). */
export function makeNonce(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
