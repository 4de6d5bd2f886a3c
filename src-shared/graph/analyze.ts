import type { Explained, LayerProblem, ParamCount, Shape, ShapeInference } from '../layers/types';
import { countParamsOf, inferOutput, isMergeKind, layerKind, macsOf, type AnyLayerKind } from '../layers/registry';
import { num, product } from '../layers/format';
import { ACTIVATIONS, INITIALIZERS, isParamProblemCode } from '../layers/params';
import type { Graph, GraphEdge, GraphNode } from './schema';
import type { GraphIssue, LayerIssue } from './issues';
import { settingsOutOfBounds } from './param-bounds';

/** Everything Convas knows about one node after analysis; fields are missing where an error upstream hides them. */
export interface NodeReport {
  readonly id: string;
  readonly name: string;
  readonly kind: GraphNode['kind'];
  /** Parameters after validation and Keras defaults. */
  readonly params?: unknown;
  /** The ids of the nodes feeding this one, in port order (loop-closing connections left out). */
  readonly inbound: readonly string[];
  /** The first input's shape (the only one for all but merges). */
  readonly inputShape?: Shape;
  /** Every input's shape in port order. */
  readonly inputShapes?: readonly Shape[];
  readonly output?: ShapeInference;
  readonly paramCount?: ParamCount;
  readonly macs?: Explained;
  /** Bytes of float32 activations this layer outputs for one sample. */
  readonly memory?: Explained;
  readonly issues: readonly GraphIssue[];
}

/** The result of analysing a graph: per-node reports, the layers in Keras's order, and every issue. */
export interface GraphAnalysis {
  readonly nodes: ReadonlyMap<string, NodeReport>;
  /** Node ids of everything that leads from the Input to the output, in Keras's order (Input first, output last). */
  readonly order: readonly string[];
  /** The leading part of `order` that is a plain chain; all of it when the network is a chain. */
  readonly chain: readonly string[];
  readonly issues: readonly GraphIssue[];
  /** True when every node lies on a way from the one Input to the one output and nothing is wrong. */
  readonly valid: boolean;
}

interface Parsed {
  readonly params?: unknown;
  readonly issues: GraphIssue[];
}

/** The value the user gave, as JSON text (NaN and ±Infinity as typed); null when there is none. */
function gotValue(v: unknown): string | null {
  if (v === undefined) return null;
  // JSON would print NaN and ±Infinity as null, which is not what the user typed.
  if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}

/** Turns a zod message back into our code with its values; a message zod wrote itself is 'invalid'. */
function paramProblem(message: string, param: string): LayerProblem {
  const code = isParamProblemCode(message) ? message : 'invalid';
  if (code === 'activation') return { code, values: { param, options: ACTIVATIONS.join(', ') }, param };
  if (code === 'initializer') return { code, values: { param, options: INITIALIZERS.join(', ') }, param };
  return { code, values: { param }, param };
}

/** A node's settings after validation and Keras defaults, or the issues that refuse them (none for an unknown kind). */
export function parseNodeParams(node: GraphNode): { readonly params?: unknown; readonly issues: readonly GraphIssue[] } {
  const kind = layerKind(node.kind);
  return kind ? parseParams(node, kind) : { issues: [] };
}

