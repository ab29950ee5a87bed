import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig } from 'vite';
import { pageWithoutTfjs } from './build/page-without-tfjs.ts';
import { workersWithTfjsCore } from './build/workers-with-tfjs-core.ts';
import { CONTENT_SECURITY_POLICY } from './src/app/csp.ts';

/** The built page carries the lab's Content-Security-Policy (src/app/csp.ts); the dev server does not (its inline preamble). */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' }],
  };
}

export default defineConfig({
  // Relative base: the built site works from any static host and sub-path.
  base: './',
  plugins: [
    react(),
    pageWithoutTfjs(),
    contentSecurityPolicy(),
    // Offline after the first visit (a lecture hall's wifi may drop): a service worker precaches
    // the app, the training worker, the wasm binaries and the fonts. It does not claim the page
    // that installed it (no request of a first visit changes hands mid-run); the next load is served
    // from the cache, with the network off too. The page registers it itself (src/app/offline.ts).
    VitePWA({
      injectRegister: false,
      manifest: false,
      workbox: {
        globPatterns: ['**/*.{js,css,html,wasm,json,svg,woff2}'],
        // TensorFlow.js and its wasm binaries are several MB each.
        maximumFileSizeToCacheInBytes: 40 * 1024 * 1024,
        clientsClaim: false,
        skipWaiting: false,
        navigateFallback: null,
      },
    }),
  ],
  // Vite pre-bundles the dependencies it finds from index.html; the workers' (TensorFlow.js and
  // its backends) would be found only when a worker starts, and the first `npm start` would reload
  // the page for them. Scanning the workers too makes the first page load the only one.
  optimizeDeps: { entries: ['index.html', 'src/worker/*.worker.ts'] },
  // The training worker is an ES module (it code-splits TensorFlow.js and its wasm assets).
  worker: { format: 'es', plugins: () => [workersWithTfjsCore()] },
  build: {
    // TensorFlow.js alone is over 1 MB minified; it loads in the worker, not on the page.
    chunkSizeWarningLimit: 4000,
    // KaTeX's fonts stay files: the Content-Security-Policy allows fonts from the site only, not data: URIs.
    assetsInlineLimit: (file) => (/\.(woff2?|ttf)$/.test(file) ? false : undefined),
  },
  // No COOP/COEP headers: threaded wasm hung in a production build; single-thread SIMD is used.
});
