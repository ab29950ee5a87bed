/**
 * The offline cache (vite-plugin-pwa's service worker) is registered once the first lesson is
 * ready to train, or FALLBACK_MS after the page loaded (the home page), not at load: installing it
 * fetches and compiles every script of the site (several MB, ~0.4 s of CPU), and on a first visit
 * on 2 cores that competed with the training worker building the world.
 */
const FALLBACK_MS = 15_000;
let registered = false;

export function registerOfflineCache(): void {
  if (registered || import.meta.env.DEV || !('serviceWorker' in navigator)) return;
  registered = true;
  navigator.serviceWorker.register('./sw.js', { scope: './' }).catch(() => undefined);
}

export function registerOfflineCacheLater(): void {
  window.addEventListener('load', () => window.setTimeout(registerOfflineCache, FALLBACK_MS));
}
