import type { Explained, LayerProblem, ParamCount, Shape, ShapeInference } from '../layers/types';
import { countParamsOf, inferOutput, layerKind, macsOf, type AnyLayerKind } from '../layers/registry';
import { num, product } from '../layers/format';
import { ACTIVATIONS, INITIALIZERS, isParamProblemCode } from '../layers/params';
import type { Graph, GraphEdge, GraphNode } from './schema';
import type { GraphIssue } from './issues';
import { settingsOutOfBounds } from './param-bounds';

/** Everything Convas knows about one node after analysis; fields are missing where an error upstream hides them. */
export interface NodeReport {
  readonly id: string;
  readonly name: string;
  readonly kind: GraphNode['kind'];
  /** Parameters after validation and Keras defaults. */
  readonly params?: unknown;
  readonly inputShape?: Shape;
  readonly output?: ShapeInference;
  readonly paramCount?: ParamCount;
  readonly macs?: Explained;
  /** Bytes of float32 activations this layer outputs for one sample. */
  readonly memory?: Explained;
  readonly issues: readonly GraphIssue[];
}

/** The result of analysing a graph: per-node reports, the chain from the Input, and every issue. */
export interface GraphAnalysis {
  readonly nodes: ReadonlyMap<string, NodeReport>;
  /** Node ids from the Input along the connections, as far as the chain is unambiguous. */
  readonly chain: readonly string[];
  readonly issues: readonly GraphIssue[];
  /** True when the graph is one valid chain from one Input covering every node. */
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

/** Finds edges that close a cycle (back edges of a depth-first search). */
function backEdges(nodes: readonly GraphNode[], outgoing: ReadonlyMap<string, GraphEdge[]>): GraphEdge[] {
  const state = new Map<string, 1 | 2>();
  const found: GraphEdge[] = [];
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
        if (s === 1) found.push(edge);
        else if (s === undefined) {
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
    return { nodes: new Map(), chain: [], issues, valid: false };
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

  for (const edge of backEdges(nodes, outgoing)) {
    const s = byId.get(edge.source)!;
    const t = byId.get(edge.target)!;
    issues.push({
      target: { edge: edge.id },
      code: 'cycle',
      values: { source: s.name, target: t.name },
    });
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
    const ins = incoming.get(n.id) ?? [];
    const outs = outgoing.get(n.id) ?? [];
    if (n.kind !== 'InputLayer' && ins.length > 1) {
      addNodeIssue({
        target: { node: n.id },
        code: 'merge-unsupported',
        values: { node: n.name, n: ins.length },
      });
    }
    if (outs.length > 1) {
      addNodeIssue({
        target: { node: n.id },
        code: 'fan-out-unsupported',
        values: { node: n.name, n: outs.length },
      });
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
      for (const e of outgoing.get(id) ?? []) {
        if (!reachable.has(e.target)) {
          reachable.add(e.target);
          queue.push(e.target);
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

  // The chain: follow single connections from the Input while the way is unambiguous.
  const chain: string[] = [];
  const reports = new Map<string, NodeReport>();
  let shape: Shape | undefined;
  let current = root;
  const visited = new Set<string>();
  while (current && !visited.has(current.id)) {
    visited.add(current.id);
    chain.push(current.id);
    const kind = layerKind(current.kind)!;
    const p = parsed.get(current.id)!;
    const isInput = current.kind === 'InputLayer';
    const inputShape = isInput ? undefined : shape;
    let output: ShapeInference | undefined;
    if (p.params !== undefined && (isInput || inputShape !== undefined)) {
      const inferred = inferOutput(kind, inputShape ? [inputShape] : [], p.params);
      if (inferred.ok) output = inferred.value;
      else
        addNodeIssue({
          target: { node: current.id },
          code: 'shape',
          values: { node: current.name },
          problem: inferred.problem,
          ...(inferred.problem.param ? { param: inferred.problem.param } : {}),
        });
    }
    const report: NodeReport = {
      id: current.id,
      name: current.name,
      kind: current.kind,
      ...(p.params !== undefined ? { params: p.params } : {}),
      ...(inputShape ? { inputShape } : {}),
      ...(output
        ? {
            output,
            paramCount: countParamsOf(kind, inputShape ? [inputShape] : [], output.shape, p.params),
            macs: macsOf(kind, inputShape ? [inputShape] : [], output.shape, p.params),
            memory: memoryOf(output.shape),
          }
        : {}),
      issues: nodeIssues.get(current.id)!,
    };
    reports.set(current.id, report);
    shape = output?.shape;
    const outs = outgoing.get(current.id) ?? [];
    if (outs.length !== 1) break;
    const next = byId.get(outs[0]!.target)!;
    if ((incoming.get(next.id) ?? []).length !== 1 || next.kind === 'InputLayer') break;
    current = next;
  }

  for (const n of nodes) {
    if (!reports.has(n.id)) {
      const p = parsed.get(n.id)!;
      reports.set(n.id, {
        id: n.id,
        name: n.name,
        kind: n.kind,
        ...(p.params !== undefined ? { params: p.params } : {}),
        issues: nodeIssues.get(n.id)!,
      });
    }
    issues.push(...nodeIssues.get(n.id)!);
  }

  const valid = issues.length === 0 && chain.length === nodes.length;
  return { nodes: reports, chain, issues, valid };
}

/** Float32 activation memory for one sample. */
function memoryOf(shape: Shape): Explained {
  const value = product(shape) * 4;
  return { value, formula: `${[...shape, 4].map(num).join('·')} B = ${num(value)} B` };
}
