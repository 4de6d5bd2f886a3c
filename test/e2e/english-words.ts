/**
 * The check behind the Korean walk: which English words a Korean screen still shows. Allowed are
 * the words a Korean lecture itself writes in Latin letters: Keras class names, parameter and
 * option names, units, product and file-format names, and numbers.
 */
import { LAYER_KIND_IDS } from '../../src-shared/layers/types';
import { ACTIVATIONS, INITIALIZERS, PADDINGS } from '../../src-shared/layers/params';
import { allLayerKinds } from '../../src-shared/layers/registry';

/** Names a Korean CNN course writes as they are. */
const PROPER = [
  // products, formats and data sets
  'Convas',
  'Keras',
  'TensorFlow',
  'TensorFlow.js',
  'tfjs',
  'tensorflow',
  'Python',
  'JSON',
  'PNG',
  'JPEG',
  'WebP',
  'GIF',
  'BMP',
  'IDX',
  'Fashion-MNIST',
  'MNIST',
  'CIFAR-10',
  'WebAssembly',
  'wasm',
  'XNNPACK',
  'SIMD',
  'libtensorflow',
  'Node.js',
  'Electron',
  'Chromium',
  'ONNX',
  'PyTorch',
  'LeNet',
  'LeNet-5',
  'CNN',
  'LeCun',
  // the networks and papers the templates follow, cited by name as in Korean courses
  'ResNet',
  'MobileNet',
  'Inception',
  'He',
  'Szegedy',
  'Howard',
  // an explanation method, written by its paper's name in Korean as in English
  'Grad-CAM',
  'SciPy',
  'NumPy',
  'Debian',
  'dataset-fashion-mnist',
  'Sequential',
  'Model',
  'model.json',
  'weights.bin',
  'ReLU',
  'Softmax',
  // Keras's functional Input, and the language switch naming the other language in its own words
  'Input',
  'EN',
  'English',
  // TensorFlow's short name, the layer argument every Keras layer takes, and the symbols of the lab's formulas
  'TF',
  'name',
  'stride',
  'r',
  // optimizers and their settings as Keras spells them
  'SGD',
  'Adam',
  'RMSprop',
  'Adagrad',
  'momentum',
  // units and abbreviations
  'B',
  'KB',
  'MB',
  'GB',
  'KiB',
  'MiB',
  'GiB',
  's',
  'ms',
  'min',
  'h',
  'MACs',
  'MAC',
  'None',
  'px',
  'x',
  'N',
  'F',
  'S',
  'P',
  'k',
  'n',
  'd',
  'c',
  'i',
  'j',
  'z',
  'w',
  'b',
  'y',
  'max',
  'ceil',
  'floor',
  'exp',
  'tanh',
  'sigmoid',
  'log',
  'ln',
  'sum',
  'mean',
  'e',
  'σ',
  'Ctrl',
  'Shift',
  'Esc',
  'Enter',
  'Tab',
  'Alt',
  'Cmd',
  'Del',
  'Delete',
  'Backspace',
  'OK',
  'true',
  'false',
  'null',
  'relu',
  'valid',
  'same',
  'full',
];

/** Every word a Korean screen may show in Latin letters. */
export function allowedLatinWords(extra: readonly string[] = []): ReadonlySet<string> {
  const words = new Set<string>([...PROPER, ...LAYER_KIND_IDS, ...ACTIVATIONS, ...INITIALIZERS, ...PADDINGS, ...extra]);
  for (const kind of allLayerKinds()) {
    words.add(kind.namePrefix);
    for (const field of kind.fields) words.add(field.name);
  }
  return words;
}

/**
 * The Latin-letter words of `text` that are not allowed: layer names such as conv2d_1 (a prefix
 * plus a number) and snake_case parameter names count as allowed.
 */
export function englishWords(pageText: string, allowed: ReadonlySet<string>): string[] {
  const found = new Set<string>();
  let text = pageText;
  // File-system paths (where a dataset was read from) are names, not words.
  text = text.replace(/(?:[A-Za-z]:)?(?:[\\/][\w.-]+){2,}[\\/]?/g, ' ');
  // Keyboard shortcuts name keys ("Ctrl+O"), which are the same in every language.
  const withoutShortcuts = text.replace(/\b(?:Ctrl|Cmd|Shift|Alt)(?:\+[A-Za-z0-9]+)+/g, ' ');
  for (const match of withoutShortcuts.matchAll(/[A-Za-z][A-Za-z0-9_.'-]*/g)) {
    const word = match[0].replace(/[.'-]+$/, '');
    if (allowed.has(word) || allowed.has(word.toLowerCase())) continue;
    const prefix = word.replace(/_\d+$/, '');
    if (allowed.has(prefix)) continue;
    // Identifiers and file names (kernel_size, w_r, np.dot, scipy.signal.convolve, model.json) are code, not prose.
    if (word.includes('_') || /\w\.\w/.test(word)) continue;
    // Shapes like 28x28 or 3×3 and hexadecimal-free tokens with digits (e.g. "2D", "1e-4") are numbers with units.
    if (/^\d/.test(word) || /^[A-Za-z]?\d+[A-Za-z]?$/.test(word) || /^\d*[Dd]$/.test(word)) continue;
    found.add(word);
  }
  return [...found].sort();
}
