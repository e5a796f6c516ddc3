import type { PluginApp, PluginContext } from '@linli/sdk';
import { bookRoutes } from './books.js';
import { committeeRoutes } from './committee.js';
import { companyRoutes } from './companies.js';

/** The fastify instance the server mounts these routes on, under /api/plugins/red-property. */

/**
 * Every route declares who may call it (`config.policy`) and JSON Schemas for
 * what comes in and goes out. What a person may see or do beyond that is
 * decided by scope (permissions.ts), never taken from the body.
 */
export function routes(app: PluginApp, ctx: PluginContext): void {
  companyRoutes(app, ctx);
  bookRoutes(app, ctx);
  committeeRoutes(app, ctx);
}
