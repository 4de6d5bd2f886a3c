import { useMemo, type ReactNode } from 'react';
import type { Conv2DParams } from '../../src-shared/layers/conv2d';
import type { PoolingParams } from '../../src-shared/layers/pooling';
import type { GraphNode } from '../../src-shared/graph/schema';
import type { GraphAnalysis, NodeReport } from '../../src-shared/graph/analyze';
import { analysisOf } from '../store/analysis';
import { useProjectStore } from '../store/project-store';
import { shownSnapshot, useInspectStore, type Snapshot } from '../inspect/inspect-store';
import { Callout } from './controls';
import { demoFeatureMaps, demoKernel, demoSample, propagateDemo, type Tensor } from './demo';
import { ExplainLayer, type ExplainKind, type ExplainLayerProps } from './ExplainLayer';
import { demoInput, singleInbound, trainedNumbers } from './explain-source';
import { setExplainNode, useLearnStore } from './learn-store';
import { useLearnT, type LearnT } from './strings';

const KINDS: readonly string[] = ['Conv2D', 'MaxPooling2D', 'AveragePooling2D'];

function isExplainable(n: GraphNode): boolean {
  return KINDS.includes(n.kind);
}

type Data = Pick<ExplainLayerProps, 'input' | 'kernel' | 'bias' | 'output'> & { readonly source: ReactNode };

/** The numbers from the shown inspection of the trained model, if they fit the layer as it is now. */
function trainedData(
  snapshot: Snapshot | undefined,
  report: NodeReport,
  from: NodeReport | undefined,
  t: LearnT,
): Data | { mismatch: true } | null {
  if (!snapshot) return null;
  const numbers = trainedNumbers(snapshot.inspection, report, from);
  if (numbers === null) return null;
  if (numbers === 'mismatch') return { mismatch: true };
  const source = (
    <>
      <span className="lx-srcbadge lx-srcbadge--trained">{t('explain.trained')}</span>
      {snapshot.epoch > 0 ? t('explain.trainedBody', { epoch: snapshot.epoch }) : t('explain.initialBody')}
    </>
  );
  return { ...numbers, source };
}

function demoData(node: GraphNode, report: NodeReport, analysis: GraphAnalysis, t: LearnT, mismatch: boolean): Data {
  const [h, w, c] = report.inputShape as [number, number, number];
  const plan = demoInput(analysis, node.id);
  let input: Tensor | null = null;
  let propagated = false;
  if (plan.kind === 'sample') input = demoSample(h, w, c);
  else if (plan.kind === 'propagate') {
    // The synthetic sample through the layers before this one, with their demo kernels.
    const shape = analysis.nodes.get(plan.path[0]!)?.output?.shape;
    const before = plan.path.slice(1).map((id) => analysis.nodes.get(id));
    if (shape?.length === 3 && before.every((r) => r?.params !== undefined)) {
      const [ih, iw, ic] = shape as [number, number, number];
      const out = propagateDemo(
        demoSample(ih, iw, ic),
        before.map((r) => ({ kind: r!.kind, name: r!.name, params: r!.params })),
      );
      if (out && out.shape.join() === `${h},${w},${c}`) {
        input = out;
        propagated = true;
      }
    }
  }
  input ??= demoFeatureMaps(h, w, c);
  let kernel: Tensor | undefined;
  let bias: Float32Array | undefined;
  if (node.kind === 'Conv2D') {
    const p = report.params as Conv2DParams;
    kernel = demoKernel(p.kernel_size[0], p.kernel_size[1], c, p.filters, node.name);
    bias = new Float32Array(p.filters);
  }
  // Past a merge the demo cannot follow the branches: it says so, naming the merge.
  const inputWords =
    plan.kind === 'sample'
      ? t('explain.demoSample')
      : propagated
        ? t('explain.demoPropagated')
        : plan.kind === 'maps' && plan.merge
          ? t('explain.demoAfterMerge', { merge: plan.merge })
          : t('explain.demoMaps');
  const source = (
    <>
      <span className="lx-srcbadge lx-srcbadge--demo">{t('explain.demo')}</span>
      {mismatch ? `${t('explain.changed')} ` : ''}
      {node.kind === 'Conv2D' ? t('explain.demoKernel') : ''} <span data-testid="explain-demo-input">{inputWords}</span>{' '}
      {t('explain.demoTrain')}
    </>
  );
  return { input, kernel, bias, source };
}

/**
 * "Explain this layer" for the project on the canvas: the chosen (or selected) Conv2D or pooling
 * layer, on the trained model's numbers when an inspection of it exists, else on a demo.
 */
export function ExplainTab() {
  const t = useLearnT();
  const graph = useProjectStore((s) => s.project.graph);
  const selected = useProjectStore((s) => s.selection.nodes);
  const chosen = useLearnStore((s) => s.explainNode);
  const snapshot = useInspectStore(shownSnapshot);
  const analysis = analysisOf(graph);
  const order = new Map(analysis.order.map((id, i) => [id, i]));
  const eligible = graph.nodes.filter(isExplainable).sort((a, b) => (order.get(a.id) ?? 1e9) - (order.get(b.id) ?? 1e9));
  const selectedEligible = selected.length === 1 ? eligible.find((n) => n.id === selected[0]) : undefined;
  const node = eligible.find((n) => n.id === chosen) ?? selectedEligible ?? eligible[0];
  const report = node ? analysis.nodes.get(node.id) : undefined;

  const data = useMemo(() => {
    if (!node || !report?.params || !report.inputShape || report.inputShape.length !== 3) return null;
    // On a branch or after a merge alike, the input is the map of the one node feeding this layer.
    const trained = trainedData(snapshot, report, singleInbound(analysis, node.id), t);
    if (trained && !('mismatch' in trained)) return trained;
    return demoData(node, report, analysis, t, !!trained);
  }, [node, report, snapshot, t, analysis]);

  return (
    <div className="lx-learn-page" data-testid="learn-panel-explain">
      <div className="lx-learn-page__intro">
        <p className="lx-learn-page__lead">
          <strong>{t('explain.what')}</strong> {t('explain.whatBody')}
        </p>
      </div>
      {eligible.length === 0 ? (
        <Callout tone="warn" testId="explain-none">
          {t('explain.none')}
        </Callout>
      ) : (
        <>
          <div className="lx-layerpick" role="group" aria-label={t('explain.pick')} data-testid="explain-picker">
            <span className="lx-layerpick__label">{t('explain.pick')}</span>
            {eligible.map((n) => (
              <button
                type="button"
                key={n.id}
                className={`lx-chip-btn group-${n.kind === 'Conv2D' ? 'convolution' : 'pooling'}${n.id === node?.id ? ' is-on' : ''}`}
                aria-pressed={n.id === node?.id}
                data-testid={`explain-pick-${n.name}`}
                onClick={() => setExplainNode(n.id)}
              >
                <span className="lx-chip-btn__dot" />
                {n.name}
                <span className="lx-chip-btn__kind">{n.kind}</span>
              </button>
            ))}
          </div>
          {!node || !report ? null : !data ? (
            <Callout tone="warn" testId="explain-problem">
              {t('explain.fixLayer', { name: node.name })}
            </Callout>
          ) : (
            <ExplainLayer
              key={node.id}
              layerName={node.name}
              kind={node.kind as ExplainKind}
              params={report.params as Conv2DParams | PoolingParams}
              {...data}
            />
          )}
        </>
      )}
    </div>
  );
}
