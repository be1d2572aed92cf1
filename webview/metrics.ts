// Timings the panel keeps about itself (read by the panel tests; nothing is sent anywhere).
export interface PanelMetrics {
  renderMs: number[];
  roundTripMs: number[];
}

const metrics: PanelMetrics = { renderMs: [], roundTripMs: [] };
(globalThis as unknown as { medcodePanelMetrics: PanelMetrics }).medcodePanelMetrics = metrics;

export function recordRender(ms: number): void {
  metrics.renderMs.push(ms);
}

export function recordRoundTrip(ms: number): void {
  metrics.roundTripMs.push(ms);
}