function parseParams(node: GraphNode, kind: AnyLayerKind): Parsed {
  const at = { node: node.id };
  const values = { node: node.name };
  // Before zod or JSON.stringify see the settings: a value nested 10,000 deep would overflow the stack.
  const outOfBounds = settingsOutOfBounds(node.params);
  if (outOfBounds.length > 0) {
    return { issues: outOfBounds.map((problem): GraphIssue => ({ target: at, code: 'bad-param', values, problem, param: problem.param })) };
  }
  const result = kind.schema.safeParse(node.params);
  if (!result.success) {
    // Zod still runs length checks on a value of the wrong type ("28x28" for a shape is also "too long"); say only the type.
    const pathKey = (path: readonly PropertyKey[]) => path.map(String).join('\u0000');
    const wrongType = new Set(result.error.issues.filter((i) => i.code === 'invalid_type').map((i) => pathKey(i.path)));
    const relevant = result.error.issues.filter((i) => i.code === 'invalid_type' || !wrongType.has(pathKey(i.path)));
    const issues = relevant.map((issue): GraphIssue => {
      const param = typeof issue.path[0] === 'string' ? issue.path[0] : undefined;
      if (param === undefined) return { target: at, code: 'bad-param', values, problem: paramProblem(issue.message, '') };
      return {
        target: at,
        code: 'bad-param',
        values,
        problem: paramProblem(issue.message, param),
        got: gotValue(node.params[param]),
        param,
      };
    });
    return { issues };
  }
  const problem = kind.check?.(result.data);
  if (problem) {
    return { issues: [{ target: at, code: 'bad-param', values, problem, ...(problem.param ? { param: problem.param } : {}) }] };
  }
  return { params: result.data, issues: [] };
}

/** An edge that closes a loop, with the nodes on the loop from its target back round to its source. */
interface Loop {
  readonly edge: GraphEdge;
  readonly path: readonly string[];
}

/** Finds edges that close a cycle (back edges of a depth-first search), each with the loop it closes. */
function loops(nodes: readonly GraphNode[], outgoing: ReadonlyMap<string, GraphEdge[]>): Loop[] {
  const state = new Map<string, 1 | 2>();
  const found: Loop[] = [];
  for (const start of nodes) {
    if (state.has(start.id)) continue;
    // Iterative DFS: deep chains (1,000 layers) must not overflow the stack.
    const stack: { id: string; next: number }[] = [{ id: start.id, next: 0 }];
    state.set(start.id, 1);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const edges = outgoing.get(top.id) ?? [];
      if (top.next < edges.length) {
        const edge = edges[top.next++]!;
        const s = state.get(edge.target);
        if (s === 1) {
          const from = stack.findIndex((f) => f.id === edge.target);
          found.push({ edge, path: stack.slice(from).map((f) => f.id) });
        } else if (s === undefined) {
          state.set(edge.target, 1);
          stack.push({ id: edge.target, next: 0 });
        }
      } else {
        state.set(top.id, 2);
        stack.pop();
      }
    }
  }
  return found;
}

/** Incoming edges in port order: numbered ports first by number, then the rest as they were drawn. */
function byPort(edges: readonly GraphEdge[]): readonly GraphEdge[] {
  if (edges.length < 2) return edges;
  return edges
    .map((edge, i) => ({ edge, i }))
    .sort((a, b) => (a.edge.port ?? Infinity) - (b.edge.port ?? Infinity) || a.i - b.i)
    .map((x) => x.edge);
}

/**
 * Keras's order of a functional model's layers: by depth from the output (deepest first), ties by
 * the order a depth-first walk from the output meets them (inputs in port order). For a chain it is
 * the chain. Only nodes that reach `output` take part.
 */
function kerasOrder(output: string, inbound: ReadonlyMap<string, readonly string[]>): string[] {
  const index = new Map<string, number>();
  const postorder: string[] = [];
  const done = new Set<string>();
  const stack: { id: string; next: number }[] = [{ id: output, next: 0 }];
  const onStack = new Set([output]);
  index.set(output, 0);
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    const ins = inbound.get(top.id) ?? [];
    if (top.next < ins.length) {
      const id = ins[top.next++]!;
      if (done.has(id) || onStack.has(id)) continue;
      if (!index.has(id)) index.set(id, index.size);
      stack.push({ id, next: 0 });
      onStack.add(id);
    } else {
      done.add(top.id);
      postorder.push(top.id);
      onStack.delete(top.id);
      stack.pop();
    }
  }
  const depth = new Map<string, number>();
  for (let k = postorder.length - 1; k >= 0; k--) {
    const id = postorder[k]!;
    const d = depth.get(id) ?? 0;
    depth.set(id, d);
    for (const from of inbound.get(id) ?? []) depth.set(from, Math.max(depth.get(from) ?? 0, d + 1));
  }
  return [...postorder].sort((a, b) => depth.get(b)! - depth.get(a)! || index.get(a)! - index.get(b)!);
}

