import { parseArgs } from 'node:util';
import { BENCH_MODELS, runBench, type BenchModel } from '../../engine/bench';
import { BACKEND_NAMES, type BackendName } from '../../../src-shared/engine/protocol';
import { usage } from '../errors';
import type { CliIo } from '../io';
import { formatCount } from '../../../src-shared/layers/format';
import { threadsOption } from './threads-option';

const DESCRIPTIONS: Record<BenchModel, string> = {
  lecture: 'lecture CNN (28×28×1: Conv2D 10 3×3 same → MaxPool 2 → Flatten → Dense 100 → Dense 10)',
  cifar: '32×32×3 CNN (Conv2D 32 → MaxPool → Conv2D 64 → MaxPool → Flatten → Dense 128 → Dense 10)',
};

/**
 * `bench [--json] [--backend B]… [--model M]… [--threads N]… [--seconds S]`: training samples per
 * second (Adam) of the bench networks on each available backend, batch size and thread count.
 */
export async function benchCommand(argv: string[], io: CliIo): Promise<void> {
  const { out } = io;
  const { values } = parseArgs({
    args: argv,
    options: {
      json: { type: 'boolean', default: false },
      backend: { type: 'string', multiple: true },
      model: { type: 'string', multiple: true },
      threads: { type: 'string', multiple: true },
      seconds: { type: 'string' },
    },
  });
  const backends = values.backend as BackendName[] | undefined;
  for (const b of backends ?? [])
    if (!BACKEND_NAMES.includes(b)) throw usage(`--backend must be one of ${BACKEND_NAMES.join(', ')} (got '${b}')`);
  const models = values.model as BenchModel[] | undefined;
  for (const m of models ?? [])
    if (!BENCH_MODELS.includes(m)) throw usage(`--model must be one of ${BENCH_MODELS.join(', ')} (got '${m}')`);
  const threads = values.threads?.map((t) => threadsOption(t));
  const seconds = values.seconds === undefined ? undefined : Number(values.seconds);
  if (seconds !== undefined && !(seconds > 0)) throw usage(`--seconds must be a positive number (got '${values.seconds}')`);
  let model: BenchModel | undefined;
  for await (const r of runBench({
    ...(backends ? { backends } : {}),
    ...(models ? { models } : {}),
    ...(threads ? { threads } : {}),
    ...(seconds ? { seconds } : {}),
  })) {
    if (values.json) {
      const { backend, batchSize, samplesPerSec } = r;
      out(JSON.stringify({ backend, batchSize, threads: r.threads, model: r.model, samplesPerSec: Math.round(samplesPerSec * 10) / 10 }));
      continue;
    }
    if (r.model !== model) {
      model = r.model;
      out(`Training throughput (Adam) of the ${DESCRIPTIONS[model]}:`);
    }
    const t = `${r.threads} thread${r.threads === 1 ? ' ' : 's'}`;
    out(
      `  ${r.backend.padEnd(10)} batch ${String(r.batchSize).padStart(4)}  ${t.padStart(10)}  ${formatCount(r.samplesPerSec).padStart(7)} samples/s  (${r.steps} steps in ${r.seconds.toFixed(1)} s)`,
    );
  }
}
