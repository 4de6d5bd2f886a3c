// Which of the files a user picked to open a trained model is what: model.json, its weight files
// (by the names its weightsManifest gives), and convas-dataset.json when it is among them.
import type { Coded, NoValues } from '../i18n/coded';
import { TRAINED_DATASET_FILE, trainedDatasetSchema, type TrainedDataset } from '../training/trained-dataset';

/** A file the user picked, with its bytes. */
export interface PickedFile {
  readonly name: string;
  readonly data: Uint8Array;
}

/** Why the picked files are not a trained model to open, before the engine sees them (worded by the files dictionary). */
export type TrainedFilesProblem = Coded<{
  /** No picked .json file is a TensorFlow.js model.json (one with modelTopology). */
  readonly 'no-model-json': NoValues;
  /** model.json has no weightsManifest: a model without weights (a Keras JSON, a design export). */
  readonly 'no-manifest': { readonly file: string };
  /** A weight file model.json names was not picked (weights.bin). */
  readonly 'missing-weights': { readonly file: string; readonly weights: string };
  /** convas-dataset.json is not JSON or not one Convas wrote. */
  readonly 'bad-dataset-file': NoValues;
  /** model.json and its weights hold more megabytes (`size`) than this host can send its engine (`max`): browser mode's message limit. */
  readonly 'too-large': { readonly size: string; readonly max: string };
}>;

/** The files sorted out: model.json's text, the weights concatenated in the manifest's order, and the dataset description. */
export interface TrainedModelPick {
  readonly modelFile: string;
  readonly modelJson: string;
  /** Parsed model.json, for a check before it goes to the engine. */
  readonly modelDocument: unknown;
  readonly weightFiles: readonly string[];
  readonly weights: Uint8Array<ArrayBuffer>;
  readonly datasetFile?: string;
  readonly dataset?: TrainedDataset;
}

export type TrainedFilesRead =
  { readonly ok: true; readonly pick: TrainedModelPick } | { readonly ok: false; readonly problem: TrainedFilesProblem };

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The last part of a path as a manifest gives it ("./weights.bin", "group1-shard1of2.bin"). */
function fileName(path: string): string {
  const parts = path.split(/[/\\]/);
  return parts[parts.length - 1] ?? path;
}

/** The weight file names of a weightsManifest, in order, or undefined when there is none. */
function manifestPaths(doc: Record<string, unknown>): string[] | undefined {
  const manifest = doc['weightsManifest'];
  if (!Array.isArray(manifest)) return undefined;
  const paths: string[] = [];
  for (const group of manifest) {
    if (!isRecord(group) || !Array.isArray(group['paths'])) return undefined;
    for (const p of group['paths']) if (typeof p === 'string') paths.push(fileName(p));
  }
  return paths;
}

/**
 * Sorts out the files picked to open a trained model: the .json with modelTopology is model.json,
 * convas-dataset.json is the one of that name (or any .json the trained-dataset schema accepts), the
 * weights are the files the manifest names. `text` decodes bytes as UTF-8. Never throws.
 */
export function pickTrainedModelFiles(
  files: readonly PickedFile[],
  text: (data: Uint8Array) => string,
  /** The most bytes model.json and its weights may hold together (browser mode's message limit); no limit when absent. */
  maxBytes?: number,
): TrainedFilesRead {
  const jsons = files
    .filter((f) => f.name.toLowerCase().endsWith('.json'))
    .map((f) => {
      const source = text(f.data);
      return { name: f.name, source, doc: parse(source) };
    });
  const model = jsons.find((j) => isRecord(j.doc) && isRecord(j.doc['modelTopology']));
  if (!model || !isRecord(model.doc)) return { ok: false, problem: { code: 'no-model-json', values: {} } };
  const paths = manifestPaths(model.doc);
  if (!paths) return { ok: false, problem: { code: 'no-manifest', values: { file: model.name } } };

  let datasetFile: string | undefined;
  let dataset: TrainedDataset | undefined;
  for (const j of jsons) {
    if (j === model) continue;
    const read = trainedDatasetSchema.safeParse(j.doc);
    if (read.success) {
      datasetFile = j.name;
      dataset = read.data;
      break;
    }
    if (j.name === TRAINED_DATASET_FILE) return { ok: false, problem: { code: 'bad-dataset-file', values: {} } };
  }

  const parts: Uint8Array[] = [];
  for (const path of paths) {
    const file = files.find((f) => f.name === path);
    if (!file) return { ok: false, problem: { code: 'missing-weights', values: { file: model.name, weights: path } } };
    parts.push(file.data);
  }
  const total = parts.reduce((n, p) => n + p.byteLength, 0);
  if (maxBytes !== undefined && total + model.source.length > maxBytes) {
    const mb = (n: number) => (n / (1024 * 1024)).toFixed(1);
    return { ok: false, problem: { code: 'too-large', values: { size: mb(total + model.source.length), max: mb(maxBytes) } } };
  }
  const weights = new Uint8Array(total);
  let offset = 0;
  for (const p of parts) {
    weights.set(p, offset);
    offset += p.byteLength;
  }
  return {
    ok: true,
    pick: {
      modelFile: model.name,
      modelJson: model.source,
      modelDocument: model.doc,
      weightFiles: paths,
      weights,
      ...(datasetFile !== undefined && dataset ? { datasetFile, dataset } : {}),
    },
  };
}
