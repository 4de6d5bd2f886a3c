// Sorting out the files picked to open a trained model: model.json by its content, the weights by
// the names its manifest gives (shards joined in order), convas-dataset.json when it is there.
import { describe, expect, it } from 'vitest';
import { pickTrainedModelFiles, type PickedFile } from '../../../src-shared/format/trained-model-files';
import type { TrainedDataset } from '../../../src-shared/training/trained-dataset';

const encode = (s: string) => new TextEncoder().encode(s);
const decode = (b: Uint8Array) => new TextDecoder().decode(b);

const MODEL = {
  format: 'layers-model',
  modelTopology: { class_name: 'Sequential', config: { layers: [] } },
  weightsManifest: [{ paths: ['group1-shard1of2.bin', './group1-shard2of2.bin'], weights: [] }],
};
const DATASET: TrainedDataset = {
  format: 1,
  dataset: 'mnist',
  classNames: ['0', '1'],
  classNamesWorded: true,
  image: { height: 28, width: 28, channels: 1 },
  resize: 'fill',
  adapter: { kind: 'flat' },
  normalization: { kind: 'unit' },
  outputIsProbability: true,
};

const file = (name: string, data: string | number[]): PickedFile => ({
  name,
  data: typeof data === 'string' ? encode(data) : Uint8Array.from(data),
});

describe('pickTrainedModelFiles', () => {
  it('finds model.json by its content, joins the shards in the manifest’s order and reads the dataset file, whatever their names', () => {
    const read = pickTrainedModelFiles(
      [
        file('group1-shard2of2.bin', [3, 4]),
        file('my-dataset.json', JSON.stringify(DATASET)),
        file('net.json', JSON.stringify(MODEL)),
        file('group1-shard1of2.bin', [1, 2]),
      ],
      decode,
    );
    if (!read.ok) throw new Error(read.problem.code);
    expect(read.pick).toMatchObject({
      modelFile: 'net.json',
      weightFiles: ['group1-shard1of2.bin', 'group1-shard2of2.bin'],
      datasetFile: 'my-dataset.json',
      dataset: DATASET,
    });
    expect(Array.from(read.pick.weights)).toEqual([1, 2, 3, 4]);
  });

  it('names the weights file that was not chosen', () => {
    const read = pickTrainedModelFiles([file('model.json', JSON.stringify(MODEL)), file('group1-shard1of2.bin', [1])], decode);
    expect(read).toEqual({
      ok: false,
      problem: { code: 'missing-weights', values: { file: 'model.json', weights: 'group1-shard2of2.bin' } },
    });
  });

  it('refuses files without a model.json, a model.json without weights, and a convas-dataset.json Convas did not write', () => {
    expect(pickTrainedModelFiles([file('weights.bin', [1]), file('x.json', '{"class_name": "Sequential"}')], decode)).toEqual({
      ok: false,
      problem: { code: 'no-model-json', values: {} },
    });
    const design = { modelTopology: MODEL.modelTopology };
    expect(pickTrainedModelFiles([file('model.json', JSON.stringify(design))], decode)).toEqual({
      ok: false,
      problem: { code: 'no-manifest', values: { file: 'model.json' } },
    });
    const bad = pickTrainedModelFiles([file('model.json', JSON.stringify(MODEL)), file('convas-dataset.json', '{"format": 2}')], decode);
    expect(bad).toEqual({ ok: false, problem: { code: 'bad-dataset-file', values: {} } });
  });

  it('refuses more bytes than the host can send its engine', () => {
    const read = pickTrainedModelFiles(
      [file('model.json', JSON.stringify(MODEL)), file('group1-shard1of2.bin', new Array(2048).fill(0)), file('group1-shard2of2.bin', [1])],
      decode,
      1024 * 1024 * 0.001,
    );
    expect(read).toMatchObject({ ok: false, problem: { code: 'too-large', values: { max: '0.0' } } });
  });
});
