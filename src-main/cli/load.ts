import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { readModelFile, type ModelFileRead } from '../../src-shared/format/model-file';
import { toNetwork, type Network } from '../../src-shared/graph/network';
import type { Project } from '../../src-shared/project/schema';
import type { GraphIssue } from '../../src-shared/graph/issues';
import { issueText } from '../../src-shared/i18n/issue-text';
import { fileProblemText } from '../../src-shared/i18n/file-text';
import { CliError } from './errors';
import { shorten } from '../../src-shared/i18n/format';
import { resolveFrom, type CliIo } from './io';

/** Reads a project, Keras JSON or tfjs model.json from disk (a relative path from the invocation's directory). */
export async function loadProject(path: string, io: CliIo): Promise<Extract<ModelFileRead, { ok: true }>> {
  let text: string;
  try {
    text = await readFile(resolveFrom(io, path), 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const quoted = shorten(path);
    throw new CliError(code === 'ENOENT' ? `${quoted}: no such file` : `${quoted}: cannot be read (${shorten(code ?? String(e))})`);
  }
  const read = readModelFile(text, basename(path));
  if (!read.ok) throw new CliError(fileProblemText('en', read.error));
  return read;
}

/** The project's network (a chain or any graph with one Input and one output), or a CliError listing every problem with its layer. */
export function requireNetwork(project: Project): Network {
  const result = toNetwork(project.graph);
  if (!result.ok) throw invalidNetwork(result.issues);
  return result.model;
}

/** The error for an invalid network: every issue on its own line, in English (the CLI speaks English). */
export function invalidNetwork(issues: readonly GraphIssue[]): CliError {
  return new CliError(`The network is not valid:\n${issues.map((i) => `  - ${issueText('en', i)}`).join('\n')}`);
}
