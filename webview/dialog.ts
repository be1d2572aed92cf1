// A modal prompt for a written reason (suppression justification, export override). The native
// <dialog> traps focus, closes on Escape and returns focus to where it was.
import { h, uid } from './dom';

export interface ReasonPrompt {
  title: string;
  body: (string | HTMLElement)[];
  label: string;
  placeholder?: string;
  confirm: string;
  minLength?: number;
}

export function askReason(p: ReasonPrompt): Promise<string | undefined> {
  const id = uid('reason');
  const min = p.minLength ?? 5;
  const previous = document.activeElement as HTMLElement | null;
  return new Promise((resolve) => {
    const error = h('div', { class: 'field-help', role: 'alert', id: `${id}-err` });
    const area = h('vscode-textarea', { id, '.label': p.label, placeholder: p.placeholder, rows: 3, class: 'reason', 'aria-describedby': `${id}-err` });
    let done = false;
    const finish = (value: string | undefined) => {
      if (done) return;
      done = true;
      dialog.close();
      dialog.remove();
      previous?.focus();
      resolve(value);
    };
    const submit = () => {
      const v = (area as unknown as { value: string }).value.trim();
      if (v.length < min) {
        error.textContent = `Write at least a few words (${min} characters or more).`;
        area.setAttribute('invalid', '');
        area.focus();
        return;
      }
      finish(v);
    };
    const dialog = h('dialog', { class: 'reason-dialog', 'aria-labelledby': `${id}-title` },
      h('h2', { id: `${id}-title` }, p.title),
      ...p.body.map((b) => (typeof b === 'string' ? h('p', {}, b) : b)),
      h('vscode-label', { for: id }, p.label),
      area,
      error,
      h('div', { class: 'dialog-buttons' },
        h('vscode-button', { 'data-action': 'confirm', 'on:click': submit }, p.confirm),
        h('vscode-button', { secondary: true, 'data-action': 'cancel', 'on:click': () => finish(undefined) }, 'Cancel'),
      ),
    );
    dialog.addEventListener('cancel', (e) => { e.preventDefault(); finish(undefined); });
    dialog.addEventListener('keydown', (e: KeyboardEvent) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) submit(); });
    document.body.append(dialog);
    dialog.showModal();
    area.focus();
  });
}
