import { useMemo } from 'react';
import { Callout, Card, IntField, NumbersField, Segmented, StepperBar } from './controls';
import { ResetButton } from './ConvSettings';
import { fmt } from './format';
import { DEFAULT_POOL, POOL_PRESETS } from './lab-settings';
import { setPool, useLabStore } from './lab-state';
import { OutputSoFar } from './OutputSoFar';
import { PaddedGrid } from './PaddedGrid';
import { buildPool, poolStride, stepKeyPool, stepPool, type PoolLab as PoolModel } from './pool-model';
import { fieldErrorText, useLearnT } from './strings';
import { useStepper, type Stepper } from './useStepper';

/** The pooling lab: max or average over a window, with stride and TensorFlow's padding rules. */
export function PoolLab() {
  const t = useLearnT();
  const s = useLabStore((st) => st.pool);
  // The whole result once per change of the settings; a step only reads from it.
  const lab = useMemo(() => buildPool(s), [s]);
  const stride = poolStride(s);
  const stepper = useStepper(lab.ok ? lab.count : 0, stepKeyPool(s));
  return (
    <div className="lx-learn-page" data-testid="learn-panel-pool">
      <div className="lx-learn-page__intro">
        <p className="lx-learn-page__lead">
          <strong>{t('pool.what')}</strong> {t('pool.whatBody')}
        </p>
      </div>
      <div className="lx-lab">
        <aside className="lx-lab__settings" aria-label={t('set.title')}>
          <div className="lx-lf">
            <label className="lx-lf__label" htmlFor="pool-preset">
              {t('set.example')}
            </label>
            <select
              id="pool-preset"
              className="lx-select"
              data-testid="pool-preset"
              value={s.preset}
              onChange={(e) => {
                const preset = POOL_PRESETS.find((x) => x.id === e.target.value);
                if (preset) useLabStore.setState({ pool: { ...preset.settings, preset: preset.id } });
              }}
            >
              {POOL_PRESETS.map((x) => (
                <option key={x.id} value={x.id}>
                  {t(`poolPreset.${x.id}`)}
                </option>
              ))}
              {s.preset === 'custom' && <option value="custom">{t('preset.custom')}</option>}
            </select>
          </div>
          <NumbersField
            label={t('set.rowsHint')}
            value={s.input}
            onChange={(input) => setPool({ input })}
            testId="pool-input"
            rows={Math.min(8, Math.max(3, s.input.split('\n').length))}
            error={lab.ok ? null : fieldErrorText(t, lab.error)}
          />
          <Segmented
            label={t('pool.kind')}
            value={s.kind}
            onChange={(kind) => setPool({ kind })}
            options={[
              { value: 'max', label: t('pool.max'), testId: 'pool-kind-max' },
              { value: 'average', label: t('pool.average'), testId: 'pool-kind-average' },
            ]}
          />
          <IntField
            label={t('pool.size')}
            value={s.size}
            min={1}
            max={8}
            onChange={(size) => setPool({ size })}
            testId="pool-size"
            hint={t('pool.sizeHint')}
          />
          <IntField
            label={t('set.stride')}
            value={stride}
            empty={!Number.isFinite(s.stride)}
            allowEmpty
            placeholder={t('pool.strideSame', { n: s.size })}
            min={1}
            max={8}
            onChange={(v) => setPool({ stride: v })}
            testId="pool-stride"
            hint={t('pool.strideHint')}
          />
          <Segmented
            label={t('set.padding')}
            value={s.padding}
            onChange={(padding) => setPool({ padding })}
            options={[
              { value: 'valid', label: 'valid', testId: 'pool-pad-valid' },
              { value: 'same', label: 'same', testId: 'pool-pad-same' },
            ]}
          />
          <ResetButton t={t} onClick={() => useLabStore.setState({ pool: DEFAULT_POOL })} />
        </aside>
        <div className="lx-lab__stage">
          {!lab.ok ? (
            <Callout tone="warn" testId="lab-error">
              {t('lab.fixInput')}
            </Callout>
          ) : (
            <PoolStage lab={lab} stepper={stepper} />
          )}
        </div>
      </div>
    </div>
  );
}

