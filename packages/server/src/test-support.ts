import { fileURLToPath } from 'node:url';
import type { CityConfig } from '@linli/core';
import type { LinliPlugin } from '@linli/sdk';
import { disputeMediationPlugin } from '@linli/plugin-dispute-mediation';
import { doorKnockingPlugin } from '@linli/plugin-door-knocking';
import { gridRequestsPlugin } from '@linli/plugin-grid-requests';
import { ownersSelfGovernancePlugin } from '@linli/plugin-owners-self-governance';
import { redPropertyPlugin } from '@linli/plugin-red-property';
import { serviceStationsPlugin } from '@linli/plugin-service-stations';
import { studiosPlugin } from '@linli/plugin-studios';
import { threeLinkedOfficePlugin } from '@linli/plugin-three-linked-office';
import { volunteerPointsPlugin } from '@linli/plugin-volunteer-points';
import { weekendDeliberationHallPlugin } from '@linli/plugin-weekend-deliberation-hall';
import { cityWithPlugins, type TestServer } from '@linli/testing';

/** The example city's file. */
export const exampleConfigFile = fileURLToPath(new URL('../../../examples/tianchang/linli.config.json', import.meta.url));

/**
 * The example city with only the generic grid-requests plugin enabled: the
 * server's tests are about the core routes, not any practice (each plugin
 * tests itself with the plugins it needs).
 */
export const exampleConfig: CityConfig = cityWithPlugins(exampleConfigFile, ['grid-requests']);

export async function orgId(server: TestServer, key: string): Promise<string> {
  const row = await server.database.db.selectFrom('linli_orgs').select('id').where('key', '=', key).executeTakeFirstOrThrow();
  return String(row.id);
}

export const requestData = (title = '路灯不亮') => ({ title, category: '公共设施', description: '东门两盏路灯一周没亮，晚上出行不安全。' });

/** Every plugin the example city enables: the authorization matrix and the hostile-input suite cover all their routes. */
export const bundledPlugins: LinliPlugin[] = [gridRequestsPlugin, threeLinkedOfficePlugin, doorKnockingPlugin, weekendDeliberationHallPlugin, redPropertyPlugin, volunteerPointsPlugin, serviceStationsPlugin, studiosPlugin, ownersSelfGovernancePlugin, disputeMediationPlugin];
