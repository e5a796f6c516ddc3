import { XMLParser } from 'fast-xml-parser';
import { startTestServer, testBackends, type TestClient, type TestServer } from '@linli/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledPlugins, exampleConfigFile, orgId } from '../test-support.js';
import { personalDataIn, seededPersonalData } from '../public/personal-data.js';

/**
 * Open311 GeoReport v2 (https://wiki.open311.org/GeoReport_v2) as a client
 * application sees it, in the example city with all six plugins and demo
 * history: every endpoint, checked field by field against the spec's
 * required elements and formats.
 */
const w3c = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/;
const datatypes = ['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'];
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const urlencoded = { 'content-type': 'application/x-www-form-urlencoded' };
const reporter = { email: 'zhou.reporter@example.cn', first_name: '周', last_name: '报事人', phone: '13912345678' };

/** The spec's error list: a non-empty array of { code: the HTTP status, description }. */
function expectErrorList(res: { status: number; body: any }, status: number) {
  expect(res.status).toBe(status);
  expect(Array.isArray(res.body), JSON.stringify(res.body)).toBe(true);
  expect(res.body.length).toBeGreaterThan(0);
  for (const e of res.body) {
    expect(e.code).toBe(status);
    expect(typeof e.description).toBe('string');
    expect(e.description.length).toBeGreaterThan(0);
  }
}

