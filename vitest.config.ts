import { defineConfig } from 'vitest/config';

// Two projects (`vitest run --project unit|real`; `npm test` runs both):
// - unit: pure functions and the CLI in-process — no build, no child process, no network; runs in seconds.
// - real: everything that spawns the built CLI, a shell, python3, LiteLLM, Claude Code or pre-commit.
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: 'forks',
    globalSetup: ['test/global-tmp.ts'],
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      { extends: true, test: { name: 'real', include: ['test/real/**/*.test.ts'] } },
    ],
  },
});
