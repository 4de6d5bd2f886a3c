import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT } from './run-cli';

/** The lecture CNN's project file with its hidden Dense layer widened to `units`. */
function lectureWith(units: number): string {
  const project = JSON.parse(readFileSync(join(ROOT, 'assets/templates/lecture-cnn.convas.json'), 'utf8'));
  project.graph.nodes[4].params.units = units;
  const file = join(mkdtempSync(join(tmpdir(), 'convas-budget-')), 'huge.convas.json');
  writeFileSync(file, JSON.stringify(project));
  return file;
}

// In process through runCli; the engine it forks answers before reading any data.
describe('cli train memory budget', { timeout: 120_000 }, () => {
  it('prints the refusal naming the largest layer and the estimate, exits non-zero and never starts the run', async () => {
    const r = await cli(['train', lectureWith(1e9), '--dataset', 'sample', '--backend', 'cpu']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /dense: 1,961,000,000,000 parameters — training needs about \d+ TB with Adam \(batch 32\); this computer allows [\d.]+ GB\. Use fewer units or filters, or pool first\./,
    );
    expect(r.stdout).toMatch(/^backend: cpu \(.*\), runs up to [\d.]+ GB of memory$/m);
    expect(r.stdout).not.toMatch(/^dataset:|^epoch/m);
  });

  it('with --json prints the ready event with its budget and no dataset event', async () => {
    const r = await cli(['train', lectureWith(1e9), '--dataset', 'sample', '--backend', 'cpu', '--json']);
    expect(r.status).toBe(1);
    const events = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { type: string; memoryBudgetBytes?: number });
    expect(events.map((e) => e.type)).toEqual(['ready']);
    expect(events[0]!.memoryBudgetBytes).toBeGreaterThan(0);
    expect(r.stderr).toContain('dense: 1,961,000,000,000 parameters');
  });
});
