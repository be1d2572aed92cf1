// A tiny element builder: `.prop` sets a property (vscode-elements take values as properties),
// `on:event` adds a listener, anything else is an attribute.
type Child = Node | string | false | null | undefined;
type Attrs = Record<string, unknown>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs?: Attrs, ...children: (Child | Child[])[]): HTMLElementTagNameMap[K];
export function h(tag: string, attrs?: Attrs, ...children: (Child | Child[])[]): HTMLElement;
export function h(tag: string, attrs: Attrs = {}, ...children: (Child | Child[])[]): HTMLElement {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false || v === null) continue;
    if (k.startsWith('on:')) el.addEventListener(k.slice(3), v as EventListener);
    else if (k.startsWith('.')) (el as unknown as Record<string, unknown>)[k.slice(1)] = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) {
    if (c === false || c === null || c === undefined) continue;
    el.append(c);
  }
  return el;
}

let nextId = 0;
/** A document-unique id for label/field and aria-describedby pairs. */
export function uid(prefix: string): string {
  return `${prefix}-${++nextId}`;
}
