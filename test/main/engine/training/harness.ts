import { readFileSync } from 'node:fs';
import { projectProblemText } from '../../../../src-shared/i18n/file-text';
import { planText } from '../../../../src-shared/i18n/issue-text';
import { initBackend } from '../../../../src-main/engine/backend/select';
import { loadDataset, stratifiedSplit } from '../../../../src-main/engine/data';
import { toExamples } from '../../../../src-main/engine/training/examples';
import type { PreparedData } from '../../../../src-main/engine/training/session';
import { parseProject } from '../../../../src-shared/project/io';
import { toNetwork, type Network } from '../../../../src-shared/graph/network';
import { planTraining } from '../../../../src-shared/training/compatibility';
import { defaultTrainingSettings, type TrainingSettings } from '../../../../src-shared/project/training';
import type { Graph } from '../../../../src-shared/graph/schema';

/** A template's graph from assets/templates. */
export function templateGraph(name: string): Graph {
  const parsed = parseProject(readFileSync(new URL(`../../../../assets/templates/${name}.convas.json`, import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error(projectProblemText('en', parsed.error));
  return parsed.project.graph;
}

/** The shipped Fashion-MNIST sample, prepared for a model, optionally cut down to `limit` training images. */
export async function sampleData(model: Network, limit?: number): Promise<{ data: PreparedData; outputIsProbability: boolean }> {
  const plan = planTraining(model);
  if (!plan.ok) throw new Error(planText('en', plan.problem));
  const raw = await loadDataset({ dataset: 'sample' });
  const split = stratifiedSplit(raw.train.labels, 0.2, 42);
  const train = limit ? split.train.subarray(0, limit) : split.train;
  const all = Uint32Array.from({ length: raw.test.count }, (_, i) => i);
  return {
    outputIsProbability: plan.outputIsProbability,
    data: {
      train: toExamples(raw.train.images, raw.train.labels, train, plan.adapter),
      validation: toExamples(raw.train.images, raw.train.labels, split.validation, plan.adapter),
      test: toExamples(raw.test.images, raw.test.labels, all, plan.adapter),
      classNames: raw.classNames,
    },
  };
}

/** The lecture CNN as a Sequential model. */
export function lectureModel(): Network {
  const seq = toNetwork(templateGraph('lecture-cnn'));
  if (!seq.ok) throw new Error('invalid template');
  return seq.model;
}

/** Training settings for fast tests on the wasm backend. */
export function testSettings(overrides: Partial<TrainingSettings> = {}): TrainingSettings {
  return { ...defaultTrainingSettings(), epochs: 1, batchSize: 32, backend: 'wasm', ...overrides };
}

/** Switches TensorFlow.js to the wasm backend (with Convas's training kernels). */
export async function useWasm(): Promise<void> {
  await initBackend('wasm');
}
