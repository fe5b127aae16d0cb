import { createHttpTransport } from '../../../shared/client/http-transport';
import type { Transport } from '../../../shared/protocol/transport';

/** What the Electron preload puts on `window`; declared here so the renderer needs no preload file. */
interface WindowWithBridge {
  mer?: Transport;
}

/** Removes `?token=` from the address bar: the server has set its cookie, and URLs get copied. */
function stripTokenFromAddress(): void {
  const url = new URL(window.location.href);
  if (!url.searchParams.has('token')) return;
  url.searchParams.delete('token');
  window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
}

/**
 * Picks the carrier once, at start: the Electron bridge when present, else HTTP + WebSocket to
 * the server that served this page (authenticated by its cookie). Nothing else knows which.
 */
export function chooseTransport(): Transport {
  const bridge = (window as WindowWithBridge).mer;
  if (bridge) return bridge;
  stripTokenFromAddress();
  return createHttpTransport({
    baseUrl: window.location.origin,
    createWebSocket: (url) => new WebSocket(url),
  });
}
