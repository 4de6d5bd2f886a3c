/** What went wrong with a dataset, so callers (CLI, UI) can react without parsing messages. */
export type DatasetErrorCode =
  | 'not-found'
  | 'missing-files'
  | 'bad-gzip'
  | 'bad-magic'
  | 'bad-type'
  | 'bad-rank'
  | 'bad-dimensions'
  | 'truncated'
  | 'trailing-bytes'
  | 'bad-label'
  | 'count-mismatch'
  | 'size-mismatch'
  | 'checksum-mismatch'
  | 'download-failed'
  | 'unavailable'
  | 'no-images'
  | 'one-class'
  | 'empty-class'
  | 'empty-test-class'
  | 'unknown-test-class'
  | 'missing-cifar-files'
  | 'bad-archive';

/** A dataset problem with a message that names the file, says what is wrong and what to do. */
export class DatasetError extends Error {
  override readonly name = 'DatasetError';
  /** The class, folder or file the problem is about, for the UI's own words (a folder's name verbatim). */
  readonly subject: string | undefined;

  constructor(
    readonly code: DatasetErrorCode,
    message: string,
    options?: { cause?: unknown; subject?: string },
  ) {
    super(message, options);
    this.subject = options?.subject;
  }
}

/** 47040000 → "47,040,000": people read big byte counts better with separators. */
export { formatCount } from '../../../src-shared/layers/format';

/** The message of anything thrown, for error texts that wrap another error. */
export function describeError(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
