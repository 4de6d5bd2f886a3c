import type { Graph } from '../../src-shared/graph/schema';
import type { Project } from '../../src-shared/project/schema';
import { hasOverlaps } from './graph-edit';
import { layoutGraph } from './layout';

/**
 * True when a network with a branch or a merge has all its layers in one column, as an import
 * places them (graphFromLayers): connections that skip layers would run through them.
 */
export function branchesInOneColumn(graph: Graph): boolean {
  const first = graph.nodes[0];
  if (!first || graph.nodes.some((n) => n.position.x !== first.position.x)) return false;
  const into = new Map<string, number>();
  const outOf = new Map<string, number>();
  for (const e of graph.edges) {
    into.set(e.target, (into.get(e.target) ?? 0) + 1);
    outOf.set(e.source, (outOf.get(e.source) ?? 0) + 1);
  }
  return [...into.values(), ...outOf.values()].some((n) => n > 1);
}

/** Lays out a freshly opened project whose boxes would overlap on this canvas (older files) or whose branches sit in one column (imports). */
export function tidyProject(project: Project): Project {
  const g = project.graph;
  if (!hasOverlaps(g) && !branchesInOneColumn(g)) return project;
  return { ...project, graph: layoutGraph(g) };
}
