import type { Deployment } from '@linli/core';
import type { LinliPlugin, PluginContext, TicketService } from '@linli/sdk';
import type { Kysely } from 'kysely';

/** The context each plugin gets: its own options, the shared services, the clock. */
export function makePluginContexts(
  deployment: Deployment,
  db: Kysely<any>,
  now: () => Date,
  getTickets: () => TicketService,
): (plugin: LinliPlugin) => PluginContext {
  const cache = new Map<string, PluginContext>();
  return (plugin) => {
    let ctx = cache.get(plugin.name);
    if (!ctx) {
      ctx = {
        name: plugin.name,
        options: (deployment.config.plugins?.[plugin.name] ?? {}) as Record<string, unknown>,
        deployment,
        db,
        now,
        get tickets() {
          return getTickets();
        },
        transaction: (fn) => db.transaction().execute(fn),
      };
      cache.set(plugin.name, ctx);
    }
    return ctx;
  };
}
