import type { PluginApp, PluginContext } from '@linli/sdk';
import { reportRoutes } from './reports.js';
import { residentRoutes } from './resident.js';
import { staffRoutes } from './staff.js';

/** Mounts the plugin's routes under /api/plugins/studios (declaring only: the studios are synced in init). */
export function routes(app: PluginApp, ctx: PluginContext): void {
  residentRoutes(app, ctx);
  staffRoutes(app, ctx);
  reportRoutes(app, ctx);
}
