import * as tf from '@tensorflow/tfjs';
import type { ArmSpec, Settings } from '../lesson/types';
import { type EncodedBatch, FeatureEncoder, featureLayout } from '../model/features';
import { createSslTask, type SslTask } from '../model/ssl';
import { StreamingFrequency, trueBatchProbability } from '../model/frequency';
import {
  inBatchSoftmaxLoss,
  pairwiseHingeLoss,
  pairwiseLogisticLoss,
  perRowCosine,
  pointwiseLoss,
  rowCosine,
  sampledSoftmaxLoss,
} from '../model/losses';
import { createSampler, type NegativeSampler, type PositiveBatch } from '../model/samplers';
import { Tower } from '../model/tower';
import { Rng } from '../util/rng';
import type { World } from '../world/types';
import { BatchStream, positivesFor } from './batches';

/** Encoders for one world: built once, shared by every arm. */
export interface Encoders {
  user: FeatureEncoder;
  item: FeatureEncoder;
}

export function createEncoders(world: World): Encoders {
  return {
    user: new FeatureEncoder(featureLayout(world.config.users, world.userFields), world.userFeatures),
    item: new FeatureEncoder(featureLayout(world.config.items, world.itemFields), world.itemFeatures),
  };
}

/**
 * One arm: its own towers, optimizer, positives and negative sampler. Arms seeded alike get the
 * same weights, batches and draws, so they differ only where their specs differ.
 */
export class Arm {
  readonly userTower: Tower;
  readonly itemTower: Tower;
  private readonly optimizer: tf.AdamOptimizer;
  private readonly sampler: NegativeSampler;
  private readonly batches: BatchStream;
  private readonly negativeRng: Rng;
  private readonly logQTrue?: Float32Array;
  readonly frequency?: StreamingFrequency;
  private readonly ssl?: SslTask;
  private trueP?: Float64Array;
  steps = 0;

  constructor(
    readonly spec: ArmSpec,
    private readonly world: World,
    private readonly encoders: Encoders,
    private readonly settings: Settings,
  ) {
    const seed = settings.seed;
    const shape = { embeddingDim: 16, hidden: Array<number>(settings.layers ?? 1).fill(settings.hidden ?? 64), dim: settings.dim };
    const initRng = Rng.derive(seed, 'init');
    this.userTower = new Tower(encoders.user.layout, shape, initRng);
    this.itemTower = new Tower(encoders.item.layout, shape, initRng);
    // Adam's epsilon set explicitly: backends differ in their default.
    this.optimizer = tf.train.adam(settings.lr, 0.9, 0.999, 1e-7);
    this.sampler = createSampler(spec.negatives, world);
    this.batches = new BatchStream(world, positivesFor(world, spec.positives, seed), settings.batch, Rng.derive(seed, 'batches'));
    this.negativeRng = Rng.derive(seed, 'negatives');
    if (spec.logQ === 'true') this.logQTrue = trueLogQ(world, settings.batch);
    if (spec.ssl) this.ssl = createSslTask(spec.ssl, world, encoders.item, settings, Rng.derive(seed, 'ssl'));
    if (spec.logQ === 'streaming') this.frequency = new StreamingFrequency(world.config.items * 2, settings.streamingAlpha ?? 0.01);
  }

  get id(): string {
    return this.spec.id;
  }

  /** One optimisation step on the arm's next batch; returns the loss (caller disposes). */
  step(): tf.Scalar {
    const batch = this.batches.next();
    const negatives = this.spec.loss === 'in-batch' ? undefined : this.drawNegatives(batch);
    const logQ = this.logQFor(batch, negatives);
    this.frequency?.update(batch.items);
    const users = this.encoders.user.encode(batch.users);
    const items = this.encoders.item.encode(batch.items);
    const negEncoded = negatives && this.encoders.item.encode(negatives);
    const sslBatch = this.ssl?.prepare();
    const loss = tf.tidy(() =>
      this.optimizer.minimize((): tf.Scalar => {
        const main = this.mainLoss(users, items, negEncoded, logQ);
        return sslBatch ? tf.add(main, tf.mul(this.ssl!.loss(this.itemTower, sslBatch), this.spec.ssl!.weight)) : main;
      }, true, this.variables)!,
    );
    this.steps++;
    return loss;
  }

