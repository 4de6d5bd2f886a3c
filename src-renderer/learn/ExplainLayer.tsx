import { useCallback, useMemo, useState, type ReactNode } from 'react';
import type { Conv2DParams } from '../../src-shared/layers/conv2d';
import type { PoolingParams } from '../../src-shared/layers/pooling';
import {
  axisPadding,
  padding2d,
  window2d,
  type AxisPadding,
  type Conv2dOptions,
  type Image,
  type Kernels,
} from '../../src-shared/learn/convolution';
import { poolWindow, type PoolOptions } from '../../src-shared/learn/pooling';
import { activate, softmax } from '../../src-shared/learn/activations';
import { Callout, StepperBar } from './controls';
import { fmt, fmtShort } from './format';
import {
  agrees,
  cellSize,
  channelOf,
  dimsOf,
  firstCovering,
  maxOf,
  patchOf,
  rangeOf,
  startingAt,
  toImage,
  toKernels,
  type Dims,
  type ExplainTensor,
} from './explain-model';
import { HeatGrid, type CellBox } from './HeatGrid';
import { useLearnT } from './strings';
import { useStepper, type Stepper } from './useStepper';

const ids = new WeakMap<object, number>();
let nextId = 0;
/** A number that changes whenever a different array is shown (heat maps redraw on it). */
function dataId(a: object): number {
  let id = ids.get(a);
  if (id === undefined) ids.set(a, (id = ++nextId));
  return id;
}

export type { ExplainTensor } from './explain-model';

export type ExplainKind = 'Conv2D' | 'MaxPooling2D' | 'AveragePooling2D';

export interface ExplainLayerProps {
  readonly layerName: string;
  readonly kind: ExplainKind;
  /** The layer's parameters after validation (Keras defaults filled in). */
  readonly params: Conv2DParams | PoolingParams;
  /** The layer's input [h, w, c]: the previous spatial layer's output, or the model input. */
  readonly input: ExplainTensor;
  /** Conv2D: the kernel [kh, kw, in, filters]. */
  readonly kernel?: ExplainTensor;
  /** Conv2D: one bias per filter. */
  readonly bias?: Float32Array;
  /** The layer's output as the engine computed it (after the activation), to check each value against. */
  readonly output?: ExplainTensor;
  /** Where the numbers come from (trained model, untrained demo…), shown above the explanation. */
  readonly source?: ReactNode;
}

/** The same step-through as the lab, on a real layer: its input, its (possibly trained) kernel and bias. */
export function ExplainLayer(props: ExplainLayerProps) {
  const t = useLearnT();
  const d = dimsOf(props.input.shape);
  const image = useMemo(() => {
    const dims = dimsOf(props.input.shape);
    return dims ? toImage(props.input, dims) : null;
  }, [props.input]);
  const kernels = useMemo(() => (props.kernel && props.kernel.shape.length === 4 ? toKernels(props.kernel) : null), [props.kernel]);
  if (!d || !image || d.h * d.w * d.c !== props.input.data.length) {
    return (
      <Callout tone="warn" testId="explain-problem">
        {t('explain.badInput', { shape: props.input.shape.join('×') })}
      </Callout>
    );
  }
  if (props.kind === 'Conv2D') {
    const p = props.params as Conv2DParams;
    if (p.dilation_rate[0] > 1 || p.dilation_rate[1] > 1)
      return (
        <Callout tone="warn" testId="explain-problem">
          {t('explain.dilated')}
        </Callout>
      );
    const ks = props.kernel?.shape;
    if (!kernels || !ks || ks[0] !== p.kernel_size[0] || ks[1] !== p.kernel_size[1] || ks[2] !== d.c) {
      return (
        <Callout tone="warn" testId="explain-problem">
          {t('explain.badKernel', { shape: ks?.join('×') ?? '—', expected: `${p.kernel_size[0]}×${p.kernel_size[1]}×${d.c}×${p.filters}` })}
        </Callout>
      );
    }
    return <ExplainConv {...props} p={p} d={d} image={image} kernels={kernels} filters={ks[3]!} />;
  }
  return <ExplainPool {...props} p={props.params as PoolingParams} d={d} image={image} />;
}

function Header(props: { name: string; kind: ExplainKind; summary: string; source?: ReactNode }) {
  return (
    <header className="lx-explain__head">
      <div className="lx-explain__name">
        <span className={`lx-explain__badge group-${props.kind === 'Conv2D' ? 'convolution' : 'pooling'}`}>{props.kind}</span>
        <strong data-testid="explain-name">{props.name}</strong>
        <span className="lx-explain__summary">{props.summary}</span>
      </div>
      {props.source && (
        <div className="lx-explain__source" data-testid="explain-source">
          {props.source}
        </div>
      )}
    </header>
  );
}

