import { axisPadding } from '../../src-shared/learn/convolution';
import { pool2d, poolWindow, type PoolOptions } from '../../src-shared/learn/pooling';
import { Callout, Card, IntField, NumbersField, Segmented, StepperBar } from './controls';
import { ResetButton } from './ConvSettings';
import { fmt } from './format';
import { DEFAULT_POOL, POOL_PRESETS, setPool, useLabStore } from './lab-state';
import { PaddedGrid } from './PaddedGrid';
import { parseMatrix } from './parse';
import { parseErrorText, useLearnT, type LearnT } from './strings';
import { useStepper } from './useStepper';

/** The pooling lab: max or average over a window, with stride and TensorFlow's padding rules. */
export function PoolLab() {
  const t = useLearnT();
  const s = useLabStore((st) => st.pool);
  const parsed = parseMatrix(s.input);
  const stride = Number.isFinite(s.stride) ? s.stride : s.size;
  const m = parsed.ok ? parsed.value : null;
  const ph = m ? axisPadding(m.length, s.size, s.padding, stride, 'keras') : null;
  const pw = m ? axisPadding(m[0]!.length, s.size, s.padding, stride, 'keras') : null;
  const count = ph && pw ? ph.outLength * pw.outLength : 0;
  const stepper = useStepper(count, JSON.stringify([s.input, s.kind, s.size, stride, s.padding]));
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
                  {t(`poolPreset.${x.id}` as Parameters<LearnT>[0])}
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
            error={parsed.ok ? null : parseErrorText(t, parsed.error)}
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
          {!m || !ph || !pw ? (
            <Callout tone="warn" testId="lab-error">
              {t('lab.fixInput')}
            </Callout>
          ) : (
            <PoolStage
              m={m}
              options={{ kind: s.kind, poolSize: [s.size, s.size], strides: [stride, stride], padding: s.padding }}
              ph={ph}
              pw={pw}
              stepper={stepper}
            />
          )}
        </div>
      </div>
    </div>
  );
}

function PoolStage(props: {
  m: number[][];
  options: PoolOptions;
  ph: ReturnType<typeof axisPadding>;
  pw: ReturnType<typeof axisPadding>;
  stepper: ReturnType<typeof useStepper>;
}) {
  const t = useLearnT();
  const { m, options, ph, pw, stepper } = props;
  const image = m.map((r) => r.map((v) => [v]));
  const [k] = options.poolSize;
  const [sh] = options.strides ?? options.poolSize;
  const rows = ph.outLength;
  const cols = pw.outLength;
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
  if (rows * cols === 0) {
    return (
      <>
        {head}
        <Callout tone="warn" testId="lab-empty">
          {t('pool.noOutput', { k })}
        </Callout>
      </>
    );
  }
  const row = Math.floor(stepper.index / cols);
  const col = stepper.index % cols;
  const win = poolWindow(image, options, row, col, 0);
  const output = pool2d(image, options);
  const padInWindow = k * k - win.values.length;
  const h = m.length;
  const w = m[0]!.length;
  const top = win.top;
  const left = win.left;
  const cell = Math.max(h + ph.before + ph.after, w + pw.before + pw.after) > 9 ? 30 : 40;
  const maxAt = options.kind === 'max' ? win.values.indexOf(win.result) : -1;
  // Where the maximum sits (the first one, in the order the window is read).
  let maxCell: [number, number] | null = null;
  if (maxAt >= 0) {
    let n = 0;
    for (let r = Math.max(0, top); r < Math.min(h, top + k) && !maxCell; r++) {
      for (let c = Math.max(0, left); c < Math.min(w, left + k); c++) {
        if (n++ === maxAt) {
          maxCell = [r, c];
          break;
        }
      }
    }
  }
  const outputCard = (
    <Card title={t('lab.outputSoFar')}>
      <div className="lx-outmaps" data-testid="lab-output">
        <div className="lx-outgrid" style={{ gridTemplateColumns: `repeat(${cols}, ${cell + 6}px)` }}>
          {output.map((r, i) =>
            r.map((v, j) => {
              const n = i * cols + j;
              const done = n <= stepper.index;
              return (
                <button
                  type="button"
                  key={`${i}-${j}`}
                  className={`lx-cell lx-cell--out${done ? ' is-done' : ''}${n === stepper.index ? ' is-current' : ''}`}
                  style={{ height: cell + 4 }}
                  data-testid={`lab-out-${i}-${j}`}
                  data-value={done ? v[0] : undefined}
                  title={t('lab.jumpTo2d', { r: i, c: j })}
                  onClick={() => stepper.go(n)}
                >
                  {done ? fmt(v[0]!) : ''}
                </button>
              );
            }),
          )}
        </div>
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
            window={{ top: top + ph.before, left: left + pw.before, h: k, w: k }}
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
              {padInWindow > 0
                ? t(options.kind === 'max' ? 'pool.padLeftOutMax' : 'pool.padLeftOutAvg', { n: padInWindow, m: win.values.length })
                : t(options.kind === 'max' ? 'pool.allCountMax' : 'pool.allCountAvg', { m: win.values.length })}
            </p>
          </div>
        </div>
        <StepperBar stepper={stepper} position={t('lab.position2d', { i: stepper.index + 1, n: stepper.count })} />
      </Card>
    </>
  );
}
