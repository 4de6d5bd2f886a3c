import { availableParallelism } from 'node:os';
import type { Network } from '../../../src-shared/graph/network';
import type { BackendName } from '../../../src-shared/engine/protocol';
import { MAX_THREADS } from '../../../src-shared/project/training';

/** How many threads a run uses when its settings name none: the command line takes every core, the app leaves one to its window. */
export type ThreadsDefault = 'all-cores' | 'leave-one';

/** The environment variable through which a host tells the engine process its default. */
export const THREADS_DEFAULT_ENV = 'CONVAS_THREADS_DEFAULT';

/** The policy named in `env` ('leave-one' unless it says 'all-cores'). */
export function threadsDefaultFromEnv(env: NodeJS.ProcessEnv): ThreadsDefault {
  return env[THREADS_DEFAULT_ENV] === 'all-cores' ? 'all-cores' : 'leave-one';
}

/** The default thread count of a policy on a machine with `cores` cores (at least 1). */
export function defaultThreads(policy: ThreadsDefault, cores = availableParallelism()): number {
  return Math.max(1, policy === 'all-cores' ? cores : cores - 1);
}

/** Why a run uses fewer threads than asked. */
export type ThreadsLimit = 'batch-size' | 'backend' | 'batch-normalization';

/**
 * The threads a run can use: as asked, but one for libtensorflow (which threads itself), one when
 * the network normalises over the batch (a shard's statistics are not the batch's, so sharding
 * would change the maths), and never more than the examples in a batch.
 */
export function usableThreads(
  requested: number,
  backend: BackendName,
  network: Network,
  batchSize: number,
): { threads: number; limit?: ThreadsLimit } {
  const asked = Math.max(1, Math.min(MAX_THREADS, Math.floor(requested)));
  if (asked === 1) return { threads: 1 };
  if (backend === 'tensorflow') return { threads: 1, limit: 'backend' };
  if (network.layers.some((l) => l.kind === 'BatchNormalization')) return { threads: 1, limit: 'batch-normalization' };
  if (batchSize < asked) return { threads: batchSize, limit: 'batch-size' };
  return { threads: asked };
}
