import { parseArgs } from 'node:util';
import { readFile } from 'node:fs/promises';
import { BACKEND_NAMES, type BackendName } from '../../../src-shared/engine/protocol';
import { classNameText } from '../../../src-shared/i18n/class-names';
import { shorten } from '../../../src-shared/i18n/format';
import { loadPredictor, TrainedModelError, type ClassScore } from '../../engine/predict';
import { UnusablePictureError } from '../../engine/data/image-decode';
import { CliError, usage } from '../errors';
import { resolveFrom, type CliIo } from '../io';

const USAGE = 'usage: predict <trained-dir> <image files…> [--top K] [--backend tensorflow|wasm|cpu] [--json]';

const pct = (p: number) => `${(p * 100).toFixed(2)}%`;

/** `predict <trained-dir> <images…>`: the most likely classes of each picture, as the model exported by `train --out` sees it. */
export async function predictCommand(argv: string[], io: CliIo): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { json: { type: 'boolean', default: false }, top: { type: 'string' }, backend: { type: 'string' } },
  });
  const [dir, ...files] = positionals;
  if (!dir || files.length === 0) throw usage(USAGE);
  const top = values.top === undefined ? 5 : Number(values.top);
  if (!Number.isInteger(top) || top < 1) throw usage(`--top must be a whole number ≥ 1 (got '${values.top}')`);
  const backend = values.backend as BackendName | undefined;
  if (backend !== undefined && !BACKEND_NAMES.includes(backend))
    throw usage(`--backend must be one of ${BACKEND_NAMES.join(', ')} (got '${backend}')`);

  const predictor = await loadPredictor(resolveFrom(io, dir), backend ?? 'auto').catch((e: unknown) => {
    throw e instanceof TrainedModelError ? new CliError(e.message) : e;
  });
  // Known datasets' class names in English words; a folder's own names as they are.
  const name = (s: ClassScore) => (predictor.dataset.classNamesWorded ? classNameText('en', s.name) : s.name);
  let failed = 0;
  try {
    for (const file of files) {
      let scores: ClassScore[];
      try {
        scores = await predictor.predict(new Uint8Array(await readFile(resolveFrom(io, file))), top);
      } catch (e) {
        if (!(e instanceof UnusablePictureError) && !(e as NodeJS.ErrnoException).code) throw e;
        failed++;
        const why = e instanceof UnusablePictureError ? e.message : `cannot be read (${shorten((e as NodeJS.ErrnoException).code ?? '')})`;
        io.err(`convas: ${shorten(file)}: ${why}`);
        continue;
      }
      const best = scores[0]!;
      if (values.json) {
        io.out(
          JSON.stringify({
            file,
            class: name(best),
            probability: best.probability,
            top: scores.map((s) => ({ class: name(s), index: s.index, probability: s.probability })),
          }),
        );
      } else {
        io.out(`${file}: ${name(best)} (${pct(best.probability)})`);
        const width = Math.max(...scores.map((s) => name(s).length));
        for (const s of scores) io.out(`  ${name(s).padEnd(width)}  ${pct(s.probability).padStart(7)}`);
      }
    }
  } finally {
    predictor.dispose();
  }
  if (failed > 0) throw new CliError(`${failed} of ${files.length} file${files.length === 1 ? '' : 's'} could not be classified`);
}
