import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    // Engine tests train real models; two cores cannot run many at once usefully.
    maxWorkers: 2,
    // Runs recorded by the app and engines the tests start go to a folder of their own, never the user's data folder.
    env: { CONVAS_DATA_DIR: process.env['CONVAS_DATA_DIR'] ?? mkdtempSync(join(tmpdir(), 'convas-test-data-')) },
  },
});