/** Validates a graph and infers every shape, parameter count and cost it can; never throws on bad input. */
export function analyzeGraph(graph: Graph): GraphAnalysis {
  const issues: GraphIssue[] = [];
  const byId = new Map<string, GraphNode>();
  const names = new Map<string, string>();
  const nodes: GraphNode[] = [];
  const duplicateNames: GraphNode[] = [];
  for (const node of graph.nodes) {
    if (byId.has(node.id)) {
      issues.push({
        target: { node: node.id },
        code: 'duplicate-id',
        values: { node: node.name, id: node.id },
      });
      continue;
    }
    byId.set(node.id, node);
    nodes.push(node);
    if (names.has(node.name)) duplicateNames.push(node);
    else names.set(node.name, node.id);
  }

  if (nodes.length === 0) {
    issues.push({
      target: { graph: true },
      code: 'empty',
      values: {},
    });
    return { nodes: new Map(), order: [], chain: [], issues, valid: false };
  }

  const incoming = new Map<string, GraphEdge[]>();
  const outgoing = new Map<string, GraphEdge[]>();
  const seenPairs = new Set<string>();
  for (const edge of graph.edges) {
    const source = byId.get(edge.source);
    const target = byId.get(edge.target);
    if (!source || !target) {
      issues.push({
        target: { edge: edge.id },
        code: 'dangling-edge',
        values: { edge: edge.id },
      });
      continue;
    }
    const pairKey = `${edge.source}\u0000${edge.target}`;
    if (seenPairs.has(pairKey)) {
      issues.push({
        target: { edge: edge.id },
        code: 'duplicate-edge',
        values: { source: source.name, target: target.name },
      });
      continue;
    }
    seenPairs.add(pairKey);
    (incoming.get(edge.target) ?? incoming.set(edge.target, []).get(edge.target)!).push(edge);
    (outgoing.get(edge.source) ?? outgoing.set(edge.source, []).get(edge.source)!).push(edge);
  }

  const nodeIssues = new Map<string, GraphIssue[]>(nodes.map((n) => [n.id, []]));
  const addNodeIssue = (issue: GraphIssue & { target: { node: string } }) => nodeIssues.get(issue.target.node)?.push(issue);

  for (const node of duplicateNames) {
    addNodeIssue({
      target: { node: node.id },
      code: 'duplicate-name',
      values: { node: node.name },
      param: 'name',
    });
  }

  // A loop's closing edge is left out of everything below, so shapes still flow through the rest.
  const closing = new Set<string>();
  for (const { edge, path } of loops(nodes, outgoing)) {
    closing.add(edge.id);
    const s = byId.get(edge.source)!;
    const t = byId.get(edge.target)!;
    issues.push({
      target: { edge: edge.id },
      code: 'cycle',
      values: { source: s.name, target: t.name, path: [...path, edge.target].map((id) => byId.get(id)!.name).join(' → ') },
    });
  }
  // Incoming node ids of every node, in port order, without loop-closing edges.
  const inbound = new Map<string, string[]>();
  const outbound = new Map<string, string[]>();
  for (const n of nodes) {
    inbound.set(
      n.id,
      byPort((incoming.get(n.id) ?? []).filter((e) => !closing.has(e.id))).map((e) => e.source),
    );
    outbound.set(
      n.id,
      (outgoing.get(n.id) ?? []).filter((e) => !closing.has(e.id)).map((e) => e.target),
    );
  }

  const inputs = nodes.filter((n) => n.kind === 'InputLayer');
  if (inputs.length === 0) {
    for (const n of nodes.filter((n) => (incoming.get(n.id) ?? []).length === 0)) {
      addNodeIssue({
        target: { node: n.id },
        code: 'no-input',
        values: { node: n.name },
      });
    }
  }
  for (const extra of inputs.slice(1)) {
    addNodeIssue({
      target: { node: extra.id },
      code: 'many-inputs',
      values: { node: extra.name, input: inputs[0]!.name },
    });
  }
  for (const input of inputs) {
    for (const edge of incoming.get(input.id) ?? []) {
      issues.push({
        target: { edge: edge.id },
        code: 'input-has-incoming',
        values: { node: input.name, source: byId.get(edge.source)!.name },
      });
    }
  }
  for (const n of nodes) {
    if (n.kind === 'InputLayer') continue;
    const kind = layerKind(n.kind);
    const count = (incoming.get(n.id) ?? []).length;
    if (kind && isMergeKind(kind)) {
      if (count === 1) addNodeIssue({ target: { node: n.id }, code: 'merge-needs-two', values: { node: n.name, n: count, kind: n.kind } });
    } else if (count > 1) {
      addNodeIssue({ target: { node: n.id }, code: 'too-many-inbound', values: { node: n.name, n: count, kind: n.kind } });
    }
  }

  // Reachability from the Input, over every connection.
  const root = inputs[0];
  const reachable = new Set<string>();
  if (root) {
    const queue = [root.id];
    reachable.add(root.id);
    while (queue.length > 0) {
      const id = queue.pop()!;
      for (const next of outbound.get(id) ?? []) {
        if (!reachable.has(next)) {
          reachable.add(next);
          queue.push(next);
        }
      }
    }
    for (const n of nodes) {
      if (!reachable.has(n.id) && n.kind !== 'InputLayer') {
        addNodeIssue({
          target: { node: n.id },
          code: 'disconnected',
          values: { node: n.name, input: root.name },
        });
      }
    }
  }

  // Parameters of every node, connected or not, so the inspector can mark bad values anywhere.
  const parsed = new Map<string, Parsed>();
  for (const n of nodes) {
    const kind = layerKind(n.kind);
    const p: Parsed = kind ? parseParams(n, kind) : { issues: [] };
    parsed.set(n.id, p);
    nodeIssues.get(n.id)!.push(...p.issues);
  }

  // Shapes flow from the Input in topological order (Kahn); a node gets one once all its inputs have theirs.
  const reports = new Map<string, NodeReport>();
  const shapes = new Map<string, Shape>();
  const waiting = new Map<string, number>();
  const ready: string[] = root ? [root.id] : [];
  const flowed: string[] = [];
  for (const id of reachable) waiting.set(id, (inbound.get(id) ?? []).filter((from) => reachable.has(from)).length);
  for (let next = 0; next < ready.length; next++) {
    const id = ready[next]!;
    flowed.push(id);
    const node = byId.get(id)!;
    const kind = layerKind(node.kind)!;
    const p = parsed.get(id)!;
    const isInput = node.kind === 'InputLayer';
    const from = isInput ? [] : inbound.get(id)!;
    const inputShapes = from.map((f) => shapes.get(f));
    const known = inputShapes.every((s): s is Shape => s !== undefined) && (isInput || from.length > 0);
    const structural = isInput ? false : isMergeKind(kind) ? from.length < 2 : from.length !== 1;
    let flow: NodeFlow | undefined;
    if (p.params !== undefined && known && !structural) {
      flow = flowNode(node, kind, inputShapes as Shape[], p.params);
      if ('issue' in flow) addNodeIssue(flow.issue);
    }
    const output = flow && 'output' in flow ? flow : undefined;
    const ins = known ? (inputShapes as Shape[]) : undefined;
    reports.set(id, {
      id,
      name: node.name,
      kind: node.kind,
      ...(p.params !== undefined ? { params: p.params } : {}),
      inbound: from,
      ...(ins && ins.length > 0 ? { inputShape: ins[0]!, inputShapes: ins } : {}),
      ...(output && ins ? { output: output.output, paramCount: output.paramCount, macs: output.macs, memory: output.memory } : {}),
      issues: nodeIssues.get(id)!,
    });
    if (output) shapes.set(id, output.output.shape);
    for (const next of outbound.get(id) ?? []) {
      const left = waiting.get(next)! - 1;
      waiting.set(next, left);
      if (left === 0) ready.push(next);
    }
  }

  // The output: the reachable node without outgoing connections that lies deepest; other such ends go nowhere.
  let order: string[] = [];
  if (root) {
    const depth = new Map<string, number>();
    for (const id of flowed) {
      const d = Math.max(-1, ...(inbound.get(id) ?? []).map((f) => depth.get(f) ?? -1)) + 1;
      depth.set(id, d);
    }
    const ends = flowed.filter((id) => (outbound.get(id) ?? []).length === 0);
    let output: string | undefined;
    for (const id of ends) if (output === undefined || depth.get(id)! >= depth.get(output)!) output = id;
    if (output !== undefined) {
      const outputName = byId.get(output)!.name;
      for (const id of ends) {
        if (id !== output)
          addNodeIssue({ target: { node: id }, code: 'dead-end', values: { node: byId.get(id)!.name, output: outputName } });
      }
      order = kerasOrder(output, inbound);
    }
  }

  for (const n of nodes) {
    if (!reports.has(n.id)) {
      const p = parsed.get(n.id)!;
      reports.set(n.id, {
        id: n.id,
        name: n.name,
        kind: n.kind,
        ...(p.params !== undefined ? { params: p.params } : {}),
        inbound: inbound.get(n.id) ?? [],
        issues: nodeIssues.get(n.id)!,
      });
    }
    issues.push(...nodeIssues.get(n.id)!);
  }

  const valid = issues.length === 0 && order.length === nodes.length;
  return { nodes: reports, order, chain: chainOf(order, reports), issues, valid };
}

