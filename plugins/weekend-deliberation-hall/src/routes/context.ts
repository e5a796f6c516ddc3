import type { PluginContext, Ticket } from '@linli/sdk';
import { envOf, type Env } from '../service/env.js';

/** The fastify instance the server mounts the plugin's routes on, under /api/plugins/weekend-deliberation-hall. */

/** Reads outside a transaction. */
export const reading = (ctx: PluginContext): Promise<Env> => envOf(ctx, ctx.db);

/** One transaction per write: everything a request changes commits together or not at all. */
export const writing = <T>(ctx: PluginContext, fn: (env: Env) => Promise<T>): Promise<T> => ctx.transaction(async (trx) => fn(await envOf(ctx, trx)));

export const stepJson = (t: Ticket) => ({ id: t.id, state: t.state, version: t.version, deadline: t.deadline?.toISOString() ?? null });
