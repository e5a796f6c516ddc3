import type { PluginContext } from '@linli/sdk';
import { readSettings } from '../settings.js';
import { loadHalls } from '../store/halls.js';
import { typed } from '../store/tables.js';
import type { App } from './context.js';
import { reportRoutes } from './reports.js';
import { sessionRoutes } from './sessions.js';

/**
 * Mounts the plugin's routes under /api/plugins/weekend-deliberation-hall.
 * First it checks the halls against the org tree, so a server never runs
 * with a hall the city does not have (WDH_ERR_HALL_CONFIG stops the start).
 */
export async function routes(app: App, ctx: PluginContext): Promise<void> {
  await loadHalls(typed(ctx.db), readSettings(ctx.options));
  sessionRoutes(app, ctx);
  reportRoutes(app, ctx);
}
