/**
 * The engine's events in the user's language: an error from its `reason` code and values, the
 * backend line from `backendChoice`, the data line from `origin`. An event without the codes (an
 * older engine) falls back to its English text, so nothing is ever left blank.
 */
import { translator, type Translator } from '../../src-shared/i18n/catalog';
import type { Language } from '../../src-shared/i18n/language';
import {
  BACKEND_NAMES,
  type BackendChoiceWords,
  type BackendName,
  type DataOrigin,
  type EngineErrorReason,
  type EngineEventOf,
} from '../../src-shared/engine/protocol';
import { DATASETS } from '../../src-shared/project/training';
import { memoryBudgetText } from '../../src-shared/i18n/memory-text';
import { formatNumber } from '../../src-shared/i18n/format';

export type EngineT = Translator<'engine'>;

/** What the wording of an error needs from an error event (or a stored problem). */
export interface ErrorWords {
  readonly message: string;
  readonly reason?: EngineErrorReason | undefined;
}

/** An engine error in one sentence of the user's language. */
export function engineErrorText(language: Language, error: ErrorWords): string {
  const t = translator(language, 'engine');
  const r = error.reason;
  if (!r) return error.message;
  switch (r.code) {
    case 'dataset':
      return t(`error.dataset.${r.values.problem}`, { name: r.values.name ?? '' });
    case 'bad-image':
      return t(`error.bad-image.${r.values.reason}`);
    case 'open-model': {
      const { problem, ...values } = r.values;
      return t(`error.open-model.${problem}`, values);
    }
    case 'non-finite-loss':
      // The learning rate as the user typed it (0.0001 must not round to 0).
      return t('error.non-finite-loss', { ...r.values, learningRate: String(r.values.learningRate) });
    case 'memory-budget':
      // Sizes and counts past 2^53 are worded approximately, in the translator's language.
      return memoryBudgetText(language, r.values);
    default:
      return t(`error.${r.code}`, r.values);
  }
}

/** Why this backend: how it was chosen, what it runs on, and which faster ones were skipped. */
export function backendLine(
  t: EngineT,
  ready: { readonly backend: string; readonly backendReason: string; readonly backendChoice?: BackendChoiceWords | undefined },
): string {
  const choice = ready.backendChoice;
  if (!choice || !isBackend(ready.backend)) return ready.backendReason;
  const runtime = t(ready.backend === 'wasm' && choice.simd ? 'backend.runtime.wasm-simd' : `backend.runtime.${ready.backend}`);
  const head = choice.choice === 'fastest' ? t('backend.fastest', { runtime }) : t('backend.requested', { runtime });
  const skipped = choice.skipped.map((s) => t(`backend.skipped.${s.cause}`, { backend: s.backend }));
  return [head, ...skipped].join('; ');
}

/** Which dataset, and where its files came from. */
export function dataLine(
  t: EngineT,
  dataset: { readonly name: string; readonly source: string; readonly origin?: DataOrigin | undefined },
): string {
  const origin = dataset.origin;
  if (!origin || !isDataset(dataset.name)) return dataset.source;
  const name = t(`data.dataset.${dataset.name}`);
  if (origin.source === 'sample' && dataset.name !== 'sample')
    return t('data.fallback', { sample: t('data.dataset.sample'), dataset: name });
  return t(`data.from.${origin.source}`, { dataset: name });
}

const isBackend = (name: string): name is BackendName => (BACKEND_NAMES as readonly string[]).includes(name);
const isDataset = (name: string): name is (typeof DATASETS)[number] => (DATASETS as readonly string[]).includes(name);

/** Megabytes with one decimal, for download progress. */
function megabytes(language: Language, bytes: number): string {
  return `${formatNumber(language, bytes / 1e6, 1)} MB`;
}

/** What the engine is doing while the dataset loads, e.g. "Decoding 12,345 / 50,000 pictures". */
export function loadingLine(
  t: EngineT,
  language: Language,
  event: Pick<EngineEventOf<'loading'>, 'phase' | 'done' | 'total' | 'file'>,
): string {
  const file = event.file ?? '';
  if (event.phase === 'download')
    return t('loading.download', {
      file,
      done: megabytes(language, event.done),
      total: event.total === null ? '?' : megabytes(language, event.total),
    });
  return t(`loading.${event.phase}`, { file, done: event.done, total: event.total ?? '?' });
}
