import * as tf from '@tensorflow/tfjs';
import type { BackendChoiceWords, BackendName } from '../../../src-shared/engine/protocol';
import { registerCpuKernels, registerWasmKernels } from '../kernels/register';

/** Fastest first: native libtensorflow, then XNNPACK in WebAssembly, then plain JavaScript. */
export const BACKEND_ORDER: readonly BackendName[] = ['tensorflow', 'wasm', 'cpu'];

/** The backend in use and a sentence on why (what it is, and why faster ones were skipped). */
export interface BackendChoice {
  readonly name: BackendName;
  readonly reason: string;
  /** The same as codes, for the UI to word in the user's language. */
  readonly choice: BackendChoiceWords;
}

export interface BackendOptions {
  /**
   * Where tfjs-backend-wasm finds its .wasm files (a directory URL or path ending in '/'). Only
   * needed when the package is bundled; unbundled it finds them beside its own code.
   */
  readonly wasmPaths?: string;
}

// A variable, so neither TypeScript nor a bundler insists on resolving this optional package.
const TFJS_NODE = '@tensorflow/tfjs-node';

function message(e: unknown): string {
  // tfjs-backend-wasm rejects with a plain { message } object.
  const m = (e as { message?: unknown } | null)?.message;
  return typeof m === 'string' ? m : String(e);
}

/** The wasm path prefix handed to the package; it accepts one before the first initialisation only. */
let wasmPathsApplied: string | undefined;

const simdOf = (simd: boolean | undefined) => (simd === undefined ? {} : { simd });

/** Whether `e` says the package itself is missing (not one of its own dependencies). */
function isMissing(e: unknown, pkg: string): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') && message(e).includes(`'${pkg}'`);
}

/** What a backend runs on, in English, and (wasm) whether with SIMD. */
interface Prepared {
  readonly what: string;
  readonly simd?: boolean;
}

/** Imports a backend's package and registers our kernels for it; returns what it runs on. Throws a sentence on failure. */
async function prepare(name: BackendName, options: BackendOptions): Promise<Prepared> {
  switch (name) {
    case 'tensorflow':
      try {
        await import(/* @vite-ignore */ TFJS_NODE);
      } catch (e) {
        throw new Error(
          isMissing(e, TFJS_NODE)
            ? `${TFJS_NODE} is not installed (it is optional: its install downloads libtensorflow)`
            : `${TFJS_NODE} failed to load: ${message(e)}`,
          { cause: e },
        );
      }
      return { what: 'native libtensorflow' };
    case 'wasm': {
      const wasm = await import('@tensorflow/tfjs-backend-wasm');
      if (options.wasmPaths !== undefined && options.wasmPaths !== wasmPathsApplied && !tf.engine().registry['wasm']) {
        wasm.setWasmPaths(options.wasmPaths);
        wasmPathsApplied = options.wasmPaths;
      }
      registerWasmKernels();
      const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
      return { what: `WebAssembly with XNNPACK, ${simd ? 'SIMD' : 'no SIMD'}, 1 thread`, simd: simd === true };
    }
    case 'cpu':
      registerCpuKernels();
      return { what: 'plain JavaScript' };
  }
}

/** Makes `name` the active backend; throws the backend's own initialisation error if it cannot start. */
async function activate(name: BackendName): Promise<void> {
  const engine = tf.engine();
  const entry = engine.registryFactory[name];
  if (!entry) throw new Error(`no '${name}' backend is registered`);
  let cause: unknown;
  if (!engine.registry[name]) {
    // tf.setBackend only answers false and logs; wrap the factory to keep the real error.
    const { factory, priority } = entry;
    tf.removeBackend(name);
    tf.registerBackend(
      name,
      async () => {
        try {
          return await factory();
        } catch (e) {
          cause = e;
          throw e;
        }
      },
      priority,
    );
  }
  if (!(await tf.setBackend(name))) throw new Error(cause === undefined ? 'it failed to initialise' : message(cause));
  await tf.ready();
}

/**
 * Switches TensorFlow.js to `preferred`, or with 'auto' to the fastest backend that starts here.
 * The reason names the backend's engine and why faster ones were skipped; a backend asked for
 * by name that cannot start is an error, never a silent fallback.
 */
export async function initBackend(preferred: BackendName | 'auto' = 'auto', options: BackendOptions = {}): Promise<BackendChoice> {
  // Production mode only silences tfjs's console banners (e.g. "install tfjs-node"), which would
  // otherwise land in the CLI's output and the engine's stderr.
  tf.env().set('PROD', true);
  if (preferred !== 'auto') {
    try {
      const { what, simd } = await prepare(preferred, options);
      await activate(preferred);
      return { name: preferred, reason: `${what}, as requested`, choice: { choice: 'requested', ...simdOf(simd), skipped: [] } };
    } catch (e) {
      throw new Error(`The '${preferred}' backend cannot be used: ${message(e)}. Choose another backend or 'auto'.`, { cause: e });
    }
  }
  const skipped: string[] = [];
  const skips: BackendChoiceWords['skipped'] = [];
  for (const name of BACKEND_ORDER) {
    try {
      const { what, simd } = await prepare(name, options);
      await activate(name);
      return {
        name,
        reason: [`fastest available: ${what}`, ...skipped].join('; '),
        choice: { choice: 'fastest', ...simdOf(simd), skipped: skips },
      };
    } catch (e) {
      skipped.push(`${name} skipped: ${message(e)}`);
      const cause = (e as { cause?: unknown } | null)?.cause;
      skips.push({ backend: name, cause: isMissing(cause, TFJS_NODE) ? 'not-installed' : 'failed', detail: message(e) });
    }
  }
  throw new Error(`No TensorFlow.js backend could start: ${skipped.join('; ')}`);
}

/** The backends that start here, fastest first; leaves the active backend as it was. */
export async function availableBackends(options: BackendOptions = {}): Promise<BackendName[]> {
  // engine.backendName, not tf.getBackend(): the latter would start the highest-priority backend.
  const active = tf.engine().backendName as string | undefined;
  const found: BackendName[] = [];
  for (const name of BACKEND_ORDER) {
    try {
      await prepare(name, options);
      await activate(name);
      found.push(name);
    } catch {
      // Not available here; initBackend explains why when asked for it.
    }
  }
  if (active && active !== tf.getBackend()) await tf.setBackend(active);
  return found;
}
