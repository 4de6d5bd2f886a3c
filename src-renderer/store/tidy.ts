import type { Project } from '../../src-shared/project/schema';
import { analysisOf } from './analysis';
import { arrangeChain, hasOverlaps } from './graph-edit';

/** Lays out a freshly opened project whose boxes would overlap on this canvas (imports, older files). */
export function tidyProject(project: Project): Project {
  const g = project.graph;
  if (!hasOverlaps(g)) return project;
  return { ...project, graph: arrangeChain(g, analysisOf(g).chain) };
}
