import type { EngineDeps, LoadedDataset } from './host';
import { initBackend } from './backend/select';
import { DatasetError, loadDataset, loadPictureDataset, stratifiedSplit } from './data';
import { defaultThreads, threadsDefaultFromEnv } from './parallel/threads';

/** The engine's real collaborators: TensorFlow.js backends and the dataset sources. */
export function createEngineDeps(): EngineDeps {
  return {
    initBackend: (preferred) => initBackend(preferred),
    async loadDataset(settings, cacheDir, request = {}): Promise<LoadedDataset> {
      const onProgress = request.onProgress;
      if (settings.dataset === 'images' || settings.dataset === 'cifar10') {
        if (!request.size) throw new DatasetError('unavailable', 'pictures need the model input size to be decoded to');
        const data = await loadPictureDataset({
          dataset: settings.dataset,
          directory: settings.dataDir,
          size: request.size,
          seed: settings.seed,
          ...(cacheDir ? { cacheDir } : {}),
          ...(onProgress ? { onProgress } : {}),
        });
        const notes = data.notes.length > 0 ? ` (${data.notes.join('; ')})` : '';
        return {
          name: data.name,
          source: `${data.source} (${data.location})${notes}`,
          origin: { source: data.source, location: data.location },
          train: data.train,
          test: data.test,
          classNames: data.classNames,
          classNamesWorded: false,
          image: request.size,
          ...(data.skippedCount > 0
            ? { warning: { code: 'skipped-files', values: { count: data.skippedCount, files: [...data.skipped] } } as const }
            : {}),
        };
      }
      const data = await loadDataset({
        dataset: settings.dataset,
        directory: settings.dataDir,
        ...(cacheDir ? { cacheDir } : {}),
        ...(onProgress
          ? { onProgress: (p) => onProgress({ phase: 'download', done: p.received, total: p.total ?? null, file: p.file }) }
          : {}),
      });
      const notes = data.notes.length > 0 ? ` (${data.notes.join('; ')})` : '';
      return {
        name: data.name,
        source: `${data.source} (${data.location})${notes}`,
        origin: { source: data.source, location: data.location },
        train: data.train,
        test: data.test,
        classNames: data.classNames,
        classNamesWorded: true,
        image: { height: 28, width: 28, channels: 1 },
      };
    },
    split: (labels, fraction, seed) => stratifiedSplit(labels, fraction, seed),
    defaultThreads: defaultThreads(threadsDefaultFromEnv(process.env)),
  };
}
