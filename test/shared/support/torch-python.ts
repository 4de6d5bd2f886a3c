import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * The interpreter that runs generated PyTorch modules: CONVAS_PYTHON, else Debian's /usr/bin/python3
 * (where python3-torch installs), else python3. Throws, saying what to install, when it lacks torch:
 * a PyTorch test never passes by skipping.
 */
export function pythonWithTorch(): string {
  const python = process.env['CONVAS_PYTHON'] ?? (existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3');
  const probe = spawnSync(python, ['-c', 'import torch, numpy'], { encoding: 'utf8' });
  if (probe.status !== 0)
    throw new Error(
      `${python} cannot import torch and numpy, which the PyTorch export is tested with: install python3-torch (apt-get install python3-torch; CI's .ci/run does) or set CONVAS_PYTHON to a Python that has them.`,
    );
  return python;
}
