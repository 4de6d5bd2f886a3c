import type { Network } from '../../../src-shared/graph/network';
import type { BackendName } from '../../../src-shared/engine/protocol';
import type { ReplicaConfig } from '../training/replica';
import type { SharedBuffers } from './sync';

/** What the engine tells a training worker to start a run; its steps and its end come through the shared Signal. */
export type ToWorker = {
  readonly type: 'init';
  readonly backend: BackendName;
  readonly network: Network;
  readonly seed: number;
  readonly config: ReplicaConfig;
  readonly shared: SharedBuffers;
  readonly rank: number;
  readonly parties: number;
};

/** What a training worker answers. */
export type FromWorker = { readonly type: 'ready' } | { readonly type: 'error'; readonly message: string };

/** The worker bundle's file name beside the engine's bundle (scripts/cli.mjs and scripts/build-electron.ts write it). */
export const WORKER_BUNDLE = 'train-worker.js';
