import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { root } from './support.js';

/**
 * The layering rules of eslint.layers.js (run by `npm run lint`, part of
 * `npm test`) refuse what they are meant to refuse and let the allowed through.
 */
describe('import layers', () => {
  const eslint = new ESLint({ cwd: root });
  const problems = async (file: string, code: string) =>
    (await eslint.lintText(code, { filePath: `${root}${file}` }))[0]!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);

  it('keeps core free of I/O and of every other package', async () => {
    expect(await problems('packages/core/src/probe.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n")).toEqual([expect.stringContaining('Core is pure: no I/O')]);
    expect(await problems('packages/core/src/probe.ts', "import { sql } from 'kysely';\nexport const x = sql;\n")).toEqual([expect.stringContaining('no database or HTTP library')]);
    expect(await problems('packages/core/src/probe.ts', "import { x } from '@linli/sdk';\nexport const y = x;\n")).toEqual([expect.stringContaining('Core depends on no other Linli package')]);
    expect(await problems('packages/core/src/probe.ts', "import Ajv from 'ajv';\nimport { a } from './a.js';\nexport const x = [Ajv, a];\n")).toEqual([]);
  });

  it('lets a plugin import only the SDK and the plugins it declares', async () => {
    expect(await problems('plugins/door-knocking/src/probe.ts', "import { definePlugin } from '@linli/sdk';\nimport { a } from './a.js';\nexport const x = [definePlugin, a];\n")).toEqual([]);
    expect(await problems('plugins/door-knocking/src/probe.ts', "import { openDatabase } from '@linli/db';\nexport const x = openDatabase;\n")).toEqual([expect.stringContaining('A plugin imports only @linli/sdk')]);
    expect(await problems('plugins/door-knocking/src/probe.ts', "import { gridRequestsPlugin } from '@linli/plugin-grid-requests';\nexport const x = gridRequestsPlugin;\n")).toHaveLength(1);
    // Tests compose deployments with other plugins and the testing kit.
    expect(await problems('plugins/door-knocking/src/probe.test.ts', "import { startTestServer } from '@linli/testing';\nexport const x = startTestServer;\n")).toEqual([]);
  });

  it('keeps plugin names out of the server, the CLI and the web app', async () => {
    for (const file of ['packages/server/src/probe.ts', 'packages/cli/src/probe.ts', 'apps/web/src/probe.tsx']) {
      expect(await problems(file, "import { gridRequestsPlugin } from '@linli/plugin-grid-requests';\nexport const x = gridRequestsPlugin;\n"), file).toEqual([expect.stringContaining('Only the server composes plugins')]);
    }
  });
});
