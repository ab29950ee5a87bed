/**
 * The streaming frequency estimator, watched from the worker: its error per arm after every
 * training chunk, and the scale to read that error against.
 */
import type { ArmProbe, RunProbe } from '../../src/lesson/probes';
import { trueBatchProbability } from '../../src/model/frequency';

/** Mean |p̂ − p| over the items with clicks (step 0: the starting guess p̂ = 1/B₀); streaming arms only. */
export const ESTIMATOR_ERROR = 'estimatorError';
export const estimatorErrorProbe: ArmProbe = {
  name: ESTIMATOR_ERROR,
  per: 'chunk',
  compute: (arm) => arm.estimatorError(),
};

/** The mean true p of the items with clicks at this batch size: the estimator chart's scale. */
export const MEAN_TRUE_P = 'meanTrueP';
export const meanTruePProbe: RunProbe<number> = {
  name: MEAN_TRUE_P,
  per: 'run',
  compute({ world, settings }) {
    const clicks = world.itemTrainClicks;
    const p = trueBatchProbability(clicks, settings.batch);
    let sum = 0;
    let n = 0;
    p.forEach((v, i) => {
      if (clicks[i] > 0) {
        sum += v;
        n++;
      }
    });
    return n ? sum / n : 0;
  },
};
