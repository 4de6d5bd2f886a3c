// `export <file> --to pytorch`: the design alone as model_pytorch.py, runnable by torch; a layer PyTorch cannot express exactly is refused by name.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT } from './run-cli';
import { pythonWithTorch } from '../../shared/support/torch-python';

const tmp = () => mkdtempSync(join(tmpdir(), 'convas-cli-pytorch-'));

describe('cli export --to pytorch', () => {
  it('writes the design as a module that torch builds with the summary’s parameters, untrained', async () => {
    const python = pythonWithTorch();
    const out = join(tmp(), 'model_pytorch.py');
    const r = await cli(['export', join(ROOT, 'assets/templates/lecture-cnn.convas.json'), '--to', 'pytorch', '-o', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(out);
    const text = readFileSync(out, 'utf8');
    expect(text).toContain('self.conv2d = nn.Conv2d(1, 10, kernel_size=(3, 3), padding=(1, 1))');
    expect(text).toContain('flatten = torch.flatten(max_pooling2d.permute(0, 2, 3, 1), 1)');
    const run = spawnSync(python, [out], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('197210 parameters, untrained');
  });

  it('refuses a layer PyTorch cannot express exactly, naming it and what to change', async () => {
    const dir = tmp();
    const project = JSON.parse(readFileSync(join(ROOT, 'assets/templates/lecture-cnn.convas.json'), 'utf8')) as {
      graph: { nodes: { kind: string; name: string; params: Record<string, unknown> }[] };
    };
    const conv = project.graph.nodes.find((n) => n.kind === 'Conv2D')!;
    conv.kind = 'Conv2DTranspose';
    conv.name = 'upsample';
    conv.params = { filters: 10, kernel_size: 3, strides: 2, padding: 'same', output_padding: 1 };
    const file = join(dir, 'transposed.convas.json');
    writeFileSync(file, JSON.stringify(project));
    const r = await cli(['export', file, '--to', 'pytorch', '-o', join(dir, 'model_pytorch.py')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("Layer 'upsample': a Conv2DTranspose with output_padding cannot be exported to PyTorch exactly");
  });
});
