import { defineConfig } from 'vitest/config';

// One vitest run for the whole monorepo. Packages resolve each other to their
// TypeScript source through the "linli-source" export condition, so tests need
// no build of their dependencies.
export default defineConfig({
  resolve: { conditions: ['linli-source'] },
  ssr: { resolve: { conditions: ['linli-source'] } },
  test: {
    include: ['{packages,plugins,apps}/*/src/**/*.test.ts', 'tests/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    // Generous: CI has 2 cores shared by two test workers, each with its own PGlite.
    testTimeout: 90_000,
    hookTimeout: 60_000,
    // PGlite holds ~800 MB per instance: keep the worker count modest.
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
    pool: 'forks',
  },
});
