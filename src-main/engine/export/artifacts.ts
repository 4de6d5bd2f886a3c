import * as tf from '@tensorflow/tfjs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { writeFileAtomic } from '../../files/atomic-write';

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * tfjs-layers 4's SeparableConv2D.getConfig leaves out depthMultiplier: its own model.json would
 * reload the layer with one depthwise kernel per channel, which the saved weights no longer fit.
 * Writes it back into the topology from the layers themselves.
 */
function restoreDepthMultipliers(topology: unknown, model: tf.LayersModel): void {
  const layers = isRecord(topology) && isRecord(topology['config']) ? topology['config']['layers'] : undefined;
  if (!Array.isArray(layers)) return;
  for (const entry of layers) {
    if (!isRecord(entry) || entry['class_name'] !== 'SeparableConv2D' || !isRecord(entry['config'])) continue;
    const config = entry['config'];
    const layer = typeof config['name'] === 'string' ? (model.getLayer(config['name']) as unknown as { depthMultiplier?: unknown }) : {};
    if (typeof layer.depthMultiplier === 'number') config['depth_multiplier'] = layer.depthMultiplier;
  }
}

/** Writes a trained model as TensorFlow.js artifacts (model.json + weights.bin) into `dir`; returns the paths. */
export async function saveModel(model: tf.LayersModel, dir: string): Promise<string[]> {
  const modelPath = join(dir, 'model.json');
  const weightsPath = join(dir, 'weights.bin');
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      restoreDepthMultipliers(artifacts.modelTopology, model);
      const weights = artifacts.weightData;
      if (!weights || !artifacts.weightSpecs) throw new Error('the model has no weights to save');
      const buffers = Array.isArray(weights) ? weights : [weights];
      const bytes = new Uint8Array(buffers.reduce((n, b) => n + b.byteLength, 0));
      let offset = 0;
      for (const b of buffers) {
        bytes.set(new Uint8Array(b), offset);
        offset += b.byteLength;
      }
      const json = {
        format: 'layers-model',
        generatedBy: `TensorFlow.js tfjs-layers v${tf.version.tfjs} (Convas)`,
        convertedBy: null,
        modelTopology: artifacts.modelTopology,
        weightsManifest: [{ paths: ['weights.bin'], weights: artifacts.weightSpecs }],
      };
      await writeFileAtomic(weightsPath, bytes);
      await writeFileAtomic(modelPath, `${JSON.stringify(json)}\n`);
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON', weightDataBytes: bytes.byteLength } };
    }),
  );
  return [modelPath, weightsPath];
}

/** Loads model.json + its weight files from disk without tfjs-node's file:// handler. */
export async function loadModel(modelPath: string): Promise<tf.LayersModel> {
  const json = JSON.parse(await readFile(modelPath, 'utf8')) as tf.io.ModelJSON;
  const specs: tf.io.WeightsManifestEntry[] = [];
  const parts: Uint8Array[] = [];
  for (const group of json.weightsManifest ?? []) {
    specs.push(...group.weights);
    for (const p of group.paths) parts.push(new Uint8Array(await readFile(join(dirname(modelPath), p))));
  }
  const total = parts.reduce((n, p) => n + p.byteLength, 0);
  const data = new Uint8Array(total);
  let offset = 0;
  for (const p of parts) {
    data.set(p, offset);
    offset += p.byteLength;
  }
  return tf.loadLayersModel(tf.io.fromMemory({ modelTopology: json.modelTopology, weightSpecs: specs, weightData: data.buffer }));
}
