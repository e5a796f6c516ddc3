// One lint config for the monorepo: typescript-eslint's recommended rules,
// without type information so `npm run lint` stays fast on 2 cores.
import tseslint from 'typescript-eslint';
import { layers } from './eslint.layers.js';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/.turbo/**', '**/test-results/**', 'bench/results/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      // Tests and JSON-heavy glue use `any` deliberately; the compiler's strict mode guards the rest.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  ...layers,
);
