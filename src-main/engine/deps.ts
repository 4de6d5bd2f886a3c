import type { EngineDeps } from './host';
import { initBackend } from './backend/select';
import { loadDataset, stratifiedSplit } from './data';
import { defaultThreads, threadsDefaultFromEnv } from './parallel/threads';

/** The engine's real collaborators: TensorFlow.js backends and the dataset sources. */
export function createEngineDeps(): EngineDeps {
  return {
    initBackend: (preferred) => initBackend(preferred),
    async loadDataset(settings, cacheDir) {
      const data = await loadDataset({
        dataset: settings.dataset,
        directory: settings.dataDir,
        ...(cacheDir ? { cacheDir } : {}),
      });
      const notes = data.notes.length > 0 ? ` (${data.notes.join('; ')})` : '';
      return {
        name: data.name,
        source: `${data.source} (${data.location})${notes}`,
        origin: { source: data.source, location: data.location },
        train: data.train,
        test: data.test,
        classNames: data.classNames,
      };
    },
    split: (labels, fraction, seed) => stratifiedSplit(labels, fraction, seed),
    defaultThreads: defaultThreads(threadsDefaultFromEnv(process.env)),
  };
}
