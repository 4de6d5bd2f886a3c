/**
 * The Python the tests run generated code with: $CONVAS_PYTHON, else Debian's /usr/bin/python3 (it
 * has NumPy and torch), else the python3 on PATH.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** The interpreter's path or command. */
export const PYTHON = process.env['CONVAS_PYTHON'] || (existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3');

/** Whether that interpreter runs and imports NumPy. */
export const hasNumpy = spawnSync(PYTHON, ['-c', 'import numpy'], { stdio: 'ignore' }).status === 0;

/** Whether that interpreter runs at all. */
export const hasPython = spawnSync(PYTHON, ['--version'], { stdio: 'ignore' }).status === 0;
