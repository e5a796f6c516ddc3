import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderConfigReference } from './config-reference.js';

/** `npm run config-reference -w @linli/cli`: writes docs/config-reference.md from the config schema. */
export const referenceFile = fileURLToPath(new URL('../../../../docs/config-reference.md', import.meta.url));

writeFileSync(referenceFile, renderConfigReference());
console.log(`Wrote ${referenceFile}`);
