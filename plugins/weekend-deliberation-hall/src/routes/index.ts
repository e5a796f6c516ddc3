import type { PluginContext, PluginApp } from '@linli/sdk';
import { reportRoutes } from './reports.js';
import { sessionRoutes } from './sessions.js';

/** Mounts the plugin's routes under /api/plugins/weekend-deliberation-hall (declaring only: the halls are checked in init). */
export function routes(app: PluginApp, ctx: PluginContext): void {
  sessionRoutes(app, ctx);
  reportRoutes(app, ctx);
}
