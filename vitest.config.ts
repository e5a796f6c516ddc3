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
    // A guard against a hung test, not a speed budget: tests wait on events and the movable
    // clock (@linli/testing), and the machine is shared, so no test sets a shorter one.
    // Speed is measured by `npm run bench`.
    testTimeout: 600_000,
    hookTimeout: 600_000,
    // PGlite holds ~800 MB per instance: keep the worker count modest.
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
    pool: 'forks',
    // Test files share their worker process (measured: a fifth of the time on the plugins'
    // tests, most of it importing the same modules again per file). Tests therefore leave
    // no global state behind: every database and server they open is closed in afterAll,
    // and nothing mocks modules or timers globally.
    isolate: false,
  },
});