function Picker(props: {
  label: string;
  value: number;
  count: number;
  onChange: (v: number) => void;
  testId: string;
  name: (i: number) => string;
}) {
  if (props.count <= 1) return null;
  return (
    <label className="lx-explain__pick">
      <span>{props.label}</span>
      <select className="lx-select" data-testid={props.testId} value={props.value} onChange={(e) => props.onChange(Number(e.target.value))}>
        {Array.from({ length: props.count }, (_, i) => (
          <option key={i} value={i}>
            {props.name(i)}
          </option>
        ))}
      </select>
    </label>
  );
}

function Matrix(props: {
  m: readonly (readonly (number | null)[])[];
  tone: 'input' | 'kernel' | 'product';
  testId: string;
  caption: string;
  mark?: readonly [number, number] | null;
}) {
  return (
    <figure className="lx-ematrix">
      <div
        className={`lx-mini lx-mini--${props.tone}`}
        style={{ gridTemplateColumns: `repeat(${props.m[0]?.length ?? 1}, auto)` }}
        data-testid={props.testId}
      >
        {props.m.flatMap((r, i) =>
          r.map((v, j) => (
            <span
              key={`${i}-${j}`}
              className={`lx-mini__cell${v === null ? ' is-pad' : ''}${props.mark && props.mark[0] === i && props.mark[1] === j ? ' is-max' : ''}`}
              title={v === null ? undefined : String(v)}
            >
              {v === null ? '' : fmtShort(v)}
            </span>
          )),
        )}
      </div>
      <figcaption>{props.caption}</figcaption>
    </figure>
  );
}

function EngineCheck(props: { mine: number; engine: number | undefined }) {
  const t = useLearnT();
  if (props.engine === undefined) return null;
  const ok = agrees(props.mine, props.engine);
  return (
    <div className={`lx-echeck${ok ? ' is-ok' : ' is-off'}`} data-testid="explain-engine" data-ok={ok}>
      {t('explain.engineSays')} <strong>{fmt(props.engine)}</strong> {ok ? `✓ ${t('explain.matches')}` : `≠ ${t('explain.differs')}`}
    </div>
  );
}

