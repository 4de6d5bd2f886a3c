import { useMemo } from 'react';
import { Callout, Card, StepperBar } from './controls';
import { build1d, step1d, stepKey1d, type Lab1d } from './conv1d-model';
import { fmt } from './format';
import { useLabStore } from './lab-state';
import { OutputSoFar } from './OutputSoFar';
import { useLearnT, fieldErrorText } from './strings';
import { useStepper, type Stepper } from './useStepper';
import { ConvSettings1d } from './ConvSettings';
import { PaddingNote } from './PaddingNote';

const CELL = 46;

/** The 1-D lab: the padded input as a strip of cells, the kernel sliding under it, products, sum and output. */
export function Conv1d() {
  const t = useLearnT();
  const s = useLabStore((st) => st.conv1d);
  // The whole result once per change of the settings; a step only reads from it.
  const lab = useMemo(() => build1d(s), [s]);
  const stepper = useStepper(lab.ok ? lab.output.length : 0, stepKey1d(s));

  return (
    <div className="lx-lab" data-testid="lab-1d">
      <ConvSettings1d
        xError={!lab.ok && lab.xError ? fieldErrorText(t, lab.xError) : null}
        wError={!lab.ok && lab.wError ? fieldErrorText(t, lab.wError) : null}
      />
      <div className="lx-lab__stage">
        {!lab.ok ? (
          <Callout tone="warn" testId="lab-error">
            {t('lab.fixInput')}
          </Callout>
        ) : (
          <Stage1d lab={lab} stepper={stepper} />
        )}
      </div>
    </div>
  );
}