/** The leading part of `order` that is a plain chain (each node fed by the one before it alone). */
function chainOf(order: readonly string[], reports: ReadonlyMap<string, NodeReport>): string[] {
  const chain: string[] = [];
  for (const id of order) {
    const ins = reports.get(id)?.inbound ?? [];
    if (chain.length > 0 && (ins.length !== 1 || ins[0] !== chain[chain.length - 1])) break;
    chain.push(id);
  }
  return chain;
}

/** What one layer makes of its known inputs: its output and costs, or the shape issue that stops it. */
export type NodeFlow =
  | { readonly output: ShapeInference; readonly paramCount: ParamCount; readonly macs: Explained; readonly memory: Explained }
  | { readonly issue: LayerIssue & { readonly code: 'shape' } };

/** Runs one layer on its input shapes (in port order) with its parsed settings, as the analysis does. */
export function flowNode(node: Pick<GraphNode, 'id' | 'name'>, kind: AnyLayerKind, ins: readonly Shape[], params: unknown): NodeFlow {
  const inferred = inferOutput(kind, ins, params);
  if (!inferred.ok) {
    const problem = inferred.problem;
    return {
      issue: {
        target: { node: node.id },
        code: 'shape',
        values: { node: node.name },
        problem,
        ...(problem.param ? { param: problem.param } : {}),
      },
    };
  }
  const output = inferred.value;
  return {
    output,
    paramCount: countParamsOf(kind, ins, output.shape, params),
    macs: macsOf(kind, ins, output.shape, params),
    memory: memoryOf(output.shape),
  };
}

/** Float32 activation memory for one sample. */
function memoryOf(shape: Shape): Explained {
  const value = product(shape) * 4;
  return { value, formula: `${[...shape, 4].map(num).join('·')} B = ${num(value)} B` };
}
