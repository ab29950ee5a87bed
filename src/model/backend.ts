import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import '@tensorflow/tfjs-backend-webgpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { measureTrainingSpeed } from './backend-speed';
import { patchCpuKernels, patchReductionGradients, patchWasmKernels, registerWasmSegmentSum } from './kernels';

import { type BackendName, label } from './backends';

export interface BackendChoice {
  name: BackendName;
  /** Why this one: the backends tried before it and what stopped each. */
  reason: string;
  /** Training steps per second of each backend measured at start-up (automatic choice only). */
  measured?: Partial<Record<BackendName, number>>;
}

export interface BackendOptions {
  /** Where the tfjs-backend-wasm .wasm files are (a folder URL/path, or one URL per file). */
  wasmPaths?: string | Record<string, string>;
  /** Apply the lab's kernel fixes (default true; the benchmark's stock baseline turns them off). */
  patchKernels?: boolean;
}

/** Tries the backends in order and keeps the first that initialises and computes correctly. */
export async function initBackend(order: readonly BackendName[], options: BackendOptions = {}): Promise<BackendChoice> {
  const failures: string[] = [];
  for (const name of order) {
    try {
      await startBackend(name, options, name === order[order.length - 1]);
      const reason = failures.length ? `${failures.join('; ')} → ${label(name)}` : `${label(name)}: first choice`;
      return { name, reason };
    } catch (e) {
      failures.push(`${label(name)}: ${shortReason(e)}`);
    }
  }
  throw new Error(`no TensorFlow.js backend could start (${failures.join('; ')})`);
}

/**
 * The automatic choice, by measurement rather than by order: every backend of `order` but the CPU
 * that starts (a software GPU is still skipped) trains a few miniature steps, and the fastest is
 * kept. The CPU backend only where nothing else starts.
 */
export async function chooseFastestBackend(order: readonly BackendName[], options: BackendOptions = {}): Promise<BackendChoice> {
  const failures: string[] = [];
  const measured: Partial<Record<BackendName, number>> = {};
  for (const name of order.filter((n) => n !== 'cpu')) {
    try {
      await startBackend(name, options, false);
      measured[name] = await measureTrainingSpeed();
    } catch (e) {
      failures.push(`${label(name)}: ${shortReason(e)}`);
    }
  }
  const ranked = (Object.entries(measured) as [BackendName, number][]).sort((a, b) => b[1] - a[1]);
  if (!ranked.length) return initBackend(order.filter((n) => n === 'cpu'), options);
  const best = ranked[0][0];
  // Started and checked above: switching back is all that is left.
  if (tf.getBackend() !== best) {
    await tf.setBackend(best);
    await tf.ready();
  }
  const rates = ranked.map(([n, r]) => `${label(n)} ${r.toFixed(0)}`).join(' · ');
  return { name: best, measured, reason: `${failures.length ? `${failures.join('; ')}; ` : ''}measured ${rates} steps/s → ${label(best)}` };
}

/** Starts one backend and checks it computes; throws why not. `isLast`: nothing is left after it. */
async function startBackend(name: BackendName, options: BackendOptions, isLast: boolean): Promise<void> {
  const patch = options.patchKernels ?? true;
  if (patch) patchReductionGradients();
  if (name === 'wasm') {
    if (options.wasmPaths) setWasmPaths(options.wasmPaths as string);
    if (patch) patchWasmKernels();
    else registerWasmSegmentSum();
  }
  if (name === 'cpu' && patch) patchCpuKernels();
  // A software GPU (SwiftShader) is correct but far slower than WASM: skip it unless nothing
  // else is left to try (a forced backend is always used).
  if (name === 'webgpu' && !isLast) {
    const software = await softwareWebGpu();
    if (software) throw new Error(`software adapter (${software})`);
  }
  const ok = await tf.setBackend(name);
  if (!ok) throw new Error('not available');
  await tf.ready();
  if (name === 'webgl' && !isLast) {
    const software = softwareWebGl();
    if (software) throw new Error(`software renderer (${software})`);
  }
  await smokeTest();
}

interface GpuAdapterLike {
  isFallbackAdapter?: boolean;
  info?: { vendor?: string; architecture?: string; description?: string };
}

/** Names the software adapter WebGPU would get here, or '' for a hardware one (or none). */
async function softwareWebGpu(): Promise<string> {
  const gpu = (globalThis.navigator as { gpu?: { requestAdapter(o?: object): Promise<GpuAdapterLike | null> } } | undefined)?.gpu;
  if (!gpu) return '';
  const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
  if (!adapter) return '';
  const text = `${adapter.info?.vendor ?? ''} ${adapter.info?.architecture ?? ''} ${adapter.info?.description ?? ''}`;
  if (/swiftshader/i.test(text)) return 'SwiftShader';
  return adapter.isFallbackAdapter ? 'fallback adapter' : '';
}

/** Names WebGL's software renderer (SwiftShader, llvmpipe), or ''. */
function softwareWebGl(): string {
  const gl = (tf.backend() as unknown as { gpgpu?: { gl?: WebGLRenderingContext } }).gpgpu?.gl;
  if (!gl) return '';
  const ext = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = String(ext ? gl.getParameter(ext.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
  const m = /swiftshader|llvmpipe|software/i.exec(renderer);
  return m ? m[0] : '';
}

function shortReason(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  if (/^software/.test(msg)) return msg;
  if (/adapter/i.test(msg)) return 'no adapter';
  if (/navigator|gpu is not|undefined/i.test(msg)) return 'not supported here';
  return msg.split('\n')[0].slice(0, 80) || 'failed';
}

/** A tiny computation read back asynchronously: catches backends that register but cannot run. */
async function smokeTest(): Promise<void> {
  const t = tf.tidy(() => tf.matMul(tf.tensor2d([1, 2, 3, 4], [2, 2]), tf.tensor2d([1, 0, 0, 1], [2, 2])).sum());
  const [v] = await t.data();
  t.dispose();
  if (v !== 10) throw new Error(`smoke test computed ${v}, expected 10`);
}
