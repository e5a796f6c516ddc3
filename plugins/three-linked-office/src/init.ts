import type { PluginContext } from '@linli/sdk';
import { readSettings } from './settings.js';
import { syncOffices } from './store/offices.js';
import { typed } from './store/tables.js';

/**
 * Before the plugin serves, it brings the offices up to the city config, so
 * a server never runs with an office that names an org the city does not
 * have (TLO_ERR_OFFICE_CONFIG stops the start instead). Idempotent: offices
 * are matched by compound.
 */
export async function init(ctx: PluginContext): Promise<void> {
  await ctx.transaction((trx) => syncOffices(typed(trx), readSettings(ctx.options)));
}
