#!/usr/bin/env node
// Thin launcher: the CLI is TypeScript compiled to dist/ (built by `npm install` via the root prepare script).
import { existsSync } from 'node:fs';
const entry = new URL('../dist/bin.js', import.meta.url);
if (!existsSync(entry)) {
  console.error('linli is not built yet: run `npm run build` at the repository root.');
  process.exit(2);
}
await import(entry.href);
