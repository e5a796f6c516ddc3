import { fileURLToPath } from 'node:url';
import type { LinliPlugin } from '@linli/sdk';
import { gridRequestsPlugin } from '@linli/plugin-grid-requests';
import { cityWithPlugins, startTestServer, type TestBackend, type TestClient, type TestServer } from '@linli/testing';
import { threeLinkedOfficePlugin } from './plugin.js';

/** The example city every test of this plugin runs on, with only the plugins these tests load. */
export const exampleConfigFile = fileURLToPath(new URL('../../../examples/tianchang/linli.config.json', import.meta.url));
export const exampleConfig = cityWithPlugins(exampleConfigFile, ['grid-requests', 'three-linked-office']);
export const plugins: LinliPlugin[] = [gridRequestsPlugin, threeLinkedOfficePlugin];
export const api = '/api/plugins/three-linked-office';

export const start = (backend: TestBackend) => startTestServer({ config: exampleConfig, plugins, backend });

export async function orgId(server: TestServer, key: string): Promise<string> {
  const row = await server.database.db.selectFrom('linli_orgs').select('id').where('key', '=', key).executeTakeFirstOrThrow();
  return String(row.id);
}

/** Sessions last 12 hours of the test clock: log in again after moving it by days. */
export const as = (server: TestServer, username: string): Promise<TestClient> => server.login(username);

export const problem = (title: string, urgency: '急' | '缓', difficulty: '易' | '难', source = '居民') => ({
  title,
  category: '设施维修',
  description: `${title}，请三联办协调解决。`,
  source,
  urgency,
  difficulty,
});

export const present = (who: string) => ({ present: true, attendees: who });
export const allPresent = { residentsCommittee: present('王丽'), propertyCompany: present('马俊'), ownersCommittee: present('黄淑芬') };

/** Raises a problem through the core's ticket route, as staff and residents do. */
export async function raise(client: TestClient, org: string, data: Record<string, unknown>): Promise<string> {
  const res = await client.post('/api/tickets', { workflow: 'three-linked-office.problem', orgId: org, data });
  if (res.status !== 201) throw new Error(`raise failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}
