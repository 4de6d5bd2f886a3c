// Which sources a build was made from, so `npm start` and `npm run -s cli` build only when a
// source changed. Plain JavaScript: the CLI launcher imports it before any TypeScript loader.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

/**
 * A fingerprint of the files under `inputs` (files or folders relative to `root`): each file's
 * path, size and modification time. Any edit, added, deleted or renamed file changes it; reading
 * no file contents keeps it a few milliseconds for the whole source tree.
 * @param {string} root
 * @param {readonly string[]} inputs
 * @returns {string}
 */
export function sourceFingerprint(root, inputs) {
  /** @type {string[]} */
  const lines = [];
  /** @param {string} path */
  const visit = (path) => {
    let stat;
    try {
      stat = statSync(path);
    } catch {
      lines.push(`${relative(root, path)}\0missing`);
      return;
    }
    if (!stat.isDirectory()) {
      lines.push(`${relative(root, path)}\0${stat.size}\0${stat.mtimeMs}`);
      return;
    }
    for (const name of readdirSync(path).sort()) if (name !== 'node_modules') visit(join(path, name));
  };
  for (const input of inputs) visit(join(root, input));
  return createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 16);
}

/**
 * The fingerprint recorded in `stampFile` by the last successful build, or undefined.
 * @param {string} stampFile
 * @returns {string | undefined}
 */
export function readStamp(stampFile) {
  try {
    const value = JSON.parse(readFileSync(stampFile, 'utf8')).fingerprint;
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Records that the output beside `stampFile` was built from sources with `fingerprint`.
 * @param {string} stampFile
 * @param {string} fingerprint
 * @returns {void}
 */
export function writeStamp(stampFile, fingerprint) {
  mkdirSync(dirname(stampFile), { recursive: true });
  writeFileSync(stampFile, `${JSON.stringify({ fingerprint })}\n`);
}
