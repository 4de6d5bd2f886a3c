import protobuf from 'protobufjs';
import { ATTRIBUTE_FLOAT, ATTRIBUTE_INT, ATTRIBUTE_INTS, ONNX_FLOAT, ONNX_INT64, ONNX_SCHEMA } from './onnx-schema';

/** The ONNX operator set Convas writes against (LayerNormalization-era ops, attributes for Reduce* axes). */
export const ONNX_OPSET = 17;
/** The IR version that goes with opset 17 (ONNX 1.12). */
export const ONNX_IR_VERSION = 8;

/** A constant tensor of the graph: float weights, or int64 shapes and indices. */
export type OnnxTensor =
  | { readonly name: string; readonly type: 'float'; readonly dims: readonly number[]; readonly data: Float32Array }
  | { readonly name: string; readonly type: 'int64'; readonly dims: readonly number[]; readonly data: readonly number[] };

/** A node attribute: an integer, a list of integers or a float. */
export type OnnxAttribute =
  | { readonly name: string; readonly int: number }
  | { readonly name: string; readonly ints: readonly number[] }
  | { readonly name: string; readonly float: number };

/** One operator application. */
export interface OnnxNode {
  readonly op: string;
  readonly name: string;
  readonly inputs: readonly string[];
  readonly outputs: readonly string[];
  readonly attributes?: readonly OnnxAttribute[];
}

/** A float32 graph input or output; null marks a dynamic dimension (the batch). */
export interface OnnxValue {
  readonly name: string;
  readonly shape: readonly (number | null)[];
}

/** A whole ONNX graph, before encoding. */
export interface OnnxGraph {
  readonly name: string;
  readonly nodes: readonly OnnxNode[];
  readonly initializers: readonly OnnxTensor[];
  readonly input: OnnxValue;
  readonly output: OnnxValue;
}

const root = protobuf.Root.fromJSON(ONNX_SCHEMA);
const ModelProto = root.lookupType('onnx.ModelProto');

/** Little-endian bytes of a tensor's values, as ONNX's raw_data requires whatever the machine's order. */
function rawData(t: OnnxTensor): Uint8Array {
  const width = t.type === 'float' ? 4 : 8;
  const bytes = new Uint8Array(t.data.length * width);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < t.data.length; i++) {
    if (t.type === 'float') view.setFloat32(i * 4, t.data[i]!, true);
    else view.setBigInt64(i * 8, BigInt(t.data[i]!), true);
  }
  return bytes;
}

function attribute(a: OnnxAttribute) {
  if ('int' in a) return { name: a.name, type: ATTRIBUTE_INT, i: a.int };
  if ('ints' in a) return { name: a.name, type: ATTRIBUTE_INTS, ints: [...a.ints] };
  return { name: a.name, type: ATTRIBUTE_FLOAT, f: a.float };
}

function valueInfo(v: OnnxValue) {
  const dim = v.shape.map((d) => (d === null ? { dim_param: 'batch' } : { dim_value: d }));
  return { name: v.name, type: { tensor_type: { elem_type: ONNX_FLOAT, shape: { dim } } } };
}

/** The ModelProto bytes of a graph, with metadata as key/value pairs: what onnxruntime, Netron and every ONNX tool read. */
export function encodeOnnxModel(graph: OnnxGraph, producerVersion: string, metadata: Readonly<Record<string, string>> = {}): Uint8Array {
  const message = ModelProto.fromObject({
    metadata_props: Object.entries(metadata).map(([key, value]) => ({ key, value })),
    ir_version: ONNX_IR_VERSION,
    producer_name: 'Convas',
    producer_version: producerVersion,
    opset_import: [{ domain: '', version: ONNX_OPSET }],
    graph: {
      name: graph.name,
      node: graph.nodes.map((n) => ({
        name: n.name,
        op_type: n.op,
        input: [...n.inputs],
        output: [...n.outputs],
        attribute: (n.attributes ?? []).map(attribute),
      })),
      initializer: graph.initializers.map((t) => ({
        name: t.name,
        dims: [...t.dims],
        data_type: t.type === 'float' ? ONNX_FLOAT : ONNX_INT64,
        raw_data: rawData(t),
      })),
      input: [valueInfo(graph.input)],
      output: [valueInfo(graph.output)],
    },
  });
  return ModelProto.encode(message).finish();
}
