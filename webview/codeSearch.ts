// Inline code search (ARIA combobox): type a code or words, results come from the host's index,
// arrow keys move through them, Enter picks, Escape closes. A native input keeps the combobox
// and its listbox in one DOM tree so aria-activedescendant reaches the options.
import { h, uid } from './dom';
import type { SearchResultItem } from '../src/core/protocol';

export interface CodeSearchSpec {
  label: string;
  placeholder: string;
  key: string;
  disabled?: boolean;
  search(query: string): Promise<SearchResultItem[]>;
  pick(result: SearchResultItem): void;
}

export function codeSearch(spec: CodeSearchSpec): HTMLElement {
  const id = uid('search');
  const listId = `${id}-list`;
  const status = h('div', { class: 'search-status', role: 'status', 'aria-live': 'polite' });
  const list = h('ul', { id: listId, role: 'listbox', class: 'search-results', 'aria-label': `${spec.label} results`, hidden: true });
  const input = h('input', {
    id, type: 'text', class: 'search-input', role: 'combobox', 'aria-autocomplete': 'list', 'aria-expanded': 'false',
    'aria-controls': listId, placeholder: spec.placeholder, 'data-key': spec.key, disabled: spec.disabled, autocomplete: 'off',
  });
  let results: SearchResultItem[] = [];
  let active = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let seq = 0;

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const setActive = (i: number) => {
    active = i;
    [...list.children].forEach((li, k) => li.setAttribute('aria-selected', String(k === i)));
    const li = list.children[i] as HTMLElement | undefined;
    if (li) {
      input.setAttribute('aria-activedescendant', li.id);
      li.scrollIntoView({ block: 'nearest' });
    }
  };
  const pick = (r: SearchResultItem) => {
    close();
    input.value = '';
    status.textContent = `Added ${r.code}.`;
    spec.pick(r);
  };
  const show = (rs: SearchResultItem[]) => {
    results = rs;
    list.replaceChildren(...rs.map((r, i) => h('li', {
      id: `${id}-opt-${i}`, role: 'option', 'aria-selected': 'false', class: r.billable ? '' : 'not-billable',
      'on:mousedown': (e: Event) => { e.preventDefault(); pick(r); },
    }, h('span', { class: 'code' }, r.code), ' ', h('span', { class: 'title' }, r.title), r.billable ? null : h('span', { class: 'note' }, ' (not billable)'))));
    list.hidden = rs.length === 0;
    input.setAttribute('aria-expanded', String(rs.length > 0));
    status.textContent = rs.length === 0 ? 'No codes found.' : `${rs.length} codes found; use the arrow keys and Enter to pick one.`;
    if (rs.length > 0) setActive(0);
  };
  input.addEventListener('input', () => {
    if (timer) clearTimeout(timer);
    const q = input.value.trim();
    if (q === '') { close(); status.textContent = ''; return; }
    timer = setTimeout(() => {
      const mine = ++seq;
      void spec.search(q).then((rs) => { if (mine === seq && input.value.trim() === q) show(rs); });
    }, 120);
  });
  input.addEventListener('keydown', (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' && results.length > 0) { e.preventDefault(); setActive(Math.min(active + 1, results.length - 1)); list.hidden = false; }
    else if (e.key === 'ArrowUp' && results.length > 0) { e.preventDefault(); setActive(Math.max(active - 1, 0)); }
    else if (e.key === 'Enter' && !list.hidden && results[active]) { e.preventDefault(); pick(results[active]!); }
    else if (e.key === 'Escape') { close(); }
  });
  input.addEventListener('blur', () => setTimeout(close, 150));
  return h('div', { class: 'code-search' }, h('label', { for: id, class: 'search-label' }, spec.label), input, list, status);
}
