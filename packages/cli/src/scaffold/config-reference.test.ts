import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { regenerate, renderConfigReference } from './config-reference.js';

const file = fileURLToPath(new URL('../../../../docs/config-reference.md', import.meta.url));

/**
 * docs/config-reference.md is generated from the config's JSON Schema; this
 * fails while the committed file differs from a fresh render (someone changed
 * the schema and did not regenerate). LINLI_WRITE_DOCS=1 rewrites it instead.
 */
describe('docs/config-reference.md', () => {
  it('matches a fresh render of the config schema', () => {
    const fresh = renderConfigReference();
    if (process.env.LINLI_WRITE_DOCS === '1') writeFileSync(file, fresh);
    const committed = existsSync(file) ? readFileSync(file, 'utf8') : '';
    expect(committed === fresh, `docs/config-reference.md is stale: run \`${regenerate}\` (or LINLI_WRITE_DOCS=1 npx vitest run packages/cli/src/scaffold/config-reference.test.ts) and commit it.`).toBe(true);
  });

  it('covers every top-level field of the config, and each default role and org type', () => {
    const text = renderConfigReference();
    for (const k of ['name', 'title', 'orgTypes', 'roles', 'orgs', 'grids', 'people', 'plugins', 'workflows', 'forms']) expect(text, k).toContain(`| \`${k}\` |`);
    expect(text).toContain('| `people[].roles[].role` |');
    expect(text).toContain('| `workflows[].transitions[].effects[] (type "assign-org").field` |');
    expect(text).toContain('| `building_leader` | 楼栋长 Building leader |');
    expect(text).toContain('| `compound` | 小区 Compound | level | `community` |');
  });
});
