/**
 * The model lesson's measurement of serving cost: the time to retrieve the top-K of one user as
 * the catalogue grows, for two towers (item vectors precomputed: one user-tower pass and a dot
 * product per item) and for early fusion (one full network pass per (user, item) pair).
 */
import * as tf from '@tensorflow/tfjs';
import type { RunProbe, RunScope } from '../../src/lesson/probes';
import { measureServingCost, servingCostParts, type ServingCostPoint } from '../../src/train/serving-cost';

export type { ServingCostPoint };

export const SERVING_COST = 'servingCost';

/** Measured once per backend, model shape and catalogue (a run start must not wait for it twice). */
const measured = new Map<string, ServingCostPoint[]>();
const keyOf = ({ world, settings }: RunScope) => [tf.getBackend(), settings.dim, settings.hidden, settings.layers, world.config.items].join('|');

export const servingCostProbe: RunProbe<ServingCostPoint[]> = {
  name: SERVING_COST,
  per: 'run',
  report: true,
  compute(scope) {
    const key = keyOf(scope);
    let points = measured.get(key);
    if (!points) measured.set(key, (points = measureServingCost(scope.world, scope.settings)));
    return points;
  },
  *inParts(scope) {
    const key = keyOf(scope);
    const known = measured.get(key);
    if (known) {
      yield known;
      return;
    }
    let points: ServingCostPoint[] = [];
    for (points of servingCostParts(scope.world, scope.settings)) yield points;
    measured.set(key, points);
  },
};