function ExplainConv(props: ExplainLayerProps & { p: Conv2DParams; d: Dims; image: Image; kernels: Kernels; filters: number }) {
  const t = useLearnT();
  const { p, d, image, kernels, filters } = props;
  const [filter, setFilter] = useState(0);
  const [channel, setChannel] = useState(0);
  const f = Math.min(filter, filters - 1);
  const ch = Math.min(channel, d.c - 1);
  const bias = useMemo(() => Array.from(props.bias ?? new Float32Array(filters)), [props.bias, filters]);
  const options: Conv2dOptions = useMemo(
    () => ({ op: 'correlate', padding: p.padding, strides: p.strides, sameStyle: 'keras', bias }),
    [p.padding, p.strides, bias],
  );
  const [ph, pw] = padding2d(d.h, d.w, p.kernel_size[0], p.kernel_size[1], options);
  const rows = ph.outLength;
  const cols = pw.outLength;
  const stepper = useStepper(rows * cols, `${props.layerName}:${d.h}x${d.w}x${d.c}:${rows}x${cols}`);
  const r = Math.floor(stepper.index / Math.max(cols, 1));
  const c = stepper.index % Math.max(cols, 1);

  const apply = useCallback(
    (z: number, at: [number, number]): number => {
      if (p.activation !== 'softmax') return activate(p.activation, z);
      const zs = Array.from({ length: filters }, (_, k) => (k === f ? z : window2d(image, kernels, options, at[0], at[1], k).sum));
      return softmax(zs)[f]!;
    },
    [p.activation, filters, f, image, kernels, options],
  );

  // The whole output map of this filter: the engine's when given, else computed with the same window2d.
  const outMap = useMemo(() => {
    if (props.output && props.output.data.length === rows * cols * filters) return channelOf(props.output.data, rows * cols, filters, f);
    const out = new Float32Array(rows * cols);
    for (let i = 0; i < rows; i++)
      for (let j = 0; j < cols; j++) out[i * cols + j] = apply(window2d(image, kernels, options, i, j, f).sum, [i, j]);
    return out;
  }, [props.output, image, kernels, options, f, rows, cols, filters, apply]);
  if (rows * cols === 0)
    return (
      <Callout tone="warn" testId="explain-problem">
        {t('lab.noOutput2d', { h: d.h, w: d.w, kh: p.kernel_size[0], kw: p.kernel_size[1] })}
      </Callout>
    );

  const win = window2d(image, kernels, options, r, c, f);
  const a = apply(win.sum, [r, c]);
  const engine =
    props.output && props.output.data.length === rows * cols * filters ? props.output.data[(r * cols + c) * filters + f] : undefined;
  const detail = win.channels[ch]!;
  const summary = t('explain.convSummary', {
    filters,
    kh: p.kernel_size[0],
    kw: p.kernel_size[1],
    sh: p.strides[0],
    sw: p.strides[1],
    padding: p.padding,
    activation: p.activation,
  });
  const chSums = win.channels.map((x) => x.sum);
  const chAbsMax = Math.max(...chSums.map(Math.abs), 1e-9);

  return (
    <div className="lx-explain" data-testid="explain-layer" data-kind="Conv2D">
      <Header name={props.layerName} kind="Conv2D" summary={summary} source={props.source} />
      <div className="lx-explain__controls">
        <Picker
          label={t('explain.filter')}
          value={f}
          count={filters}
          onChange={setFilter}
          testId="explain-filter"
          name={(i) => t('explain.filterN', { f: i + 1 })}
        />
        <Picker
          label={t('explain.channel')}
          value={ch}
          count={d.c}
          onChange={setChannel}
          testId="explain-channel"
          name={(i) => t('lab.channelN', { c: i + 1 })}
        />
        <div className="lx-explain__stepper">
          <StepperBar stepper={stepper} position={t('explain.position', { r, c, i: stepper.index + 1, n: stepper.count })} />
        </div>
      </div>
      <div className="lx-explain__grid">
        <InputMap
          input={props.input}
          d={d}
          ch={ch}
          rows={ph}
          cols={pw}
          window={{ top: win.top, left: win.left, h: p.kernel_size[0], w: p.kernel_size[1] }}
          padKey={(pad) => t('explain.padKey', pad)}
          // Jump to the first output whose window covers the clicked pixel.
          onPick={(i, j) =>
            stepper.go(
              firstCovering(i, { size: p.kernel_size[0], stride: p.strides[0], before: ph.before, outputs: rows }) * cols +
                firstCovering(j, { size: p.kernel_size[1], stride: p.strides[1], before: pw.before, outputs: cols }),
            )
          }
        />

        <div className="lx-explain__math">
          <div className="lx-explain__chan">{d.c > 1 ? t('explain.channelDetail', { ch: ch + 1, c: d.c }) : t('explain.windowDetail')}</div>
          <div className="lx-explain__mats">
            <Matrix m={detail.patch} tone="input" testId="explain-patch" caption={t('explain.patch')} />
            <span className="lx-lane__op">⊙</span>
            <Matrix
              m={detail.kernel}
              tone="kernel"
              testId="explain-kernel"
              caption={d.c > 1 || filters > 1 ? t('explain.kernelSlice', { ch, f }) : t('lab.kernelTag')}
            />
            <span className="lx-lane__op">=</span>
            <Matrix m={detail.products} tone="product" testId="explain-products" caption={t('lab.products')} />
            <span className="lx-lane__op">→</span>
            <div className="lx-lane__sum">
              <div className="lx-lane__cap">Σ</div>
              <div className="lx-chsum" data-testid="explain-channel-sum" data-value={detail.sum}>
                {fmt(detail.sum)}
              </div>
            </div>
          </div>
          {d.c > 1 && (
            <div className="lx-chlist" data-testid="explain-channels">
              <div className="lx-chlist__title">{t('explain.allChannels', { c: d.c })}</div>
              <div className="lx-chlist__rows">
                {chSums.map((s, i) => (
                  <button
                    type="button"
                    key={i}
                    className={`lx-chrow${i === ch ? ' is-on' : ''}`}
                    onClick={() => setChannel(i)}
                    data-testid={`explain-ch-sum-${i}`}
                    data-value={s}
                  >
                    <span className="lx-chrow__name">{i + 1}</span>
                    <span className="lx-chrow__bar">
                      <span
                        className={`lx-chrow__fill${s < 0 ? ' is-neg' : ''}`}
                        style={{ width: `${(Math.abs(s) / chAbsMax) * 50}%`, [s < 0 ? 'right' : 'left']: '50%' }}
                      />
                    </span>
                    <span className="lx-chrow__val">{fmt(s)}</span>
                  </button>
                ))}
              </div>
            </div>
          )}
          <div className="lx-total lx-total--explain">
            <span className="lx-total__term" title={t('explain.sumOfChannels', { c: d.c })}>
              {fmt(chSums.reduce((x, y) => x + y, 0))}
              <small>{d.c > 1 ? t('explain.sumOfChannels', { c: d.c }) : 'Σ'}</small>
            </span>
            <span className="lx-total__op">+</span>
            <span className="lx-total__term lx-total__term--bias" data-testid="explain-bias" data-value={win.bias}>
              {fmt(win.bias)}
              <small>{p.use_bias ? t('lab.biasShort') : t('explain.noBias')}</small>
            </span>
            <span className="lx-total__op">=</span>
            <span className="lx-sum" data-testid="explain-sum" data-value={win.sum}>
              {fmt(win.sum)}
            </span>
          </div>
          <div className="lx-explain__act" data-testid="explain-activation">
            <span className="mono">
              {p.activation}({fmt(win.sum)})
            </span>{' '}
            ={' '}
            <strong data-testid="explain-value" data-value={a}>
              {fmt(a)}
            </strong>
            {p.activation === 'linear' && <span className="lx-note"> — {t('explain.linear')}</span>}
          </div>
          <EngineCheck mine={a} engine={engine} />
        </div>

        <OutputMap
          caption={t('explain.outputCaption', { h: rows, w: cols, f: f + 1 })}
          rows={rows}
          cols={cols}
          map={outMap}
          at={[r, c]}
          stepper={stepper}
        />
      </div>
    </div>
  );
}

