/** A fingerprint (paths, sizes, modification times) of the files under `inputs`, relative to `root`. */
export function sourceFingerprint(root: string, inputs: readonly string[]): string;
/** The fingerprint recorded in `stampFile` by the last successful build, or undefined. */
export function readStamp(stampFile: string): string | undefined;
/** Records that the output beside `stampFile` was built from sources with `fingerprint`. */
export function writeStamp(stampFile: string, fingerprint: string): void;
