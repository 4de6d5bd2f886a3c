/**
 * Stand-in numbers for "Explain this layer" before the network is trained: seeded random kernels
 * drawn like Keras's default glorot_uniform, and a synthetic sample — a T-shirt-like silhouette
 * (Fashion-MNIST's class 0) — propagated through the layers before the explained one with the
 * shared arithmetic; smooth synthetic maps when that cannot be done.
 */

import type { ActivationName } from '../../src-shared/layers/params';
import { activate, softmax } from '../../src-shared/learn/activations';
import { conv2d } from '../../src-shared/learn/convolution';
import { pool2d } from '../../src-shared/learn/pooling';
import { seededRandom as rng } from '../../src-shared/util/random';

export interface Tensor {
  readonly shape: number[];
  readonly data: Float32Array;
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** Kernel [kh, kw, cin, cout] ~ U(−limit, limit) with limit = √(6 / (fan_in + fan_out)), Keras's glorot_uniform. */
export function demoKernel(kh: number, kw: number, cin: number, cout: number, name: string): Tensor {
  const limit = Math.sqrt(6 / (kh * kw * cin + kh * kw * cout));
  const next = rng(hash(name));
  const data = new Float32Array(kh * kw * cin * cout);
  for (let i = 0; i < data.length; i++) data[i] = (next() * 2 - 1) * limit;
  return { shape: [kh, kw, cin, cout], data };
}

/** Intensity 0–1 of a T-shirt silhouette at (u, v) ∈ [0, 1]², with a little fabric texture. */
function shirt(u: number, v: number): number {
  const body = u > 0.3 && u < 0.7 && v > 0.18 && v < 0.92;
  const sleeveL = v > 0.18 && v < 0.42 && u > 0.1 && u <= 0.3 && v - 0.18 > (0.3 - u) * 0.55;
  const sleeveR = v > 0.18 && v < 0.42 && u >= 0.7 && u < 0.9 && v - 0.18 > (u - 0.7) * 0.55;
  const shoulders = v > 0.12 && v <= 0.18 && u > 0.22 && u < 0.78;
  const neck = Math.hypot((u - 0.5) / 0.12, (v - 0.12) / 0.1) < 1;
  if (neck || !(body || sleeveL || sleeveR || shoulders)) return 0;
  const shade = 0.62 + 0.25 * Math.cos((u - 0.5) * 5) - 0.12 * v;
  const texture = 0.05 * Math.sin(u * 60) * Math.sin(v * 47);
  return Math.max(0, Math.min(1, shade + texture));
}

/** The layer's input when it follows the network's Input: a synthetic 0–1 image of the right shape. */
export function demoSample(h: number, w: number, c: number): Tensor {
  const data = new Float32Array(h * w * c);
  for (let r = 0; r < h; r++) {
    for (let q = 0; q < w; q++) {
      const base = shirt((q + 0.5) / w, (r + 0.5) / h);
      for (let ch = 0; ch < c; ch++) data[(r * w + q) * c + ch] = c === 1 ? base : base * (0.75 + 0.25 * Math.cos(ch * 2.1));
    }
  }
  return { shape: [h, w, c], data };
}

/** The layer's input when earlier layers come first: smooth non-negative maps, one pattern per channel. */
export function demoFeatureMaps(h: number, w: number, c: number): Tensor {
  const data = new Float32Array(h * w * c);
  for (let r = 0; r < h; r++) {
    for (let q = 0; q < w; q++) {
      const base = shirt((q + 0.5) / w, (r + 0.5) / h);
      for (let ch = 0; ch < c; ch++) {
        const angle = (ch * 2.399) % (2 * Math.PI);
        const wave = Math.sin(((q * Math.cos(angle) + r * Math.sin(angle)) / Math.max(h, w)) * 9 + ch);
        data[(r * w + q) * c + ch] = Math.max(0, base * (0.4 + 0.6 * wave));
      }
    }
  }
  return { shape: [h, w, c], data };
}

/** One layer on the way to the explained one, with its validated parameters. */
export interface DemoLayer {
  readonly kind: string;
  readonly name: string;
  readonly params: unknown;
}

/** Above this many multiply-adds the demo does not propagate (it uses synthetic maps instead). */
const MAX_DEMO_MACS = 15_000_000;

function toImage(t: Tensor): number[][][] {
  const [h, w, c] = t.shape as [number, number, number];
  return Array.from({ length: h }, (_, r) =>
    Array.from({ length: w }, (_, q) => Array.from(t.data.subarray((r * w + q) * c, (r * w + q + 1) * c))),
  );
}

function fromImage(img: readonly (readonly (readonly number[])[])[]): Tensor {
  const h = img.length;
  const w = img[0]?.length ?? 0;
  const c = img[0]?.[0]?.length ?? 0;
  const data = new Float32Array(h * w * c);
  let i = 0;
  for (const row of img) for (const px of row) for (const v of px) data[i++] = v;
  return { shape: [h, w, c], data };
}

function toKernels(t: Tensor): number[][][][] {
  const [kh, kw, cin, cout] = t.shape as [number, number, number, number];
  return Array.from({ length: kh }, (_, i) =>
    Array.from({ length: kw }, (_, j) =>
      Array.from({ length: cin }, (_, c) =>
        Array.from(t.data.subarray(((i * kw + j) * cin + c) * cout, ((i * kw + j) * cin + c + 1) * cout)),
      ),
    ),
  );
}

/**
 * The synthetic sample propagated through the layers before the explained one, each Conv2D with
 * its demo kernel (so the explained layer's input looks like a real feature map). Null when a
 * layer cannot be run here (dilation, unknown kind) or it would take too long.
 */
export function propagateDemo(input: Tensor, layers: readonly DemoLayer[]): Tensor | null {
  let x = input;
  let macs = 0;
  for (const layer of layers) {
    const [h, w, c] = x.shape as [number, number, number];
    switch (layer.kind) {
      case 'Conv2D': {
        const p = layer.params as {
          filters: number;
          kernel_size: [number, number];
          strides: [number, number];
          padding: 'valid' | 'same';
          dilation_rate: [number, number];
          activation: string;
        };
        if (p.dilation_rate[0] > 1 || p.dilation_rate[1] > 1) return null;
        macs += Math.ceil(h / p.strides[0]) * Math.ceil(w / p.strides[1]) * p.filters * p.kernel_size[0] * p.kernel_size[1] * c;
        if (macs > MAX_DEMO_MACS) return null;
        const kernel = demoKernel(p.kernel_size[0], p.kernel_size[1], c, p.filters, layer.name);
        const out = conv2d(toImage(x), toKernels(kernel), {
          op: 'correlate',
          padding: p.padding,
          strides: p.strides,
          sameStyle: 'keras',
          bias: new Array<number>(p.filters).fill(0),
        });
        x = fromImage(
          p.activation === 'softmax'
            ? out.map((r) => r.map((px) => softmax(px)))
            : out.map((r) => r.map((px) => px.map((v) => activate(p.activation as ActivationName, v)))),
        );
        break;
      }
      case 'MaxPooling2D':
      case 'AveragePooling2D': {
        const p = layer.params as { pool_size: [number, number]; strides: [number, number]; padding: 'valid' | 'same' };
        x = fromImage(
          pool2d(toImage(x), {
            kind: layer.kind === 'MaxPooling2D' ? 'max' : 'average',
            poolSize: p.pool_size,
            strides: p.strides,
            padding: p.padding,
          }),
        );
        break;
      }
      case 'Activation': {
        const name = (layer.params as { activation: string }).activation;
        x =
          name === 'softmax'
            ? fromImage(toImage(x).map((r) => r.map((px) => softmax(px))))
            : { shape: x.shape, data: x.data.map((v) => activate(name as ActivationName, v)) };
        break;
      }
      case 'BatchNormalization': {
        // Freshly initialised: mean 0, variance 1, γ 1, β 0 — x / √(1 + ε).
        const eps = (layer.params as { epsilon: number }).epsilon;
        x = { shape: x.shape, data: x.data.map((v) => v / Math.sqrt(1 + eps)) };
        break;
      }
      case 'Dropout':
        break; // Dropout does nothing when a model predicts.
      default:
        return null;
    }
  }
  return x;
}
