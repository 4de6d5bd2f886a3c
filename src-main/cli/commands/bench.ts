import { parseArgs } from 'node:util';
import { runBench } from '../../engine/bench';
import { BACKEND_NAMES, type BackendName } from '../../../src-shared/engine/protocol';
import { usage } from '../errors';
import type { CliIo } from '../io';
import { formatCount } from '../../../src-shared/layers/format';

/** `bench [--json] [--backend B] [--seconds S]`: training samples per second of the lecture CNN on each available backend. */
export async function benchCommand(argv: string[], io: CliIo): Promise<void> {
  const { out } = io;
  const { values } = parseArgs({
    args: argv,
    options: { json: { type: 'boolean', default: false }, backend: { type: 'string', multiple: true }, seconds: { type: 'string' } },
  });
  const backends = values.backend as BackendName[] | undefined;
  for (const b of backends ?? [])
    if (!BACKEND_NAMES.includes(b)) throw usage(`--backend must be one of ${BACKEND_NAMES.join(', ')} (got '${b}')`);
  const seconds = values.seconds === undefined ? undefined : Number(values.seconds);
  if (seconds !== undefined && !(seconds > 0)) throw usage(`--seconds must be a positive number (got '${values.seconds}')`);
  if (!values.json) out('Training throughput of the lecture CNN (Conv2D 10 3×3 same → MaxPool 2 → Flatten → Dense 100 → Dense 10, Adam):');
  for await (const r of runBench({ ...(backends ? { backends } : {}), ...(seconds ? { seconds } : {}) })) {
    if (values.json)
      out(JSON.stringify({ backend: r.backend, batchSize: r.batchSize, samplesPerSec: Math.round(r.samplesPerSec * 10) / 10 }));
    else
      out(
        `  ${r.backend.padEnd(10)} batch ${String(r.batchSize).padStart(4)}  ${formatCount(r.samplesPerSec).padStart(7)} samples/s  (${r.steps} steps in ${r.seconds.toFixed(1)} s)`,
      );
  }
}