for (const backend of testBackends()) {
  describe(`Open311 GeoReport v2 on ${backend.name}`, () => {
    let server: TestServer;
    let anon: TestClient;
    let apiKey: string;
    let hepan: string;
    beforeAll(async () => {
      server = await startTestServer({ config: exampleConfigFile, plugins: bundledPlugins, backend, demoData: true, rateLimit: { anonymousPerMinute: 0, sessionPerMinute: 0, apiKeyPerMinute: 10 } });
      anon = server.anonymous();
      hepan = await orgId(server, 'hepan');
      const admin = await server.login('admin');
      const issued = await admin.post('/api/admin/open311/clients', { name: '天长12345热线', orgId: await orgId(server, 'tianchang') });
      expect(issued.status).toBe(201);
      apiKey = issued.body.apiKey;
    }, 300_000);
    afterAll(() => server?.close());

    const file = (fields: Record<string, string>) => anon.request('POST', '/open311/v2/requests.json', form({ api_key: apiKey, ...fields }), urlencoded);

    it('GET services.json: every public intake workflow, with the spec’s fields', async () => {
      const res = await anon.get('/open311/v2/services.json');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      const codes = res.body.map((s: { service_code: string }) => s.service_code);
      expect(codes).toContain('grid-request');
      // Workflows only staff may file are no services.
      const staffOnly = server.deployment.workflows.list().filter((w) => !w.def.create.some((r) => r.role === 'resident'));
      for (const w of staffOnly) expect(codes).not.toContain(w.id);
      for (const s of res.body) {
        expect(Object.keys(s).sort()).toEqual(['description', 'group', 'keywords', 'metadata', 'service_code', 'service_name', 'type']);
        expect(typeof s.metadata).toBe('boolean');
        expect(['realtime', 'batch', 'blackbox']).toContain(s.type);
        expect(s.service_name.length).toBeGreaterThan(0);
      }
      expect(res.body.find((s: { service_code: string }) => s.service_code === 'grid-request').metadata).toBe(true);
    });

    it('GET services/{service_code}.json: the intake form’s fields as attributes in the spec’s datatypes', async () => {
      const res = await anon.get('/open311/v2/services/grid-request.json');
      expect(res.status).toBe(200);
      expect(res.body.service_code).toBe('grid-request');
      const attrs = res.body.attributes as any[];
      for (const [i, a] of attrs.entries()) {
        expect(a.variable).toBe(true);
        expect(datatypes).toContain(a.datatype);
        expect(typeof a.required).toBe('boolean');
        expect(typeof a.datatype_description).toBe('string');
        expect(a.order).toBe(i + 1);
        expect(typeof a.description).toBe('string');
        if (a.datatype.endsWith('valuelist')) for (const v of a.values) expect(Object.keys(v).sort()).toEqual(['key', 'name']);
      }
      const category = attrs.find((a) => a.code === 'category');
      expect(category).toMatchObject({ datatype: 'singlevaluelist', required: true, description: '类别' });
      expect(category.values.map((v: { key: string }) => v.key)).toContain('公共设施');
      // Filled by the spec's own fields or not sendable: never attributes.
      for (const code of ['title', 'description', 'location', 'contactPhone', 'photos']) expect(attrs.map((a) => a.code)).not.toContain(code);
      // A service whose form has only those fields has metadata false and no attributes; every listed one answers.
      for (const s of (await anon.get('/open311/v2/services.json')).body) {
        const def = await anon.get(`/open311/v2/services/${s.service_code}.json`);
        expect(def.status).toBe(200);
        expect(def.body.attributes.length > 0).toBe(s.metadata);
      }
      expectErrorList(await anon.get('/open311/v2/services/no-such-service.json'), 404);
      expectErrorList(await anon.get('/open311/v2/services/grid-request.yaml'), 404);
    });

    let requestId: string;
    let token: string;
    it('POST requests.json: files a ticket as the client’s service account, reporter contact kept private', async () => {
      const res = await file({ service_code: 'grid-request', description: '东门路灯坏了三天，晚上很黑，请尽快修理。', 'attribute[category]': '公共设施', address_id: 'hepan', address_string: '河畔家园东门', lat: '32.6811', long: '119.0133', ...reporter, account_id: 'acct-77' });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body).toHaveLength(1);
      expect(res.body[0]).toMatchObject({ service_request_id: expect.stringMatching(/^[0-9]+$/), token: expect.stringMatching(/^[A-Za-z0-9_-]+$/), service_notice: '', account_id: 'acct-77' });
      requestId = res.body[0].service_request_id;
      token = res.body[0].token;
      const db = server.database.db;
      const ticket = await db.selectFrom('linli_tickets').selectAll().where('id', '=', Number(requestId)).executeTakeFirstOrThrow();
      // lat/long are the ticket's point (outside every grid boundary here, so it stays at the chosen 河畔家园), not a copy beside it.
      expect(ticket).toMatchObject({ workflow: 'grid-request', org_id: Number(hepan), state: 'collected', title: '东门路灯坏了三天，晚上很黑，请尽快修理。', lat: 32.6811, lng: 119.0133 });
      expect(ticket.data).toMatchObject({ category: '公共设施', description: '东门路灯坏了三天，晚上很黑，请尽快修理。', location: '河畔家园东门', contactPhone: reporter.phone });
      const reporterPerson = await db.selectFrom('linli_people').select('display_name').where('id', '=', ticket.reporter_id!).executeTakeFirstOrThrow();
      expect(reporterPerson.display_name).toBe('天长12345热线');
      const kept = await db.selectFrom('linli_open311_requests').selectAll().where('ticket_id', '=', Number(requestId)).executeTakeFirstOrThrow();
      expect(kept.contact).toEqual(reporter);
      expect(Object.keys(kept)).not.toContain('lat');
      // Grid staff see it in their queue, the phone masked as for any resident's request.
      const grid = await server.login('grid.yongfu1');
      const seen = await grid.get('/api/tickets?limit=200');
      expect(JSON.stringify(seen.body.items.find((t: { id: string }) => t.id === requestId))).not.toContain(reporter.phone);
    });

    it('POST requests.json: JSON bodies too, and the spec’s errors', async () => {
      const json = await anon.post('/open311/v2/requests.json', { api_key: apiKey, service_code: 'grid-request', description: '小区垃圾桶满了没人清理', 'attribute[category]': '环境卫生', lat: 32.68, long: 119.01 });
      expect(json.status, JSON.stringify(json.body)).toBe(200);
      expectErrorList(await anon.request('POST', '/open311/v2/requests.json', form({ service_code: 'grid-request', description: '没有钥匙', address_id: 'hepan' }), urlencoded), 403);
      expectErrorList(await anon.request('POST', '/open311/v2/requests.json', form({ api_key: 'made-up', service_code: 'grid-request', description: '假钥匙', address_id: 'hepan' }), urlencoded), 403);
      expectErrorList(await file({ service_code: 'no-such', description: '不存在的服务', address_id: 'hepan' }), 404);
      expectErrorList(await file({ service_code: 'grid-request', description: '没有位置', 'attribute[category]': '其他' }), 400);
      expectErrorList(await file({ service_code: 'grid-request', description: '缺少类别', address_id: 'hepan' }), 422);
      expectErrorList(await file({ service_code: 'grid-request', description: '未知属性', address_id: 'hepan', 'attribute[category]': '其他', 'attribute[secret]': 'x' }), 400);
      expectErrorList(await file({ service_code: 'grid-request', description: '未知地点', address_id: 'nowhere', 'attribute[category]': '其他' }), 422);
      expectErrorList(await file({ service_code: 'grid-request', description: '纬度不对', lat: '91', long: '119', 'attribute[category]': '其他' }), 400);
    });

    it('GET requests/{id}.json and tokens/{token}.json: the spec’s fields, W3C dates with the city’s offset, nothing personal', async () => {
      const res = await anon.get(`/open311/v2/requests/${requestId}.json`);
      expect(res.status).toBe(200);
      expect(res.body).toHaveLength(1);
      const r = res.body[0];
      expect(r).toMatchObject({ service_request_id: requestId, status: 'open', service_code: 'grid-request', service_name: '网格诉求', address: '河畔家园', address_id: 'hepan', lat: 32.6811, long: 119.0133 });
      for (const k of ['requested_datetime', 'updated_datetime', 'expected_datetime']) expect(r[k], k).toMatch(w3c);
      const text = JSON.stringify(res.body);
      for (const v of Object.values(reporter)) expect(text).not.toContain(v);
      expect(text).not.toContain('acct-77');
      const t = await anon.get(`/open311/v2/tokens/${token}.json`);
      expect(t.status).toBe(200);
      expect(t.body).toEqual([{ service_request_id: requestId, token }]);
      expectErrorList(await anon.get('/open311/v2/tokens/unknown-token.json'), 404);
      expectErrorList(await anon.get('/open311/v2/requests/99999999.json'), 404);
    });

    it('GET requests.json: the spec’s filters, and closed from the workflow’s terminal states', async () => {
      const all = await anon.get('/open311/v2/requests.json');
      expect(all.status).toBe(200);
      expect(all.body.length).toBeGreaterThan(1);
      expect(all.body.map((r: { service_request_id: string }) => r.service_request_id)).toContain(requestId);
      const byId = await anon.get(`/open311/v2/requests.json?service_request_id=${requestId}`);
      expect(byId.body.map((r: { service_request_id: string }) => r.service_request_id)).toEqual([requestId]);
      const byCode = await anon.get('/open311/v2/requests.json?service_code=grid-request');
      expect(byCode.body.every((r: { service_code: string }) => r.service_code === 'grid-request')).toBe(true);
      const future = new Date(server.clock.now().getTime() + 86_400_000).toISOString();
      expect((await anon.get(`/open311/v2/requests.json?start_date=${encodeURIComponent(future)}`)).body).toEqual([]);
      const past = await anon.get(`/open311/v2/requests.json?end_date=${encodeURIComponent(new Date(server.clock.now().getTime() - 1000).toISOString().replace('Z', '+00:00'))}`);
      expect(past.body.map((r: { service_request_id: string }) => r.service_request_id)).not.toContain(requestId);
      expectErrorList(await anon.get('/open311/v2/requests.json?start_date=yesterday'), 400);
      expectErrorList(await anon.get('/open311/v2/requests.json?status=pending'), 400);
      const open = await anon.get('/open311/v2/requests.json?status=open');
      expect(open.body.every((r: { status: string }) => r.status === 'open')).toBe(true);
      expect(open.body.map((r: { service_request_id: string }) => r.service_request_id)).toContain(requestId);

      // Staff sort it with an internal note (no status_notes), then turn it away with the reject step's public reply: a terminal state, so it is closed.
      const grid = await server.login('grid.yongfu1');
      const sorted = await grid.post(`/api/tickets/${requestId}/transitions`, { action: 'sort', version: 1, data: { category: '公共设施', urgency: '缓' }, comment: '内部：该户常投诉，注意情绪' });
      expect(sorted.status, JSON.stringify(sorted.body)).toBe(200);
      expect((await anon.get(`/open311/v2/requests/${requestId}.json`)).body[0].status_notes).toBeUndefined();
      const moved = await grid.post(`/api/tickets/${requestId}/transitions`, { action: 'reject', version: sorted.body.version, comment: '已转交供电公司处理' });
      expect(moved.status, JSON.stringify(moved.body)).toBe(200);
      const closed = await anon.get('/open311/v2/requests.json?status=closed');
      expect(closed.body.every((r: { status: string }) => r.status === 'closed')).toBe(true);
      const mine = closed.body.find((r: { service_request_id: string }) => r.service_request_id === requestId);
      expect(mine.status).toBe('closed');
      expect(mine.status_notes).toBe('已转交供电公司处理');
      expect(mine.expected_datetime).toBeUndefined();
      expect(JSON.stringify(closed.body)).not.toContain('该户常投诉');
    });

    it('answers XML for .xml', async () => {
      const parser = new XMLParser({ isArray: (name) => ['service', 'request', 'attribute', 'value', 'error'].includes(name) });
      const services = await anon.get('/open311/v2/services.xml');
      expect(services.status).toBe(200);
      expect(services.headers['content-type']).toMatch(/^text\/xml/);
      expect(String(services.body)).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>/);
      expect(parser.parse(String(services.body)).services.service.map((s: { service_code: string }) => s.service_code)).toContain('grid-request');
      const def = parser.parse(String((await anon.get('/open311/v2/services/grid-request.xml')).body));
      expect(def.service_definition.attributes.attribute.find((a: { code: string }) => a.code === 'category').values.value.length).toBe(6);
      const one = parser.parse(String((await anon.get(`/open311/v2/requests/${requestId}.xml`)).body));
      expect(String(one.service_requests.request[0].service_request_id)).toBe(requestId);
      const err = await anon.get('/open311/v2/services/no-such.xml');
      expect(err.status).toBe(404);
      expect(parser.parse(String(err.body)).errors.error[0].code).toBe(404);
    });

    it('shows no personal data in any request, and limits and revokes keys', async () => {
      const known = await seededPersonalData(server.database.db);
      const all = await anon.get('/open311/v2/requests.json?status=open,closed');
      expect(personalDataIn(JSON.stringify(all.body), known)).toEqual([]);

      const admin = await server.login('admin');
      const other = await admin.post('/api/admin/open311/clients', { name: '随手拍小程序', orgId: hepan });
      const post = () => anon.request('POST', '/open311/v2/requests.json', form({ api_key: other.body.apiKey, service_code: 'grid-request', description: '限流测试的诉求内容', 'attribute[category]': '其他', address_id: 'hepan' }), urlencoded);
      // Issued at 河畔家园: it files there as a resident would, and nowhere else.
      expectErrorList(await anon.request('POST', '/open311/v2/requests.json', form({ api_key: other.body.apiKey, service_code: 'grid-request', description: '别的小区的诉求内容', 'attribute[category]': '其他', address_id: 'binhe' }), urlencoded), 403);
      const answers = [];
      for (let i = 0; i < 10; i++) answers.push((await post()).status);
      expect(answers).toEqual([...Array(9).fill(200), 429]);
      expectErrorList(await post(), 429);
      // The first key is untouched by the second's limit.
      expect((await file({ service_code: 'grid-request', description: '另一个客户端不受影响', 'attribute[category]': '其他', address_id: 'hepan' })).status).toBe(200);
      const listed = await admin.get('/api/admin/open311/clients');
      expect(listed.body.items.map((c: { name: string }) => c.name)).toEqual(['天长12345热线', '随手拍小程序']);
      expect(JSON.stringify(listed.body)).not.toContain(apiKey);
      const revoked = await admin.post(`/api/admin/open311/clients/${listed.body.items[0].id}/revoke`);
      expect(revoked.status).toBe(200);
      expect(revoked.body.revokedAt).not.toBeNull();
      expectErrorList(await file({ service_code: 'grid-request', description: '停用后再提交', 'attribute[category]': '其他', address_id: 'hepan' }), 403);
    });

    describe('as the resident portal files: the point routes it, and only public notes show', () => {
      let key: string;
      beforeAll(async () => {
        const admin = await server.login('admin');
        key = (await admin.post('/api/admin/open311/clients', { name: '网格地图客户端', orgId: await orgId(server, 'tianchang') })).body.apiKey;
      });
      const fileWith = (fields: Record<string, string>) => anon.request('POST', '/open311/v2/requests.json', form({ api_key: key, service_code: 'grid-request', 'attribute[category]': '公共设施', ...fields }), urlencoded);

      it('POST with lat/long inside a grid’s boundary files it in that grid, as a resident’s pin would', async () => {
        // Sent for 河畔家园, but the point lies in 曙光 first grid (曙光新村, examples/tianchang boundaries; packages/server/src/grid-boundary.test.ts).
        const res = await fileWith({ description: '曙光新村门口井盖松动', address_id: 'hepan', lat: '32.685', long: '119' });
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        const id = res.body[0].service_request_id;
        const got = (await anon.get(`/open311/v2/requests/${id}.json`)).body[0];
        expect(got).toMatchObject({ address_id: 'shuguang-xincun', lat: 32.685, long: 119 });
        // The grid worker of that grid has it with its point on the staff map; the first grid's does not.
        const located = await (await server.login('grid.shuguang1')).get('/api/tickets?located=true&open=true&limit=200');
        expect(located.body.items.find((t: { id: string }) => t.id === id)?.point).toEqual({ lat: 32.685, lng: 119 });
        expect((await (await server.login('grid.yongfu1')).get(`/api/tickets/${id}`)).status).toBe(404);
      });

      it('status_notes: the handlers’ latest public note, never a later (or earlier) internal one', async () => {
        const res = await fileWith({ description: '河畔家园三号楼楼道灯不亮', address_id: 'hepan' });
        const id = res.body[0].service_request_id;
        const grid = await server.login('grid.yongfu1');
        const sorted = await grid.post(`/api/tickets/${id}/transitions`, { action: 'sort', version: 1, data: { category: '公共设施', urgency: '缓' }, comment: '已安排网格员明天上门查看', visibility: 'public' });
        expect(sorted.status, JSON.stringify(sorted.body)).toBe(200);
        // Staff turn it away, but keep the reason among themselves.
        const rejected = await grid.post(`/api/tickets/${id}/transitions`, { action: 'reject', version: sorted.body.version, comment: '内部：与上周重复，不再受理', visibility: 'internal' });
        expect(rejected.status, JSON.stringify(rejected.body)).toBe(200);
        const one = (await anon.get(`/open311/v2/requests/${id}.json`)).body[0];
        expect(one).toMatchObject({ status: 'closed', status_notes: '已安排网格员明天上门查看' });
        const answers = [await anon.get(`/open311/v2/requests/${id}.json`), await anon.get(`/open311/v2/requests/${id}.xml`), await anon.get('/open311/v2/requests.json?status=open,closed')];
        for (const a of answers) expect(typeof a.body === 'string' ? a.body : JSON.stringify(a.body)).not.toContain('与上周重复');
      });
    });
  });
}
