import type { Deployment } from '@linli/core';
import type { LinliPlugin, PluginContext, PluginJobs, PluginNotice, TicketService } from '@linli/sdk';
import type { PluginNotices } from './services/delivery/scheduled.js';
import type { Kysely } from 'kysely';

/**
 * The context of each enabled plugin, made once when the services are built:
 * its own options, the shared services, the clock. The ticket service is read
 * through `getTickets` because it is built after the contexts (it calls the
 * plugins' hooks with them).
 */
export function makePluginContexts(
  deployment: Deployment,
  db: Kysely<any>,
  now: () => Date,
  plugins: readonly LinliPlugin[],
  getTickets: () => TicketService,
  jobsOf: (plugin: string) => PluginJobs,
  notices?: PluginNotices,
  emitOf?: (plugin: string) => PluginContext['emit'],
): ReadonlyMap<string, PluginContext> {
  return new Map(
    plugins.map((plugin): [string, PluginContext] => [
      plugin.name,
      Object.freeze({
        name: plugin.name,
        options: (deployment.config.plugins?.[plugin.name] ?? {}) as Record<string, unknown>,
        deployment,
        db,
        now,
        get tickets() {
          return getTickets();
        },
        transaction: <T>(fn: (trx: Kysely<any>) => Promise<T>) => db.transaction().execute(fn),
        jobs: jobsOf(plugin.name),
        notify: async (trx: Kysely<any>, n: PluginNotice) => {
          if (!notices) throw new Error(`notices are not available to plugin "${plugin.name}" here`);
          await notices.notify(plugin.name, trx, n);
        },
        emit: emitOf?.(plugin.name) ?? (async () => {
          throw new Error(`events are not available to plugin "${plugin.name}" here`);
        }),
        cancelNotice: async (trx: Kysely<any>, n: Pick<PluginNotice, 'kind' | 'key'>) => {
          if (!notices) throw new Error(`notices are not available to plugin "${plugin.name}" here`);
          return notices.cancel(plugin.name, trx, n);
        },
      }),
    ]),
  );
}
