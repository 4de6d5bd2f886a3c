/**
 * The 1-D lab as data: its settings parsed, the padding and the whole output computed once per
 * change of the settings, and what one step shows (the window) read from that.
 */
import {
  axisPadding,
  effectiveKernel1d,
  conv1d,
  window1d,
  type AxisPadding,
  type ConvOptions,
  type Window1d,
} from '../../src-shared/learn/convolution';
import type { Conv1dSettings } from './lab-settings';
import { parseVector, type ParseError } from './parse';

export type Lab1d =
  | { readonly ok: false; readonly xError: ParseError | null; readonly wError: ParseError | null }
  | {
      readonly ok: true;
      readonly x: readonly number[];
      readonly w: readonly number[];
      readonly options: ConvOptions;
      readonly pad: AxisPadding;
      /** The kernel as it slides (flipped for convolution). */
      readonly flipped: readonly number[];
      /** Every output value, computed once. */
      readonly output: readonly number[];
    };

/** Parses the settings and computes the whole 1-D result. */
export function build1d(s: Conv1dSettings): Lab1d {
  const x = parseVector(s.x);
  const w = parseVector(s.w);
  if (!x.ok || !w.ok) return { ok: false, xError: x.ok ? null : x.error, wError: w.ok ? null : w.error };
  const options: ConvOptions = { op: s.op, padding: s.padding, stride: s.stride, sameStyle: s.sameStyle };
  const pad = axisPadding(x.value.length, w.value.length, s.padding, s.stride, s.sameStyle);
  const output = pad.outLength > 0 ? conv1d(x.value, w.value, options) : [];
  return { ok: true, x: x.value, w: w.value, options, pad, flipped: effectiveKernel1d(w.value, s.op), output };
}

/** What changes the walk: a new value restarts the stepper. */
export function stepKey1d(s: Conv1dSettings): string {
  return JSON.stringify([s.x, s.w, s.op, s.padding, s.sameStyle, s.stride]);
}

/** One step of the 1-D lab: the window behind output `index` and where it sits in the padded strip. */
export interface Step1d {
  readonly window: Window1d;
  /** The window's first cell, in padded coordinates (0 = the first padding cell). */
  readonly start: number;
  /** The input positions the window covers, written as in the lab's formula (x[from] … x[to]). */
  readonly from: number;
  readonly to: number;
}

/** The window behind output `index`; null when there is no output. */
export function step1d(lab: Extract<Lab1d, { ok: true }>, index: number): Step1d | null {
  if (index < 0 || index >= lab.output.length) return null;
  const start = index * (lab.options.stride ?? 1);
  const from = start - lab.pad.before;
  return { window: window1d(lab.x, lab.w, lab.options, index), start, from, to: from + lab.w.length - 1 };
}
