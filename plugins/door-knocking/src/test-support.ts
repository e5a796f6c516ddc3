import { readFileSync } from 'node:fs';
import { startTestServer, type TestBackend, type TestClient, type TestServer } from '@linli/testing';
import { doorKnockingPlugin } from './plugin.js';

export const api = '/api/plugins/door-knocking';

/**
 * The example city (天长市) with only this plugin enabled: its org tree,
 * grids and people, without the sections that name other plugins' workflows.
 */
export function exampleCity(options: Record<string, unknown> = {}) {
  const file = new URL('../../../examples/tianchang/linli.config.json', import.meta.url);
  const { name, title, orgs, grids, people, calendar } = JSON.parse(readFileSync(file, 'utf8'));
  return { name, title, orgs, grids, people, calendar, plugins: { 'door-knocking': options } };
}

export const start = (backend: TestBackend, opts: { demoData?: boolean; options?: Record<string, unknown> } = {}) =>
  startTestServer({ config: exampleCity(opts.options), plugins: [doorKnockingPlugin], backend, demoData: opts.demoData });

export async function orgId(server: TestServer, key: string): Promise<string> {
  const row = await server.database.db.selectFrom('linli_orgs').select('id').where('key', '=', key).executeTakeFirstOrThrow();
  return String(row.id);
}

/** Records a visit and expects it saved. */
export async function visit(client: TestClient, body: Record<string, unknown>) {
  const res = await client.post(`${api}/visits`, body);
  if (res.status !== 201) throw new Error(`visit failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; ticketId: string | null; round: string; household: string; problemState: string | null };
}
