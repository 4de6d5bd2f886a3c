import { create } from 'zustand';
import type { Graph } from '../../src-shared/graph/schema';
import type { Project } from '../../src-shared/project/schema';
import type { TrainingSettings } from '../../src-shared/project/training';
import { EMPTY_HISTORY, record, redo, undo, type History } from './history';
import { moveNodes, type XY } from './graph-edit';

export interface Selection {
  readonly nodes: readonly string[];
  readonly edges: readonly string[];
}

export const NO_SELECTION: Selection = { nodes: [], edges: [] };

export interface ProjectState {
  readonly project: Project;
  /** The project as last opened or saved (null: never saved); the project is dirty when it differs. */
  readonly saved: Project | null;
  /**
   * True when the last save went to a host that cannot confirm it wrote the file (a browser
   * download the user may cancel): autosave then keeps a copy even of the saved state.
   */
  readonly savedUnconfirmed: boolean;
  /** The file name it was opened from or saved as; null for a new project. */
  readonly fileName: string | null;
  /** Where that file lives, when the host knows (the desktop app): Save writes there without asking. */
  readonly filePath: string | null;
  readonly history: History;
  /** True while a node drag is under way (its moves are one undo step). */
  readonly dragging: boolean;
  readonly selection: Selection;

  /** Applies a graph edit as one undo step; edits with the same `key` in quick succession merge. */
  edit(change: (graph: Graph) => Graph, key?: string): void;
  /** Moves nodes; all moves of one drag gesture are one undo step. */
  move(positions: ReadonlyMap<string, XY>, dragging: boolean): void;
  select(selection: Selection): void;
  undo(): boolean;
  redo(): boolean;
  /**
   * Replaces the whole project (new, open, template, restore). `dirty` keeps it marked unsaved;
   * `path` is where the file lives; `unconfirmed`: it is as last saved, by an unconfirmed save.
   */
  load(project: Project, fileName: string | null, options?: { dirty?: boolean; path?: string; unconfirmed?: boolean }): void;
  /** Marks the project saved as `fileName` (at `path`); `unconfirmed` when the host cannot tell whether the file was written. */
  markSaved(fileName: string, path?: string, unconfirmed?: boolean): void;
  rename(name: string): void;
  setTraining(training: TrainingSettings): void;
}

function withGraph(project: Project, graph: Graph): Project {
  return graph === project.graph ? project : { ...project, graph };
}

function pruneSelection(selection: Selection, graph: Graph): Selection {
  const nodes = selection.nodes.filter((id) => graph.nodes.some((n) => n.id === id));
  const edges = selection.edges.filter((id) => graph.edges.some((e) => e.id === id));
  return nodes.length === selection.nodes.length && edges.length === selection.edges.length ? selection : { nodes, edges };
}

export const useProjectStore = create<ProjectState>((set, get) => ({
  project: undefined as unknown as Project, // set by initProjectStore before the first render
  saved: null,
  savedUnconfirmed: false,
  fileName: null,
  filePath: null,
  history: EMPTY_HISTORY,
  dragging: false,
  selection: NO_SELECTION,

  edit(change, key) {
    const { project, history } = get();
    const graph = change(project.graph);
    if (graph === project.graph) return;
    set({
      project: withGraph(project, graph),
      history: record(history, project.graph, key, Date.now()),
      selection: pruneSelection(get().selection, graph),
    });
  },

  move(positions, dragging) {
    const { project, history } = get();
    const graph = moveNodes(project.graph, positions);
    const startsGesture = !get().dragging;
    if (graph === project.graph) {
      if (get().dragging !== dragging) set({ dragging });
      return;
    }
    set({
      project: withGraph(project, graph),
      history: startsGesture ? record(history, project.graph, undefined, Date.now()) : history,
      dragging,
    });
  },

  select(selection) {
    const current = get().selection;
    const same =
      current.nodes.length === selection.nodes.length &&
      current.edges.length === selection.edges.length &&
      current.nodes.every((id, i) => id === selection.nodes[i]) &&
      current.edges.every((id, i) => id === selection.edges[i]);
    if (!same) set({ selection });
  },

  undo() {
    const { project, history, selection } = get();
    const step = undo(history, project.graph);
    if (!step) return false;
    set({
      project: withGraph(project, step.graph),
      history: step.history,
      selection: pruneSelection(selection, step.graph),
      dragging: false,
    });
    return true;
  },

  redo() {
    const { project, history, selection } = get();
    const step = redo(history, project.graph);
    if (!step) return false;
    set({
      project: withGraph(project, step.graph),
      history: step.history,
      selection: pruneSelection(selection, step.graph),
      dragging: false,
    });
    return true;
  },

  load(project, fileName, options) {
    set({
      project,
      saved: options?.dirty ? null : project,
      savedUnconfirmed: !options?.dirty && options?.unconfirmed === true,
      fileName,
      filePath: fileName !== null ? (options?.path ?? null) : null,
      history: EMPTY_HISTORY,
      dragging: false,
      selection: NO_SELECTION,
    });
  },

  markSaved(fileName, path, unconfirmed = false) {
    set({ saved: get().project, savedUnconfirmed: unconfirmed, fileName, filePath: path ?? null });
  },

  rename(name) {
    const { project } = get();
    if (name.length > 0 && name !== project.name) set({ project: { ...project, name } });
  },

  setTraining(training) {
    set({ project: { ...get().project, training } });
  },
}));

/** Whether the project has changes that are not in its file. */
export function isDirty(s: Pick<ProjectState, 'project' | 'saved'>): boolean {
  const { project, saved } = s;
  if (saved === null) return true;
  return (
    project !== saved &&
    (project.graph !== saved.graph ||
      project.name !== saved.name ||
      project.description !== saved.description ||
      project.training !== saved.training)
  );
}

/** Sets the first project; called once before the app renders. */
export function initProjectStore(project: Project, fileName: string | null): void {
  useProjectStore.getState().load(project, fileName);
}