  /** The arm's retrieval loss on one batch (inside the optimizer's closure). */
  private mainLoss(
    users: EncodedBatch,
    items: EncodedBatch,
    negEncoded: EncodedBatch | undefined,
    logQ: { pos: Float32Array; neg?: Float32Array } | undefined,
  ): tf.Scalar {
    const u = this.userTower.apply(users);
    const v = this.itemTower.apply(items);
    const pos = rowCosine(u, v);
    const { temperature, margin = 0.2, sigma = 10 } = this.settings;
    const k = this.spec.negativeCount;
    switch (this.spec.loss) {
      case 'in-batch':
        return inBatchSoftmaxLoss(u, v, temperature, logQ && tf.tensor1d(logQ.pos));
      case 'listwise': {
        const vNeg = this.itemTower.apply(negEncoded!);
        if (this.sharedNegatives) {
          const negCos = tf.matMul(u, vNeg, false, true) as tf.Tensor2D;
          return sampledSoftmaxLoss(pos, negCos, temperature, logQ && tf.tensor1d(logQ.pos), logQ && tf.tensor1d(logQ.neg!));
        }
        return sampledSoftmaxLoss(pos, perRowCosine(u, vNeg, k), temperature, logQ && tf.tensor1d(logQ.pos), logQ && tf.tensor2d(logQ.neg!, [users.size, k]));
      }
      case 'pointwise':
        return pointwiseLoss(pos, perRowCosine(u, this.itemTower.apply(negEncoded!), k), temperature);
      case 'pairwise-hinge':
        return pairwiseHingeLoss(pos, perRowCosine(u, this.itemTower.apply(negEncoded!), k), margin);
      case 'pairwise-logistic':
        return pairwiseLogisticLoss(pos, perRowCosine(u, this.itemTower.apply(negEncoded!), k), sigma);
    }
  }

  /** Listwise arms share one set of negatives per batch unless their negatives are per user. */
  private get sharedNegatives(): boolean {
    return this.spec.loss === 'listwise' && (this.spec.negativeLayout ?? 'shared') === 'shared';
  }

  private drawNegatives(batch: PositiveBatch): Int32Array {
    if (this.sharedNegatives) {
      // Shared negatives: one set per batch, scored against every row.
      return this.sampler.draw({ users: batch.users.subarray(0, 1), items: batch.items.subarray(0, 1) }, this.spec.negativeCount, this.negativeRng);
    }
    return this.sampler.draw(batch, this.spec.negativeCount, this.negativeRng);
  }

  private logQFor(batch: PositiveBatch, negatives?: Int32Array): { pos: Float32Array; neg?: Float32Array } | undefined {
    const logp = (item: number): number =>
      this.logQTrue ? this.logQTrue[item] : this.frequency ? Math.log(this.frequency.probability(item)) : 0;
    if (this.spec.logQ === 'none') return undefined;
    return {
      pos: Float32Array.from(batch.items, logp),
      neg: negatives && Float32Array.from(negatives, logp),
    };
  }

  /** Mean absolute error of the streaming estimate p̂ against the true batch probability. */
  estimatorError(): number | undefined {
    if (!this.frequency) return undefined;
    this.trueP ??= trueBatchProbability(this.world.itemTrainClicks, this.settings.batch);
    return this.frequency.meanAbsoluteError(this.trueP, this.world.itemTrainClicks);
  }

  get variables(): tf.Variable[] {
    return [...this.userTower.variables, ...this.itemTower.variables];
  }

  /** Unit vectors of the given users and of every item (caller disposes). */
  vectors(users: Int32Array): { users: tf.Tensor2D; items: tf.Tensor2D } {
    const allItems = Int32Array.from({ length: this.world.config.items }, (_, i) => i);
    const u = this.encoders.user.encode(users);
    const i = this.encoders.item.encode(allItems);
    return tf.tidy(() => ({ users: this.userTower.apply(u), items: this.itemTower.apply(i) }));
  }

  dispose(): void {
    this.userTower.dispose();
    this.itemTower.dispose();
    this.optimizer.dispose();
  }
}

/** log p of each item for logQ correction: its chance to be drawn into the arm's batches. */
function trueLogQ(world: World, batchSize: number): Float32Array {
  return Float32Array.from(trueBatchProbability(world.itemTrainClicks, batchSize), (p) => Math.log(Math.max(p, 1e-9)));
}
