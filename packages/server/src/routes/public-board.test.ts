import { gridRequestsPlugin } from '@linli/plugin-grid-requests';
import { definePlugin } from '@linli/sdk';
import { startTestServer, testBackends, type TestServer } from '@linli/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskNumbers } from '../public/mask.js';
import { personalDataIn, seededPersonalData, type PersonalData } from '../public/personal-data.js';
import { bundledPlugins, exampleConfig, exampleConfigFile, orgId } from '../test-support.js';

describe('masking numbers in public text', () => {
  it('masks mobiles and ID-card numbers but leaves dates, amounts and years', () => {
    expect(maskNumbers('联系13805501014，身份证34118119800101123X')).toBe('联系138****1014，身份证341***********123X');
    expect(maskNumbers('2026-11-03 金额 4850 元，第 2026 年')).toBe('2026-11-03 金额 4850 元，第 2026 年');
  });
});

/**
 * The public notice board of the example city with all six plugins and their
 * demo history, read anonymously: every section of the city's board and of
 * every community's, and the JSON behind each, holds no resident's name, no
 * phone number and no ID-card number — even after staff wrote them into text
 * a public page shows.
 */
for (const backend of testBackends()) {
  describe(`public notice board on ${backend.name}`, () => {
    let server: TestServer;
    let known: PersonalData;
    beforeAll(async () => {
      server = await startTestServer({ config: exampleConfigFile, plugins: bundledPlugins, backend, demoData: true });
      // Staff who write a resident's name and phone into a public record: the board must not show them.
      const db = server.database.db;
      const matter = await db.selectFrom('red_property_practical_matters').select('id').orderBy('id').executeTakeFirst();
      if (matter) await db.updateTable('red_property_practical_matters').set({ result: '已完成，住户林小燕（13805501014）确认，身份证341181198001011234' }).where('id', '=', matter.id).execute();
      known = await seededPersonalData(db);
    }, 300_000);
    afterAll(() => server?.close());

    it('lists every plugin’s public sections on the city board, each with JSON that serves', async () => {
      const anon = server.anonymous();
      const board = await anon.get('/api/public/board');
      expect(board.status).toBe(200);
      expect(board.body.place.type).toBe('city');
      const ids = board.body.sections.map((s: { id: string }) => s.id);
      expect(ids).toEqual(expect.arrayContaining(['core.monthly', 'weekend-deliberation-hall.resolutions', 'red-property.red-black-list', 'red-property.public-income', 'red-property.practical-matters', 'three-linked-office.decisions']));
      expect(board.body.communities.length).toBeGreaterThan(1);
      const nonEmpty: string[] = [];
      for (const s of board.body.sections) {
        const res = await anon.get(s.source);
        expect(res.status, s.source).toBe(200);
        if (res.body.items.length) nonEmpty.push(s.id);
      }
      // The demo history gives every section something to show.
      expect(nonEmpty.sort()).toEqual([...ids].sort());
    });

    it('shows satisfaction by month in the core section from the tickets’ ratings: the dashboards’ figures and definition', async () => {
      const items = (await server.anonymous().get('/api/public/tickets/monthly')).body.items as { month: string; closed: number; rated: number; satisfied: number; satisfactionPct: number | null }[];
      // The demo history has residents rating closed requests.
      expect(items.some((i) => i.rated > 0)).toBe(true);
      for (const i of items) expect(i.satisfactionPct).toBe(i.rated ? Math.round((1000 * i.satisfied) / i.rated) / 10 : null);
      const dashboard = await (await server.login('admin')).get('/api/dashboard/satisfaction');
      expect(dashboard.status).toBe(200);
      const byMonth = new Map<string, { closed: number; rated: number; satisfied: number }>();
      for (const r of dashboard.body.rows as { month: string; closed: number; rated: number; satisfied: number }[]) {
        const m = byMonth.get(r.month) ?? { closed: 0, rated: 0, satisfied: 0 };
        byMonth.set(r.month, { closed: m.closed + r.closed, rated: m.rated + r.rated, satisfied: m.satisfied + r.satisfied });
      }
      expect(byMonth.size).toBeGreaterThan(0);
      for (const [month, m] of byMonth) expect(items.find((i) => i.month === month), month).toMatchObject(m);
    });

    it('never shows a name, a phone or an ID-card number, on the city board or any community’s', async () => {
      expect(known.names).toContain('林小燕');
      expect(known.phones).toContain('13805501014');
      const anon = server.anonymous();
      const city = await anon.get('/api/public/board');
      const places = [undefined, ...city.body.communities.map((c: { id: string }) => c.id)];
      const leaks: string[] = [];
      let items = 0;
      for (const place of places) {
        const board = await anon.get(`/api/public/board${place ? `?orgId=${place}` : ''}`);
        expect(board.status).toBe(200);
        for (const found of personalDataIn(JSON.stringify(board.body), known)) leaks.push(`board ${place ?? 'city'}: ${found}`);
        for (const s of board.body.sections) {
          const res = await anon.get(s.source);
          items += res.body.items.length;
          for (const found of personalDataIn(JSON.stringify(res.body), known)) leaks.push(`${s.source}: ${found}`);
        }
      }
      expect(items).toBeGreaterThan(10);
      expect(leaks).toEqual([]);
    });

    it('shows what staff wrote with the name and numbers masked', async () => {
      const res = await server.anonymous().get('/api/public/plugins/red-property/practical-matters');
      expect(JSON.stringify(res.body)).toContain('住户林**（138****1014）确认，身份证341***********1234');
    });

    it('is per community: another community’s records are not on its board', async () => {
      const anon = server.anonymous();
      const yongfu = await anon.get(`/api/public/plugins/red-property/practical-matters?orgId=${await orgId(server, 'yongfu')}`);
      const shuguang = await anon.get(`/api/public/plugins/red-property/practical-matters?orgId=${await orgId(server, 'shuguang')}`);
      const compounds = (r: typeof yongfu) => new Set(r.body.items.map((i: { compound: string }) => i.compound));
      for (const c of compounds(yongfu)) expect(compounds(shuguang).has(c)).toBe(false);
    });

    it('has no board for a side organization or an unknown one (404), and refuses undeclared parameters', async () => {
      const anon = server.anonymous();
      expect((await anon.get(`/api/public/board?orgId=${await orgId(server, 'tc-cgj')}`)).status).toBe(404);
      expect((await anon.get('/api/public/board?orgId=999999')).status).toBe(404);
      expect((await anon.get('/api/public/tickets/monthly?who=me')).status).toBe(400);
    });
  });
}

