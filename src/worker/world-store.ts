/**
 * Worlds built before in this browser. A default world and its reference rankings take ~2 s to
 * build on 2 cores, and most lessons share the default world: kept in IndexedDB (idb-keyval), a
 * lesson opened again, reloaded, or another lesson on the same world starts from them. Keyed by
 * the world's whole config and by this build (a new build builds afresh); at most KEEP worlds
 * (~7 MB each). A store that fails (private mode, quota) means building, as before.
 */
import { createStore, del, get, set } from 'idb-keyval';
import { createEvalContext, type EvalContext } from '../eval/evaluate';
import { DEFAULT_WORLD, generateWorld } from '../world/generate';
import type { World, WorldConfig } from '../world/types';

export interface BuiltWorld {
  world: World;
  ctx: EvalContext;
}

/** Where built worlds are kept (structured clones: a world is plain data and typed arrays). */
export interface WorldStore {
  get(key: string): Promise<BuiltWorld | undefined>;
  put(key: string, built: BuiltWorld): Promise<void>;
}

const KEEP = 4;
const INDEX = 'index';

/** This browser's store for one build (`build`: something that changes with every build, e.g. the worker script's hashed name). */
export function browserWorldStore(build: string): WorldStore | undefined {
  if (typeof indexedDB === 'undefined') return undefined;
  const db = createStore('two-tower-lab-worlds', 'worlds');
  const id = (key: string) => `${build}|${key}`;
  return {
    get: (key) => get<BuiltWorld>(id(key), db),
    async put(key, built) {
      await set(id(key), built, db);
      // Oldest first; worlds of older builds age out the same way.
      const index = ((await get<string[]>(INDEX, db)) ?? []).filter((k) => k !== id(key));
      index.push(id(key));
      for (const old of index.splice(0, Math.max(0, index.length - KEEP))) await del(old, db);
      await set(INDEX, index, db);
    },
  };
}

/** The whole config (defaults filled in), keys sorted: equal for equal worlds. */
export function worldStoreKey(cfg: Partial<WorldConfig>): string {
  const full: Record<string, unknown> = { ...DEFAULT_WORLD, ...cfg };
  return JSON.stringify(Object.keys(full).sort().map((k) => [k, full[k]]));
}

/**
 * The world of `cfg` with its eval context: the stored one if there is one, else built (`stage`
 * is told before each part, so the page can say what takes the time) and stored for next time.
 */
export async function worldFor(cfg: Partial<WorldConfig>, store: WorldStore | undefined, stage: (part: 'world' | 'references') => Promise<void>): Promise<BuiltWorld> {
  const key = worldStoreKey(cfg);
  const stored = await store?.get(key).catch(() => undefined);
  if (stored) return stored;
  await stage('world');
  const world = generateWorld(cfg);
  await stage('references');
  const built = { world, ctx: createEvalContext(world) };
  void store?.put(key, built).catch(() => undefined);
  return built;
}
