// Timings the panel keeps about itself (read by the panel tests; nothing is sent anywhere).
export interface PanelMetrics {
  renderMs: number[];
  roundTripMs: number[];
  /** Edit sent -> its state received (before the panel draws it). */
  arrivalMs: number[];
}

const metrics: PanelMetrics = { renderMs: [], roundTripMs: [], arrivalMs: [] };
(globalThis as unknown as { medcodePanelMetrics: PanelMetrics }).medcodePanelMetrics = metrics;

export function recordRender(ms: number): void {
  metrics.renderMs.push(ms);
}

export function recordRoundTrip(arrivalMs: number, totalMs: number): void {
  metrics.arrivalMs.push(arrivalMs);
  metrics.roundTripMs.push(totalMs);
}
