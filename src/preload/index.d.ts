/**
 * What the preload puts on `window` (types only): the renderer sees the Electron bridge as an
 * optional `Transport`, absent in a plain browser.
 */
import type { Transport } from '../shared/protocol/transport';

declare global {
  interface Window {
    mer?: Transport;
  }
}

export {};
