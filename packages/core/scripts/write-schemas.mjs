// Writes the published JSON Schemas (schema/*.json) from the TypeScript sources,
// so editors can autocomplete linli.config.json. Run: npm run schemas -w @linli/core
// (after a build); schemas.test.ts fails when the files are stale.
import { writeFileSync } from 'node:fs';
const core = await import(new URL('../dist/index.js', import.meta.url).href);
const out = (name, schema) =>
  writeFileSync(new URL(`../schema/${name}`, import.meta.url), JSON.stringify({ $schema: 'http://json-schema.org/draft-07/schema#', ...schema }, null, 2) + '\n');
out('linli.config.schema.json', core.cityConfigSchema);
out('workflow.schema.json', core.workflowSchema);
out('form.schema.json', core.formSchema);
