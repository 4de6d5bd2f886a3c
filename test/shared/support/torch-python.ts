import { spawnSync } from 'node:child_process';
import { PYTHON } from './python';

/**
 * The interpreter that runs generated PyTorch modules (see ./python). Throws, saying what to
 * install, when it lacks torch: a PyTorch test never passes by skipping.
 */
export function pythonWithTorch(): string {
  const probe = spawnSync(PYTHON, ['-c', 'import torch, numpy'], { encoding: 'utf8' });
  if (probe.status !== 0)
    throw new Error(
      `${PYTHON} cannot import torch and numpy, which the PyTorch export is tested with: install python3-torch (apt-get install python3-torch; CI's .ci/run does) or set CONVAS_PYTHON to a Python that has them.`,
    );
  return PYTHON;
}
