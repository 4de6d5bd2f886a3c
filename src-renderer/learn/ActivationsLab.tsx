import { memo, useMemo, useState } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ReferenceDot, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { ACTIVATIONS, type ActivationName } from '../../src-shared/layers/params';
import { ACTIVATION_FUNCTIONS, sampleActivation } from '../../src-shared/learn/activations';
import { Card } from './controls';
import { fmt } from './format';
import { useLearnT } from './strings';

const F = '#4f46e5';
const DF = '#dc6803';
const TANH = '#0e9384';
const RELU = '#c11574';
const AXIS = { fontSize: 11, fill: '#5d6679' };
const TICKS = [-6, -4, -2, 0, 2, 4, 6];

/** Formulas as the lecture writes them (the same in both languages). */
const FORMULAS: Record<ActivationName, { f: string; df: string }> = {
  linear: { f: 'f(x) = x', df: 'f′(x) = 1' },
  relu: { f: 'f(x) = max(0, x)', df: 'f′(x) = 0 (x < 0), 1 (x > 0)' },
  relu6: { f: 'f(x) = min(max(0, x), 6)', df: 'f′(x) = 1 (0 < x < 6), 0 (x < 0, x > 6)' },
  elu: { f: 'f(x) = x (x > 0), eˣ − 1 (x ≤ 0)', df: 'f′(x) = 1 (x > 0), eˣ (x ≤ 0)' },
  selu: { f: 'f(x) = λx (x > 0), λα(eˣ − 1)', df: 'λ ≈ 1.0507, α ≈ 1.6733' },
  sigmoid: { f: 'σ(x) = 1 / (1 + e⁻ˣ)', df: 'σ′(x) = σ(x)(1 − σ(x)) ≤ 0.25' },
  hard_sigmoid: { f: 'f(x) = clip(0.2x + 0.5, 0, 1)', df: 'f′(x) = 0.2 (|x| < 2.5), 0 (|x| > 2.5)' },
  tanh: { f: 'tanh(x) = 2·sigmoid(2x) − 1', df: 'tanh′(x) = (1 − tanh x)(1 + tanh x)' },
  softmax: { f: 'softmax(x)ᵢ = eˣⁱ / Σⱼ eˣʲ', df: 'softmax([x, 0])₀ = σ(x)' },
  softplus: { f: 'f(x) = ln(1 + eˣ)', df: 'f′(x) = σ(x)' },
  softsign: { f: 'f(x) = x / (1 + |x|)', df: 'f′(x) = 1 / (1 + |x|)²' },
  swish: { f: 'f(x) = x·σ(x)', df: 'f′(x) = σ(x) + x·σ(x)(1 − σ(x))' },
  mish: { f: 'f(x) = x·tanh(sp(x)), sp = softplus', df: 'f′(x) = tanh(sp) + x·sech²(sp)·σ(x)' },
  gelu: { f: 'f(x) = x·Φ(x)', df: 'f′(x) = Φ(x) + x·φ(x)' },
};

const SMALL_SAMPLES = 121;

const ActivationChart = memo(function ActivationChart({
  name,
  fLabel,
  dfLabel,
}: {
  name: ActivationName;
  fLabel: string;
  dfLabel: string;
}) {
  const data = useMemo(() => sampleActivation(name, -6, 6, SMALL_SAMPLES), [name]);
  return (
    <LineChart responsive data={data} style={{ width: '100%', height: 150 }} margin={{ top: 6, right: 10, bottom: 0, left: -4 }}>
      <CartesianGrid stroke="#eef0f3" />
      <XAxis dataKey="x" type="number" domain={[-6, 6]} ticks={TICKS} tick={AXIS} />
      <YAxis tick={AXIS} width={40} domain={['auto', 'auto']} tickFormatter={(v: number) => fmt(Math.round(v * 100) / 100)} />
      <ReferenceLine x={0} stroke="#d0d5dd" />
      <ReferenceLine y={0} stroke="#d0d5dd" />
      <Tooltip
        isAnimationActive={false}
        formatter={(v) => (typeof v === 'number' ? fmt(Math.round(v * 1e4) / 1e4) : String(v))}
        labelFormatter={(l) => `x = ${String(l)}`}
      />
      <Line type="linear" dataKey="y" name={fLabel} stroke={F} strokeWidth={2} dot={false} isAnimationActive={false} />
      <Line
        type="linear"
        dataKey="dy"
        name={dfLabel}
        stroke={DF}
        strokeWidth={2}
        strokeDasharray="5 3"
        dot={false}
        isAnimationActive={false}
      />
    </LineChart>
  );
});

