import { readFileSync } from 'node:fs';
import { startTestServer, type TestBackend, type TestClient, type TestServer } from '@linli/testing';
import { volunteerPointsPlugin } from './plugin.js';

export const api = '/api/plugins/volunteer-points';

interface OrgNode {
  key: string;
  type: string;
  name: string;
  side?: OrgNode[];
  children?: OrgNode[];
}

/** A co-building unit 共建单位 adopting 永福社区 and the people these tests need, added to the copy of the example city. */
export const extraOrgs: Record<string, OrgNode[]> = {
  yongfu: [{ key: 'yongfu-cb-power', type: 'co_building_unit', name: '国网天长市供电公司' }],
  shuguang: [{ key: 'shuguang-cb-bank', type: 'co_building_unit', name: '天长农商银行城南支行' }],
};

export const extraPeople = [
  { username: 'member.hepan', name: '钱立新', roles: [{ role: 'resident', org: 'hepan' }] },
  { username: 'member.tiandao', name: '冯雅琴', roles: [{ role: 'resident', org: 'tiandao' }] },
  { username: 'member.shuguang', name: '蒋文斌', roles: [{ role: 'resident', org: 'shuguang-xincun' }] },
  { username: 'unit.power', name: '韩国庆', roles: [{ role: 'co_building_contact', org: 'yongfu-cb-power' }] },
  { username: 'unit.bank', name: '曹丽华', roles: [{ role: 'co_building_contact', org: 'shuguang-cb-bank' }] },
  { username: 'secretary.shuguang', name: '杨春梅', roles: [{ role: 'community_secretary', org: 'shuguang' }] },
];

/**
 * The example city (天长市: org tree, grids, demo people) with only this
 * plugin enabled, plus the co-building units and people above.
 */
export function exampleCity(options: Record<string, unknown> = {}) {
  const file = new URL('../../../examples/tianchang/linli.config.json', import.meta.url);
  const { name, title, orgs, grids, people, calendar } = JSON.parse(readFileSync(file, 'utf8'));
  const walk = (n: OrgNode) => {
    const have = new Set((n.side ?? []).map((o) => o.key));
    if (extraOrgs[n.key]) n.side = [...(n.side ?? []), ...extraOrgs[n.key]!.filter((o) => !have.has(o.key))];
    n.children?.forEach(walk);
  };
  walk(orgs);
  // The example city may gain some of these people itself (the same roles): add only the missing ones.
  const known = new Set((people as { username: string }[]).map((p) => p.username));
  return { name, title, orgs, grids, people: [...people, ...extraPeople.filter((p) => !known.has(p.username))], calendar, plugins: { 'volunteer-points': options } };
}

export const start = (backend: TestBackend, opts: { demoData?: boolean; options?: Record<string, unknown> } = {}) =>
  startTestServer({ config: exampleCity(opts.options), plugins: [volunteerPointsPlugin], backend, demoData: opts.demoData });

export async function orgId(server: TestServer, key: string): Promise<string> {
  const row = await server.database.db.selectFrom('linli_orgs').select('id').where('key', '=', key).executeTakeFirstOrThrow();
  return String(row.id);
}

/** Expects a status, showing the body when it differs. */
export function expectStatus(res: { status: number; body: unknown }, status: number) {
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body as Record<string, any>;
}

/** A tiny valid PNG, uploaded through the core's attachments route, for the fulfilment's photo proof. */
// A whole, decodable image: the server decodes and re-encodes every photo, so a file that only starts like a PNG is refused.
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGPQqDgBAAI0AWkYRiUPAAAAAElFTkSuQmCC', 'base64');

export async function uploadPhoto(client: TestClient): Promise<string> {
  const res = await client.request('POST', '/api/attachments', png, { 'content-type': 'image/png' });
  return String(expectStatus(res, 201).id);
}

/** Posts a wish through the core's ticket route, as residents do. */
export async function postWish(client: TestClient, org: string, title: string, category = '学习用品'): Promise<{ id: string; version: number }> {
  const res = await client.post('/api/tickets', { workflow: 'volunteer-points.wish', orgId: org, data: { title, category, description: `${title}，希望有人帮忙。` } });
  const body = expectStatus(res, 201);
  return { id: String(body.id), version: body.version as number };
}
