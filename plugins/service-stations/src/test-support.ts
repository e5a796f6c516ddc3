import { readFileSync } from 'node:fs';
import { startTestServer, type TestBackend, type TestClient, type TestServer } from '@linli/testing';
import { serviceStationsPlugin } from './plugin.js';

export const api = '/api/plugins/service-stations';

/** The example city (天长市) with only this plugin enabled, with the options it runs with in examples/tianchang. */
export function exampleCity(options?: Record<string, unknown>) {
  const file = new URL('../../../examples/tianchang/linli.config.json', import.meta.url);
  const { name, title, orgs, grids, people, calendar, plugins } = JSON.parse(readFileSync(file, 'utf8'));
  return { name, title, orgs, grids, people, calendar, plugins: { 'service-stations': options ?? plugins['service-stations'] } };
}

export const start = (backend: TestBackend, opts: { demoData?: boolean; options?: Record<string, unknown> } = {}) =>
  startTestServer({ config: exampleCity(opts.options), plugins: [serviceStationsPlugin], backend, demoData: opts.demoData });

export async function orgId(server: TestServer, key: string): Promise<string> {
  const row = await server.database.db.selectFrom('linli_orgs').select('id').where('key', '=', key).executeTakeFirstOrThrow();
  return String(row.id);
}

const onePixelPng = () => Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGPQqDgBAAI0AWkYRiUPAAAAAElFTkSuQmCC', 'base64');

/** Uploads a photo as the client (随手拍) and returns its attachment id. */
export async function photo(client: TestClient): Promise<string> {
  const res = await client.request('POST', '/api/attachments', onePixelPng(), { 'content-type': 'image/png' });
  if (res.status !== 201) throw new Error(`upload failed: ${res.status} ${JSON.stringify(res.body)}`);
  return String(res.body.id);
}

/** An inspection body passing every item of the 五有, except those given with their reason. */
export async function verdicts(client: TestClient, failing: Record<string, string> = {}) {
  const keys = ['sign', 'staff', 'rules', 'equipment', 'ledger'];
  const items: Record<string, unknown> = {};
  for (const k of keys) {
    const photos = [await photo(client)];
    items[k] = k in failing ? { result: '不合格', photos, reason: failing[k] } : { result: '合格', photos };
  }
  return { items };
}

/** The station named `name` as the client sees it in the station list. */
export async function station(client: TestClient, name: string) {
  const res = await client.get(`${api}/stations`);
  const found = (res.body.items as { id: string; name: string; standing: string; openItems: number; team: string; onDuty: string }[]).find((s) => s.name === name);
  if (!found) throw new Error(`no station ${name}: ${JSON.stringify(res.body)}`);
  return found;
}
