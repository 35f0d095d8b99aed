import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: { include: ['bench/**/*.bench.test.ts'], globalSetup: ['test/global-tmp.ts'], testTimeout: 300_000, hookTimeout: 180_000, pool: 'forks', maxWorkers: 1 },
});
