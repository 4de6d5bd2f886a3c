// The open-model command: files in, a trained model made current, and what the UI needs to show it out.
import type { EngineCommand, EngineEvent } from '../../../src-shared/engine/protocol';
import { engineError } from '../../../src-shared/engine/errors';
import { defaultTrainingSettings, type DatasetName } from '../../../src-shared/project/training';
import type { TrainedDataset } from '../../../src-shared/training/trained-dataset';
import type { EngineDeps } from '../host';
import { examplesOf, inputBytes, inputShape, type Examples } from '../training/examples';
import { OpenModelError, openTrainedModel } from './open-trained';
import type { TrainedModel } from './trained-model';

/** The datasets whose test split the engine loads by name alone (a folder of the user's has no name to load it by). */
const NAMED_DATASETS: readonly DatasetName[] = ['sample', 'fashion-mnist', 'mnist', 'cifar10'];

/** What opening a model needs from the engine host. */
export interface ModelOpening {
  readonly emit: (event: EngineEvent) => void;
  /** Makes the model current under runId (the host owns it from then on). */
  readonly adopt: (runId: string, model: TrainedModel) => Promise<void>;
  /** Starts a TensorFlow.js backend when none runs yet. */
  readonly backend: () => Promise<void>;
  readonly loadDataset: EngineDeps['loadDataset'];
  /** A page-driven engine uses its own cache, not one the page names. */
  readonly confined: boolean;
}

type TestLoad = { readonly samples: 'loaded'; readonly test: Examples } | { readonly samples: 'no-dataset' | 'unavailable' };

/** The test split of the dataset convas-dataset.json names, in the model's input layout, when the engine can load it by name. */
async function testExamples(trained: TrainedDataset | undefined, opening: ModelOpening, cacheDir: string | undefined): Promise<TestLoad> {
  if (!trained || !NAMED_DATASETS.includes(trained.dataset)) return { samples: 'no-dataset' };
  const { adapter } = trained;
  const size = adapter.kind === 'resized' ? { height: adapter.height, width: adapter.width, channels: adapter.channels } : undefined;
  try {
    const settings = { ...defaultTrainingSettings(), dataset: trained.dataset };
    const raw = await opening.loadDataset(settings, opening.confined ? undefined : cacheDir, size ? { size } : {});
    const bytes = inputBytes(raw.test.images, 'all', adapter);
    const all = Uint32Array.from({ length: raw.test.count }, (_, i) => i);
    return { samples: 'loaded', test: examplesOf(bytes, raw.test.labels, all, inputShape(adapter)) };
  } catch {
    // The model opens all the same: drawings and pictures still work, and the event says why there are no test samples.
    return { samples: 'unavailable' };
  }
}

/** Carries out open-model: answers `model-opened`, or an error with reason `open-model` when the files are not a model that fits. */
export async function openModel(command: Extract<EngineCommand, { type: 'open-model' }>, opening: ModelOpening): Promise<void> {
  const { runId } = command;
  try {
    await opening.backend();
  } catch (e) {
    const text = e instanceof Error ? e.message : String(e);
    opening.emit(engineError('backend', { code: 'no-backend', values: {} }, text, { runId, detail: text }));
    return;
  }
  let opened;
  try {
    opened = await openTrainedModel({ modelJson: command.modelJson, weightData: command.weights, trained: command.dataset });
  } catch (e) {
    if (!(e instanceof OpenModelError)) throw e;
    opening.emit(
      engineError('open-model', { code: 'open-model', values: e.problem }, e.message, { runId, ...(e.detail ? { detail: e.detail } : {}) }),
    );
    return;
  }
  const load = await testExamples(command.dataset, opening, command.cacheDir);
  const test = load.samples === 'loaded' ? load.test : undefined;
  await opening.adopt(runId, { ...opened, test });
  const { trained } = opened;
  opening.emit({
    type: 'model-opened',
    runId,
    name: opened.name,
    graph: { nodes: opened.graph.nodes.map((n) => ({ ...n })), edges: opened.graph.edges.map((e) => ({ ...e })) },
    classNames: [...trained.classNames],
    classNamesWorded: trained.classNamesWorded,
    image: { ...trained.image },
    description: opened.description,
    normalization: trained.normalization,
    testSamples: load.samples,
    testCount: test?.count ?? 0,
  });
}
