// The Export menu's ONNX entries: the trained model (from the engine's export of the last run) and
// the design with the initial weights training would start from (the engine's export-design).
import type { EngineApi } from '../../src-shared/engine/engine-api';
import type { EngineEventOf } from '../../src-shared/engine/protocol';
import { t, useLanguageStore } from '../i18n/i18n';
import { useProjectStore } from '../store/project-store';
import { useUiStore } from '../store/ui-store';
import { engineErrorText } from '../engine/engine-words';
import { activeEngine, exportTrainedModel } from '../training/controller';
import { fileStem } from './exports';
import { fileHost } from './host';

const ONNX_MIME = 'application/octet-stream';
let requests = 0;

/** Asks the engine for a design's ONNX bytes; rejects with the engine's reason in the user's language. */
function designOnnx(engine: EngineApi): Promise<Uint8Array> {
  const { project } = useProjectStore.getState();
  const requestId = `onnx-design:${++requests}`;
  return new Promise((resolve, reject) => {
    const off = engine.on((event) => {
      if (event.type === 'design-exported' && event.requestId === requestId) {
        off();
        const file = event.contents?.[0];
        if (file) resolve(file.data);
        else reject(new Error(t('file.exportFailed')));
      } else if (event.type === 'error' && event.requestId === requestId) {
        off();
        reject(new Error(engineErrorText(useLanguageStore.getState().language, event as EngineEventOf<'error'>)));
      }
    });
    engine.send({ type: 'export-design', requestId, graph: project.graph, seed: project.training.seed, format: 'onnx' });
  });
}

/** The trained model's model.onnx, out of the files the engine exports for the last run. */
async function trainedOnnx(): Promise<Uint8Array> {
  let onnx: Uint8Array | undefined;
  await exportTrainedModel(async (name, data) => {
    if (name === 'model.onnx') onnx = data;
  });
  if (!onnx) throw new Error(t('file.exportFailed'));
  return onnx;
}

/** Exports the project's network as ONNX: `trained` with the last run's weights, else with its initial weights. */
export async function exportOnnxAction(trained: boolean): Promise<void> {
  const ui = useUiStore.getState();
  const engine = activeEngine();
  try {
    if (!engine) throw new Error(t('export.onnxNoEngine'));
    const data = trained ? await trainedOnnx() : await designOnnx(engine);
    const stem = fileStem(useProjectStore.getState().project.name);
    const name = trained ? `${stem}.onnx` : `${stem}-untrained.onnx`;
    if (!(await fileHost().download(name, data, ONNX_MIME))) return;
    ui.notify('success', t('file.exported', { name }));
  } catch (e) {
    ui.notify('error', t('file.exportFailed'), e instanceof Error ? e.message : String(e));
  }
}
