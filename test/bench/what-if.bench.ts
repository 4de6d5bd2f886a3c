/**
 * Prints how long the inspector's what-if strip takes to compute for a selected layer of a
 * 300-layer network (run: `npx tsx test/bench/what-if.bench.ts`), against one full analysis and
 * summary of the same graph. Figures only; nothing is asserted about time.
 */
import { analyzeGraph } from '../../src-shared/graph/analyze';
import { graphFromLayers, type RawLayer } from '../../src-shared/graph/network';
import type { Graph } from '../../src-shared/graph/schema';
import { summarize } from '../../src-shared/summary/summary';
import { whatIfsOf } from '../../src-shared/what-if/what-if';

/** 300 layers: blocks of Conv2D, BatchNormalization, MaxPooling2D (stride 1, same) and Dropout, then Flatten and two Dense. */
function network(): Graph {
  const layers: RawLayer[] = [{ kind: 'InputLayer', params: { shape: [32, 32, 3] } }];
  const block: RawLayer[] = [
    { kind: 'Conv2D', params: { filters: 16, kernel_size: 3, padding: 'same', activation: 'relu' } },
    { kind: 'BatchNormalization', params: {} },
    { kind: 'MaxPooling2D', params: { pool_size: 3, strides: 1, padding: 'same' } },
    { kind: 'Dropout', params: { rate: 0.1 } },
  ];
  while (layers.length < 296) layers.push(block[(layers.length - 1) % block.length]!);
  layers.push(
    { kind: 'Flatten', params: {} },
    { kind: 'Dense', params: { units: 64, activation: 'relu' } },
    { kind: 'Dropout', params: { rate: 0.5 } },
    { kind: 'Dense', params: { units: 10, activation: 'softmax' } },
  );
  return graphFromLayers(layers);
}

/** Median and 95th percentile of `f` over 100 runs after 20 warm-up runs, in milliseconds. */
function time(f: () => unknown): { median: number; p95: number } {
  for (let i = 0; i < 20; i++) f();
  const times: number[] = [];
  for (let i = 0; i < 100; i++) {
    const t = performance.now();
    f();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { median: times[50]!, p95: times[95]! };
}

const graph = network();
const analysis = analyzeGraph(graph);
const summary = summarize(analysis)!;
const ms = (x: { median: number; p95: number }) => `median ${x.median.toFixed(2)} ms, p95 ${x.p95.toFixed(2)} ms`;
console.log(`${graph.nodes.length} layers, ${summary.totalParams.toLocaleString('en-US')} params`);
console.log(`  full analysis + summary (what the canvas already pays per edit): ${ms(time(() => summarize(analyzeGraph(graph))))}`);
for (const name of ['conv2d', 'max_pooling2d', 'dropout', 'conv2d_73', 'dense']) {
  const node = graph.nodes.find((n) => n.name === name)!;
  const list = whatIfsOf(graph, analysis, summary, node.id);
  console.log(`  what-if of ${name} (${list.length} alternatives): ${ms(time(() => whatIfsOf(graph, analysis, summary, node.id)))}`);
}
