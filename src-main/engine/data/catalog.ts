// Where each dataset lives on the internet and what its files must hash to.
// The SHA-256 values are the published ones for the original .gz files, as listed in
// tensorflow_datasets (url_checksums/mnist.txt and url_checksums/fashion_mnist.txt).

/** The four files of an MNIST-format dataset, by role. */
export type DatasetFileRole = 'trainImages' | 'trainLabels' | 'testImages' | 'testLabels';

/** The standard file name (without .gz) of each role. */
export const IDX_FILE_NAMES: Readonly<Record<DatasetFileRole, string>> = Object.freeze({
  trainImages: 'train-images-idx3-ubyte',
  trainLabels: 'train-labels-idx1-ubyte',
  testImages: 't10k-images-idx3-ubyte',
  testLabels: 't10k-labels-idx1-ubyte',
});

export const FILE_ROLES: readonly DatasetFileRole[] = Object.freeze(['trainImages', 'trainLabels', 'testImages', 'testLabels']);

/** One file to download: its name on the mirror, its size and its SHA-256. */
export interface RemoteFile {
  readonly name: string;
  readonly bytes: number;
  readonly sha256: string;
}

/** The datasets that can be downloaded. */
export type DownloadableDataset = 'fashion-mnist' | 'mnist';

/** What to fetch for one dataset and from where (mirrors are tried in order). */
export interface DatasetManifest {
  readonly mirrors: readonly string[];
  readonly files: Readonly<Record<DatasetFileRole, RemoteFile>>;
}

export const MANIFESTS: Readonly<Record<DownloadableDataset, DatasetManifest>> = Object.freeze({
  'fashion-mnist': {
    mirrors: [
      // Zalando's repository holds the same files as its S3 bucket, and over HTTPS.
      'https://raw.githubusercontent.com/zalandoresearch/fashion-mnist/master/data/fashion/',
      'http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/',
    ],
    files: {
      trainImages: {
        name: 'train-images-idx3-ubyte.gz',
        bytes: 26_421_880,
        sha256: '3aede38d61863908ad78613f6a32ed271626dd12800ba2636569512369268a84',
      },
      trainLabels: {
        name: 'train-labels-idx1-ubyte.gz',
        bytes: 29_515,
        sha256: 'a04f17134ac03560a47e3764e11b92fc97de4d1bfaf8ba1a3aa29af54cc90845',
      },
      testImages: {
        name: 't10k-images-idx3-ubyte.gz',
        bytes: 4_422_102,
        sha256: '346e55b948d973a97e58d2351dde16a484bd415d4595297633bb08f03db6a073',
      },
      testLabels: {
        name: 't10k-labels-idx1-ubyte.gz',
        bytes: 5_148,
        sha256: '67da17c76eaffca5446c3361aaab5c3cd6d1c2608764d35dfb1850b086bf8dd5',
      },
    },
  },
  mnist: {
    mirrors: [
      // yann.lecun.com is often unreachable; these two are the mirrors TensorFlow and PyTorch use.
      'https://storage.googleapis.com/cvdf-datasets/mnist/',
      'https://ossci-datasets.s3.amazonaws.com/mnist/',
    ],
    files: {
      trainImages: {
        name: 'train-images-idx3-ubyte.gz',
        bytes: 9_912_422,
        sha256: '440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609',
      },
      trainLabels: {
        name: 'train-labels-idx1-ubyte.gz',
        bytes: 28_881,
        sha256: '3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c',
      },
      testImages: {
        name: 't10k-images-idx3-ubyte.gz',
        bytes: 1_648_877,
        sha256: '8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6',
      },
      testLabels: {
        name: 't10k-labels-idx1-ubyte.gz',
        bytes: 4_542,
        sha256: 'f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6',
      },
    },
  },
});

/** Where Debian's `dataset-fashion-mnist` package installs the four .gz files. */
export const DEBIAN_FASHION_MNIST_DIR = '/usr/share/datasets/fashion-mnist';

/** CIFAR-10's binary version: the batch files inside its archive, by role. */
export const CIFAR10_TRAIN_FILES: readonly string[] = Object.freeze([1, 2, 3, 4, 5].map((n) => `data_batch_${n}.bin`));
export const CIFAR10_TEST_FILE = 'test_batch.bin';
export const CIFAR10_META_FILE = 'batches.meta.txt';
/** The folder the archive unpacks into. */
export const CIFAR10_FOLDER = 'cifar-10-batches-bin';

/** One archive to download, from mirrors tried in order. */
export interface ArchiveManifest {
  readonly mirrors: readonly string[];
  readonly file: RemoteFile;
}

// The size and SHA-256 are those tensorflow_datasets lists (url_checksums/cifar10.txt); the
// dataset's page gives the MD5 c32a1d4ab5d03f1284b67883e8d87530 of the same file.
export const CIFAR10_MANIFEST: ArchiveManifest = Object.freeze({
  mirrors: ['https://www.cs.toronto.edu/~kriz/'],
  file: {
    name: 'cifar-10-binary.tar.gz',
    bytes: 170_052_171,
    sha256: 'c4a38c50a1bc5f3a1c5537f2155ab9d68f9f25eb1ed8d9ddda3db29a59bca1dd',
  },
});
