import type { SamplerSpec } from '../model/samplers';
import type { IndexSpec } from '../serve/index';
import type { WorldConfig } from '../world/types';
import type { JobDef } from './jobs';
import type { Probe } from './probes';
import type { UpdatePolicy } from '../train/updates';

export interface Text {
  en: string;
  zh: string;
}

/** A setting a student may turn. Declared once: URL, controls, CLI and validation read it. */
export interface Knob {
  id: string;
  label: Text;
  min: number;
  max: number;
  step: number;
  default: number;
  /** Integer-valued knob. */
  integer?: boolean;
  /** Shown on a log scale (learning rate). */
  log?: boolean;
  /** Changing it rebuilds the world and restarts training (otherwise: restarts the arms only). */
  world?: boolean;
  /**
   * Changing it only re-measures the trained arms, never retrains them: it sets how the model is
   * served (an index's search width), not what it learns.
   */
  hot?: boolean;
}

export type Settings = Record<string, number>;

export type LossKind = 'pointwise' | 'pairwise-hinge' | 'pairwise-logistic' | 'listwise' | 'in-batch';

export type PositiveSpec =
  | { kind: 'raw' }
  /** Drop this share of clicks on head items. */
  | { kind: 'downsample-head'; drop: number }
  /** Repeat each click on a tail item this many extra times. */
  | { kind: 'upsample-tail'; repeat: number };

/**
 * What scores a (user, item) pair: two towers over IDs and features (the default), two towers over
 * IDs alone (matrix completion), or one network over both sides' features (early fusion).
 */
export type ModelKind = 'two-tower' | 'id-only' | 'early-fusion';

/** How one arm trains. Arms of a lesson differ only in these fields. */
export interface ArmSpec {
  id: string;
  label: Text;
  /** Default: two-tower. */
  model?: ModelKind;
  loss: LossKind;
  negatives: SamplerSpec;
  /** Pointwise / pairwise: negatives per positive. Listwise: negatives per batch (shared) or per row. */
  negativeCount: number;
  /** Listwise only: one set of negatives for the whole batch (default), or each row its own. */
  negativeLayout?: 'shared' | 'per-row';
  /** logQ correction of softmax logits in training (serving always uses plain cosine). */
  logQ: 'none' | 'true' | 'streaming';
  positives: PositiveSpec;
  /** Self-supervised auxiliary task on the item tower: L = L_main + weight · L_self. */
  ssl?: SslSpec;
  /**
   * Train over simulated days instead of steps (src/train/updates.ts): a step is one served hour,
   * and the arm updates by this policy (full daily, incremental hourly, both, or never).
   */
  update?: UpdatePolicy;
  /**
   * The retrieval index served from the item tower's vectors. Evaluation then also measures
   * `annRecall@10` (share of the exact top-10 the index returns) and `queryMs` (user-tower pass +
   * search). Recall@K itself stays the exact ranking's.
   */
  index?: IndexSpec;
  /**
   * A request feature of the user tower: the topic of the session's previous click (a world with
   * sessionStickiness > 0 gives it meaning). Unknown at a session's start and in evaluation.
   */
  userContext?: 'session-topic';
}

export interface SslSpec {
  augmentation: 'random-mask' | 'correlated-mask' | 'dropout';
  /** α in L = L_main + α·L_self. */
  weight: number;
}

export interface LessonDef {
  id: string;
  title: Text;
  /** One line under the title on the home page. */
  summary: Text;
  /** A lesson whose page is not built yet is listed, marked as coming. */
  ready: boolean;
  /** Arm ids in display order. */
  armIds: string[];
  /** Lesson-specific knobs (the shared training knobs are added by the registry). */
  knobs: Knob[];
  /** The default world of this lesson (overrides the lab's default). */
  world: Partial<WorldConfig>;
  /** Overrides of the shared knobs' defaults (e.g. steps). */
  defaults?: Settings;
  arms(settings: Settings): ArmSpec[];
  /** The claim from the notes that the lesson demonstrates. */
  claim: Text;
  /** Computations the worker runs for this lesson alone (see probes.ts). */
  probes?: Probe[];
  /**
   * Evaluate exactly every this many steps (training chunks end there) instead of as time allows:
   * for arms judged at fixed moments, such as the end of a simulated day.
   */
  evaluateEvery?: number;
  /** Long computations the page starts on demand, each in a worker of its own (see jobs.ts). */
  jobs?: JobDef[];
}
