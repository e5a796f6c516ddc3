import type { PluginContext } from '@linli/sdk';
import type { Env } from '../service/env.js';

/** The fastify instance the server mounts the plugin's routes on, under /api/plugins/volunteer-points. */

/** What every route module gets: reads outside a transaction, writes in one transaction per request. */
export interface RouteKit {
  ctx: PluginContext;
  read(): Env;
  write<T>(fn: (env: Env) => Promise<T>): Promise<T>;
  /** The path of `orgId` when a page or the dashboard narrows to an org; null for an unknown org (narrows to nothing). */
  within(orgId?: string): Promise<string | undefined | null>;
}
