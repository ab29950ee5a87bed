/**
 * The worker's compute backend: starting it (in the lab's order, or one forced by name), noticing
 * when its device goes away, and racing engine work against that loss so a lost GPU surfaces as
 * a `BackendLost` error instead of a promise that never settles.
 */
import * as tf from '@tensorflow/tfjs';
import { type BackendChoice, type BackendOptions, chooseFastestBackend, initBackend } from '../model/backend';
import { type BackendName, label } from '../model/backends';

export class BackendLost extends Error {}

interface GpuBackendLike {
  device?: { destroy(): void; lost?: Promise<{ message?: string; reason?: string }> };
  gpgpu?: { gl?: WebGLRenderingContext | WebGL2RenderingContext };
}

export class BackendHost {
  name?: BackendName;
  /** Why the live backend was lost (until a new one starts). */
  lost?: string;
  private epoch = 0;
  private lostSignal?: (reason: string) => void;

  /** `onLost` is called once when the live backend's device or context goes away. */
  constructor(
    private readonly options: BackendOptions,
    private readonly onLost: () => void,
  ) {}

  /**
   * Starts a backend of `order`: the first asked for by name (`forced`), the fastest measured
   * (`measure`: the automatic choice at start-up), or else the first that works (a fallback).
   */
  async start(order: BackendName[], forced: boolean, measure = false): Promise<BackendChoice> {
    const choice = forced && order.length > 1 ? await this.initForced(order) : measure && !forced ? await chooseFastestBackend(order, this.options) : await initBackend(order, this.options);
    this.name = choice.name;
    this.lost = undefined;
    const epoch = ++this.epoch;
    watchBackend(choice.name, (reason) => {
      if (epoch !== this.epoch || this.lost) return;
      this.markLost(reason);
      this.onLost();
    });
    return choice;
  }

  /**
   * A backend asked for by name: tried alone (so the engine uses it even where automatic mode
   * would skip it, e.g. a software GPU); if it cannot start, the rest of the order as usual.
   */
  private async initForced(order: BackendName[]): Promise<BackendChoice> {
    try {
      const choice = await initBackend(order.slice(0, 1), this.options);
      return { name: choice.name, reason: `${label(choice.name)}: as asked (backend=${choice.name})` };
    } catch (e) {
      const why = (e instanceof Error ? e.message : String(e)).replace(/^no TensorFlow\.js backend could start \((.*)\)$/, '$1');
      const rest = await initBackend(order.slice(1), this.options);
      return { name: rest.name, reason: `${why} → ${rest.reason.endsWith(': first choice') ? label(rest.name) : rest.reason}` };
    }
  }

  /** Makes the live backend fail the way a lost device does (a test hook for the fallback path). */
  lose(): void {
    const b = tf.backend() as unknown as GpuBackendLike;
    if (this.name === 'webgpu' && b.device) {
      b.device.destroy();
    } else if (this.name === 'webgl' && b.gpgpu?.gl) {
      const ext = b.gpgpu.gl.getExtension('WEBGL_lose_context') as { loseContext(): void } | null;
      if (ext) ext.loseContext();
      else this.markLost('WebGL context lost (simulated)');
    } else {
      this.markLost(`${label(this.name ?? 'cpu')} failed (simulated)`);
    }
  }

  /** Forgets a loss (after the failure it caused has been handled). */
  clearLost(): void {
    this.lost = undefined;
  }

  /** `work`, or a `BackendLost` rejection as soon as the backend is lost (whichever comes first). */
  async race<T>(work: Promise<T>): Promise<T> {
    const lost = new Promise<never>((_, reject) => {
      this.lostSignal = (reason) => reject(new BackendLost(reason));
      if (this.lost) reject(new BackendLost(this.lost));
    });
    lost.catch(() => undefined);
    try {
      return await Promise.race([work, lost]);
    } finally {
      this.lostSignal = undefined;
    }
  }

  private markLost(reason: string): void {
    if (this.lost) return;
    this.lost = reason;
    this.lostSignal?.(reason);
  }
}

/** Calls `onLost` when the backend's device or context goes away. */
function watchBackend(name: BackendName, onLost: (reason: string) => void): void {
  const b = tf.backend() as unknown as GpuBackendLike;
  if (name === 'webgpu' && b.device?.lost) {
    void b.device.lost.then((info) => onLost(`device lost (${info.message || info.reason || 'unknown'})`));
  } else if (name === 'webgl' && b.gpgpu?.gl) {
    const canvas = b.gpgpu.gl.canvas as unknown as EventTarget | undefined;
    canvas?.addEventListener?.('webglcontextlost', () => onLost('context lost'));
  }
}
