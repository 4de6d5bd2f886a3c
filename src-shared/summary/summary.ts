import type { Explained, Shape } from '../layers/types';
import type { GraphAnalysis } from '../graph/analyze';
import { batchShape } from '../layers/format';
import { defaultModelName } from '../graph/network';

/** One row of the Keras summary table, with Convas's extra costs and every formula. */
export interface SummaryRow {
  readonly id: string;
  readonly name: string;
  /** The Keras class name. */
  readonly type: string;
  /** Names of the layers feeding this one, in port order (Keras's "Connected to"); empty for the Input. */
  readonly inbound: readonly string[];
  readonly outputShape: (number | null)[];
  readonly params: number;
  readonly trainableParams: number;
  readonly nonTrainableParams: number;
  /** Multiply-accumulates for one sample. */
  readonly macs: number;
  /** Bytes of float32 activations for one sample. */
  readonly memoryBytes: number;
  /** Each number with its formula (pure arithmetic) and caption. */
  readonly formulas: {
    readonly outputShape: readonly Explained[];
    readonly trainableParams: Explained;
    readonly nonTrainableParams: Explained;
    readonly macs: Explained;
    readonly memory: Explained;
  };
}

/** The whole summary: what `model.summary()` prints, as data. */
export interface Summary {
  readonly modelName: string;
  /** True for a functional model (branches or merges): Keras then lists the Input and "Connected to". */
  readonly functional: boolean;
  readonly inputShape: Shape;
  readonly layers: readonly SummaryRow[];
  readonly totalParams: number;
  readonly trainableParams: number;
  readonly nonTrainableParams: number;
  readonly totalMacs: number;
  readonly totalMemoryBytes: number;
}

/** Builds the summary of a valid analysis; undefined when the graph has errors (the UI shows those instead). */
export function summarize(analysis: GraphAnalysis, modelName?: string): Summary | undefined {
  if (!analysis.valid) return undefined;
  const functional = analysis.chain.length !== analysis.order.length;
  const [inputId, ...rest] = analysis.order;
  const input = inputId === undefined ? undefined : analysis.nodes.get(inputId);
  if (!input?.output) return undefined;
  const layers: SummaryRow[] = [];
  const nameOf = (id: string) => analysis.nodes.get(id)?.name ?? id;
  // Keras lists the Input of a functional model as a row of its own; a Sequential model's summary leaves it out.
  for (const id of functional ? analysis.order : rest) {
    const r = analysis.nodes.get(id);
    if (!r?.output || !r.paramCount || !r.macs || !r.memory) return undefined;
    const t = r.paramCount.trainable.value;
    const nt = r.paramCount.nonTrainable.value;
    layers.push({
      id,
      name: r.name,
      type: r.kind,
      inbound: r.inbound.map(nameOf),
      outputShape: batchShape(r.output.shape),
      params: t + nt,
      trainableParams: t,
      nonTrainableParams: nt,
      macs: r.macs.value,
      memoryBytes: r.memory.value,
      formulas: {
        outputShape: r.output.dims,
        trainableParams: r.paramCount.trainable,
        nonTrainableParams: r.paramCount.nonTrainable,
        macs: r.macs,
        memory: r.memory,
      },
    });
  }
  // The Input's activations are the data itself, not a cost of the network: totals leave its row out, as a chain's do.
  const costed = functional ? layers.slice(1) : layers;
  const sum = (f: (r: SummaryRow) => number) => costed.reduce((a, r) => a + f(r), 0);
  return {
    modelName: modelName ?? defaultModelName(!functional),
    functional,
    inputShape: input.output.shape,
    layers,
    totalParams: sum((r) => r.params),
    trainableParams: sum((r) => r.trainableParams),
    nonTrainableParams: sum((r) => r.nonTrainableParams),
    totalMacs: sum((r) => r.macs),
    totalMemoryBytes: sum((r) => r.memoryBytes),
  };
}
