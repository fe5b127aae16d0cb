import { createHttpTransport } from '../../../shared/client/http-transport';
import type { Transport } from '../../../shared/protocol/transport';

/** What the Electron preload puts on `window`; declared here so the renderer needs no preload file. */
interface WindowWithBridge {
  mer?: Transport;
}

function bridge(): Transport | undefined {
  return (window as WindowWithBridge).mer;
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
  const ipc = bridge();
  if (ipc) return ipc;
  stripTokenFromAddress();
  return createHttpTransport({
    baseUrl: window.location.origin,
    createWebSocket: (url) => new WebSocket(url),
  });
}

/**
 * Where frames and previews are fetched from, chosen with the transport: Electron's `mer-media:`
 * protocol when the bridge is present, else the `/media` route of the server that served this
 * page (same origin, so its cookie authenticates the request).
 */
export function chooseMediaRoot(): string {
  return bridge() ? 'mer-media://media' : `${window.location.origin}/media`;
}
