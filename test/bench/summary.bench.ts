/**
 * Prints how long validating and summarising a 1,000-layer chain takes (run:
 * `npm run bench:summary`). Figures only; nothing is asserted about time.
 */
import { analyzeGraph } from '../../src-shared/graph/analyze';
import { issueText } from '../../src-shared/i18n/issue-text';
import { graphFromLayers, type RawLayer } from '../../src-shared/graph/network';
import { summarize } from '../../src-shared/summary/summary';

const layers: RawLayer[] = [{ kind: 'InputLayer', params: { shape: [16, 16, 8] } }];
const cycle: RawLayer[] = [
  { kind: 'Conv2D', params: { filters: 8, kernel_size: 3, padding: 'same', activation: 'relu' } },
  { kind: 'BatchNormalization', params: {} },
  { kind: 'Activation', params: { activation: 'relu' } },
  { kind: 'Dropout', params: { rate: 0.1 } },
];
while (layers.length < 998) layers.push(cycle[(layers.length - 1) % cycle.length]!);
layers.push({ kind: 'Flatten', params: {} }, { kind: 'Dense', params: { units: 10, activation: 'softmax' } });
const graph = graphFromLayers(layers);

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
console.log(`validate + summarise a ${graph.nodes.length}-layer chain (${summary.totalParams.toLocaleString('en-US')} params), 100 runs:`);
console.log(`  median ${at(0.5).toFixed(2)} ms, p95 ${at(0.95).toFixed(2)} ms, max ${at(1).toFixed(2)} ms — a 60 Hz frame is 16.7 ms`);
