import { availableParallelism } from 'node:os';

/**
 * The engine's environment with libuv's thread pool as large as the machine's cores (never below
 * libuv's own 4): sharp decodes pictures on that pool, one picture per thread, so its size is how
 * many cores decoding can use. A size the user set is kept. It must be set before the process
 * starts: the pool is made on its first use.
 */
export function withDecodeThreads(env: NodeJS.ProcessEnv, cores = availableParallelism()): NodeJS.ProcessEnv {
  if (env['UV_THREADPOOL_SIZE']) return env;
  return { ...env, UV_THREADPOOL_SIZE: String(Math.max(4, cores)) };
}
