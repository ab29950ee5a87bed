/**
 * Looking inside the towers: what the page asks the worker about one arm's vectors, and what it
 * gets back (a 2-D map of the item vectors, a user's neighbourhood, a new user's retrieval, the
 * vectors themselves for the Embedding Projector). Part of the protocol (`inspect` → `inspection`).
 */
import type { Text } from '../lesson/types';

export interface InspectRequest {
  /** Echoed back: the page keeps the answer to its latest request only. */
  key: string;
  armId: string;
  /** List length of the neighbourhood and of a new user's retrieval (1…100). */
  k: number;
  /** The run's fixed parts as well: item metadata and the oracle's map. */
  meta?: boolean;
  /** Also every user's vector on the arm's map. */
  users?: boolean;
  /** A user's neighbourhood. */
  user?: number;
  /** An item's nearest items, in the arm's space and in the oracle's. */
  item?: number;
  /** A user the world never saw: a value per user field (−1: unknown), and items they like. */
  ownUser?: { features: number[]; likes: number[] };
  /** The arm's item vectors in full (the Embedding Projector's TSV). */
  vectors?: boolean;
}

/** What the page needs to colour, size and describe the items; fixed for a run. */
export interface ItemMeta {
  topics: number;
  topic: Int32Array;
  head: Uint8Array;
  clicks: Int32Array;
  /** True popularity π (the world's, not the log's). */
  popularity: Float32Array;
  /** Raw feature values [items × Σ slots], −1 = empty slot; `fields` says which is which. */
  features: Int32Array;
  fields: { name: string; slots: number }[];
  userFields: { name: string; cardinality: number }[];
  /** The oracle's space (the world's hidden item latents) on a map of its own. */
  oracle: Float32Array;
  oracleExplained: [number, number];
}

export interface Neighbourhood {
  user: number;
  /** The user's point on the arm's map. */
  point: [number, number];
  train: number[];
  heldOut: number[];
  /** Top-K by the arm and by the oracle, training clicks excluded (as the evaluator ranks). */
  arm: number[];
  oracle: number[];
}

export interface ItemNeighbours {
  item: number;
  /** Nearest items by cosine in the arm's space, and in the world's hidden latent space. */
  arm: number[];
  oracle: number[];
}

export interface OwnUserResult {
  features: number[];
  point: [number, number];
  /** Top-K of the whole catalogue by the arm (nothing excluded: this user has no history). */
  top: number[];
  /** Each liked item's rank (1-based) by the arm; 0 when beyond the top-100. */
  likes: { item: number; rank: number }[];
  /** Whether the arm reads any user feature (an ID-only arm does not: every new user is alike). */
  readsFeatures: boolean;
}

export interface Inspection {
  key: string;
  armId: string;
  /** The arm's training steps when its vectors were read. */
  step: number;
  /** A request the worker could not answer (nothing else is set then). */
  error?: Text;
  /** [items × 2] on the arm's map; `explained`: variance share of each axis. */
  items?: Float32Array;
  explained?: [number, number];
  users?: Float32Array;
  /** Mean cosine between two distinct head items, two tail items, any two items: how tight each group sits. */
  cohesion?: { head: number; tail: number; all: number };
  meta?: ItemMeta;
  neighbourhood?: Neighbourhood;
  neighbours?: ItemNeighbours;
  ownUser?: OwnUserResult;
  /** [items × dim] unit vectors. */
  vectors?: Float32Array;
  dim: number;
  /** Worker milliseconds: reading the vectors back, and the projection alone. */
  ms: number;
  pcaMs: number;
}
