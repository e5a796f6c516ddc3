import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cityConfigSchema } from './config.js';
import { formSchema } from './form.js';
import { workflowSchema } from './workflow.js';

// The JSON files in packages/core/schema are what editors and `$schema` references
// read; they must be exactly the TypeScript schemas. Regenerate: npm run schemas -w @linli/core
describe('published JSON Schemas', () => {
  const file = (name: string) => JSON.parse(readFileSync(new URL(`../../schema/${name}`, import.meta.url), 'utf8'));
  const published = (s: object) => ({ $schema: 'http://json-schema.org/draft-07/schema#', ...JSON.parse(JSON.stringify(s)) });
  it.each([
    ['linli.config.schema.json', cityConfigSchema],
    ['workflow.schema.json', workflowSchema],
    ['form.schema.json', formSchema],
  ])('%s is up to date', (name, schema) => {
    expect(file(name)).toEqual(published(schema));
  });
});
