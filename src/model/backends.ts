/**
 * The compute backends by name, in the lab's order of preference. No TensorFlow.js here: the page
 * imports this to read `?backend=` and to name backends; `backend.ts` starts them in the worker.
 */
export const BACKENDS = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKENDS)[number];

export const BACKEND_LABEL: Record<BackendName, string> = { webgpu: 'WebGPU', webgl: 'WebGL', wasm: 'WASM', cpu: 'CPU' };

export function isBackendName(x: string): x is BackendName {
  return (BACKENDS as readonly string[]).includes(x);
}

export function label(name: BackendName): string {
  return BACKEND_LABEL[name];
}

/**
 * Order to try. A forced backend goes first; only the backends after it in the lab's order
 * remain as fallbacks (forcing WASM never ends up on a GPU; CPU is always the last resort).
 */
export function backendOrder(forced: BackendName | null): BackendName[] {
  return forced ? BACKENDS.slice(BACKENDS.indexOf(forced)) : [...BACKENDS];
}
