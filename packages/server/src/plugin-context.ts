import type { Deployment } from '@linli/core';
import type { LinliPlugin, PluginContext, PluginJobs, PluginNotice, ServiceRef, TicketService } from '@linli/sdk';
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
  const services = pluginServices(plugins, () => contexts);
  const contexts: ReadonlyMap<string, PluginContext> = new Map(
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
        service: <T>(ref: ServiceRef<T>) => services(plugin, ref),
      }),
    ]),
  );
  return contexts;
}

/**
 * `ctx.service(ref)`: the service an enabled plugin offers, built once per
 * caller from the provider's own context, for a caller that declares the
 * provider among its dependencies or optional dependencies.
 */
function pluginServices(plugins: readonly LinliPlugin[], contexts: () => ReadonlyMap<string, PluginContext>) {
  const offered = new Map(plugins.flatMap((p) => (p.services ?? []).map((s) => [s.ref.id, { provider: p.name, def: s }] as const)));
  const built = new Map<string, unknown>();
  return <T>(caller: LinliPlugin, ref: ServiceRef<T>): T => {
    const provider = ref.id.slice(0, ref.id.indexOf('.'));
    const declared = [...(caller.dependencies ?? []), ...(caller.optionalDependencies ?? [])];
    if (!declared.includes(provider)) throw new Error(`Plugin "${caller.name}" uses the service "${ref.id}" of plugin "${provider}", which it does not list in dependencies or optionalDependencies.`);
    const offer = offered.get(ref.id);
    if (!offer) throw new Error(`No plugin enabled in this city offers the service "${ref.id}": ask pluginEnabled(ctx, '${provider}') before using it.`);
    const key = `${caller.name} ${ref.id}`;
    if (!built.has(key)) built.set(key, offer.def.build(contexts().get(offer.provider)!, caller.name));
    return built.get(key) as T;
  };
}