/** Sigmoid, tanh and ReLU derivatives together, with σ′'s maximum 0.25 at x = 0 marked. */
const DerivativesChart = memo(function DerivativesChart({
  labels,
}: {
  labels: { s: string; ds: string; dt: string; dr: string; max: string };
}) {
  const data = useMemo(() => {
    const s = sampleActivation('sigmoid');
    const th = sampleActivation('tanh');
    const re = sampleActivation('relu');
    return s.map((p, i) => ({ x: p.x, s: p.y, ds: p.dy, dt: th[i]!.dy, dr: re[i]!.dy }));
  }, []);
  return (
    <LineChart responsive data={data} style={{ width: '100%', height: 400 }} margin={{ top: 16, right: 20, bottom: 4, left: -8 }}>
      <CartesianGrid stroke="#eef0f3" />
      <XAxis dataKey="x" type="number" domain={[-6, 6]} ticks={TICKS} tick={AXIS} />
      <YAxis tick={AXIS} width={44} domain={[0, 1.05]} ticks={[0, 0.25, 0.5, 0.75, 1]} />
      <Tooltip
        isAnimationActive={false}
        formatter={(v) => (typeof v === 'number' ? fmt(Math.round(v * 1e4) / 1e4) : String(v))}
        labelFormatter={(l) => `x = ${String(l)}`}
      />
      <Legend wrapperStyle={{ fontSize: 12 }} iconSize={10} />
      <ReferenceLine y={0.25} stroke={DF} strokeDasharray="3 3" />
      <Line
        type="linear"
        dataKey="s"
        name={labels.s}
        stroke={F}
        strokeOpacity={0.35}
        strokeWidth={2}
        dot={false}
        isAnimationActive={false}
      />
      <Line type="linear" dataKey="ds" name={labels.ds} stroke={DF} strokeWidth={3} dot={false} isAnimationActive={false} />
      <Line
        type="linear"
        dataKey="dt"
        name={labels.dt}
        stroke={TANH}
        strokeWidth={2}
        strokeDasharray="6 3"
        dot={false}
        isAnimationActive={false}
      />
      <Line type="stepAfter" dataKey="dr" name={labels.dr} stroke={RELU} strokeWidth={2} dot={false} isAnimationActive={false} />
      <ReferenceDot
        x={0}
        y={0.25}
        r={6}
        fill={DF}
        stroke="#fff"
        strokeWidth={2}
        label={{ value: labels.max, position: 'top', fill: '#b54708', fontSize: 12, fontWeight: 600, offset: 10 }}
      />
    </LineChart>
  );
});

/** Plots of every activation of the palette with its derivative, and the vanishing gradient. */
export function ActivationsLab() {
  const t = useLearnT();
  const [depth, setDepth] = useState(10);
  const sig = 0.25 ** depth;
  const tanhTypical = ACTIVATION_FUNCTIONS.tanh.df(1) ** depth;
  return (
    <div className="lx-learn-page" data-testid="learn-panel-activations">
      <div className="lx-learn-page__intro">
        <p className="lx-learn-page__lead">
          <strong>{t('act.what')}</strong> {t('act.whatBody')}
        </p>
      </div>
      <div className="lx-act-hero">
        <Card title={t('act.heroTitle')} className="lx-act-hero__chart" testId="act-derivatives">
          <div data-testid="act-sigmoid-max" data-x={0} data-y={0.25}>
            <DerivativesChart labels={{ s: 'σ(x)', ds: 'σ′(x)', dt: 'tanh′(x)', dr: 'ReLU′(x)', max: t('act.maxLabel') }} />
          </div>
        </Card>
        <Card title={t('act.vanishTitle')} className="lx-act-hero__text" testId="act-vanishing">
          <p>{t('act.vanish1')}</p>
          <p>{t('act.vanish2')}</p>
          <p>{t('act.vanish3')}</p>
          <div className="lx-depth">
            <label className="lx-depth__label" htmlFor="act-depth">
              {t('act.depth', { n: depth })}
            </label>
            <input
              id="act-depth"
              type="range"
              min={1}
              max={20}
              value={depth}
              data-testid="act-depth"
              onChange={(e) => setDepth(Number(e.target.value))}
            />
            <DepthBar label={t('act.depthSigmoid', { n: depth })} value={sig} tone="sig" testId="act-depth-sigmoid" />
            <DepthBar label={t('act.depthTanh', { n: depth })} value={tanhTypical} tone="tanh" testId="act-depth-tanh" />
            <DepthBar label={t('act.depthRelu', { n: depth })} value={1} tone="relu" testId="act-depth-relu" />
          </div>
        </Card>
      </div>
      <h3 className="lx-act-grid__title">{t('act.allTitle')}</h3>
      <div className="lx-act-grid">
        {ACTIVATIONS.map((name) => (
          <Card
            key={name}
            testId={`act-${name}`}
            title={<span className="mono">{name}</span>}
            aside={
              <span className="lx-act-legend">
                <i style={{ background: F }} /> f <i className="dash" style={{ borderColor: DF }} /> f′
              </span>
            }
          >
            <ActivationChart name={name} fLabel="f(x)" dfLabel="f′(x)" />
            <div className="lx-act-formula mono">{FORMULAS[name].f}</div>
            <div className="lx-act-formula lx-act-formula--d mono">{FORMULAS[name].df}</div>
            <p className="lx-act-note">{t(`actNote.${name}`)}</p>
          </Card>
        ))}
      </div>
    </div>
  );
}

/** One factor product on a log scale: full width = 1, empty = 10⁻¹². */
function DepthBar({ label, value, tone, testId }: { label: string; value: number; tone: 'sig' | 'tanh' | 'relu'; testId: string }) {
  const width = Math.max(0, Math.min(1, 1 + Math.log10(Math.max(value, 1e-12)) / 12));
  return (
    <div className="lx-depthbar" data-testid={testId} data-value={value}>
      <div className="lx-depthbar__label">
        <span>{label}</span>
        <strong>{value >= 0.001 ? fmt(Math.round(value * 1e4) / 1e4) : value.toExponential(1)}</strong>
      </div>
      <div className="lx-depthbar__track">
        <div className={`lx-depthbar__fill lx-depthbar__fill--${tone}`} style={{ width: `${width * 100}%` }} />
      </div>
    </div>
  );
}
