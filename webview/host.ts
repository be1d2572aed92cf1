// The link to the extension host: posts checked messages, gives each request an id and resolves
// it with the answer carrying the same id; drops every message that fails the protocol schema.
import { parseHostMessage, PanelMessageSchema, type HostMessage, type PanelMessage } from '../src/core/protocol';

interface VsCodeApi {
  postMessage(message: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

type Answer = Extract<HostMessage, { requestId: number }>;
type WithoutId<T> = T extends unknown ? Omit<T, 'requestId'> : never;
type PanelRequest = Extract<PanelMessage, { requestId: number }>;

export class HostLink {
  private readonly api = acquireVsCodeApi();
  private nextId = 1;
  private readonly waiting = new Map<number, (m: Answer) => void>();

  constructor(private readonly onPush: (m: HostMessage) => void) {
    window.addEventListener('message', (e: MessageEvent) => {
      const m = parseHostMessage(e.data);
      if (!m) return;
      if (m.type !== 'state' && 'requestId' in m) {
        const resolve = this.waiting.get(m.requestId);
        if (resolve) {
          this.waiting.delete(m.requestId);
          resolve(m);
        }
        return;
      }
      this.onPush(m);
    });
  }

  post(m: PanelMessage): void {
    // The panel checks its own messages too: a bug here must not reach the host as half a message.
    if (PanelMessageSchema.safeParse(m).success) this.api.postMessage(m);
    else console.error('claim panel: refused to send an invalid message', m.type);
  }

  /** Sends a request and resolves with the host's answer to it. */
  request(m: WithoutId<PanelRequest>): { id: number; answer: Promise<Answer> } {
    const id = this.nextId++;
    const answer = new Promise<Answer>((resolve) => this.waiting.set(id, resolve));
    this.post({ ...m, requestId: id } as PanelMessage);
    return { id, answer };
  }
}
