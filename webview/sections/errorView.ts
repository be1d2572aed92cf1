// Shown instead of the form when the document is not valid JSON or not a claim: it names the
// problems and offers the text editor. Nothing is ever written back from here.
import { h } from '../dom';

export function errorView(problems: string[], openAsText: () => void): HTMLElement {
  return h('section', { class: 'error-view', role: 'alert', 'aria-labelledby': 'h-error' },
    h('h1', { id: 'h-error' }, 'This claim file cannot be shown as a form'),
    h('p', {}, 'MedCode does not change a file it cannot read. Fix the problem in the text editor; the form comes back when the file is a valid claim.'),
    h('ul', { class: 'problems' }, problems.map((p) => h('li', {}, p))),
    h('vscode-button', { 'data-key': 'open-as-text', 'on:click': openAsText }, 'Open as Text'),
  );
}
