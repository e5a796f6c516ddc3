import { readFileSync } from 'node:fs';
import { startTestServer, type TestBackend, type TestClient, type TestServer } from '@linli/testing';
import { weekendDeliberationHallPlugin } from './plugin.js';

export const api = '/api/plugins/weekend-deliberation-hall';

/** The options the example city runs with (README shows the same). 滨河小区 has no hall, on purpose. */
export const exampleOptions = {
  halls: [
    { compound: 'hepan', place: '河畔家园党群服务站' },
    { compound: 'tiandao', place: '天岛小区物业用房' },
    { compound: 'jinxiu', place: '锦绣花园党群服务站' },
    { compound: 'shuguang-xincun', place: '曙光新村物业用房' },
  ],
  sessionTime: '09:30',
};


/**
 * The example city (天长市) with only this plugin enabled: its org tree,
 * grids and people (staff.shuguang, of another community, tests scope),
 * without the sections that name other plugins' workflows.
 */
export function exampleCity(options: Record<string, unknown> = exampleOptions) {
  const file = new URL('../../../examples/tianchang/linli.config.json', import.meta.url);
  const { name, title, orgs, grids, people, calendar } = JSON.parse(readFileSync(file, 'utf8'));
  return { name, title, orgs, grids, people, calendar, plugins: { 'weekend-deliberation-hall': options } };
}

export const start = (backend: TestBackend, opts: { demoData?: boolean; options?: Record<string, unknown> } = {}) =>
  startTestServer({ config: exampleCity(opts.options), plugins: [weekendDeliberationHallPlugin], backend, demoData: opts.demoData });

export async function orgId(server: TestServer, key: string): Promise<string> {
  const row = await server.database.db.selectFrom('linli_orgs').select('id').where('key', '=', key).executeTakeFirstOrThrow();
  return String(row.id);
}

export const topic = (title: string, category = '公共设施') => ({ title, category, description: `${title}，希望提交周末议事厅协商解决。` });

/** Raises a topic through the core's ticket route, as residents do. */
export async function raise(client: TestClient, org: string, data: Record<string, unknown>): Promise<{ id: string; version: number }> {
  const res = await client.post('/api/tickets', { workflow: 'weekend-deliberation-hall.topic', orgId: org, data });
  if (res.status !== 201) throw new Error(`raise failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: res.body.id as string, version: res.body.version as number };
}

/** Takes a ticket step and expects it taken. */
export async function step(client: TestClient, ticketId: string, action: string, body: { data?: unknown; comment?: string } = {}) {
  const current = await client.get(`/api/tickets/${ticketId}`);
  const res = await client.post(`/api/tickets/${ticketId}/transitions`, { action, version: current.body.ticket.version, ...body });
  if (res.status !== 200) throw new Error(`${action} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; state: string; version: number; deadline: string | null };
}

/** Everyone came: 3 party members, 1 from the residents' committee, 6 owner representatives, 2 from the property company (12). */
export const fullSheet = {
  partyMembers: { present: 3, names: '李强、吴留高、周红' },
  residentsCommittee: { present: 1, names: '王丽' },
  ownerRepresentatives: { present: 6, names: '黄淑芬、张伟、陈明、赵兰、孙海、钱多' },
  propertyCompany: { present: 2, names: '马俊、刘工' },
};
