import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toNetwork } from '../../../src-shared/graph/network';
import { parseProject } from '../../../src-shared/project/io';
import { toPythonScript } from '../../../src-shared/python/generate';
import { exportCommand } from '../../../src-main/cli/commands/export';
import { cli, ROOT } from './run-cli';

const template = join(ROOT, 'assets/templates/small-resnet.convas.json');
const tmp = () => mkdtempSync(join(tmpdir(), 'convas-cli-distribute-'));

/** The script the generator writes for the template with `options`. */
function expected(options?: Parameters<typeof toPythonScript>[3]): string {
  const parsed = parseProject(readFileSync(template, 'utf8'));
  if (!parsed.ok) throw new Error('template');
  const net = toNetwork(parsed.project.graph);
  if (!net.ok) throw new Error('template');
  return toPythonScript(net.model, parsed.project.training, parsed.project.name, options);
}

describe('cli export --to python --distribute', () => {
  it('writes the MirroredStrategy and MultiWorkerMirroredStrategy scripts, and the plain one without the flag', async () => {
    const dir = tmp();
    for (const distribution of ['mirrored', 'multi-worker'] as const) {
      const out = join(dir, `${distribution}.py`);
      const r = await cli(['export', template, '--to', 'python', '--distribute', distribution, '-o', out]);
      expect(r.status, r.stderr).toBe(0);
      expect(readFileSync(out, 'utf8')).toBe(expected({ distribution }));
    }
    expect(readFileSync(join(dir, 'mirrored.py'), 'utf8')).toContain('tf.distribute.MirroredStrategy()');
    expect(readFileSync(join(dir, 'multi-worker.py'), 'utf8')).toContain('tf.distribute.MultiWorkerMirroredStrategy()');
    const plain = join(dir, 'plain.py');
    expect((await cli(['export', template, '--to', 'python', '-o', plain])).status).toBe(0);
    expect(readFileSync(plain, 'utf8')).toBe(expected());
  });

  it('refuses an unknown distribution, and a distribution for anything but the Python script', async () => {
    const out = join(tmp(), 'x');
    const unknown = await cli(['export', template, '--to', 'python', '--distribute', 'parameter-server', '-o', out]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("--distribute must be one of none, mirrored, multi-worker (got 'parameter-server')");
    // The command itself refuses before it reads the file or writes anything.
    const io = { out: () => undefined, err: () => undefined, cwd: ROOT };
    await expect(exportCommand([template, '--to', 'keras-json', '--distribute', 'mirrored', '-o', out], io)).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringContaining('--distribute applies to --to python only') as unknown,
    });
  });
});
