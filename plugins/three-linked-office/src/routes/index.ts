import type { PluginContext, PluginApp } from '@linli/sdk';
import { meetingRoutes } from './meetings.js';
import { officeRoutes } from './offices.js';
import { reportRoutes } from './reports.js';

/** Mounts the plugin's routes under /api/plugins/three-linked-office (declaring only: the offices are synced in init). */
export function routes(app: PluginApp, ctx: PluginContext): void {
  officeRoutes(app, ctx);
  meetingRoutes(app, ctx);
  reportRoutes(app, ctx);
}
