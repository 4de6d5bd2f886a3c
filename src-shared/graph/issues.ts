/** What an issue is attached to: a node, an edge, or (only for an empty canvas) the graph itself. */
export type IssueTarget = { readonly node: string } | { readonly edge: string } | { readonly graph: true };

/** A problem with the graph, phrased for the user: what is wrong and what to do. */
export interface GraphIssue {
  readonly target: IssueTarget;
  /** Stable code for tests and translations, e.g. 'kernel-too-large'. */
  readonly code: IssueCode;
  readonly message: string;
  /** The parameter at fault, when there is one. */
  readonly param?: string;
}

export type IssueCode =
  | 'empty'
  | 'no-input'
  | 'many-inputs'
  | 'input-has-incoming'
  | 'duplicate-id'
  | 'duplicate-name'
  | 'dangling-edge'
  | 'duplicate-edge'
  | 'cycle'
  | 'merge-unsupported'
  | 'fan-out-unsupported'
  | 'disconnected'
  | 'bad-param'
  | 'shape';
