/** Installs Dawn's navigator.gpu before tfjs-backend-webgpu loads (it registers only if gpu exists). */
import { create, globals } from 'webgpu';

Object.assign(globalThis, globals);
Object.defineProperty(globalThis, 'navigator', { value: { gpu: create([]) }, configurable: true });
