// The data layer's one entry point for the training code: loadDataset().
import { checkImageSize, toImageSet } from './assemble';
import { readIdxImages, readIdxLabels } from './idx';
import { FASHION_MNIST_CLASS_NAMES, MNIST_CLASS_NAMES, type ImageSet } from './preprocess';
import { resolveSource, type DataSource, type DatasetChoice, type DatasetFiles, type SourceOptions } from './sources';

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