/** The layer's output map filled in up to the current step; clicking a cell jumps there. */
function OutputMap({
  caption,
  rows,
  cols,
  map,
  at,
  stepper,
}: {
  caption: string;
  rows: number;
  cols: number;
  map: Float32Array;
  at: readonly [number, number];
  stepper: Stepper;
}) {
  const t = useLearnT();
  const range = useMemo(() => rangeOf(map, 1, 0), [map]);
  return (
    <figure className="lx-explain__map">
      <figcaption>{caption}</figcaption>
      <HeatGrid
        height={rows}
        width={cols}
        value={(i, j) => map[i * cols + j]!}
        min={range.min}
        max={range.max}
        cell={cellSize(rows, cols)}
        window={{ top: at[0], left: at[1], h: 1, w: 1 }}
        shown={stepper.index + 1}
        onPick={(i, j) => stepper.go(i * cols + j)}
        testId="explain-output"
        label={caption}
        version={`${dataId(map)}`}
      />
      <div className="lx-explain__padkey">{t('explain.soFar')}</div>
    </figure>
  );
}

function ExplainPool(props: ExplainLayerProps & { p: PoolingParams; d: Dims; image: Image }) {
  const t = useLearnT();
  const { p, d, image } = props;
  const kind = props.kind === 'MaxPooling2D' ? 'max' : 'average';
  const [channel, setChannel] = useState(0);
  const ch = Math.min(channel, d.c - 1);
  const options: PoolOptions = useMemo(
    () => ({ kind, poolSize: p.pool_size, strides: p.strides, padding: p.padding }),
    [kind, p.pool_size, p.strides, p.padding],
  );
  const ph = axisPadding(d.h, p.pool_size[0], p.padding, p.strides[0], 'keras');
  const pw = axisPadding(d.w, p.pool_size[1], p.padding, p.strides[1], 'keras');
  const rows = ph.outLength;
  const cols = pw.outLength;
  const stepper = useStepper(rows * cols, `${props.layerName}:${d.h}x${d.w}x${d.c}:${rows}x${cols}`);
  const r = Math.floor(stepper.index / Math.max(cols, 1));
  const c = stepper.index % Math.max(cols, 1);
  const engineOk = !!props.output && props.output.data.length === rows * cols * d.c;
  const outMap = useMemo(() => {
    if (engineOk) return channelOf(props.output!.data, rows * cols, d.c, ch);
    const out = new Float32Array(rows * cols);
    for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) out[i * cols + j] = poolWindow(image, options, i, j, ch).result;
    return out;
  }, [engineOk, props.output, image, options, ch, rows, cols, d.c]);
  if (rows * cols === 0)
    return (
      <Callout tone="warn" testId="explain-problem">
        {t('pool.noOutput', { k: p.pool_size[0] })}
      </Callout>
    );

  const win = poolWindow(image, options, r, c, ch);
  const [kh, kw] = p.pool_size;
  const grid = patchOf(image, win.top, win.left, kh, kw, ch);
  const padCount = kh * kw - win.values.length;
  // The (first) maximum of a max-pooling window, marked in the numbers.
  const mark = kind === 'max' ? maxOf(grid, win.result) : null;
  const engine = engineOk ? props.output!.data[(r * cols + c) * d.c + ch] : undefined;
  const summary = t('explain.poolSummary', { kh, kw, sh: p.strides[0], sw: p.strides[1], padding: p.padding });

  return (
    <div className="lx-explain" data-testid="explain-layer" data-kind={props.kind}>
      <Header name={props.layerName} kind={props.kind} summary={summary} source={props.source} />
      <div className="lx-explain__controls">
        <Picker
          label={t('explain.channel')}
          value={ch}
          count={d.c}
          onChange={setChannel}
          testId="explain-channel"
          name={(i) => t('lab.channelN', { c: i + 1 })}
        />
        <div className="lx-explain__stepper">
          <StepperBar stepper={stepper} position={t('explain.position', { r, c, i: stepper.index + 1, n: stepper.count })} />
        </div>
      </div>
      <div className="lx-explain__grid">
        <InputMap
          input={props.input}
          d={d}
          ch={ch}
          rows={ph}
          cols={pw}
          window={{ top: win.top, left: win.left, h: kh, w: kw }}
          padKey={(pad) => t('explain.padKeyPool', pad)}
          onPick={(i, j) =>
            stepper.go(
              startingAt(i, { size: kh, stride: p.strides[0], before: ph.before, outputs: rows }) * cols +
                startingAt(j, { size: kw, stride: p.strides[1], before: pw.before, outputs: cols }),
            )
          }
        />
        <div className="lx-explain__math">
          <div className="lx-explain__chan">{d.c > 1 ? t('explain.poolDetail', { ch: ch + 1, c: d.c }) : t('explain.poolDetail1')}</div>
          <div className="lx-explain__mats">
            <Matrix m={grid} tone="input" testId="explain-patch" caption={t('explain.patch')} mark={mark} />
            <span className="lx-lane__op">→</span>
            <div className="lx-products lx-products--pool" data-testid="explain-products">
              {kind === 'max' ? 'max' : t('explain.mean')}({win.values.map((v) => fmtShort(v)).join(', ')})
            </div>
          </div>
          <div className="lx-total lx-total--explain">
            <span className="lx-total__term">{kind === 'max' ? t('pool.max') : t('pool.average')}</span>
            <span className="lx-total__op">=</span>
            <span className="lx-sum" data-testid="explain-value" data-value={win.result}>
              {fmt(win.result)}
            </span>
          </div>
          <p className="lx-note">
            {padCount > 0
              ? t(kind === 'max' ? 'pool.padLeftOutMax' : 'pool.padLeftOutAvg', { n: padCount, m: win.values.length })
              : t('explain.poolChannelwise')}
          </p>
          <EngineCheck mine={win.result} engine={engine} />
        </div>
        <OutputMap
          caption={t('explain.outputCaptionPool', { h: rows, w: cols, ch: ch + 1 })}
          rows={rows}
          cols={cols}
          map={outMap}
          at={[r, c]}
          stepper={stepper}
        />
      </div>
    </div>
  );
}

