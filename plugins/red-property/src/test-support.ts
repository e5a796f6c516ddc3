import { readFileSync } from 'node:fs';
import { startTestServer, type TestBackend, type TestClient, type TestServer } from '@linli/testing';
import { redPropertyPlugin } from './plugin.js';

export const api = '/api/plugins/red-property';

/** The options the tests (and the example city) run with: every compound of 天长市 mapped to its property company. */
export const exampleOptions = {
  propertyCompanies: {
    hepan: 'hepan-property',
    tiandao: 'tiandao-property',
    jinxiu: 'jinxiu-property',
    'shuguang-xincun': 'shuguang-xincun-property',
    jinse: 'jinse-property',
    'qianqiu-yuan': 'qianqiu-yuan-property',
    binhe: 'binhe-property',
    'yuanlin-yaju': 'yuanlin-yaju-property',
  },
  evaluationPeriod: 'quarter',
};

/** People the tests add to the example city's copy: someone who is both a branch secretary and property staff (交叉任职). */
const extraPeople = [
  { username: 'branch.tiandao', name: '吴刚', roles: [{ role: 'branch_secretary', org: 'tiandao' }, { role: 'property_staff', org: 'tiandao-property' }] },
];

/**
 * The example city (天长市: its org tree, grids and demo people, Shuguang's
 * secretary among them) with only this plugin enabled, plus the test person above.
 */
export function exampleCity(options: Record<string, unknown> = exampleOptions) {
  const file = new URL('../../../examples/tianchang/linli.config.json', import.meta.url);
  const { name, title, orgs, grids, people, calendar } = JSON.parse(readFileSync(file, 'utf8'));
  return { name, title, orgs, grids, people: [...people, ...extraPeople], calendar, plugins: { 'red-property': options } };
}

/** A whole deployment in-process on a fresh database: migrations, people, routes, this plugin. */
export const start = (backend: TestBackend, opts: { options?: Record<string, unknown>; demoData?: boolean } = {}) =>
  startTestServer({ config: exampleCity(opts.options), plugins: [redPropertyPlugin], backend, demoData: opts.demoData });

/** The id of the org with this key in the city config. */
export async function orgId(server: TestServer, key: string): Promise<string> {
  const row = await server.database.db.selectFrom('linli_orgs').select('id').where('key', '=', key).executeTakeFirstOrThrow();
  return String(row.id);
}

/** Files a complaint through the core's ticket route, as residents do. */
export async function fileComplaint(client: TestClient, org: string, title = '电梯停运两天无人维修'): Promise<{ id: string; version: number }> {
  const res = await client.post('/api/tickets', { workflow: 'red-property.complaint', orgId: org, data: { title, category: '设施维修', description: `${title}，请物业尽快处理。`, photos: [] } });
  if (res.status !== 201) throw new Error(`file failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: res.body.id as string, version: res.body.version as number };
}
