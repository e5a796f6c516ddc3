import { requireActor, type Kysely, type PluginApp, type PluginContext } from '@linli/sdk';
import { fail } from '../errors.js';
import { thresholdProblems, readSettings } from '../settings.js';
import { activityRoutes } from './activities.js';
import { ledgerRoutes } from './ledger.js';
import { memberRoutes } from './members.js';
import { wishRoutes } from './wishes.js';
import { envOf } from '../service/env.js';
import type { RouteKit } from './kit.js';
import { parseId } from '../store/tables.js';

export type { RouteKit } from './kit.js';

/**
 * Before the plugin serves, it checks what the options schema cannot: the org
 * keys name orgs of this city and the star thresholds ascend. A mistake stops
 * the start with VP_ERR_OPTIONS instead of a half-working practice.
 */
export async function init(ctx: PluginContext): Promise<void> {
  const settings = readSettings(ctx.options);
  const problems = thresholdProblems(settings);
  if (settings.orgs) {
    const found = await ctx.db.selectFrom('linli_orgs').select('key').where('key', 'in', settings.orgs).execute();
    const known = new Set(found.map((r: { key: string }) => r.key));
    problems.push(...settings.orgs.filter((k) => !known.has(k)).map((k) => `orgs names "${k}", which is not an org of this city`));
  }
  if (problems.length) throw fail('VP_ERR_OPTIONS', [problems.join('; ')]);
}

/** Mounts the routes (declaring only: the options are checked in init). */
export function routes(app: PluginApp, ctx: PluginContext): void {
  const kit: RouteKit = {
    ctx,
    read: () => envOf(ctx, ctx.db),
    write: (fn) => ctx.transaction((trx: Kysely<any>) => fn(envOf(ctx, trx))),
    async within(orgId) {
      if (orgId === undefined || orgId === '') return undefined;
      const n = parseId(orgId);
      const org = n === null ? undefined : await ctx.db.selectFrom('linli_orgs').select('path').where('id', '=', n).executeTakeFirst();
      return org ? (org.path as string) : null;
    },
  };
  memberRoutes(app, kit);
  wishRoutes(app, kit);
  activityRoutes(app, kit);
  ledgerRoutes(app, kit);
}

export { requireActor };
