// The architecture, enforced: core knows no I/O and no plugin; a plugin imports
// only the SDK and the plugins it declares it depends on; the server, the web
// app and the other packages never name a plugin (the server discovers them).
// Tests (*.test.ts, test-*.ts) are exempt: they compose whole deployments.
import { readdirSync, readFileSync } from 'node:fs';

const tests = ['**/*.test.ts', '**/*.test.tsx', '**/test-*.ts'];
const namesAPlugin = { regex: '^(@linli/plugin-|linli-plugin-)', message: 'Only the server composes plugins, and it finds them by discovery: name none here.' };

const plugins = readdirSync(new URL('./plugins', import.meta.url)).map((dir) => {
  const pkg = JSON.parse(readFileSync(new URL(`./plugins/${dir}/package.json`, import.meta.url), 'utf8'));
  const declared = Object.keys(pkg.dependencies ?? {}).filter((d) => /^(@linli\/plugin-|linli-plugin-)/.test(d));
  return { dir, declared };
});
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

// Later entries override earlier ones for the same files: the general rule first, core's stricter one after.
export const layers = [
  {
    files: ['packages/*/src/**/*.ts', 'apps/*/src/**/*.{ts,tsx}', 'bench/src/**/*.ts'],
    ignores: tests,
    rules: { 'no-restricted-imports': ['error', { patterns: [namesAPlugin] }] },
  },
  {
    files: ['packages/core/src/**/*.ts'],
    ignores: tests,
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { regex: '^(node:|fs$|path$|net$|http$|https$|child_process$|worker_threads$)', message: 'Core is pure: no I/O. Take what you need as an argument; the server and db do the I/O.' },
          { regex: '^(pg|pg-.*|kysely(/.*)?|@electric-sql/.*|fastify(/.*)?|@fastify/.*)$', message: 'Core is pure: no database or HTTP library.' },
          { regex: '^@linli/', message: 'Core depends on no other Linli package: they depend on it.' },
          namesAPlugin,
        ],
      }],
    },
  },
  ...plugins.map(({ dir, declared }) => ({
    files: [`plugins/${dir}/src/**/*.ts`],
    ignores: tests,
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{
          regex: `^(?!\\.{1,2}/|@linli/sdk$${declared.map((d) => `|${escape(d)}$`).join('')})`,
          message: `A plugin imports only @linli/sdk${declared.length ? ` and the plugins it depends on (${declared.join(', ')})` : ''}; grow the SDK when it lacks something (docs/plugin-guide.md).`,
        }],
      }],
    },
  })),
];
