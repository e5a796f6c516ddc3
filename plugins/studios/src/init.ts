import type { PluginContext } from '@linli/sdk';
import { readSettings } from './settings.js';
import { syncStudios } from './store/studios.js';
import { typed } from './store/tables.js';

/**
 * Before the plugin serves, the studios of the city config are brought into
 * the database (new ones created with their slots; existing ones keep the
 * slots their secretary set). Idempotent: matched by key.
 */
export async function init(ctx: PluginContext): Promise<void> {
  await ctx.transaction((trx) => syncStudios(typed(trx), readSettings(ctx.options), ctx.now()));
}
