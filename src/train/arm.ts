import * as tf from '@tensorflow/tfjs';
import type { ArmSpec, Settings } from '../lesson/types';
import { rankByScores, rankByVectors } from '../eval/evaluate';
import type { RankMemo } from '../eval/rank-memo';
import type { SlateAuc } from '../eval/slates';
import { type EncodedBatch, FeatureEncoder, featureLayout } from '../model/features';
import { Adam } from '../model/adam';
import { FusionNet } from '../model/fusion';
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
import { Tower, type TowerShape } from '../model/tower';
import type { IndexSpec } from '../serve/index';
import { Rng } from '../util/rng';
import { sessionContext } from '../world/session';
import type { World } from '../world/types';
import { BatchStream, positivesFor } from './batches';
import { DailyUpdates } from './updates';

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
  /** Two towers (or, for early fusion, one network over both sides). */
  private readonly towers?: { user: Tower; item: Tower };
  private readonly fusion?: FusionNet;
  private readonly optimizer: Adam;
  private readonly sampler: NegativeSampler;
  private readonly batches: BatchStream;
  private readonly negativeRng: Rng;
  private readonly logQTrue?: Float32Array;
  readonly frequency?: StreamingFrequency;
  private readonly ssl?: SslTask;
  private trueP?: Float64Array;
  /** Arms that run over simulated days: their clock and update policy. */
  readonly daily?: DailyUpdates;
  /** The user tower's encoder: the shared one, or one with the request's context field. */
  private readonly userEncoder: FeatureEncoder;
  /** How the arm is served: `spec.index` at creation, then whatever a hot knob sets (no retraining). */
  index?: IndexSpec;
  /** With a user context: each training click's context value (world.train order). */
  private readonly clickContext?: Int32Array;
  steps = 0;

  constructor(
    readonly spec: ArmSpec,
    private readonly world: World,
    private readonly encoders: Encoders,
    private readonly settings: Settings,
  ) {
    const seed = settings.seed;
    const shape = towerShape(settings);
    const initRng = Rng.derive(seed, 'init');
    this.index = spec.index;
    this.userEncoder = spec.userContext ? sessionTopicEncoder(world) : encoders.user;
    if (spec.userContext) this.clickContext = sessionContext(world);
    if (spec.model === 'early-fusion') {
      if (spec.loss !== 'listwise' || (spec.negativeLayout ?? 'shared') !== 'shared' || spec.ssl || spec.logQ !== 'none')
        throw new Error(`arm ${spec.id}: early fusion trains listwise against shared negatives, without logQ or SSL`);
      this.fusion = new FusionNet(encoders.user.layout, encoders.item.layout, shape, initRng);
    } else {
      this.towers = { user: new Tower(this.userEncoder.layout, shape, initRng), item: new Tower(encoders.item.layout, shape, initRng) };
    }
    // Adam's epsilon set explicitly: backends differ in their default.
    this.optimizer = new Adam(settings.lr, 0.9, 0.999, 1e-7);
    this.sampler = createSampler(spec.negatives, world);
    this.batches = new BatchStream(world, positivesFor(world, spec.positives, seed), settings.batch, Rng.derive(seed, 'batches'));
    this.negativeRng = Rng.derive(seed, 'negatives');
    if (spec.logQ === 'true') this.logQTrue = trueLogQ(world, settings.batch);
    if (spec.ssl) this.ssl = createSslTask(spec.ssl, world, encoders.item, settings, Rng.derive(seed, 'ssl'));
    if (spec.update) this.daily = new DailyUpdates(this, spec.update, world, settings);
    if (spec.logQ === 'streaming') this.frequency = new StreamingFrequency(world.config.items * 2, settings.streamingAlpha ?? 0.01);
  }

  get id(): string {
    return this.spec.id;
  }

  /** One optimisation step on the arm's next batch; returns the loss (caller disposes). */
  step(): tf.Scalar {
    const loss = this.trainOn(this.batches.next());
    this.steps++;
    return loss;
  }

  /**
   * One optimisation step on a given batch (caller disposes the loss). `ids`: only the ID
   * embeddings of both towers learn (an incremental update): the other table rows get a zero
   * gradient from an optimizer of their own, so they and the MLPs stay bit-identical.
   */
  trainOn(batch: PositiveBatch, scope: 'all' | 'ids' = 'all'): tf.Scalar {
    // ID-only updates draw from a stream of their own: the full updates' draws do not depend on them.
    const rng = scope === 'ids' ? (this.idNegativeRng ??= Rng.derive(this.settings.seed, 'id-negatives')) : this.negativeRng;
    const negatives = this.spec.loss === 'in-batch' ? undefined : this.drawNegatives(batch, rng);
    const logQ = this.logQFor(batch, negatives);
    this.frequency?.update(batch.items);
    const context = this.clickContext && batch.clicks && Int32Array.from(batch.clicks, (k) => this.clickContext![k]);
    const users = this.encodeUsers(batch.users, context);
    const items = this.encodeItems(batch.items);
    const negEncoded = negatives && this.encodeItems(negatives);
    const sslBatch = this.ssl?.prepare();
    const objective = (): tf.Scalar => {
      const main = this.mainLoss(users, items, negEncoded, logQ);
      return sslBatch ? tf.add(main, tf.mul(this.ssl!.loss(this.towers!.item, sslBatch), this.spec.ssl!.weight)) : main;
    };
    return scope === 'all' ? tf.tidy(() => this.optimizer.minimize(objective, true, this.variables)!) : this.trainIdsOn(objective);
  }

  /** ID rows of each tower's table (field 0 comes first), as a 0/1 column; made once. */
  private idRows?: tf.Tensor2D[];
  private idOptimizer?: Adam;
  private idNegativeRng?: Rng;

  private trainIdsOn(objective: () => tf.Scalar): tf.Scalar {
    const towers = this.towers;
    if (!towers) throw new Error(`arm ${this.id}: ID-only updates need two towers`);
    const tables = [towers.user.table, towers.item.table];
    this.idRows ??= [towers.user, towers.item].map((t) =>
      tf.tensor2d(Float32Array.from({ length: t.layout.rows }, (_, r) => (r < t.layout.offsets[1] ? 1 : 0)), [t.layout.rows, 1]),
    );
    this.idOptimizer ??= new Adam(this.settings.lr, 0.9, 0.999, 1e-7);
    return tf.tidy(() => {
      const { value, grads } = tf.variableGrads(objective, tables);
      this.idOptimizer!.applyGradients(Object.fromEntries(tables.map((t, k) => [t.name, tf.mul(grads[t.name], this.idRows![k])])));
      return value;
    });
  }

  /** The arm's retrieval loss on one batch (inside the optimizer's closure). */
  private mainLoss(
    users: EncodedBatch,
    items: EncodedBatch,
    negEncoded: EncodedBatch | undefined,
    logQ: { pos: Float32Array; neg?: Float32Array } | undefined,
  ): tf.Scalar {
    // Early fusion: its scores are the logits (no cosine, so no temperature).
    if (this.fusion) return sampledSoftmaxLoss(this.fusion.scorePairs(users, items), this.fusion.scoreAll(users, negEncoded!), 1);
    const { user: userTower, item: itemTower } = this.towers!;
    const u = userTower.apply(users);
    const v = itemTower.apply(items);
    const pos = rowCosine(u, v);
    const { temperature, margin = 0.2, sigma = 10 } = this.settings;
    const k = this.spec.negativeCount;
    switch (this.spec.loss) {
      case 'in-batch':
        return inBatchSoftmaxLoss(u, v, temperature, logQ && tf.tensor1d(logQ.pos));
      case 'listwise': {
        const vNeg = itemTower.apply(negEncoded!);
        if (this.sharedNegatives) {
          const negCos = tf.matMul(u, vNeg, false, true) as tf.Tensor2D;
          return sampledSoftmaxLoss(pos, negCos, temperature, logQ && tf.tensor1d(logQ.pos), logQ && tf.tensor1d(logQ.neg!));
        }
        return sampledSoftmaxLoss(pos, perRowCosine(u, vNeg, k), temperature, logQ && tf.tensor1d(logQ.pos), logQ && tf.tensor2d(logQ.neg!, [users.size, k]));
      }
      case 'pointwise':
        return pointwiseLoss(pos, perRowCosine(u, itemTower.apply(negEncoded!), k), temperature);
      case 'pairwise-hinge':
        return pairwiseHingeLoss(pos, perRowCosine(u, itemTower.apply(negEncoded!), k), margin);
      case 'pairwise-logistic':
        return pairwiseLogisticLoss(pos, perRowCosine(u, itemTower.apply(negEncoded!), k), sigma);
    }
  }

  /** Listwise arms share one set of negatives per batch unless their negatives are per user. */
  private get sharedNegatives(): boolean {
    return this.spec.loss === 'listwise' && (this.spec.negativeLayout ?? 'shared') === 'shared';
  }

  private drawNegatives(batch: PositiveBatch, rng: Rng): Int32Array {
    if (this.sharedNegatives) {
      // Shared negatives: one set per batch, scored against every row.
      return this.sampler.draw({ users: batch.users.subarray(0, 1), items: batch.items.subarray(0, 1) }, this.spec.negativeCount, rng);
    }
    return this.sampler.draw(batch, this.spec.negativeCount, rng);
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
    return this.fusion ? this.fusion.variables : [...this.towers!.user.variables, ...this.towers!.item.variables];
  }

  /** IDs alone (matrix completion): every other field reads as unknown. */
  private get masked(): ((example: number, field: number) => boolean) | undefined {
    return this.spec.model === 'id-only' ? (_, field) => field > 0 : undefined;
  }

  private encodeUsers(ids: ArrayLike<number>, context?: ArrayLike<number>): EncodedBatch {
    return this.userEncoder.encode(ids, this.masked, undefined, context);
  }

  private encodeItems(ids: ArrayLike<number>): EncodedBatch {
    return this.encoders.item.encode(ids, this.masked);
  }

  /** Unit vectors of the given users and of every item (caller disposes); towers only. */
  vectors(users: Int32Array): { users: tf.Tensor2D; items: tf.Tensor2D } {
    return { users: this.userVectors(users), items: this.itemVectors() };
  }

  /** Whether the arm has a user and an item tower (early fusion has neither: no vectors to show). */
  get hasTowers(): boolean {
    return !!this.towers;
  }

  /**
   * The user tower's unit vector [1 × dim] for a user the world never saw (caller disposes): the
   * ID reads as unknown (its reserved row), the other fields take `raw` (one value per slot of
   * the user fields, −1 = unknown). An ID-only arm reads nothing else: every new user is the same.
   */
  newUserVector(raw: Int32Array): tf.Tensor2D {
    const encoder = new FeatureEncoder(this.userEncoder.layout, raw, this.userEncoder.contextFields);
    const encoded = encoder.encode([0], (e, f) => f === 0 || (this.masked?.(e, f) ?? false));
    return tf.tidy(() => this.towers!.user.apply(encoded));
  }

  /** The item tower's unit vector of every item: what serving stores in its index (caller disposes). */
  itemVectors(): tf.Tensor2D {
    const encoded = this.encodeItems(this.allItems());
    return tf.tidy(() => this.towers!.item.apply(encoded));
  }

  /**
   * The user tower's unit vectors, computed as a request would: with the request's context values
   * (one per user; absent: unknown, as at a session's start). Caller disposes.
   */
  userVectors(users: Int32Array, context?: Int32Array): tf.Tensor2D {
    const encoded = this.encodeUsers(users, context);
    return tf.tidy(() => this.towers!.user.apply(encoded));
  }

  /**
   * Each user's top items over the whole catalogue (MAX_K per user), scoring the held-out slates on
   * the way. Two towers: a matmul of vectors. Early fusion: the network over every (user, item) pair.
   */
  /** `memo`: rankings made for other arms in the same evaluation, reused when this arm's vectors equal theirs (with `auc`). */
  async rank(users: Int32Array, auc?: SlateAuc, memo?: RankMemo): Promise<Int32Array> {
    if (this.fusion) {
      const fusion = this.fusion;
      const items = this.encodeItems(this.allItems());
      // Users per block: the pairs' hidden layer is block × items × width floats.
      const block = Math.max(1, Math.floor(4_000_000 / (this.world.config.items * (this.settings.hidden ?? 64))));
      return rankByScores(this.world, users, block, (start, size) => fusion.scoreAll(this.encodeUsers(users.subarray(start, start + size)), items), auc);
    }
    const vecs = this.vectors(users);
    try {
      if (!memo || !auc) return await rankByVectors(this.world, users, vecs.users, vecs.items, auc);
      const [userVecs, itemVecs] = (await Promise.all([vecs.users.data(), vecs.items.data()])) as Float32Array[];
      const known = memo.find(users, userVecs, itemVecs, auc);
      if (known) return known;
      const ranked = await rankByVectors(this.world, users, vecs.users, vecs.items, auc);
      memo.add({ users, userVecs, itemVecs, ranked, auc });
      return ranked;
    } finally {
      vecs.users.dispose();
      vecs.items.dispose();
    }
  }

  private allItems(): Int32Array {
    return Int32Array.from({ length: this.world.config.items }, (_, i) => i);
  }

  dispose(): void {
    this.towers?.user.dispose();
    this.towers?.item.dispose();
    this.fusion?.dispose();
    this.optimizer.dispose();
    this.idOptimizer?.dispose();
    this.idRows?.forEach((t) => t.dispose());
    this.daily?.dispose();
  }
}

/** The user encoder with one request field: the topic of the session's previous click. */
function sessionTopicEncoder(world: World): FeatureEncoder {
  const fields = [...world.userFields, { name: 'sessionTopic', cardinality: world.config.topics, slots: 1 }];
  return new FeatureEncoder(featureLayout(world.config.users, fields), world.userFeatures, 1);
}

/** The towers' (and the fusion network's) shape under these settings. */
export function towerShape(settings: Settings): TowerShape {
  return { embeddingDim: 16, hidden: Array<number>(settings.layers ?? 1).fill(settings.hidden ?? 64), dim: settings.dim };
}

/** log p of each item for logQ correction: its chance to be drawn into the arm's batches. */
function trueLogQ(world: World, batchSize: number): Float32Array {
  return Float32Array.from(trueBatchProbability(world.itemTrainClicks, batchSize), (p) => Math.log(Math.max(p, 1e-9)));
}
