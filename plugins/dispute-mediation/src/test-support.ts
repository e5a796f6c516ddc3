import { readFileSync } from 'node:fs';
import { startTestServer, type TestBackend, type TestClient, type TestServer } from '@linli/testing';
import { agreementPhoto } from './seed-photo.js';
import { disputeMediationPlugin } from './plugin.js';

export const api = '/api/plugins/dispute-mediation';
const file = new URL('../../../examples/tianchang/linli.config.json', import.meta.url);

/** The example city's options for this plugin (its pools and rooms). */
export const exampleOptions = (): Record<string, unknown> => JSON.parse(readFileSync(file, 'utf8')).plugins['dispute-mediation'];

/** The example city (天长市: its org tree, grids and demo people) with only this plugin enabled. */
export function exampleCity(options: Record<string, unknown> = exampleOptions()) {
  const { name, title, orgs, grids, people, calendar } = JSON.parse(readFileSync(file, 'utf8'));
  return { name, title, orgs, grids, people, calendar, plugins: { 'dispute-mediation': options } };
}

export const start = (backend: TestBackend, opts: { demoData?: boolean } = {}) =>
  startTestServer({ config: exampleCity(), plugins: [disputeMediationPlugin], backend, demoData: opts.demoData });

export async function orgId(server: TestServer, key: string): Promise<string> {
  const row = await server.database.db.selectFrom('linli_orgs').select('id').where('key', '=', key).executeTakeFirstOrThrow();
  return String(row.id);
}

export async function personId(server: TestServer, username: string): Promise<string> {
  const row = await server.database.db.selectFrom('linli_people').select('id').where('username', '=', username).executeTakeFirstOrThrow();
  return String(row.id);
}

export function expectStatus<T = any>(res: { status: number; body: any }, status: number): T {
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body as T;
}

/** A case as the desk files it through the core's ticket route. */
export const caseData = (over: Record<string, unknown> = {}) => ({
  title: '3栋业主与物业物业费纠纷',
  disputeType: '物业费纠纷',
  amountFen: 486_000,
  applicantKind: '物业服务企业',
  applicantName: '天长市安居物业服务有限公司',
  applicantPhone: '13900001111',
  respondentKind: '业主',
  respondentName: '张三丰',
  respondentPhone: '13912345678',
  description: '业主以电梯长期故障为由拒缴两年物业费。',
  ...over,
});

export async function fileCase(client: TestClient, compound: string, over: Record<string, unknown> = {}): Promise<{ id: string; version: number; state: string }> {
  return expectStatus(await client.post('/api/tickets', { workflow: 'dispute-mediation.case', orgId: compound, data: caseData(over) }), 201);
}

export async function uploadPhoto(client: TestClient): Promise<string> {
  const res = await client.request('POST', '/api/attachments', Buffer.from(agreementPhoto()), { 'content-type': 'image/png' });
  return String(expectStatus(res, 201).id);
}

/** The notices of a kind in a person's inbox. */
export async function inbox(client: TestClient, kind: string): Promise<{ kind: string; ticketId?: string }[]> {
  return (await client.get('/api/notifications?limit=50')).body.items.filter((n: { kind: string }) => n.kind === kind);
}
