/**
 * The offline cache (vite-plugin-pwa's service worker) is registered once the first run of a
 * lesson has finished, or FALLBACK_MS after the page loaded, not at load: installing it fetches
 * and compiles every script of the site (several MB, ~0.4 s of CPU on its own thread). On 2 cores,
 * at load it delayed a first visit's ready by 0.35–0.5 s (it competed with the worker building the
 * world); at ready, it stretched the charts' first mounts by the clock (longest task 118–205 →
 * 210–368 ms).
 */
const FALLBACK_MS = 45_000;
let registered = false;

export function registerOfflineCache(): void {
  if (registered || import.meta.env.DEV || !('serviceWorker' in navigator)) return;
  registered = true;
  navigator.serviceWorker.register('./sw.js', { scope: './' }).catch(() => undefined);
}

export function registerOfflineCacheLater(): void {
  window.addEventListener('load', () => window.setTimeout(registerOfflineCache, FALLBACK_MS));
}
