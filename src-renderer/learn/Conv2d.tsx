import { Fragment } from 'react';
import { conv2d, padding2d, window2d, type Conv2dOptions, type Image, type Kernels } from '../../src-shared/learn/convolution';
import { Callout, Card, IntField, NumbersField, StepperBar } from './controls';
import { OpPaddingFields, ResetButton } from './ConvSettings';
import { fmt } from './format';
import { DEFAULT_2D, PRESETS_2D, set2d, useLabStore, type Conv2dSettings } from './lab-state';
import { PaddedGrid } from './PaddedGrid';
import { PaddingNote } from './PaddingNote';
import { parseMatrix } from './parse';
import { parseErrorText, useLearnT, type LearnT } from './strings';
import { useStepper } from './useStepper';

const MAX_CHANNELS = 4;
const MAX_FILTERS = 4;

interface Parsed2d {
  readonly image: Image;
  readonly kernels: Kernels;
  readonly bias: number[];
  readonly h: number;
  readonly w: number;
  readonly c: number;
  readonly kh: number;
  readonly kw: number;
  readonly f: number;
  /** The matrices as typed, for display: image[c], kernels[f][c]. */
  readonly imageM: number[][][];
}

interface Errors {
  readonly image: (string | null)[];
  readonly kernels: (string | null)[][];
  readonly bias: (string | null)[];
  readonly ok: boolean;
}

function shapeOf(m: number[][]): string {
  return `${m.length}×${m[0]?.length ?? 0}`;
}

/** Parses every matrix; shape mismatches between channels or kernels are errors too. */
function parse2d(s: Conv2dSettings, t: LearnT): { value: Parsed2d | null; errors: Errors } {
  const image = s.image.map((txt) => parseMatrix(txt));
  const kernels = s.kernels.map((row) => row.map((txt) => parseMatrix(txt)));
  const bias = s.bias.map((txt) => {
    const v = txt.trim() === '' ? 0 : Number(txt.replace(/\u2212/g, '-'));
    return Number.isFinite(v) ? v : null;
  });
  const errors: Errors = {
    image: image.map((r) => (r.ok ? null : parseErrorText(t, r.error))),
    kernels: kernels.map((row) => row.map((r) => (r.ok ? null : parseErrorText(t, r.error)))),
    bias: bias.map((b) => (b === null ? t('err.bias') : null)),
    ok: true,
  };
  const first = image[0];
  if (first?.ok) {
    image.forEach((r, i) => {
      if (r.ok && shapeOf(r.value) !== shapeOf(first.value))
        errors.image[i] = t('err.channelShape', { got: shapeOf(r.value), expected: shapeOf(first.value) });
    });
  }
  const k0 = kernels[0]?.[0];
  if (k0?.ok) {
    kernels.forEach((row, f) =>
      row.forEach((r, c) => {
        if (r.ok && shapeOf(r.value) !== shapeOf(k0.value))
          errors.kernels[f]![c] = t('err.kernelShape', { got: shapeOf(r.value), expected: shapeOf(k0.value) });
      }),
    );
  }
  const ok = [...errors.image, ...errors.kernels.flat(), ...errors.bias].every((e) => e === null) && !!first?.ok && !!k0?.ok;
  if (!ok || !first?.ok || !k0?.ok) return { value: null, errors: { ...errors, ok: false } };
  const imageM = image.map((r) => (r.ok ? r.value : []));
  const kernelM = kernels.map((row) => row.map((r) => (r.ok ? r.value : [])));
  const h = first.value.length;
  const w = first.value[0]!.length;
  const c = imageM.length;
  const kh = k0.value.length;
  const kw = k0.value[0]!.length;
  const f = kernelM.length;
  const img: number[][][] = Array.from({ length: h }, (_, r) => Array.from({ length: w }, (_, q) => imageM.map((ch) => ch[r]![q]!)));
  const ker: number[][][][] = Array.from({ length: kh }, (_, i) =>
    Array.from({ length: kw }, (_, j) => Array.from({ length: c }, (_, ch) => kernelM.map((filter) => filter[ch]![i]![j]!))),
  );
  return {
    value: { image: img, kernels: ker, bias: bias.map((b) => b ?? 0), h, w, c, kh, kw, f, imageM },
    errors: { ...errors, ok: true },
  };
}

