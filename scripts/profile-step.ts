// Where a training step's time goes: runs the trainer a training run uses (one thread, Adam) on a
// bench network and prints the kernels by CPU time per step, with their input shapes, and the
// step's split into gradient, optimizer and weight copies. CPU time (not wall time), so a busy
// machine inflates the figures less; still figures to compare, not to assert.
// Run: npx tsx scripts/profile-step.ts [--model lecture|cifar] [--batch N] [--steps N] [--top N]
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../src-main/engine/backend/select';
import { compileModel } from '../src-main/engine/model/compile';
import { Replica, sizeOf } from '../src-main/engine/training/replica';
import { benchNetwork, BENCH_MODELS, type BenchModel } from '../src-main/engine/bench';
import { seededRandom } from '../src-shared/util/random';

const { values } = parseArgs({
  options: {
    model: { type: 'string', default: 'lecture' },
    batch: { type: 'string', default: '32' },
    steps: { type: 'string', default: '30' },
    top: { type: 'string', default: '15' },
  },
});
const model = values.model as BenchModel;
if (!BENCH_MODELS.includes(model)) throw new Error(`--model must be one of ${BENCH_MODELS.join(', ')}`);
const [batch, steps, top] = [Number(values.batch), Number(values.steps), Number(values.top)];

const cpuMs = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};

await initBackend('wasm');
let measuring = false;
const kernels = new Map<string, { calls: number; ms: number }>();
// Wrap every wasm kernel (ours included) to time it; nested kernels count inside their caller too.
for (const k of tf.getKernelsForBackend('wasm')) {
  const inner = k.kernelFunc;
  tf.unregisterKernel(k.kernelName, 'wasm');
  tf.registerKernel({
    ...k,
    kernelFunc: (args) => {
      if (!measuring) return inner(args);
      const start = cpuMs();
      const out = inner(args);
      const shapes = Object.values(args.inputs)
        .map((i) => JSON.stringify((i as tf.TensorInfo | undefined)?.shape ?? null))
        .join(' ');
      const key = `${k.kernelName} ${shapes}`;
      const s = kernels.get(key) ?? { calls: 0, ms: 0 };
      s.calls++;
      s.ms += cpuMs() - start;
      kernels.set(key, s);
      return out;
    },
  });
}

const network = benchNetwork(model);
const shape = network.input.shape as number[];
const replica = new Replica(compileModel(network, 1), {
  optimizer: 'adam',
  learningRate: 0.001,
  outputIsProbability: true,
  classes: 10,
  exampleShape: shape,
});
const rand = seededRandom(1);
const x = Float32Array.from({ length: batch * sizeOf(shape) }, () => rand());
const y = new Float32Array(batch * 10);
for (let n = 0; n < batch; n++) y[n * 10 + Math.floor(rand() * 10)] = 1;
const gradient = new Float32Array(replica.size);
const next = new Float32Array(replica.size);
const phases = { gradient: 0, optimizer: 0, assign: 0 };
const step = (timed: boolean) => {
  const a = cpuMs();
  replica.gradients(x, y, batch, 1, gradient);
  const b = cpuMs();
  replica.update(gradient, next);
  const c = cpuMs();
  replica.assign(next);
  replica.endStep();
  if (timed) {
    phases.gradient += b - a;
    phases.optimizer += c - b;
    phases.assign += cpuMs() - c;
  }
};
for (let i = 0; i < 5; i++) step(false);
measuring = true;
for (let i = 0; i < steps; i++) step(true);
measuring = false;

const per = (ms: number) => (ms / steps).toFixed(2);
const calls = [...kernels.values()].reduce((n, s) => n + s.calls, 0) / steps;
console.log(
  `${model} batch ${batch}, one thread: gradient ${per(phases.gradient)} ms, optimizer ${per(phases.optimizer)} ms, weight copies ${per(phases.assign)} ms of CPU per step; ${calls} kernels per step`,
);
for (const [key, s] of [...kernels.entries()].sort((p, q) => q[1].ms - p[1].ms).slice(0, top)) {
  console.log(`  ${per(s.ms).padStart(6)} ms  ${String(s.calls / steps).padStart(3)}×  ${key}`);
}
