import { describe, expect, it } from 'vitest';
import { defaultThreads, threadsDefaultFromEnv, usableThreads, THREADS_DEFAULT_ENV } from '../../../../src-main/engine/parallel/threads';
import { graphFromLayers, toNetwork, type Network, type RawLayer } from '../../../../src-shared/graph/network';

function network(extra: RawLayer[] = []): Network {
  const n = toNetwork(
    graphFromLayers([
      { kind: 'InputLayer', params: { shape: [8, 8, 1] } },
      { kind: 'Conv2D', params: { filters: 2, kernel_size: [3, 3] } },
      ...extra,
      { kind: 'Flatten', params: {} },
      { kind: 'Dense', params: { units: 3, activation: 'softmax' } },
    ]),
  );
  if (!n.ok) throw new Error('invalid test network');
  return n.model;
}

describe('threads', () => {
  it('defaults to every core from the command line and all but one in the app, never below one', () => {
    expect(defaultThreads('all-cores', 8)).toBe(8);
    expect(defaultThreads('leave-one', 8)).toBe(7);
    expect(defaultThreads('leave-one', 1)).toBe(1);
    expect(threadsDefaultFromEnv({ [THREADS_DEFAULT_ENV]: 'all-cores' })).toBe('all-cores');
    expect(threadsDefaultFromEnv({})).toBe('leave-one');
  });

  it('uses what is asked unless the backend, batch normalisation or the batch size forbid it', () => {
    expect(usableThreads(4, 'wasm', network(), 32)).toEqual({ threads: 4 });
    expect(usableThreads(4, 'cpu', network(), 32)).toEqual({ threads: 4 });
    expect(usableThreads(4, 'tensorflow', network(), 32)).toEqual({ threads: 1, limit: 'backend' });
    expect(usableThreads(4, 'wasm', network([{ kind: 'BatchNormalization', params: {} }]), 32)).toEqual({
      threads: 1,
      limit: 'batch-normalization',
    });
    expect(usableThreads(4, 'wasm', network(), 3)).toEqual({ threads: 3, limit: 'batch-size' });
    expect(usableThreads(1, 'tensorflow', network(), 1)).toEqual({ threads: 1 });
  });
});
