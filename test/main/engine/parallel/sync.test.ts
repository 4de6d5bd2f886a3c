import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Barrier, PeerFailed, Signal, allocateShared, partOf, sumSlots, viewsOf } from '../../../../src-main/engine/parallel/sync';

describe('partOf', () => {
  it('cuts count items into contiguous parts that cover them once, sizes differing by at most one', () => {
    fc.assert(
      fc.property(fc.nat(1000), fc.integer({ min: 1, max: 16 }), (count, parties) => {
        const parts = Array.from({ length: parties }, (_, r) => partOf(count, parties, r));
        expect(parts[0]![0]).toBe(0);
        expect(parts[parties - 1]![1]).toBe(count);
        for (let r = 1; r < parties; r++) expect(parts[r]![0]).toBe(parts[r - 1]![1]);
        const sizes = parts.map(([a, b]) => b - a);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe('sumSlots', () => {
  it('adds the slots in rank order over its range only', () => {
    const slots = new Float32Array([1, 2, 3, 10, 20, 30, 100, 200, 300]);
    const out = new Float32Array(3).fill(-1);
    sumSlots(slots, 3, 3, 1, 3, out);
    expect(Array.from(out)).toEqual([-1, 222, 333]);
  });
});

describe('allocateShared', () => {
  it('sizes every buffer from the layout', () => {
    const v = viewsOf(allocateShared({ parties: 3, size: 5, maxBatch: 4, exampleSize: 6, classes: 2 }));
    expect([v.inputs.length, v.labels.length, v.gradients.length, v.weights.length, v.stats.length]).toEqual([24, 8, 15, 5, 6]);
  });
});

describe('Barrier', () => {
  it('lets a single party through, again and again', () => {
    const b = new Barrier(new SharedArrayBuffer(12), 1);
    for (let i = 0; i < 3; i++) b.wait();
    expect(b.failed).toBe(false);
  });

  it('throws PeerFailed for every waiter once a party broke it, instead of waiting', () => {
    const control = new SharedArrayBuffer(12);
    const b = new Barrier(control, 2);
    new Barrier(control, 2).fail();
    expect(b.failed).toBe(true);
    expect(() => b.wait()).toThrow(PeerFailed);
  });

  it('gives up on a party that never comes', () => {
    const b = new Barrier(new SharedArrayBuffer(12), 2, 30);
    expect(() => b.wait()).toThrow(/stopped answering/);
    expect(b.failed).toBe(true);
  });
});

describe('Signal', () => {
  it('hands each command sent to a waiter that has seen the ones before', () => {
    const buffer = new SharedArrayBuffer(12);
    const engine = new Signal(buffer);
    const worker = new Signal(buffer);
    engine.send({ type: 'step', count: 17 });
    expect(worker.next(0)).toEqual({ type: 'step', count: 17 });
    engine.send({ type: 'release' });
    expect(worker.next(1)).toEqual({ type: 'release' });
  });
});
