/**
 * Debian's chromium as the browser suite and the Lighthouse bench drive it: headless, and nothing
 * fetched from elsewhere (no first-run, sync, component or background network requests; no QUIC).
 */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const chromiumFlags: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
