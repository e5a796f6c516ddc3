import type { PluginContext } from '@linli/sdk';
import { readSettings } from '../settings.js';
import { syncOffices } from '../store/offices.js';
import { typed } from '../store/tables.js';
import type { App } from './context.js';
import { meetingRoutes } from './meetings.js';
import { officeRoutes } from './offices.js';
import { reportRoutes } from './reports.js';

/**
 * Mounts the plugin's routes under /api/plugins/three-linked-office. First it
 * brings the offices up to the city config, so a server never runs with an
 * office that names an org the city does not have (TLO_ERR_OFFICE_CONFIG
 * stops the start instead).
 */
export async function routes(app: App, ctx: PluginContext): Promise<void> {
  await ctx.transaction((trx) => syncOffices(typed(trx), readSettings(ctx.options)));
  officeRoutes(app, ctx);
  meetingRoutes(app, ctx);
  reportRoutes(app, ctx);
}
