import type { PluginContext } from '@linli/sdk';
import { readSettings } from './settings.js';
import { loadHalls } from './store/halls.js';
import { typed } from './store/tables.js';

/** Before the plugin serves, it checks the halls against the org tree, so a server never runs with a hall the city does not have (WDH_ERR_HALL_CONFIG stops the start). */
export async function init(ctx: PluginContext): Promise<void> {
  await loadHalls(typed(ctx.db), readSettings(ctx.options));
}
