import type { PluginApp, PluginContext } from '@linli/sdk';
import { committeeRoutes } from './committee.js';
import { ownerRoutes } from './owners.js';
import { seatRoutes } from './seat.js';
import { unitRoutes } from './units.js';
import { voteSummaryRoutes } from './vote-summary.js';
import { voteRoutes } from './votes.js';

/** Mounts the plugin's routes under /api/plugins/owners-self-governance (declaring only). */
export function routes(app: PluginApp, ctx: PluginContext): void {
  unitRoutes(app, ctx);
  ownerRoutes(app, ctx);
  voteRoutes(app, ctx);
  voteSummaryRoutes(app, ctx);
  committeeRoutes(app, ctx);
  seatRoutes(app, ctx);
}
