import type { PluginContext } from '@linli/sdk';
import { scheduleCurrentPeriod } from './service/inspections.js';
import { syncConfigStations } from './service/stations.js';

/**
 * Before serving: the stations the city config lists are in the table, and
 * the job that opens this period's inspections exists. Idempotent (stations
 * matched by org and name, the job by its period's key).
 */
export async function init(ctx: PluginContext): Promise<void> {
  await ctx.transaction(async (trx) => {
    await syncConfigStations(ctx, trx);
    await scheduleCurrentPeriod(ctx, trx);
  });
}