/** The layer's input, one channel as a heat map, with its padding hatched and the window outlined; a click picks an output. */
function InputMap(props: {
  input: ExplainTensor;
  d: Dims;
  ch: number;
  rows: AxisPadding;
  cols: AxisPadding;
  window: CellBox;
  padKey: (pad: { top: number; bottom: number; left: number; right: number }) => string;
  onPick: (row: number, col: number) => void;
}) {
  const t = useLearnT();
  const { input, d, ch, rows, cols } = props;
  const range = useMemo(() => rangeOf(input.data, d.c, ch), [input, d.c, ch]);
  const pad = { top: rows.before, bottom: rows.after, left: cols.before, right: cols.after };
  const caption = t('explain.inputCaption', { h: d.h, w: d.w, c: d.c, ch: ch + 1 });
  return (
    <figure className="lx-explain__map">
      <figcaption>{caption}</figcaption>
      <HeatGrid
        height={d.h}
        width={d.w}
        value={(i, j) => input.data[(i * d.w + j) * d.c + ch]!}
        min={range.min}
        max={range.max}
        pad={pad}
        cell={cellSize(d.h + pad.top + pad.bottom, d.w + pad.left + pad.right)}
        window={props.window}
        onPick={props.onPick}
        testId="explain-input"
        label={caption}
        version={`${dataId(input.data)}:${ch}`}
      />
      {pad.top + pad.bottom + pad.left + pad.right > 0 && <div className="lx-explain__padkey">{props.padKey(pad)}</div>}
    </figure>
  );
}
