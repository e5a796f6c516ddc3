import { gridRequestsPlugin } from '@linli/plugin-grid-requests';
import { redPropertyPlugin } from '@linli/plugin-red-property';
import { cityWithPlugins, startTestServer, testBackends, type TestServer } from '@linli/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleConfig } from './support.js';

/**
 * The example city's own practice, defined in its config without TypeScript:
 * 加装电梯 consultations (`tianchang.elevator`), offered only in old
 * compounds (org attribute compoundType = 老旧小区). Walked through HTTP by
 * the roles that own each step, with its time limits, dispatch to a
 * department, dashboard and CSV export like a plugin's. Also: compound types
 * decide where red property's complaints are offered and where a
 * no-property compound's property matters are routed.
 */
for (const backend of testBackends()) {
  describe(`the city-defined elevator practice on ${backend.name}`, () => {
    let server: TestServer;
    const org: Record<string, string> = {};
    beforeAll(async () => {
      const config = cityWithPlugins(exampleConfig, ['grid-requests', 'red-property']);
      // 千秋社区 has no staff in the example; the no-property compound's matters need someone to sort them.
      config.people = [...(config.people ?? []), { username: 'staff.qianqiu', name: '孙立', roles: [{ role: 'community_staff', org: 'qianqiu-sq' }] }];
      server = await startTestServer({ config, plugins: [gridRequestsPlugin, redPropertyPlugin], backend });
      for (const r of await server.database.db.selectFrom('linli_orgs').select(['id', 'key']).execute()) org[r.key] = String(r.id);
    }, 180_000);
    afterAll(() => server?.close());

    const application = {
      summary: '3栋2单元申请加装电梯',
      building: '3栋',
      unit: '2单元',
      floors: 6,
      households: 12,
      agreed: 9,
      funding: '自筹加政府补贴',
      note: '单元内老人多，上下楼困难。',
    };

    it('is offered in an old compound only, and walks from application to approval by the owning roles', async () => {
      // Tuesday 2026-11-24 09:00 in Tianchang.
      server.clock.set('2026-11-24T01:00:00Z');
      const resident = await server.login('resident.shuguang');
      const filed = await resident.post('/api/tickets', { workflow: 'tianchang.elevator', orgId: org['shuguang-xincun'], data: application });
      expect(filed.status, JSON.stringify(filed.body)).toBe(201);
      // 3 working days: Friday 09:00.
      expect(filed.body).toMatchObject({ state: 'submitted', title: '3栋2单元申请加装电梯', deadline: '2026-11-27T01:00:00.000Z' });

      // 河畔家园 is commercial housing: not offered there, with the path of the mistake.
      const admin = await server.login('admin');
      const elsewhere = await admin.post('/api/tickets', { workflow: 'tianchang.elevator', orgId: org.hepan, data: application });
      expect(elsewhere.status).toBe(422);
      expect(elsewhere.body.details).toEqual([expect.objectContaining({ path: '/orgId', message: expect.stringContaining('河畔家园') })]);

      // The community accepts it and consults the neighbours until a date it sets.
      const staff = await server.login('staff.shuguang');
      const detail = await staff.get(`/api/tickets/${filed.body.id}`);
      expect(detail.body.allowedActions.map((a: { name: string }) => a.name)).toEqual(['consult', 'reject']);
      const consulting = await staff.post(`/api/tickets/${filed.body.id}/transitions`, {
        action: 'consult',
        version: filed.body.version,
        data: { plan: '3栋2单元加装电梯方案公示，请各户提出意见。', consultUntil: '2026-12-08T10:00:00.000Z' },
      });
      expect(consulting.status, JSON.stringify(consulting.body)).toBe(200);
      expect(consulting.body).toMatchObject({ state: 'consulting', deadline: '2026-12-08T10:00:00.000Z' });

      // After the notice, the community reports the result to the housing bureau.
      server.clock.set('2026-12-09T01:00:00Z');
      const staffAgain = await server.login('staff.shuguang');
      const sent = await staffAgain.post(`/api/tickets/${filed.body.id}/transitions`, {
        action: 'submit',
        version: consulting.body.version,
        data: { agreed: 10, objections: 1, departmentOrgId: org['tc-zjj'], opinion: '同意户数超过三分之二，建议批准。' },
      });
      expect(sent.status, JSON.stringify(sent.body)).toBe(200);
      // Wednesday 09:00 + 5 working days = next Wednesday.
      expect(sent.body).toMatchObject({ state: 'reviewing', assigneeOrgId: org['tc-zjj'], deadline: '2026-12-16T01:00:00.000Z' });

      // The resident cannot approve; the housing bureau's officer can.
      const notMine = await (await server.login('resident.shuguang')).post(`/api/tickets/${filed.body.id}/transitions`, { action: 'approve', version: sent.body.version, data: { opinion: '同意' } });
      expect([403, 404]).toContain(notMine.status);
      const bureau = await server.login('dept.zjj');
      const approved = await bureau.post(`/api/tickets/${filed.body.id}/transitions`, { action: 'approve', version: sent.body.version, data: { opinion: '符合加装条件，予以批复。', approvalNo: '天住建〔2026〕12号' } });
      expect(approved.status, JSON.stringify(approved.body)).toBe(200);
      expect(approved.body.state).toBe('approved');

      // The dashboard and the CSV export count it like any plugin's workflow.
      const secretary = await server.login('secretary.shuguang');
      const dash = await secretary.get('/api/dashboard');
      expect(dash.status).toBe(200);
      expect(dash.body.workflows.find((w: { id: string }) => w.id === 'tianchang.elevator')).toMatchObject({ total: 1, closed: 1, open: 0 });
      const csv = await secretary.get('/api/dashboard.csv');
      expect(csv.status).toBe(200);
      const lines = (csv.body as string).split('\r\n');
      expect(lines).toContain('加装电梯征询,审核通过,1,0,,,');
      // Filed Tuesday 09:00, approved 15 days later: 360 hours, within every limit.
      expect(lines).toContain('加装电梯征询,合计,1,0,1,360,100');
    });

    it('compound types: red property is not offered in a no-property compound, whose property matters go to its community', async () => {
      const admin = await server.login('admin');
      const complaint = await admin.post('/api/tickets', {
        workflow: 'red-property.complaint',
        orgId: org['dongmen-b1'],
        data: { title: '楼道无人打扫', category: '环境卫生', description: '楼道垃圾一周无人清理。', location: '1栋', photos: [] },
      });
      expect(complaint.status).toBe(422);
      expect(complaint.body.details).toEqual([expect.objectContaining({ path: '/orgId' })]);

      // A grid request about property service at 东门老街 is dispatched to 千秋社区 by the rule on compoundType, not to a company.
      const filed = await admin.post('/api/tickets', {
        workflow: 'grid-request',
        orgId: org['dongmen-b1'],
        data: { title: '楼道灯坏了', category: '物业服务', description: '1栋楼道灯坏了没人修。', photos: [] },
      });
      expect(filed.status, JSON.stringify(filed.body)).toBe(201);
      const staff = await server.login('staff.qianqiu');
      const sorted = await staff.post(`/api/tickets/${filed.body.id}/transitions`, { action: 'sort', version: filed.body.version, data: { category: '物业服务', urgency: '缓' } });
      expect(sorted.status, JSON.stringify(sorted.body)).toBe(200);
      const routed = await staff.post(`/api/tickets/${filed.body.id}/transitions`, { action: 'dispatch', version: sorted.body.version, data: {} });
      expect(routed.status, JSON.stringify(routed.body)).toBe(200);
      expect(routed.body.assigneeOrgId).toBe(org['qianqiu-sq']);
    });
  });
}
