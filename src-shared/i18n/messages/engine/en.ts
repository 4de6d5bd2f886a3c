import type { Dictionary } from '../../dictionary';

/**
 * The engine's words, in English: its errors (by the `reason` code of an error event) and the
 * lines that say which backend runs and where the data came from. The headline of an error is
 * the training dictionary's `problem.<code>`.
 */
export const en = {
  'error.graph-issues': {
    count: 'count',
    one: 'Fix the problem marked on the canvas, then train again.',
    other: 'Fix the {count} problems marked on the canvas, then train again.',
  },
  'error.not-trainable': "Its input must take the dataset's images and its last layer must give one value per class.",
  'error.backend-unavailable': 'The {backend} backend cannot start here. Choose another backend, or Automatic.',
  'error.no-backend': 'None of the TensorFlow.js backends could start here.',
  'error.dataset.not-found':
    'The dataset folder was not found, or Convas may not read it here (browser mode reads only folders named with --data-dir when it starts).',
  'error.dataset.missing-files':
    'The folder does not hold the four IDX files (train-images, train-labels, t10k-images and t10k-labels, raw or .gz).',
  'error.dataset.bad-gzip': 'A dataset file is not a valid gzip file.',
  'error.dataset.bad-magic': 'A dataset file is not an IDX file (its magic number is wrong).',
  'error.dataset.bad-type': 'A dataset file holds values that are not unsigned bytes.',
  'error.dataset.bad-rank': 'A dataset file has the wrong number of dimensions.',
  'error.dataset.bad-dimensions': 'A dataset file has dimensions that do not fit its contents.',
  'error.dataset.truncated': 'A dataset file is cut short.',
  'error.dataset.trailing-bytes': 'A dataset file has extra bytes at its end.',
  'error.dataset.bad-label': 'A label file holds a label outside the 10 classes.',
  'error.dataset.count-mismatch': 'An image file and its label file hold different numbers of items.',
  'error.dataset.size-mismatch': 'The images are not the size the network takes.',
  'error.dataset.checksum-mismatch': 'A downloaded file does not match its published checksum.',
  'error.dataset.download-failed': 'The dataset could not be downloaded.',
  'error.dataset.unavailable': 'The dataset is not available on this computer.',
  'error.dataset.no-images':
    'The folder {name} holds no picture Convas can read: put PNG, JPEG, WebP, GIF or BMP files in one subfolder per class (or in train/ and test/, each with one subfolder per class).',
  'error.dataset.one-class': 'The folder has only one class ({name}): a classifier needs at least two class subfolders.',
  'error.dataset.empty-class': 'The class folder {name} holds no picture Convas can read: add pictures to it, or remove it.',
  'error.dataset.empty-test-class':
    'The class {name} has no test image: put pictures in its folder under test/ (or, in a folder without train/ and test/, give it at least two pictures so that one can be held out).',
  'error.dataset.unknown-test-class':
    'test/{name} is not a class in train/: the test folder must have the same class subfolders as the training folder.',
  'error.dataset.missing-cifar-files':
    'The folder does not hold the binary version of CIFAR-10 (data_batch_1.bin … data_batch_5.bin, test_batch.bin and batches.meta.txt).',
  'error.dataset.bad-archive': 'The downloaded archive could not be unpacked.',
  'error.dataset.other': 'The dataset could not be read.',
  'error.non-finite-loss':
    'The loss became {loss} in epoch {epoch}, batch {batch}, so training was stopped. Lower the learning rate (now {learningRate}) or use the Adam optimizer.',
  'error.memory-budget.dataset':
    '{node}: {examples} images at this input size — training needs about {bytes}; this computer allows {budget}. Use a smaller input: the dataset’s images are 28×28.',
  'error.training-failed': 'Training stopped because of an error in the engine.',
  'error.memory-budget.weights':
    '{node}: {params} parameters — training needs about {bytes} with {optimizer} (batch {batch}); this computer allows {budget}. Use fewer units or filters, or pool first.',
  'error.memory-budget.activations':
    '{node}: its outputs for a batch of {batch} — training needs about {bytes} with {optimizer}; this computer allows {budget}. Use a smaller input or batch size, or pool or stride sooner.',
  'error.no-model': 'There is no trained model for this run yet — train the network first.',
  'error.test-sample-missing': 'Test sample {index} does not exist: the test split has {count} images.',
  'error.bad-image.empty': 'The picture file is empty.',
  'error.bad-image.not-image': 'The file is not a picture Convas reads: open a PNG, JPEG, WebP, GIF or BMP file.',
  'error.bad-image.corrupt': 'The picture file is damaged and cannot be decoded.',
  'error.unknown-conv-layer': '{layer} is not a convolution of this network: Grad-CAM needs a Conv2D (or another convolution).',
  'error.unknown-class': 'There is no class {index}: the network has {count} classes.',
  'error.export-outside-root': 'Export refused: {dir} is outside the folder this engine may write to.',
  'error.export-failed': 'Export to {dir} failed.',
  'error.onnx-relu-settings':
    '{layer}: these ReLU settings (a threshold, or a cap together with a slope) cannot be written as ONNX exactly, so Convas does not write them. Use ReLU with max_value, or LeakyReLU.',
  'error.onnx-convolution-settings':
    '{layer}: dilation_rate or output_padding on this convolution cannot be exported exactly, so Convas does not write it as ONNX. Set them back to 1 and None.',
  'error.onnx-missing-weight': '{layer}: its weight {weight} is missing or has another shape, so the ONNX model cannot be written.',
  'error.bad-command': 'The engine refused a command it could not read.',
  'error.bad-event': 'The engine sent a message that could not be read.',
  'error.engine-stopped': 'The training engine stopped. Your design is safe — restart the engine to train again.',
  'error.engine-unreachable': 'The training engine cannot be reached.',
  'error.restart-failed': 'The training engine could not be restarted.',
  'error.queue-full': 'The training engine is not answering ({max} commands are waiting) — restart it.',
  'error.internal': 'Something went wrong in the engine.',
  'error.run-not-found': 'There is no stored run {id} here: it may have been deleted.',
  'error.run-unreadable': 'The stored run {id} is damaged or was written by another version of Convas.',
  'error.runs-outside-root': 'Here runs are kept in Convas’s own data folder, not beside the project file.',
  'error.run-storage-failed': 'The run {id} could not be written or deleted.',
  'error.run-resume-mismatch': 'The run {id} trained another network: training can continue from its weights only with the same design.',
  'error.open-model.not-json': 'model.json is not JSON: choose the model.json file TensorFlow.js wrote.',
  'error.open-model.not-layers-model':
    'model.json is not a TensorFlow.js layers model (one with modelTopology and weightsManifest). Graph models and Keras files without weights cannot be opened as trained models.',
  'error.open-model.not-importable':
    'model.json describes a network Convas cannot show (a layer kind it does not have, several inputs or outputs, a shared layer).',
  'error.open-model.invalid-network': {
    count: 'count',
    one: 'model.json describes a network whose shapes do not fit together (1 problem).',
    other: 'model.json describes a network whose shapes do not fit together ({count} problems).',
  },
  'error.open-model.not-buildable': 'TensorFlow.js cannot build this network with its settings.',
  'error.open-model.no-weights': 'There are no weights: choose the weights file (weights.bin) together with model.json.',
  'error.open-model.weight-missing':
    'The weights do not belong to this model.json: the network needs the weight {weight}, which the weights list does not have.',
  'error.open-model.weight-unexpected':
    'The weights do not belong to this model.json: its weights list has {weight}, which no layer of the network has.',
  'error.open-model.weight-shape': 'The weights do not fit this network: {weight} should have the shape {expected} but has {given}.',
  'error.open-model.weight-dtype': 'The weight {weight} is stored as {given}; Convas reads float32 (or quantised) weights only.',
  'error.open-model.weights-size':
    'The weights file does not match model.json: it holds {given} bytes, but model.json describes {expected}. Choose the weights.bin saved with this model.json.',
  'error.open-model.input-not-image':
    'The model takes {given}, not a picture: Convas can feed an input of height × width × 1 or 3, or 784 values (a flattened 28×28 image).',
  'error.open-model.output-not-vector': 'The model gives {given}, not one value per class.',
  'error.open-model.dataset-mismatch':
    'convas-dataset.json names {expected} classes but the model gives {given} values: the files do not belong together.',
  'error.open-model.dataset-input':
    'convas-dataset.json feeds pictures of shape {expected} but the model takes {given}: the files do not belong together.',

  'backend.fastest': 'fastest available: {runtime}',
  'backend.requested': '{runtime}, as requested',
  'backend.runtime.tensorflow': 'native libtensorflow',
  'backend.runtime.wasm': 'WebAssembly with XNNPACK, 1 thread',
  'backend.runtime.wasm-simd': 'WebAssembly with XNNPACK and SIMD, 1 thread',
  'backend.runtime.cpu': 'plain JavaScript',
  'backend.skipped.not-installed': '{backend} is not installed',
  'backend.skipped.failed': '{backend} could not start',

  'data.dataset.sample': 'Fashion-MNIST sample',
  'data.dataset.fashion-mnist': 'Fashion-MNIST',
  'data.dataset.mnist': 'MNIST',
  'data.dataset.directory': 'IDX files',
  'data.dataset.images': 'your images',
  'data.dataset.cifar10': 'CIFAR-10',
  'data.from.sample': '{dataset}, built into Convas',
  'data.from.directory': '{dataset} from your folder',
  'data.from.debian': '{dataset} from Debian’s dataset-fashion-mnist package',
  'data.from.cache': '{dataset} from the download cache',
  'data.from.download': '{dataset}, downloaded and verified',
  'data.fallback': '{sample}, built into Convas, because {dataset} could not be found or downloaded',

  'loading.download': 'Downloading {file}: {done} of {total}',
  'loading.unpack': 'Unpacking {file}',
  'loading.scan': 'Looking for pictures: {done} files',
  'loading.decode': 'Decoding {done} / {total} pictures',
  'loading.read-cache': 'Reading {total} decoded pictures from the cache',

  'warning.skipped-files': {
    count: 'count',
    one: '1 file was left out: it is not a picture Convas reads (PNG, JPEG, WebP, GIF, BMP), or it is empty or damaged.',
    other: '{count} files were left out: they are not pictures Convas reads (PNG, JPEG, WebP, GIF, BMP), or they are empty or damaged.',
  },
  'warning.skip.empty': 'empty',
  'warning.skip.not-image': 'not a picture',
  'warning.skip.corrupt': 'damaged',
  'warning.skip.unreadable': 'cannot be read',
  'warning.skip.outside-class': 'not in a class folder',
} as const satisfies Dictionary;
