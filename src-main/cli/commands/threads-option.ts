import { usage } from '../errors';
import { MAX_THREADS } from '../../../src-shared/project/training';

/** The value of a --threads option: a whole number of threads, 1…MAX_THREADS. */
export function threadsOption(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > MAX_THREADS)
    throw usage(`--threads must be a whole number from 1 to ${MAX_THREADS} (got '${value}')`);
  return n;
}
