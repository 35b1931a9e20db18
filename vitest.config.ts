import { defineConfig } from 'vitest/config';

// Unit and API tests. DB_TARGET=postgres runs the *.api.test.ts files again on a real PostgreSQL server.
const onPostgres = process.env.DB_TARGET === 'postgres';

export default defineConfig({
  test: {
    include: onPostgres ? ['src/**/*.api.test.ts'] : ['src/**/*.test.ts', 'bench/**/*.test.ts', 'web/src/**/*.test.ts'],
    globalSetup: ['tests/support/global-setup.ts'],
    env: { ARGON2_FAST: '1', TZ: 'UTC', LOG_LEVEL: 'silent' },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
