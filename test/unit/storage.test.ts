/** Browser storage through src/app/storage.ts: versioned, validated; bad data is dropped with a notice, never a crash. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PRESENTER, readStored, writeStored } from '../../src/app/storage';
import { useRun } from '../../src/app/store';

class MemoryStorage {
  data = new Map<string, string>();
  getItem(k: string) {
    return this.data.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.data.set(k, v);
  }
  removeItem(k: string) {
    this.data.delete(k);
  }
}

const KEY = 'two-tower-lab:presenter';
let store: MemoryStorage;

describe('stored preferences', () => {
  beforeEach(() => {
    store = new MemoryStorage();
    (globalThis as { localStorage?: unknown }).localStorage = store;
    useRun.setState({ notices: [] });
  });
  afterEach(() => {
    delete (globalThis as { localStorage?: unknown }).localStorage;
  });

  it('round-trips a value under a versioned key', () => {
    expect(readStored(PRESENTER)).toBeUndefined();
    writeStored(PRESENTER, true);
    expect(JSON.parse(store.getItem(KEY)!)).toEqual({ v: 1, value: true });
    expect(readStored(PRESENTER)).toBe(true);
    expect(useRun.getState().notices).toEqual([]);
  });

  for (const [what, raw] of [
    ['corrupt JSON', '{not json'],
    ['an older version', JSON.stringify({ v: 0, value: true })],
    ['a value of the wrong type', JSON.stringify({ v: 1, value: 'yes' })],
    ['an old bare value', 'true'],
  ] as const) {
    it(`ignores ${what}: removed, with a notice`, () => {
      store.setItem(KEY, raw);
      expect(readStored(PRESENTER)).toBeUndefined();
      expect(store.getItem(KEY)).toBeNull();
      expect(useRun.getState().notices.map((n) => n.text.en).join()).toContain('presenter');
    });
  }

  it('a browser without storage, or one that throws, remembers nothing and does not crash', () => {
    delete (globalThis as { localStorage?: unknown }).localStorage;
    expect(readStored(PRESENTER)).toBeUndefined();
    writeStored(PRESENTER, true);
    (globalThis as { localStorage?: unknown }).localStorage = {
      getItem() {
        throw new Error('blocked');
      },
      setItem() {
        throw new Error('quota');
      },
    };
    expect(readStored(PRESENTER)).toBeUndefined();
    expect(() => writeStored(PRESENTER, false)).not.toThrow();
  });
});
