/**
 * Python that reads the weights of a TensorFlow.js model folder (model.json's weightsManifest and
 * its weight files) with NumPy alone, so every generated script (Keras, PyTorch) loads Convas's
 * trained weights the same way and none needs TensorFlow.js or TensorFlow to do it.
 */

/** The name of the Python function `TFJS_WEIGHTS_READER` defines. */
export const READ_WEIGHTS_FUNCTION = 'read_convas_weights';

/** The dtypes TensorFlow.js writes, as little-endian NumPy dtypes. */
const DTYPES = "{'float32': '<f4', 'int32': '<i4', 'bool': '|b1'}";

/** A self-contained Python function: `read_convas_weights(folder)` → {weight name: numpy array in TensorFlow's layout}. */
export const TFJS_WEIGHTS_READER = [
  `def ${READ_WEIGHTS_FUNCTION}(folder):`,
  '    """The weights in `folder`/model.json and its weight files, by name (e.g. "conv2d/kernel"), as NumPy arrays."""',
  '    import json',
  '    import os',
  '    import numpy as np',
  '',
  "    with open(os.path.join(folder, 'model.json'), encoding='utf-8') as f:",
  "        manifest = json.load(f)['weightsManifest']",
  `    dtypes = ${DTYPES}`,
  '    weights = {}',
  '    for group in manifest:',
  "        # A group's files are shards of one buffer; its weights lie in it one after another.",
  '        data = bytearray()',
  "        for path in group['paths']:",
  "            with open(os.path.join(folder, path), 'rb') as f:",
  '                data += f.read()',
  '        offset = 0',
  "        for spec in group['weights']:",
  "            if spec.get('quantization'):",
  `                raise ValueError(f"{spec['name']}: quantized weights are not supported")`,
  "            dtype = np.dtype(dtypes[spec['dtype']])",
  "            count = int(np.prod(spec['shape'], dtype=np.int64))",
  '            end = offset + count * dtype.itemsize',
  '            if end > len(data):',
  `                raise ValueError(f"{spec['name']}: the weight files end before this weight does")`,
  "            weights[spec['name']] = np.frombuffer(bytes(data[offset:end]), dtype=dtype).reshape(spec['shape']).copy()",
  '            offset = end',
  '    return weights',
].join('\n');
