import { join } from 'node:path';
import type { Network } from '../../../src-shared/graph/network';
import { PYTORCH_FILE, toPytorchModule } from '../../../src-shared/pytorch/generate';
import { writeFileAtomic } from '../../files/atomic-write';

/**
 * Writes model_pytorch.py for a trained `model` into `dir`, beside the model.json and weights.bin its
 * load() reads; returns its path. PyTorch refuses only settings the engine cannot train either, so a
 * refusal here means the two disagree: it fails the export rather than leave the module out unsaid.
 */
export async function writePytorchModule(model: Network, dir: string): Promise<string> {
  const module = toPytorchModule(model);
  if (!module.ok) throw new Error(`PyTorch cannot express ${module.problem.values.layer} exactly (${module.problem.code})`);
  const path = join(dir, PYTORCH_FILE);
  await writeFileAtomic(path, module.text);
  return path;
}
