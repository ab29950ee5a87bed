/**
 * Everything the lab keeps in the browser goes through here: one versioned key per entry, and
 * every read validated. Old-format or corrupt data is dropped with a notice, never a crash; a
 * browser without storage (private mode, blocked) simply remembers nothing.
 */
import type { Text } from '../lesson/types';
import { addNotice } from './store';

const PREFIX = 'two-tower-lab:';

export interface StoredEntry<T> {
  key: string;
  /** Bumped when the stored shape changes: data of another version is ignored (and removed). */
  version: number;
  /** The value when `raw` has the right shape, else undefined. */
  validate(raw: unknown): T | undefined;
}

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // access itself can throw (blocked third-party storage)
  }
}

export function readStored<T>(entry: StoredEntry<T>): T | undefined {
  const s = storage();
  let raw: string | null = null;
  try {
    raw = s?.getItem(PREFIX + entry.key) ?? null;
  } catch {
    return undefined;
  }
  if (raw === null) return undefined;
  let value: T | undefined;
  try {
    const parsed = JSON.parse(raw) as unknown;
    if (parsed && typeof parsed === 'object' && (parsed as { v?: unknown }).v === entry.version) value = entry.validate((parsed as { value?: unknown }).value);
  } catch {
    value = undefined;
  }
  if (value === undefined) {
    try {
      s?.removeItem(PREFIX + entry.key);
    } catch {
      // nothing more to do: the value is ignored either way
    }
    const text = { en: `A saved setting (${entry.key}) was unreadable or from an older version of the lab; it was reset.`, zh: `已保存的设置（${entry.key}）无法读取或来自旧版本，已重置。` };
    pending.push(text);
    addNotice(text);
  }
  return value;
}

/** Notices of this page load's unreadable entries (a lesson page clears the run's notices when its worker starts). */
const pending: Text[] = [];

/**
 * Shows the storage notices again once a lesson page's run state is fresh (its worker session
 * clears the run's notices when it starts). An effect: the notices are added on the next task,
 * after every effect of the mount has run (StrictMode runs them twice), and the returned
 * cleanup cancels a pending one.
 */
export function showStorageNotices(): () => void {
  const timer = setTimeout(() => {
    for (const text of pending.splice(0)) addNotice(text);
  }, 0);
  return () => clearTimeout(timer);
}

export function writeStored<T>(entry: StoredEntry<T>, value: T): void {
  try {
    storage()?.setItem(PREFIX + entry.key, JSON.stringify({ v: entry.version, value }));
  } catch {
    // full or blocked storage: the preference is not remembered, nothing breaks
  }
}

/** Presenter mode, remembered for lesson links that do not say (`present` absent from the URL). */
export const PRESENTER: StoredEntry<boolean> = {
  key: 'presenter',
  version: 1,
  validate: (raw) => (typeof raw === 'boolean' ? raw : undefined),
};