/** The 2-D lab: channels and filters, the window on every channel, per-channel sums plus bias. */
export function Conv2d() {
  const t = useLearnT();
  const s = useLabStore((st) => st.conv2d);
  const { value: p, errors } = parse2d(s, t);
  const options: Conv2dOptions = { op: s.op, padding: s.padding, stride: s.stride, sameStyle: s.sameStyle, bias: p?.bias ?? [] };
  const pads = p ? padding2d(p.h, p.w, p.kh, p.kw, options) : null;
  const rows = pads?.[0].outLength ?? 0;
  const cols = pads?.[1].outLength ?? 0;
  const count = p ? rows * cols * p.f : 0;
  const stepper = useStepper(count, JSON.stringify([s.image, s.kernels, s.bias, s.op, s.padding, s.sameStyle, s.stride]));
  return (
    <div className="lx-lab" data-testid="lab-2d">
      <Settings2d errors={errors} />
      <div className="lx-lab__stage">
        {!p || !pads ? (
          <Callout tone="warn" testId="lab-error">
            {t('lab.fixInput')}
          </Callout>
        ) : (
          <Stage2d p={p} options={options} pads={pads} stepper={stepper} />
        )}
      </div>
    </div>
  );
}

function Stage2d(props: {
  p: Parsed2d;
  options: Conv2dOptions;
  pads: ReturnType<typeof padding2d>;
  stepper: ReturnType<typeof useStepper>;
}) {
  const t = useLearnT();
  const { p, options, pads, stepper } = props;
  const [ph, pw] = pads;
  const rows = ph.outLength;
  const cols = pw.outLength;
  const stride = options.stride ?? 1;
  const perMap = rows * cols;
  const formulas = (
    <div className="lx-formula lx-formula--2" data-testid="lab-formula">
      <div>
        <span className="lx-formula__axis">{t('lab.height')}</span> {ph.formula}
      </div>
      <div>
        <span className="lx-formula__axis">{t('lab.width')}</span> {pw.formula}
      </div>
    </div>
  );
  const head = (
    <Card
      title={t('lab.outputSize')}
      aside={<span className="lx-lcard__aside mono">{`(${p.h}, ${p.w}, ${p.c}) → (${rows}, ${cols}, ${p.f})`}</span>}
      testId="lab-formula-card"
    >
      {formulas}
      <PaddingNote
        kind="2d"
        n={p.h}
        k={p.kh}
        padding={options.padding}
        sameStyle={options.sameStyle ?? 'scipy'}
        before={ph.before}
        after={ph.after}
        cols={{ before: pw.before, after: pw.after }}
      />
    </Card>
  );
  if (perMap === 0) {
    return (
      <>
        {head}
        <Callout tone="warn" testId="lab-empty">
          {t('lab.noOutput2d', { h: p.h, w: p.w, kh: p.kh, kw: p.kw })}
        </Callout>
      </>
    );
  }
  const filter = Math.floor(stepper.index / perMap);
  const pos = stepper.index % perMap;
  const row = Math.floor(pos / cols);
  const col = pos % cols;
  const win = window2d(p.image, p.kernels, options, row, col, filter);
  const output = conv2d(p.image, p.kernels, options);
  const flip = options.op === 'convolve';
  const windowBox = { top: win.top + ph.before, left: win.left + pw.before, h: p.kh, w: p.kw };
  const cell = p.c > 1 || Math.max(p.h + ph.before + ph.after, p.w + pw.before + pw.after) > 9 ? 28 : 36;

  const outputCard = (
    <Card
      title={t('lab.outputSoFar')}
      aside={<span className="lx-lcard__aside">{p.f === 1 ? t('lab.featureMap1') : t('lab.featureMaps', { n: p.f })}</span>}
    >
      <div className="lx-outmaps" data-testid="lab-output">
        {Array.from({ length: p.f }, (_, k) => (
          <div className="lx-outmap" key={k} data-testid={`lab-output-f${k}`}>
            {p.f > 1 && <div className="lx-outmap__label">{t('lab.mapN', { f: k + 1 })}</div>}
            <div className="lx-outgrid" style={{ gridTemplateColumns: `repeat(${cols}, ${cell + 6}px)` }}>
              {output.map((r, i) =>
                r.map((v, j) => {
                  const n = k * perMap + i * cols + j;
                  const done = n <= stepper.index;
                  const id = p.f > 1 ? `lab-out-f${k}-${i}-${j}` : `lab-out-${i}-${j}`;
                  return (
                    <button
                      type="button"
                      key={`${i}-${j}`}
                      className={`lx-cell lx-cell--out${done ? ' is-done' : ''}${n === stepper.index ? ' is-current' : ''}`}
                      style={{ height: cell + 4 }}
                      data-testid={id}
                      data-value={done ? v[k] : undefined}
                      title={t('lab.jumpTo2d', { r: i, c: j })}
                      onClick={() => stepper.go(n)}
                    >
                      {done ? fmt(v[k]!) : ''}
                    </button>
                  );
                }),
              )}
            </div>
          </div>
        ))}
      </div>
    </Card>
  );
  return (
    <>
      <div className="lx-toprow">
        {head}
        {outputCard}
      </div>
      <Card
        title={p.f > 1 ? t('lab.windowAtF', { f: filter + 1, r: row, c: col }) : t('lab.windowAt', { r: row, c: col })}
        aside={<span className="lx-lcard__aside">{t('lab.strideIs', { s: stride })}</span>}
        testId="lab-window"
      >
        <div className={`lx-lanes${p.c > 1 ? ' lx-lanes--multi' : ''}`} data-testid="lab-products">
          {win.channels.map((ch, c) => (
            <div className="lx-lane" key={c} data-testid={`lab-lane-${c}`}>
              <div className="lx-lane__label">{p.c > 1 ? t('lab.channelN', { c: c + 1 }) : t('lab.inputPadded')}</div>
              <div className="lx-lane__row">
                <PaddedGrid
                  values={p.imageM[c]!}
                  padTop={ph.before}
                  padBottom={ph.after}
                  padLeft={pw.before}
                  padRight={pw.after}
                  window={windowBox}
                  cell={cell}
                  testId={p.c > 1 ? `lab-grid-${c}` : 'lab-grid'}
                  padTip={t('lab.padCellTip')}
                />
                <div className="lx-lane__calc">
                  <span className="lx-lane__op">⊙</span>
                  <div className="lx-lane__mini">
                    <MiniMatrix m={ch.kernel} tone="kernel" />
                    <div className="lx-lane__cap">
                      {flip ? t('lab.kernelRotated') : p.f > 1 ? t('lab.kernelOfFilter', { f: filter + 1 }) : t('lab.kernelTag')}
                    </div>
                  </div>
                  <span className="lx-lane__op">=</span>
                  <div className="lx-lane__mini">
                    <MiniMatrix m={ch.products} tone="product" />
                    <div className="lx-lane__cap">{t('lab.products')}</div>
                  </div>
                  <span className="lx-lane__op">→</span>
                  <div className="lx-lane__sum">
                    <div className="lx-lane__cap">Σ</div>
                    <div className="lx-chsum" data-testid={`lab-channel-sum-${c}`}>
                      {fmt(ch.sum)}
                    </div>
                  </div>
                </div>
              </div>
              <div className="lx-lane__expr" data-testid={`lab-products-${c}`}>
                {ch.patch.flatMap((r, i) => r.map((v, j) => `${term(v)}×${term(ch.kernel[i]![j]!)}`)).join(' + ')} ={' '}
                <strong>{fmt(ch.sum)}</strong>
              </div>
            </div>
          ))}
        </div>
        <div className="lx-total" data-testid="lab-total">
          {p.c > 1 && (
            <>
              {win.channels.map((ch, c) => (
                <Fragment key={c}>
                  {c > 0 && <span className="lx-total__op">+</span>}
                  <span className="lx-total__term" title={t('lab.channelN', { c: c + 1 })}>
                    {fmt(ch.sum)}
                  </span>
                </Fragment>
              ))}
            </>
          )}
          {p.c === 1 && <span className="lx-total__term">{fmt(win.channels[0]!.sum)}</span>}
          <span className="lx-total__op">+</span>
          <span className="lx-total__term lx-total__term--bias" data-testid="lab-bias" data-value={win.bias} title={t('lab.bias')}>
            {fmt(win.bias)}
            <small>{t('lab.biasShort')}</small>
          </span>
          <span className="lx-total__op">=</span>
          <span className="lx-sum" data-testid="lab-sum">
            {fmt(win.sum)}
          </span>
        </div>
        <StepperBar
          stepper={stepper}
          position={
            p.f > 1
              ? t('lab.position2dF', { i: stepper.index + 1, n: stepper.count, f: filter + 1 })
              : t('lab.position2d', { i: stepper.index + 1, n: stepper.count })
          }
        />
      </Card>
    </>
  );
}

