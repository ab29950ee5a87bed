import type { Text } from '../../lesson/types';
import type { EvalPoint, Snapshot } from '../../worker/protocol';
import type { Lang } from '../config';
import { tx } from '../i18n';

/** An arm's name in the page's language (its id when the lesson gives it no label). */
export function armName(lang: Lang, labels: Record<string, Text>, id: string): string {
  return labels[id] ? tx(lang, labels[id]) : id;
}

/** Equal for drawing: compared through `version` (snapshot and callbacks ignored). */
export function sameVersion<P extends { version: string; lang: Lang; baselines: unknown }>(a: P, b: P): boolean {
  return a.version === b.version && a.lang === b.lang && a.baselines === b.baselines;
}

/** Props equal for drawing: `snapshot` compared through `version`, callbacks ignored. */
export function sameView<P extends object>(a: P, b: P): boolean {
  for (const key of Object.keys(a) as (keyof P)[]) {
    if (key === 'snapshot' || typeof a[key] === 'function') continue;
    if (a[key] !== b[key]) return false;
  }
  return true;
}

/** Changes with every evaluation of one of `arms` (what memoised charts and panels compare). */
export function evalVersion(arms: Snapshot['arms']): string {
  return arms.map((a) => `${a.id}:${a.evals.length}:${a.evals.at(-1)?.step}`).join('|');
}

/** The latest evaluation of an arm that is switched on and has not diverged (what panels draw). */
export function latestEval(snapshot: Snapshot, id: string): EvalPoint | undefined {
  return snapshot.arms.find((a) => a.id === id && a.enabled && !a.diverged)?.evals.at(-1);
}
