/**
 * Prints how long validating and summarising a 1,000-layer chain and a 1,000-node graph with 300
 * merges take (run: `npm run bench:summary`). Figures only; nothing is asserted about time.
 */
import { analyzeGraph } from '../../src-shared/graph/analyze';
import { issueText } from '../../src-shared/i18n/issue-text';
import { graphFromLayers, type RawLayer } from '../../src-shared/graph/network';
import { summarize } from '../../src-shared/summary/summary';
import type { Graph } from '../../src-shared/graph/schema';

/** The chain of today's benchmark: Conv2D, BatchNormalization, Activation, Dropout repeated. */
function chain(): Graph {
  const layers: RawLayer[] = [{ kind: 'InputLayer', params: { shape: [16, 16, 8] } }];
  const cycle: RawLayer[] = [
    { kind: 'Conv2D', params: { filters: 8, kernel_size: 3, padding: 'same', activation: 'relu' } },
    { kind: 'BatchNormalization', params: {} },
    { kind: 'Activation', params: { activation: 'relu' } },
    { kind: 'Dropout', params: { rate: 0.1 } },
  ];
  while (layers.length < 998) layers.push(cycle[(layers.length - 1) % cycle.length]!);
  layers.push({ kind: 'Flatten', params: {} }, { kind: 'Dense', params: { units: 10, activation: 'softmax' } });
  return graphFromLayers(layers);
}

/**
 * 300 residual blocks, x → Conv2D ×2 (×3 in the first 97) → Add(x, ·), then the head: 1,000
 * nodes with 300 merges.
 */
function residual(): Graph {
  const layers: RawLayer[] = [{ kind: 'InputLayer', name: 'input', params: { shape: [16, 16, 8] } }];
  const conv = (name: string, inbound: string): RawLayer => ({
    kind: 'Conv2D',
    name,
    params: { filters: 8, kernel_size: 3, padding: 'same', activation: 'relu' },
    inbound: [inbound],
  });
  let x = 'input';
  for (let b = 0; b < 300; b++) {
    let y = x;
    for (let k = 0; k < (b < 97 ? 3 : 2); k++) {
      layers.push(conv(`b${b}_conv${k}`, y));
      y = `b${b}_conv${k}`;
    }
    layers.push({ kind: 'Add', name: `b${b}_add`, params: {}, inbound: [x, y] });
    x = `b${b}_add`;
  }
  layers.push(
    { kind: 'GlobalAveragePooling2D', name: 'pool', params: {}, inbound: [x] },
    { kind: 'Dense', name: 'out', params: { units: 10, activation: 'softmax' }, inbound: ['pool'] },
  );
  return graphFromLayers(layers);
}

/** Times validation and summary of `graph` over 100 runs and prints the figures. */
function bench(what: string, graph: Graph): void {
  const run = () => {
    const analysis = analyzeGraph(graph);
    const summary = summarize(analysis);
    if (!summary) throw new Error(analysis.issues[0] ? issueText('en', analysis.issues[0]) : 'invalid');
    return summary;
  };
  for (let i = 0; i < 20; i++) run();
  const times: number[] = [];
  for (let i = 0; i < 100; i++) {
    const t = performance.now();
    run();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  const summary = run();
  const merges = graph.nodes.filter((n) => n.kind === 'Add').length;
  console.log(
    `validate + summarise ${what}: ${graph.nodes.length} nodes, ${merges} merges, ${summary.totalParams.toLocaleString('en-US')} params, 100 runs:`,
  );
  console.log(`  median ${at(0.5).toFixed(2)} ms, p95 ${at(0.95).toFixed(2)} ms, max ${at(1).toFixed(2)} ms — a 60 Hz frame is 16.7 ms`);
}

bench('a chain', chain());
bench('a residual graph', residual());
