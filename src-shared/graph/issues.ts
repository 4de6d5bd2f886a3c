import type { NoValues } from '../i18n/coded';
import type { LayerProblem } from '../layers/types';

/** What an issue is attached to: a node, an edge, or (only for an empty canvas) the graph itself. */
export type IssueTarget = { readonly node: string } | { readonly edge: string } | { readonly graph: true };

/** The values of each issue about the graph's structure: the names its sentence mentions. */
export type StructureValues = {
  readonly empty: NoValues;
  readonly 'no-input': { readonly node: string };
  readonly 'many-inputs': { readonly node: string; readonly input: string };
  readonly 'input-has-incoming': { readonly node: string; readonly source: string };
  readonly 'duplicate-id': { readonly node: string; readonly id: string };
  readonly 'duplicate-name': { readonly node: string };
  readonly 'dangling-edge': { readonly edge: string };
  readonly 'duplicate-edge': { readonly source: string; readonly target: string };
  /** `path` names every node on the loop in order, back to the first: "conv2d → dense → conv2d". */
  readonly cycle: { readonly source: string; readonly target: string; readonly path: string };
  /** A one-input layer with several incoming connections. */
  readonly 'too-many-inbound': { readonly node: string; readonly n: number; readonly kind: string };
  /** A merge with fewer than two incoming connections. */
  readonly 'merge-needs-two': { readonly node: string; readonly n: number; readonly kind: string };
  readonly disconnected: { readonly node: string; readonly input: string };
  /** A branch that ends without reaching the model's output. */
  readonly 'dead-end': { readonly node: string; readonly output: string };
};
export type StructureCode = keyof StructureValues & string;

/** An issue with how the graph is put together; its code and values say everything. */
export type StructureIssue = {
  readonly [C in StructureCode]: {
    readonly target: IssueTarget;
    readonly code: C;
    readonly values: StructureValues[C];
    /** The parameter at fault, when there is one. */
    readonly param?: string;
  };
}[StructureCode];

/** An issue with one layer: a parameter value it refuses ('bad-param') or an input it cannot take ('shape'). */
export interface LayerIssue {
  readonly target: { readonly node: string };
  readonly code: 'bad-param' | 'shape';
  readonly values: { readonly node: string };
  /** What is wrong, as the layer kind or its parameter schema said it. */
  readonly problem: LayerProblem;
  /** For a refused value: what the user gave, as JSON text; null when nothing was given. */
  readonly got?: string | null;
  /** The parameter at fault, when there is one. */
  readonly param?: string;
}

/**
 * A problem with the graph as data: a stable code and the values of its sentence (what is wrong
 * and what to do). `issueText` in src-shared/i18n words it in a language.
 */
export type GraphIssue = StructureIssue | LayerIssue;

export type IssueCode = GraphIssue['code'];
