import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    // Engine tests train real models; two cores cannot run many at once usefully.
    maxWorkers: 2,
  },
});
