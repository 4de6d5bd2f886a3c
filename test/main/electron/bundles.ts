// Builds the desktop bundles for a test into its own folder under node_modules/.cache, so the
// engine bundle resolves @tensorflow/* from the project's node_modules as it does in the app.
import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { buildElectron, ROOT, type ElectronBuildResult } from '../../../scripts/build-electron';

export async function buildForTest(name: string): Promise<ElectronBuildResult & { cleanUp(): Promise<void> }> {
  const cache = join(ROOT, 'node_modules', '.cache');
  await mkdir(cache, { recursive: true });
  const outDir = await mkdtemp(join(cache, `convas-test-${name}-`));
  const result = await buildElectron({ outDir });
  return { ...result, cleanUp: () => rm(outDir, { recursive: true, force: true }) };
}