function PoolStage({ lab, stepper }: { lab: Extract<PoolModel, { ok: true }>; stepper: Stepper }) {
  const t = useLearnT();
  const { m, options, rows: ph, cols: pw } = lab;
  const [k] = options.poolSize;
  const [sh] = options.strides ?? options.poolSize;
  const head = (
    <Card
      title={t('lab.outputSize')}
      aside={
        <span className="lx-lcard__aside mono">{`${options.kind === 'max' ? 'MaxPooling2D' : 'AveragePooling2D'}(pool_size=${k}, strides=${sh}, padding='${options.padding}')`}</span>
      }
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
      <div className="lx-padnote" data-testid="lab-padding">
        <p>
          {options.padding === 'valid'
            ? t('pool.validNote')
            : t('pool.sameNote', { top: ph.before, bottom: ph.after, left: pw.before, right: pw.after })}
        </p>
      </div>
    </Card>
  );
  const at = stepPool(lab, stepper.index);
  if (!at) {
    return (
      <>
        {head}
        <Callout tone="warn" testId="lab-empty">
          {t('pool.noOutput', { k })}
        </Callout>
      </>
    );
  }
  const { row, col } = at.at;
  const win = at.window;
  const { maxAt, maxCell } = at;
  const cell = Math.max(m.length + ph.before + ph.after, m[0]!.length + pw.before + pw.after) > 9 ? 30 : 40;
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
          cellTestId={(q) => `lab-out-${q.row}-${q.col}`}
          cellTitle={(q) => t('lab.jumpTo2d', { r: q.row, c: q.col })}
        />
      </div>
      <Card
        title={t('pool.windowAt', { r: row, c: col })}
        aside={<span className="lx-lcard__aside">{t('lab.strideIs', { s: sh })}</span>}
        testId="lab-window"
      >
        <div className="lx-pool-stage">
          <PaddedGrid
            values={m}
            padTop={ph.before}
            padBottom={ph.after}
            padLeft={pw.before}
            padRight={pw.after}
            window={{ top: win.top + ph.before, left: win.left + pw.before, h: k, w: k }}
            cell={cell}
            testId="lab-grid"
            padTip={t('pool.padTip')}
            padLabel=""
            highlight={(r, c) => !!maxCell && maxCell[0] === r && maxCell[1] === c}
          />
          <div className="lx-pool-calc">
            <div className="lx-products" data-testid="lab-products" data-count={win.values.length}>
              {options.kind === 'max' ? (
                <>
                  <span className="lx-fn">max</span>(
                  {win.values.map((v, i) => (
                    <span key={i} className={`lx-pv${i === maxAt ? ' lx-pv--max' : ''}`} data-testid={`lab-value-${i}`}>
                      {fmt(v)}
                      {i < win.values.length - 1 ? ',' : ''}
                    </span>
                  ))}
                  )
                </>
              ) : (
                <>
                  (
                  {win.values.map((v, i) => (
                    <span key={i} className="lx-pv" data-testid={`lab-value-${i}`}>
                      {fmt(v)}
                      {i < win.values.length - 1 ? ' +' : ''}
                    </span>
                  ))}
                  ) / {win.values.length}
                </>
              )}
              <span className="lx-prod__eq">=</span>
              <span className="lx-sum" data-testid="lab-sum">
                {fmt(win.result)}
              </span>
            </div>
            <p className="lx-note" data-testid="lab-pad-count">
              {at.padCells > 0
                ? t(options.kind === 'max' ? 'pool.padLeftOutMax' : 'pool.padLeftOutAvg', { n: at.padCells, m: win.values.length })
                : t(options.kind === 'max' ? 'pool.allCountMax' : 'pool.allCountAvg', { m: win.values.length })}
            </p>
          </div>
        </div>
        <StepperBar stepper={stepper} position={t('lab.position2d', { i: stepper.index + 1, n: stepper.count })} />
      </Card>
    </>
  );
}
