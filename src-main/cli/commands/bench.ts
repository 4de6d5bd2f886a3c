import { parseArgs } from 'node:util';
import { BENCH_MODELS, runBench, type BenchModel } from '../../engine/bench';
import { BACKEND_NAMES, type BackendName } from '../../../src-shared/engine/protocol';
import { usage } from '../errors';
import type { CliIo } from '../io';
import { formatCount } from '../../../src-shared/layers/format';

const HEADINGS: Readonly<Record<BenchModel, string>> = {
  'lecture-cnn':
    'Training throughput of the lecture CNN on 28×28×1 (Conv2D 10 3×3 same → MaxPool 2 → Flatten → Dense 100 → Dense 10, Adam):',
  'cifar-cnn':
    'Training throughput of the CIFAR-10 tutorial CNN on 32×32×3 (Conv2D 32 → MaxPool → Conv2D 64 → MaxPool → Conv2D 64 → Dense 64 → Dense 10, Adam):',
};

/** `bench [--json] [--backend B] [--seconds S] [--model M]`: training samples per second of the lecture CNN and a 32×32×3 CNN on each available backend. */
export async function benchCommand(argv: string[], io: CliIo): Promise<void> {
  const { out } = io;
  const { values } = parseArgs({
    args: argv,
    options: {
      json: { type: 'boolean', default: false },
      backend: { type: 'string', multiple: true },
      seconds: { type: 'string' },
      model: { type: 'string', multiple: true },
    },
  });
  const models = values.model as BenchModel[] | undefined;
  for (const m of models ?? [])
    if (!BENCH_MODELS.includes(m)) throw usage(`--model must be one of ${BENCH_MODELS.join(', ')} (got '${m}')`);
  const backends = values.backend as BackendName[] | undefined;
  for (const b of backends ?? [])
    if (!BACKEND_NAMES.includes(b)) throw usage(`--backend must be one of ${BACKEND_NAMES.join(', ')} (got '${b}')`);
  const seconds = values.seconds === undefined ? undefined : Number(values.seconds);
  if (seconds !== undefined && !(seconds > 0)) throw usage(`--seconds must be a positive number (got '${values.seconds}')`);
  let shown: BenchModel | undefined;
  for await (const r of runBench({ ...(backends ? { backends } : {}), ...(seconds ? { seconds } : {}), ...(models ? { models } : {}) })) {
    if (!values.json && r.model !== shown) {
      shown = r.model;
      out(HEADINGS[r.model]);
    }
    if (values.json)
      out(
        JSON.stringify({
          model: r.model,
          backend: r.backend,
          batchSize: r.batchSize,
          samplesPerSec: Math.round(r.samplesPerSec * 10) / 10,
        }),
      );
    else
      out(
        `  ${r.backend.padEnd(10)} batch ${String(r.batchSize).padStart(4)}  ${formatCount(r.samplesPerSec).padStart(7)} samples/s  (${r.steps} steps in ${r.seconds.toFixed(1)} s)`,
      );
  }
}
