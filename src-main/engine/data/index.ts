// The data layer's one entry point for the training code: loadDataset().
import { checkImageSize, toImageSet } from './assemble';
import { readIdxImages, readIdxLabels } from './idx';
import { FASHION_MNIST_CLASS_NAMES, MNIST_CLASS_NAMES, type ImageSet } from './preprocess';
import { cacheRoot, resolveSource, type DataSource, type DatasetChoice, type DatasetFiles, type SourceOptions } from './sources';
import type { LoadingPhase } from '../../../src-shared/engine/protocol';
import type { ArchiveManifest } from './catalog';
import { loadCifar10 } from './cifar';
import { DatasetError } from './errors';
import type { PictureSize } from './image-decode';
import type { SkippedFile } from './image-folder';
import { loadPictureFolder } from './pictures';

export { DatasetError, type DatasetErrorCode } from './errors';
export {
  FASHION_MNIST_CLASS_NAMES,
  MNIST_CLASS_NAMES,
  normalizePixels,
  oneHot,
  stratifiedSplit,
  type ImageSet,
  type Split,
} from './preprocess';
export type { PictureSize } from './image-decode';
export type { SkippedFile } from './image-folder';
export {
  SOURCE_ORDER,
  cacheRoot,
  datasetCacheDir,
  defaultSampleDir,
  resolveSource,
  type DataSource,
  type DatasetChoice,
  type ResolvedSource,
  type SourceOptions,
} from './sources';
export type { DownloadProgress } from './download';

/** Options of loadDataset: where to look (see SourceOptions) and what to expect. */
export interface LoadDatasetOptions extends SourceOptions {
  /** Class names for the 'directory' dataset (default '0'…'9'). */
  readonly classNames?: readonly string[];
  /** The image size the model needs; default 28×28. */
  readonly imageSize?: { readonly height: number; readonly width: number };
}

/** A dataset ready for training: both splits as uint8, the class names, and where it came from. */
export interface LoadedData {
  readonly name: DatasetChoice;
  readonly source: DataSource;
  /** The directory the files were read from. */
  readonly location: string;
  /** Why earlier sources were passed over, for the CLI and the log. */
  readonly notes: readonly string[];
  readonly train: ImageSet;
  readonly test: ImageSet;
  readonly classNames: readonly string[];
}

function classNamesFor(options: LoadDatasetOptions): readonly string[] {
  if (options.dataset === 'mnist') return MNIST_CLASS_NAMES;
  if (options.dataset === 'directory') return options.classNames ?? MNIST_CLASS_NAMES;
  return FASHION_MNIST_CLASS_NAMES;
}

async function readSplit(files: DatasetFiles, split: 'train' | 'test', classes: number): Promise<ImageSet> {
  const paths =
    split === 'train' ? { images: files.trainImages, labels: files.trainLabels } : { images: files.testImages, labels: files.testLabels };
  const [images, labels] = await Promise.all([readIdxImages(paths.images), readIdxLabels(paths.labels)]);
  return toImageSet(images, labels, paths, classes);
}

/** Finds, reads and checks a dataset; throws DatasetError with a message fit to show the user. */
export async function loadDataset(options: LoadDatasetOptions): Promise<LoadedData> {
  const resolved = await resolveSource(options);
  const classNames = classNamesFor(options);
  const [train, test] = await Promise.all([
    readSplit(resolved.files, 'train', classNames.length),
    readSplit(resolved.files, 'test', classNames.length),
  ]);
  const { height, width } = options.imageSize ?? { height: 28, width: 28 };
  checkImageSize(train, resolved.files.trainImages, height, width);
  checkImageSize(test, resolved.files.testImages, height, width);
  return { name: options.dataset, source: resolved.source, location: resolved.location, notes: resolved.notes, train, test, classNames };
}

/** How far loading has got, in the protocol's phases: bytes downloaded, files unpacked, pictures decoded. */
export interface LoadingProgress {
  readonly phase: LoadingPhase;
  readonly done: number;
  readonly total: number | null;
  readonly file?: string;
}

/** Options of loadPictureDataset: which dataset, where, and the model's input size the pictures are brought to. */
export interface PictureDatasetOptions {
  readonly dataset: 'images' | 'cifar10';
  /** The folder of pictures ('images', required), or of CIFAR-10's binary files (optional). */
  readonly directory?: string | null;
  readonly cacheDir?: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly size: PictureSize;
  /** Seeds the test hold-out of a folder without test/. */
  readonly seed: number;
  readonly download?: boolean;
  readonly mirrors?: readonly string[];
  readonly manifest?: ArchiveManifest;
  readonly onProgress?: (progress: LoadingProgress) => void;
  readonly signal?: AbortSignal;
}

/** Pictures ready for training, with what was left out of a folder. */
export interface LoadedPictures {
  readonly name: 'images' | 'cifar10';
  readonly source: DataSource;
  readonly location: string;
  readonly notes: readonly string[];
  readonly train: ImageSet;
  readonly test: ImageSet;
  /** Folder names, or CIFAR-10's batches.meta.txt: shown as they are. */
  readonly classNames: readonly string[];
  readonly skipped: readonly SkippedFile[];
  readonly skippedCount: number;
}

/** Loads a folder of pictures or CIFAR-10 at the model's input size; throws DatasetError with a message fit to show the user. */
export async function loadPictureDataset(options: PictureDatasetOptions): Promise<LoadedPictures> {
  if (options.dataset === 'cifar10') {
    const data = await loadCifar10({ ...options, onProgress: options.onProgress });
    return { name: 'cifar10', ...data, skipped: [], skippedCount: 0 };
  }
  if (!options.directory) {
    throw new DatasetError(
      'not-found',
      "the 'images' dataset needs a folder — name one with a subfolder of pictures per class (or train/ and test/, each with one subfolder per class)",
    );
  }
  const data = await loadPictureFolder(options.directory, options.size, {
    cacheRoot: cacheRoot(options.cacheDir, options.env),
    seed: options.seed,
    onProgress: options.onProgress,
    signal: options.signal,
  });
  return {
    name: 'images',
    source: 'directory',
    location: options.directory,
    notes: data.fromCache ? ['decoded pictures read from the cache'] : [],
    train: data.train,
    test: data.test,
    classNames: data.classNames,
    skipped: data.skipped,
    skippedCount: data.skippedCount,
  };
}
