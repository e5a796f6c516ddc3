import type { LinliPlugin, PluginContext } from '@linli/sdk';

/**
 * A plugin lives in two phases, as Backstage's do. `routes()` only declares
 * (routes, schemas, policies); any I/O belongs in `init(ctx)`, which the
 * server runs after migrations. So a server whose plugins mount their routes
 * has touched no database on their behalf, and a slow or failing check shows
 * as the plugin's init, by name.
 */
const io = ['db', 'transaction', 'tickets', 'jobs', 'notify', 'cancelNotice', 'emit'] as const satisfies readonly (keyof PluginContext)[];

/**
 * The context a plugin's `routes()` gets: the same context, except that
 * reaching the database (or the ticket service, or jobs) while `routes()` is
 * still declaring its routes throws, naming the plugin and the fix. Handlers
 * run after registration and use it freely.
 */
export function registrationView(plugin: string, ctx: PluginContext): { view: PluginContext; done(): void } {
  let registering = true;
  const view = Object.create(null) as Record<string, unknown>;
  for (const key of Object.keys(ctx) as (keyof PluginContext)[]) {
    Object.defineProperty(view, key, {
      enumerable: true,
      get() {
        if (registering && (io as readonly string[]).includes(key)) {
          throw new Error(`Plugin "${plugin}": routes() must only declare routes, but it used ctx.${key} while registering them. Move database work (checks, warming caches, syncing with the config) to the plugin's init(ctx), which the server runs after migrations.`);
        }
        return ctx[key];
      },
    });
  }
  return {
    view: Object.freeze(view) as unknown as PluginContext,
    done() {
      registering = false;
    },
  };
}

/** Runs each plugin's `init`, in the deployment's (dependency) order; a failure names the plugin. */
export async function initPlugins(plugins: readonly LinliPlugin[], contextOf: (name: string) => PluginContext): Promise<void> {
  for (const p of plugins) {
    if (!p.init) continue;
    await p.init(contextOf(p.name));
  }
}