/** A plugin whose public loaders misbehave: one writes, one returns more than it declared. */
const careless = definePlugin({
  name: 'careless',
  version: '0.1.0',
  sdk: '^0.1.0',
  title: { 'zh-CN': '粗心插件', en: 'Careless' },
  publicData: [
    {
      id: 'writes',
      title: { 'zh-CN': '写入', en: 'Writes' },
      item: { type: 'object', properties: { n: { type: 'integer' } }, additionalProperties: false },
      async load({ db }) {
        await db.updateTable('linli_people').set({ display_name: '被改写' }).where('username', '=', 'admin').execute();
        return [];
      },
    },
    {
      id: 'says-too-much',
      title: { 'zh-CN': '多说', en: 'Says too much' },
      item: { type: 'object', properties: { compound: { type: 'string' } }, required: ['compound'], additionalProperties: false },
      async load({ db }) {
        return db.selectFrom('linli_people').select(['username as compound', 'phone', 'password_hash']).limit(3).execute();
      },
    },
  ],
});

describe('a public loader gets a read-only view and says only what it declared', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ config: { ...exampleConfig, plugins: { ...exampleConfig.plugins, careless: {} } }, plugins: [gridRequestsPlugin, careless] });
  });
  afterAll(() => server?.close());

  it('fails a loader that writes, and nothing is written', async () => {
    const res = await server.anonymous().get('/api/public/plugins/careless/writes');
    expect(res.status).toBe(500);
    const admin = await server.database.db.selectFrom('linli_people').select('display_name').where('username', '=', 'admin').executeTakeFirstOrThrow();
    expect(admin.display_name).not.toBe('被改写');
  });

  it('drops fields a loader returns beyond its declared item schema', async () => {
    const res = await server.anonymous().get('/api/public/plugins/careless/says-too-much');
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeGreaterThan(0);
    for (const item of res.body.items) expect(Object.keys(item)).toEqual(['compound']);
  });
});
