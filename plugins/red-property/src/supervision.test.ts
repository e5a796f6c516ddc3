import { testBackends, type TestServer } from '@linli/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, orgId, start } from './test-support.js';

const scores = (share: number) => ({ partyBuilding: Math.round(15 * share), cleaning: Math.round(20 * share), security: Math.round(20 * share), maintenance: Math.round(20 * share), responsiveness: Math.round(15 * share), transparency: Math.round(10 * share) });
const allFour = { partyBranch: { present: true }, residentsCommittee: { present: true }, ownersCommittee: { present: true }, propertyCompany: { present: true } };

/** 考核评价, credit file, 红黑榜, 四方联席会议 and 三本账 through HTTP, on every backend. */
for (const backend of testBackends()) {
  describe(`red-property supervision on ${backend.name}`, () => {
    let server: TestServer;
    let hepan: string;
    let tiandao: string;
    let hepanProperty: string;
    let jinxiuProperty: string;
    let tiandaoProperty: string;
    let jinseProperty: string;
    beforeAll(async () => {
      server = await start(backend);
      [hepan, tiandao, hepanProperty, jinxiuProperty, tiandaoProperty, jinseProperty] = (await Promise.all(
        ['hepan', 'tiandao', 'hepan-property', 'jinxiu-property', 'tiandao-property', 'jinse-property'].map((k) => orgId(server, k)),
      )) as [string, string, string, string, string, string];
    });
    afterAll(() => server?.close());
    const as = (u: string) => server.login(u);

    it('generates the evaluation form from the criteria and registers it for the web app', async () => {
      const s = await as('secretary.yongfu');
      const form = (await s.get(`${api}/evaluation-form`)).body;
      expect(form.schema.properties.scores.properties.cleaning).toMatchObject({ type: 'integer', minimum: 0, maximum: 20 });
      expect((await s.get('/api/forms/red-property.evaluation')).body.schema).toEqual(form.schema);
    });

    it('scores companies into the credit file; two excellent → red list, two poor → black list', async () => {
      const s = await as('secretary.yongfu');
      for (const [period, share] of [['2026-Q2', 0.95], ['2026-Q3', 0.92]] as const) {
        const r = await s.post(`${api}/evaluations`, { companyOrgId: hepanProperty, period, scores: scores(share), comment: '服务规范' });
        expect(r.status, JSON.stringify(r.body)).toBe(201);
      }
      const branch = await as('branch.hepan');
      for (const period of ['2026-Q2', '2026-Q3']) {
        expect((await s.post(`${api}/evaluations`, { companyOrgId: jinxiuProperty, period, scores: scores(0.5) })).status).toBe(201);
      }
      // A branch secretary scores the company of their own compound only.
      expect((await branch.post(`${api}/evaluations`, { companyOrgId: hepanProperty, period: '2026-Q1', scores: scores(0.8) })).status).toBe(201);

      const list = (await s.get(`${api}/red-black-list`)).body.items;
      expect(list.map((c: { id: string; standing: string }) => [c.id, c.standing])).toEqual([[hepanProperty, 'red'], [jinxiuProperty, 'black']]);
      const credit = (await s.get(`${api}/companies/${jinxiuProperty}/credit`)).body.items;
      expect(credit.map((e: { kind: string }) => e.kind)).toEqual(['black_list', 'evaluation', 'evaluation']);
      expect(credit[1]).toMatchObject({ period: '2026-Q3', rating: '差', total: 51, maxTotal: 100 });
      const evals = (await s.get(`${api}/evaluations?companyOrgId=${hepanProperty}`)).body.items;
      expect(evals.map((e: { period: string; rating: string }) => `${e.period} ${e.rating}`)).toEqual(['2026-Q3 优秀', '2026-Q2 优秀', '2026-Q1 良好']);
      // The credit file is append-only, down to the database.
      await expect(server.database.db.deleteFrom('red_property_credit_entries' as never).execute()).rejects.toThrow(/append-only/);
    });

    it('refuses bad evaluations with codes and saves nothing', async () => {
      const s = await as('secretary.yongfu');
      const out = await s.post(`${api}/evaluations`, { companyOrgId: tiandaoProperty, period: '2026-Q3', scores: { ...scores(0.8), cleaning: 21, security: -1 } });
      expect(out.status).toBe(422);
      expect(out.body.code).toBe('RP_ERR_SCORE_OUT_OF_RANGE');
      expect(out.body.details.map((d: { path: string }) => d.path)).toEqual(['/scores/cleaning', '/scores/security']);
      const again = await s.post(`${api}/evaluations`, { companyOrgId: hepanProperty, period: '2026-Q3', scores: scores(0.8) });
      expect([again.status, again.body.code]).toEqual([409, 'RP_ERR_ALREADY_EVALUATED']);
      const future = await s.post(`${api}/evaluations`, { companyOrgId: tiandaoProperty, period: '2027-Q1', scores: scores(0.8) });
      expect([future.status, future.body.code]).toEqual([422, 'RP_ERR_BAD_PERIOD']);
      const outside = await (await as('secretary.shuguang')).post(`${api}/evaluations`, { companyOrgId: hepanProperty, period: '2026-Q3', scores: scores(0.8) });
      expect([outside.status, outside.body.code]).toEqual([403, 'RP_ERR_NOT_EVALUATOR']);
      // 交叉任职: Tiandao's branch secretary also works for its property company, and never scores it.
      const self = await (await as('branch.tiandao')).post(`${api}/evaluations`, { companyOrgId: tiandaoProperty, period: '2026-Q3', scores: scores(0.99) });
      expect([self.status, self.body.code]).toEqual([403, 'RP_ERR_SELF_EVALUATION']);
      const staff = await (await as('staff.yongfu')).post(`${api}/evaluations`, { companyOrgId: tiandaoProperty, period: '2026-Q3', scores: scores(0.8) });
      expect([staff.status, staff.body.code]).toEqual([403, 'RP_ERR_NOT_EVALUATOR']);
      expect((await s.get(`${api}/evaluations?companyOrgId=${tiandaoProperty}`)).body.items).toEqual([]);
      // Shuguang's secretary scores their own community's company, and sees none of Yongfu's evaluations.
      const shuguang = await as('secretary.shuguang');
      expect((await shuguang.post(`${api}/evaluations`, { companyOrgId: jinseProperty, period: '2026-Q3', scores: scores(0.7) })).status).toBe(201);
      expect((await shuguang.get(`${api}/evaluations`)).body.items.map((e: { companyOrgId: string }) => e.companyOrgId)).toEqual([jinseProperty]);
    });

    it('a four-party decision needs all four present; without one it is refused naming who is missing', async () => {
      const s = await as('staff.yongfu');
      const missing = await s.post(`${api}/meetings`, {
        compoundOrgId: hepan,
        heldOn: '2026-11-20',
        topic: '维修资金',
        subject: '申请使用维修资金更换电梯',
        attendance: { ...allFour, ownersCommittee: { present: false }, propertyCompany: { present: false } },
        decision: '同意使用维修资金',
      });
      expect(missing.status).toBe(422);
      expect(missing.body.code).toBe('RP_ERR_FOUR_PARTIES_MISSING');
      expect(missing.body.message).toContain('业委会');
      expect(missing.body.message).toContain('物业服务企业');
      expect((await s.get(`${api}/meetings`)).body.items).toEqual([]);
      const held = await s.post(`${api}/meetings`, { compoundOrgId: hepan, heldOn: '2026-11-20', topic: '维修资金', subject: '申请使用维修资金更换电梯', attendance: allFour, decision: '同意使用维修资金更换1栋电梯，结果公示。' });
      expect(held.status, JSON.stringify(held.body)).toBe(201);
      const noDecision = await s.post(`${api}/meetings`, { compoundOrgId: tiandao, heldOn: '2026-11-21', topic: '公共收益', subject: '公共收益使用意见征集', attendance: { ...allFour, propertyCompany: { present: false } } });
      expect(noDecision.status).toBe(201);
      const items = (await s.get(`${api}/meetings`)).body.items;
      expect(items.map((m: { compoundName: string; absent: string }) => [m.compoundName, m.absent])).toEqual([['天岛小区', '物业服务企业'], ['河畔家园', '']]);
      // Property staff of Hepan see Hepan's meetings only.
      expect((await (await as('property.hepan')).get(`${api}/meetings`)).body.items.map((m: { id: string }) => m.id)).toEqual([held.body.id]);
    });

    it('keeps the three ledgers: facts, an append-only fee and public-income ledger with a derived balance, at most ten open practical matters', async () => {
      const s = await as('staff.yongfu');
      expect((await s.post(`${api}/compound-files`, { compoundOrgId: hepan, compoundType: '安置小区', households: 620 })).status).toBe(201);
      const entry = (kind: string, amountFen: unknown) => s.post(`${api}/ledger`, { compoundOrgId: hepan, kind, category: '停车收益', amountFen, purpose: '地面停车收益', occurredOn: '2026-10-10' });
      expect((await entry('收入', 1_000_050)).status).toBe(201);
      expect((await entry('支出', 250_000)).status).toBe(201);
      for (const bad of [0, -5, 12.5]) {
        const r = await entry('收入', bad);
        expect([r.status, r.body.code], String(bad)).toEqual([422, 'RP_ERR_BAD_AMOUNT']);
      }
      const ledger = (await s.get(`${api}/ledger?compoundOrgId=${hepan}`)).body.items;
      expect(ledger.map((l: { balanceYuan: string }) => l.balanceYuan)).toEqual(['7500.50', '10000.50']);
      const compound = (await s.get(`${api}/compounds`)).body.items.find((c: { id: string }) => c.id === hepan);
      expect(compound).toMatchObject({ compoundType: '安置小区', households: 620, balanceFen: 750_050, openMatters: 0 });

      const ids: string[] = [];
      for (let i = 1; i <= 10; i++) {
        const r = await s.post(`${api}/practical-matters`, { compoundOrgId: hepan, year: 2026, title: `实事${i}` });
        expect(r.status).toBe(201);
        ids.push(r.body.id);
      }
      const eleventh = await s.post(`${api}/practical-matters`, { compoundOrgId: hepan, year: 2026, title: '实事11' });
      expect([eleventh.status, eleventh.body.code]).toEqual([422, 'RP_ERR_TEN_MATTERS_FULL']);
      expect((await s.post(`${api}/practical-matters`, { compoundOrgId: hepan, year: 2027, title: '明年的实事' })).status).toBe(201);
      expect((await s.post(`${api}/practical-matters/${ids[0]}/done`, { result: '已完成' })).status).toBe(201);
      expect((await s.post(`${api}/practical-matters/${ids[0]}/done`, { result: '已完成' })).body.code).toBe('RP_ERR_MATTER_CLOSED');
      expect((await s.post(`${api}/practical-matters`, { compoundOrgId: hepan, year: 2026, title: '实事11' })).status).toBe(201);
    });

    it('keeps other scopes out: 404 for compounds one does not serve, 403 for those one sees but does not keep', async () => {
      const outsider = await as('secretary.shuguang');
      expect((await outsider.get(`${api}/ledger?compoundOrgId=${hepan}`)).status).toBe(404);
      expect((await outsider.post(`${api}/ledger`, { compoundOrgId: hepan, kind: '收入', category: '其他', amountFen: 100, purpose: '测试收入', occurredOn: '2026-10-10' })).status).toBe(404);
      expect((await outsider.get(`${api}/compounds`)).body.items.map((c: { name: string }) => c.name)).toEqual(['曙光新村', '金色家园']);
      const company = await as('property.hepan');
      const r = await company.post(`${api}/ledger`, { compoundOrgId: hepan, kind: '收入', category: '其他', amountFen: 100, purpose: '测试收入', occurredOn: '2026-10-10' });
      expect([r.status, r.body.code]).toEqual([403, 'RP_ERR_NOT_ALLOWED']);
      const notCompound = await (await as('staff.yongfu')).post(`${api}/practical-matters`, { compoundOrgId: await orgId(server, 'yongfu'), year: 2026, title: '社区实事' });
      expect([notCompound.status, notCompound.body.code]).toEqual([422, 'RP_ERR_NOT_A_COMPOUND']);
      expect((await (await as('resident.hepan')).get(`${api}/compounds`)).body.items).toEqual([]);
    });
  });
}