/** A factor in a written product: negatives in parentheses, as 1×(−1). */
function term(v: number): string {
  return v < 0 ? `(${fmt(v)})` : fmt(v);
}

function MiniMatrix({ m, tone }: { m: number[][]; tone: 'kernel' | 'product' }) {
  return (
    <div className={`lx-mini lx-mini--${tone}`} style={{ gridTemplateColumns: `repeat(${m[0]?.length ?? 1}, auto)` }}>
      {m.flatMap((r, i) =>
        r.map((v, j) => (
          <span key={`${i}-${j}`} className="lx-mini__cell">
            {fmt(v)}
          </span>
        )),
      )}
    </div>
  );
}

function resize<T>(list: readonly T[], n: number, make: (i: number) => T): T[] {
  return Array.from({ length: n }, (_, i) => (i < list.length ? list[i]! : make(i)));
}

function Settings2d({ errors }: { errors: Errors }) {
  const t = useLearnT();
  const s = useLabStore((st) => st.conv2d);
  const channels = s.image.length;
  const filters = s.kernels.length;
  const setChannels = (n: number) =>
    set2d({
      image: resize(s.image, n, () => s.image[0] ?? '0'),
      kernels: s.kernels.map((row) => resize(row, n, () => row[0] ?? '1')),
    });
  const setFilters = (n: number) =>
    set2d({
      kernels: resize(s.kernels, n, () => [...(s.kernels[0] ?? ['1'])]),
      bias: resize(s.bias, n, () => '0'),
    });
  return (
    <aside className="lx-lab__settings" aria-label={t('set.title')}>
      <div className="lx-lf">
        <label className="lx-lf__label" htmlFor="lab-preset">
          {t('set.example')}
        </label>
        <select
          id="lab-preset"
          className="lx-select"
          data-testid="lab-preset"
          value={s.preset}
          onChange={(e) => {
            const preset = PRESETS_2D.find((x) => x.id === e.target.value);
            if (preset) useLabStore.setState((st) => ({ conv2d: { ...st.conv2d, ...preset.settings, preset: preset.id } }));
          }}
        >
          {PRESETS_2D.map((x) => (
            <option key={x.id} value={x.id}>
              {t(`preset.${x.id}` as Parameters<LearnT>[0])}
            </option>
          ))}
          {s.preset === 'custom' && <option value="custom">{t('preset.custom')}</option>}
        </select>
      </div>
      <div className="lx-lf-row">
        <IntField label={t('set.channels')} value={channels} min={1} max={MAX_CHANNELS} onChange={setChannels} testId="lab-channels" />
        <IntField label={t('set.filters')} value={filters} min={1} max={MAX_FILTERS} onChange={setFilters} testId="lab-filters" />
      </div>
      <div className="lx-lf-group">
        <div className="lx-lf-group__title">{t('set.inputImage')}</div>
        {s.image.map((txt, c) => (
          <NumbersField
            key={c}
            compact
            label={channels > 1 ? t('lab.channelN', { c: c + 1 }) : t('set.rowsHint')}
            value={txt}
            rows={Math.min(7, Math.max(3, txt.split('\n').length))}
            onChange={(v) => set2d({ image: s.image.map((x, i) => (i === c ? v : x)) })}
            testId={`lab-image-${c}`}
            error={errors.image[c]}
          />
        ))}
      </div>
      {s.kernels.map((row, f) => (
        <div className="lx-lf-group" key={f}>
          <div className="lx-lf-group__title">{filters > 1 ? t('set.filterN', { f: f + 1 }) : t('set.kernel')}</div>
          {row.map((txt, c) => (
            <NumbersField
              key={c}
              compact
              label={channels > 1 ? t('lab.channelN', { c: c + 1 }) : t('set.kernelRows')}
              value={txt}
              rows={Math.min(5, Math.max(2, txt.split('\n').length))}
              onChange={(v) => set2d({ kernels: s.kernels.map((r, i) => (i === f ? r.map((x, j) => (j === c ? v : x)) : r)) })}
              testId={`lab-kernel-${f}-${c}`}
              error={errors.kernels[f]?.[c] ?? null}
            />
          ))}
          <div className="lx-lf lx-lf--compact lx-lf--inline">
            <label className="lx-lf__label" htmlFor={`lab-bias-${f}`}>
              {t('lab.bias')}
            </label>
            <input
              id={`lab-bias-${f}`}
              className={`lx-textin${errors.bias[f] ? ' is-bad' : ''}`}
              data-testid={`lab-bias-${f}`}
              value={s.bias[f] ?? '0'}
              onChange={(e) => set2d({ bias: s.bias.map((x, i) => (i === f ? e.target.value : x)) })}
            />
          </div>
        </div>
      ))}
      <OpPaddingFields op={s.op} padding={s.padding} sameStyle={s.sameStyle} stride={s.stride} maxStride={8} set={set2d} />
      <button
        type="button"
        className={`btn btn--small lx-lab__conv2d${s.op === 'correlate' && s.sameStyle === 'keras' ? ' is-on' : ''}`}
        data-testid="lab-like-conv2d"
        title={t('set.likeConv2dTip')}
        onClick={() => set2d({ op: 'correlate', sameStyle: 'keras' })}
      >
        {t('set.likeConv2d')}
      </button>
      <ResetButton t={t} onClick={() => useLabStore.setState({ conv2d: DEFAULT_2D })} />
    </aside>
  );
}
