import { basename, join } from 'node:path';
import type { EngineCommand, EngineErrorReason, EngineEvent } from '../../../src-shared/engine/protocol';
import { engineError } from '../../../src-shared/engine/errors';
import { toNetwork } from '../../../src-shared/graph/network';
import type { OnnxProblem } from '../../../src-shared/onnx/network-graph';
import { writeFileAtomic } from '../../files/atomic-write';
import { exportRefusal, type Confinement } from '../process/confinement';
import { ONNX_FILE, OnnxExportError, designOnnxBytes } from './onnx-file';

type ExportDesign = Extract<EngineCommand, { type: 'export-design' }>;

/** An ONNX refusal as the engine protocol's error reason. */
export function onnxReason(problem: OnnxProblem): EngineErrorReason {
  switch (problem.code) {
    case 'relu-settings':
      return { code: 'onnx-relu-settings', values: problem.values };
    case 'convolution-settings':
      return { code: 'onnx-convolution-settings', values: problem.values };
    case 'missing-weight':
      return { code: 'onnx-missing-weight', values: problem.values };
  }
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * Carries out `export-design`: the design's ONNX model with the initial weights training would start
 * from. A confined engine writes only inside its export root, as `export` does; the bytes come back
 * when asked, or when no folder was named.
 */
export async function exportDesign(command: ExportDesign, emit: (event: EngineEvent) => void, confinement?: Confinement): Promise<void> {
  const { requestId, dir } = command;
  const refused = dir === undefined ? undefined : exportRefusal(confinement, dir, { requestId });
  if (refused) {
    emit(refused);
    return;
  }
  const network = toNetwork(command.graph);
  if (!network.ok) {
    const count = network.issues.length;
    emit(engineError('invalid-graph', { code: 'graph-issues', values: { count } }, `The network has ${count} problem(s)`, { requestId }));
    return;
  }
  let bytes: Uint8Array;
  try {
    bytes = designOnnxBytes(network.model, command.seed);
  } catch (e) {
    if (e instanceof OnnxExportError) emit(engineError('invalid-graph', onnxReason(e.problem), e.message, { requestId }));
    else
      emit(
        engineError('internal', { code: 'internal', values: {} }, `ONNX export failed: ${message(e)}`, { requestId, detail: message(e) }),
      );
    return;
  }
  const files: string[] = [];
  if (dir !== undefined) {
    const path = join(dir, ONNX_FILE);
    try {
      await writeFileAtomic(path, bytes);
    } catch (e) {
      emit(
        engineError('internal', { code: 'export-failed', values: { dir } }, `Export to ${dir} failed: ${message(e)}`, {
          requestId,
          detail: message(e),
        }),
      );
      return;
    }
    files.push(path);
  }
  const contents =
    command.returnContents || dir === undefined
      ? [{ name: files[0] ? basename(files[0]) : ONNX_FILE, data: new Uint8Array(bytes) }]
      : undefined;
  emit({ type: 'design-exported', requestId, files, ...(contents ? { contents } : {}) });
}
