/**
 * The runnable host behind `npm start`: serves the example city (or
 * LINLI_CONFIG) in demo mode with the built web app, on embedded PGlite unless
 * DATABASE_URL is set.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { main } from '@linli/cli';

const webDir = fileURLToPath(new URL('../../web/dist', import.meta.url));
const args = ['serve', '--demo', ...(existsSync(webDir) ? ['--web', webDir] : []), ...process.argv.slice(2)];
process.exitCode = await main(args);
