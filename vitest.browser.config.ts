import { defineConfig } from 'vitest/config';

// Browser journeys: a real server on a seeded PGlite, driven in Debian's Chromium by playwright-core.
export default defineConfig({
  test: {
    include: ['tests/browser/**/*.test.ts'],
    globalSetup: ['tests/browser/global-setup.ts'],
    env: { ARGON2_FAST: '1', TZ: 'UTC' },
    testTimeout: 90_000,
    hookTimeout: 180_000,
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    // A page on a busy 2-core CI machine can take seconds to settle; vitest's 1 s default made journeys flaky.
    expect: { poll: { timeout: 10_000 } },
  },
});
