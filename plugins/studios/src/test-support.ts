import { fileURLToPath } from 'node:url';
import type { CityConfig } from '@linli/sdk';
import { gridRequestsPlugin } from '@linli/plugin-grid-requests';
import { cityWithPlugins, startTestServer, type TestBackend, type TestClient, type TestServer } from '@linli/testing';
import { studiosPlugin } from './plugin.js';

/** The example city every test of this plugin runs on, with this plugin and grid requests (the city's escalation rules name its workflow). */
export const exampleConfigFile = fileURLToPath(new URL('../../../examples/tianchang/linli.config.json', import.meta.url));
export const api = '/api/plugins/studios';

/** Residents of 河畔家园 for the race, besides the example's own. */
export const racers = Array.from({ length: 8 }, (_, i) => `resident.race${i + 1}`);

/**
 * The example city with this plugin only, plus a test studio at 永福社区 open
 * every day 10:00–11:00 for two residents, and eight more residents of
 * 河畔家园 to race for its places.
 */
export function testCity(): CityConfig {
  const config = structuredClone(cityWithPlugins(exampleConfigFile, ['grid-requests', 'studios'])) as CityConfig & { people: unknown[] };
  const options = config.plugins!.studios as { studios: unknown[] };
  options.studios.push({
    key: 'race',
    community: 'yongfu',
    kind: '其他专业',
    name: '测试工作室',
    place: '永福社区',
    slots: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '10:00', end: '11:00', capacity: 2 })),
  });
  config.people.push(...racers.map((username, i) => ({ username, name: `居民${i + 1}`, roles: [{ role: 'resident', org: 'hepan' }] })));
  return config;
}

export const start = (backend: TestBackend, demoData = false): Promise<TestServer> => startTestServer({ config: testCity(), plugins: [gridRequestsPlugin, studiosPlugin], backend, demoData });

/** Sessions last 12 hours of the test clock: log in again after moving it by days. */
export const as = (server: TestServer, username: string): Promise<TestClient> => server.login(username);

export interface OpeningJson {
  id: string;
  studioId: string;
  studioName: string;
  day: string;
  time: string;
  left: number;
  capacity: number;
}

/** The studio with this key, as a resident or staff member lists it. */
export async function studioId(client: TestClient, name: string): Promise<string> {
  const res = await client.get(`${api}/studios`);
  const s = res.body.items.find((x: { name: string }) => x.name === name);
  if (!s) throw new Error(`no studio ${name} in ${JSON.stringify(res.body)}`);
  return s.id as string;
}

export async function openingsOf(client: TestClient, studio: string): Promise<OpeningJson[]> {
  const res = await client.get(`${api}/openings?studioId=${studio}`);
  if (res.status !== 200) throw new Error(`openings: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.items;
}
