import { Fragment, useMemo } from 'react';
import { Callout, Card, IntField, NumbersField, StepperBar } from './controls';
import { build2d, step2d, stepKey2d, type Errors2d, type FieldError, type Lab2d } from './conv2d-model';
import { OpPaddingFields, ResetButton } from './ConvSettings';
import { fmt } from './format';
import { DEFAULT_2D, PRESETS_2D } from './lab-settings';
import { set2d, useLabStore } from './lab-state';
import { OutputSoFar } from './OutputSoFar';
import { PaddedGrid } from './PaddedGrid';
import { PaddingNote } from './PaddingNote';
import { fieldErrorText, useLearnT } from './strings';
import { useStepper, type Stepper } from './useStepper';

const MAX_CHANNELS = 4;
const MAX_FILTERS = 4;

/** The 2-D lab: channels and filters, the window on every channel, per-channel sums plus bias. */
export function Conv2d() {
  const t = useLearnT();
  const s = useLabStore((st) => st.conv2d);
  // The whole result once per change of the settings; a step only reads from it.
  const lab = useMemo(() => build2d(s), [s]);
  const stepper = useStepper(lab.ok ? lab.count : 0, stepKey2d(s));
  return (
    <div className="lx-lab" data-testid="lab-2d">
      <Settings2d errors={lab.errors} />
      <div className="lx-lab__stage">
        {!lab.ok ? (
          <Callout tone="warn" testId="lab-error">
            {t('lab.fixInput')}
          </Callout>
        ) : (
          <Stage2d lab={lab} stepper={stepper} />
        )}
      </div>
    </div>
  );
}

function Stage2d({ lab, stepper }: { lab: Extract<Lab2d, { ok: true }>; stepper: Stepper }) {
  const t = useLearnT();
  const { p, options, rows: ph, cols: pw } = lab;
  const rows = ph.outLength;
  const cols = pw.outLength;
  const stride = options.stride ?? 1;
  const head = (
    <Card
      title={t('lab.outputSize')}
      aside={<span className="lx-lcard__aside mono">{`(${p.h}, ${p.w}, ${p.c}) → (${rows}, ${cols}, ${p.f})`}</span>}
      testId="lab-formula-card"
    >
      <div className="lx-formula lx-formula--2" data-testid="lab-formula">
        <div>
          <span className="lx-formula__axis">{t('lab.height')}</span> {ph.formula}
        </div>
        <div>
          <span className="lx-formula__axis">{t('lab.width')}</span> {pw.formula}
        </div>
      </div>
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
  const at = step2d(lab, stepper.index);
  if (!at) {
    return (
      <>
        {head}
        <Callout tone="warn" testId="lab-empty">
          {t('lab.noOutput2d', { h: p.h, w: p.w, kh: p.kh, kw: p.kw })}
        </Callout>
      </>
    );
  }
  const { map: filter, row, col } = at.at;
  const win = at.window;
  const flip = options.op === 'convolve';
  const cell = p.c > 1 || Math.max(p.h + ph.before + ph.after, p.w + pw.before + pw.after) > 9 ? 28 : 36;

  return (
    <>
      <div className="lx-toprow">
        {head}
        <OutputSoFar
          maps={lab.maps}
          current={stepper.index}
          onPick={stepper.go}
          layout="grid"
          cell={cell}
          cellTestId={(q) => (p.f > 1 ? `lab-out-f${q.map}-${q.row}-${q.col}` : `lab-out-${q.row}-${q.col}`)}
          cellTitle={(q) => t('lab.jumpTo2d', { r: q.row, c: q.col })}
          mapLabel={p.f > 1 ? (k) => t('lab.mapN', { f: k + 1 }) : undefined}
          aside={<span className="lx-lcard__aside">{p.f === 1 ? t('lab.featureMap1') : t('lab.featureMaps', { n: p.f })}</span>}
        />
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
                  window={at.box}
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
          {win.channels.map((ch, c) => (
            <Fragment key={c}>
              {c > 0 && <span className="lx-total__op">+</span>}
              <span className="lx-total__term" title={p.c > 1 ? t('lab.channelN', { c: c + 1 }) : undefined}>
                {fmt(ch.sum)}
              </span>
            </Fragment>
          ))}
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

function Settings2d({ errors }: { errors: Errors2d }) {
  const t = useLearnT();
  const text = (e: FieldError | null | undefined) => (e ? fieldErrorText(t, e) : null);
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
              {t(`preset.${x.id}`)}
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
            error={text(errors.image[c])}
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
              error={text(errors.kernels[f]?.[c])}
            />
          ))}
          <div className="lx-lf lx-lf--compact lx-lf--inline">
            <label className="lx-lf__label" htmlFor={`lab-bias-${f}`}>
              {t('lab.bias')}
            </label>
            <input
              id={`lab-bias-${f}`}
              className={`lx-textin${errors.bias[f] ? ' is-bad' : ''}`}
              title={text(errors.bias[f]) ?? undefined}
              aria-invalid={!!errors.bias[f]}
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
