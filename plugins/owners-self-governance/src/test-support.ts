import { readFileSync } from 'node:fs';
import { startTestServer, type TestBackend, type TestClient, type TestServer } from '@linli/testing';
import { ownersSelfGovernancePlugin } from './plugin.js';

export const api = '/api/plugins/owners-self-governance';

/** The example city (天长市) with only this plugin enabled. */
export function exampleCity(options: Record<string, unknown> = {}) {
  const file = new URL('../../../examples/tianchang/linli.config.json', import.meta.url);
  const { name, title, orgs, grids, people, calendar } = JSON.parse(readFileSync(file, 'utf8'));
  return { name, title, orgs, grids, people, calendar, plugins: { 'owners-self-governance': options } };
}

export const start = (backend: TestBackend, opts: { demoData?: boolean; options?: Record<string, unknown> } = {}) =>
  startTestServer({ config: exampleCity(opts.options), plugins: [ownersSelfGovernancePlugin], backend, demoData: opts.demoData });

export async function orgId(server: TestServer, key: string): Promise<string> {
  const row = await server.database.db.selectFrom('linli_orgs').select('id').where('key', '=', key).executeTakeFirstOrThrow();
  return String(row.id);
}

// A whole, decodable image: the server decodes and re-encodes every photo.
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGPQqDgBAAI0AWkYRiUPAAAAAElFTkSuQmCC', 'base64');

export async function uploadPhoto(client: TestClient): Promise<string> {
  const res = await client.request('POST', '/api/attachments', png, { 'content-type': 'image/png' });
  if (res.status !== 201) throw new Error(`upload failed: ${res.status} ${JSON.stringify(res.body)}`);
  return String(res.body.id);
}

export function expectStatus(res: { status: number; body: any }, status: number): any {
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}