function Stage1d({ lab, stepper }: { lab: Extract<Lab1d, { ok: true }>; stepper: Stepper }) {
  const t = useLearnT();
  const { x, w, options, pad, flipped, output } = lab;
  const k = w.length;
  const stride = options.stride ?? 1;
  const total = pad.before + x.length + pad.after;
  const cells = Array.from({ length: total }, (_, i) => i - pad.before);
  const at = step1d(lab, stepper.index);
  const win = at?.window ?? null;
  const start = at?.start ?? 0; // in padded coordinates
  const touched = (i: number) => !!at && i >= start && i < start + k;

  return (
    <>
      <Card title={t('lab.outputSize')} testId="lab-formula-card">
        <div className="lx-formula" data-testid="lab-formula">
          {pad.formula}
        </div>
        <PaddingNote
          kind="1d"
          n={x.length}
          k={k}
          padding={options.padding}
          sameStyle={options.sameStyle ?? 'scipy'}
          before={pad.before}
          after={pad.after}
        />
      </Card>

      <KernelCard w={w} flipped={flipped} op={options.op} />

      {pad.outLength === 0 ? (
        <Callout tone="warn" testId="lab-empty">
          {t('lab.noOutput', { n: x.length, k })}
        </Callout>
      ) : (
        <>
          <Card title={t('lab.slide')} aside={<span className="lx-lcard__aside">{t('lab.strideIs', { s: stride })}</span>}>
            <div className="lx-strip-scroll">
              <div className="lx-strip" style={{ width: total * CELL }}>
                <div className="lx-strip__row lx-strip__row--idx">
                  {cells.map((p, i) => (
                    <div key={i} className="lx-strip__idx" style={{ width: CELL }}>
                      {p >= 0 && p < x.length ? (
                        <>
                          x<sub>{p}</sub>
                        </>
                      ) : (
                        t('lab.pad')
                      )}
                    </div>
                  ))}
                </div>
                <div className="lx-strip__row" data-testid="lab-input">
                  {cells.map((p, i) => {
                    const isPad = p < 0 || p >= x.length;
                    return (
                      <div
                        key={i}
                        className={`lx-cell${isPad ? ' lx-cell--pad' : ''}${touched(i) ? ' lx-cell--in' : ''}`}
                        style={{ width: CELL - 4 }}
                        data-testid={`lab-in-${i}`}
                        data-pad={isPad || undefined}
                        title={isPad ? t('lab.padCellTip') : `x[${p}]`}
                      >
                        {isPad ? 0 : fmt(x[p]!)}
                      </div>
                    );
                  })}
                </div>
                <div
                  className="lx-strip__window"
                  style={{ width: k * CELL, transform: `translateX(${start * CELL}px)` }}
                  aria-hidden="true"
                />
                <div
                  className="lx-strip__row lx-strip__row--kernel"
                  style={{ transform: `translateX(${start * CELL}px)` }}
                  data-testid="lab-kernel-row"
                >
                  {flipped.map((v, j) => (
                    <div key={j} className="lx-cell lx-cell--kernel" style={{ width: CELL - 4 }}>
                      {fmt(v)}
                    </div>
                  ))}
                  <div className="lx-strip__tag">{options.op === 'convolve' ? t('lab.kernelFlippedTag') : t('lab.kernelTag')}</div>
                </div>
                <div className="lx-strip__row lx-strip__row--products" style={{ transform: `translateX(${start * CELL}px)` }}>
                  {win?.products.map((v, j) => (
                    <div key={j} className="lx-cell lx-cell--product" style={{ width: CELL - 4 }}>
                      {fmt(v)}
                    </div>
                  ))}
                </div>
              </div>
            </div>
            <StepperBar stepper={stepper} position={t('lab.position1d', { i: stepper.index, n: pad.outLength })} />
          </Card>

          {at && win && (
            <Card title={t('lab.thisOutput', { i: stepper.index })} testId="lab-window">
              <div className="lx-products" data-testid="lab-products">
                {win.inputs.map((v, j) => (
                  <span
                    key={j}
                    className={`lx-prod${win.positions[j]! < 0 ? ' lx-prod--pad' : ''}`}
                    data-testid={`lab-product-${j}`}
                    data-value={win.products[j]}
                  >
                    <span className="lx-prod__a">{fmt(v)}</span>
                    <span className="lx-prod__op">×</span>
                    <span className="lx-prod__b">{fmt(win.weights[j]!)}</span>
                    {j < win.inputs.length - 1 && <span className="lx-prod__plus">+</span>}
                  </span>
                ))}
                <span className="lx-prod__eq">=</span>
                <span className="lx-prod__partials">{win.products.map((p) => fmt(p)).join(' + ')}</span>
                <span className="lx-prod__eq">=</span>
                <span className="lx-sum" data-testid="lab-sum">
                  {fmt(win.sum)}
                </span>
              </div>
              <div className="lx-products__note">
                {t(options.op === 'convolve' ? 'lab.dotFlipped' : 'lab.dotPlain', { from: at.from, to: at.to })}
              </div>
            </Card>
          )}

          <OutputSoFar
            maps={[[output]]}
            current={stepper.index}
            onPick={stepper.go}
            layout="row"
            cellTestId={(p) => `lab-out-${p.col}`}
            cellTitle={(p) => t('lab.jumpTo', { i: p.col })}
            cellLabel={(p) => `y${p.col}`}
            aside={
              <span className="lx-lcard__aside mono">{`${options.op === 'convolve' ? 'convolve' : 'correlate'}(x, w, mode='${options.padding}')`}</span>
            }
          />
        </>
      )}
    </>
  );
}

/** The kernel as typed and as it slides (flipped for convolution). */
export function KernelCard(props: { w: readonly number[]; flipped: readonly number[]; op: 'convolve' | 'correlate' }) {
  const t = useLearnT();
  return (
    <Card title={t('lab.kernel')} testId="lab-kernel-card">
      <div className="lx-kernels">
        <div className="lx-kvec">
          <span className="lx-kvec__name">w</span>
          <span className="lx-kvec__cells" data-testid="lab-kernel">
            {props.w.map((v, i) => (
              <span key={i} className="lx-cell lx-cell--kernel lx-cell--small">
                {fmt(v)}
              </span>
            ))}
          </span>
        </div>
        {props.op === 'convolve' ? (
          <>
            <span className="lx-kernels__arrow">
              <span className="mono">np.flip(w)</span> →
            </span>
            <div className="lx-kvec">
              <span className="lx-kvec__name">
                w<sub>r</sub>
              </span>
              <span className="lx-kvec__cells" data-testid="lab-kernel-flipped">
                {props.flipped.map((v, i) => (
                  <span key={i} className="lx-cell lx-cell--kernel lx-cell--flip lx-cell--small">
                    {fmt(v)}
                  </span>
                ))}
              </span>
            </div>
          </>
        ) : null}
      </div>
      <p className="lx-note">{props.op === 'convolve' ? t('lab.convolveNote') : t('lab.correlateNote')}</p>
    </Card>
  );
}
