import { testBackends, type TestServer } from '@linli/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, fileComplaint, orgId, start } from './test-support.js';

/** 物业投诉 end to end through HTTP, on every backend. */
for (const backend of testBackends()) {
  describe(`red-property complaints on ${backend.name}`, () => {
    let server: TestServer;
    let hepan: string;
    let hepanB1: string;
    let hepanProperty: string;
    let tiandaoProperty: string;
    let yongfu: string;
    beforeAll(async () => {
      server = await start(backend);
      [hepan, hepanB1, hepanProperty, tiandaoProperty, yongfu] = (await Promise.all(['hepan', 'hepan-b1', 'hepan-property', 'tiandao-property', 'yongfu'].map((k) => orgId(server, k)))) as [string, string, string, string, string];
    });
    afterAll(() => server?.close());
    const as = (u: string) => server.login(u);

    it('a snapped complaint goes to the compound’s property company, is answered in time and verified by the complainant', async () => {
      const resident = await as('resident.hepan');
      const filed = await resident.post('/api/tickets', {
        workflow: 'red-property.complaint',
        orgId: hepanB1,
        data: { title: '楼道灯不亮', category: '设施维修', description: '1栋2单元楼道灯坏了一周。', photos: [] },
      });
      expect(filed.status, JSON.stringify(filed.body)).toBe(201);
      expect(filed.body.state).toBe('submitted');

      const desk = await as('staff.yongfu');
      // Dispatching to another compound's company is refused, and nothing changes.
      const wrong = await desk.post(`/api/tickets/${filed.body.id}/transitions`, { action: 'dispatch', version: filed.body.version, data: { propertyOrgId: tiandaoProperty } });
      expect(wrong.status).toBe(422);
      expect(wrong.body.code).toBe('RP_ERR_WRONG_COMPANY');
      expect((await desk.get(`/api/tickets/${filed.body.id}`)).body.ticket.state).toBe('submitted');

      // 一键交办: the company comes from the options.
      const sent = await desk.post(`${api}/complaints/${filed.body.id}/dispatch`, { version: filed.body.version, instructions: '请两个工作日内处理。' });
      expect(sent.status, JSON.stringify(sent.body)).toBe(200);
      expect(sent.body).toMatchObject({ state: 'dispatched', assigneeOrgId: hepanProperty });

      // Another company's staff cannot answer; the compound's company can.
      const other = await (await as('property.tiandao')).post(`/api/tickets/${filed.body.id}/transitions`, { action: 'respond', version: sent.body.version, data: { response: '已处理' } });
      expect([403, 404]).toContain(other.status);
      server.clock.advance({ hours: 6 });
      const company = await as('property.hepan');
      const answered = await company.post(`/api/tickets/${filed.body.id}/transitions`, { action: 'respond', version: sent.body.version, data: { response: '已更换楼道灯泡 3 只。', photos: [] } });
      expect(answered.status, JSON.stringify(answered.body)).toBe(200);
      expect(answered.body.state).toBe('responded');

      const verified = await (await as('resident.hepan')).post(`/api/tickets/${filed.body.id}/transitions`, { action: 'verify', version: answered.body.version, data: { satisfaction: '满意' } });
      expect(verified.status, JSON.stringify(verified.body)).toBe(200);
      expect(verified.body.state).toBe('closed');

      const companies = await (await as('secretary.yongfu')).get(`${api}/companies`);
      const row = companies.body.items.find((c: { id: string }) => c.id === hepanProperty);
      expect(row).toMatchObject({ complaints: 1, responded: 1, overdue: 0, avgResponseHours: 6, satisfactionRate: 100, open: 0 });
    });

    it('counts a company that answers after the deadline as late, per company', async () => {
      const { id, version } = await fileComplaint(await as('resident.hepan'), hepan, '垃圾桶满溢');
      const sent = await (await as('secretary.yongfu')).post(`${api}/complaints/${id}/dispatch`, { version });
      expect(sent.status, JSON.stringify(sent.body)).toBe(200);
      server.clock.advance({ days: 5 });
      const secretary = await as('secretary.yongfu');
      let row = (await secretary.get(`${api}/companies`)).body.items.find((c: { id: string }) => c.id === hepanProperty);
      expect(row).toMatchObject({ complaints: 2, open: 1, overdue: 1 });
      const late = await (await as('property.hepan')).post(`/api/tickets/${id}/transitions`, { action: 'respond', version: sent.body.version, data: { response: '已清运。' } });
      expect(late.status).toBe(200);
      row = (await secretary.get(`${api}/companies`)).body.items.find((c: { id: string }) => c.id === hepanProperty);
      expect(row).toMatchObject({ responded: 2, overdue: 1 });
      expect(row.avgResponseHours).toBeGreaterThan(60);
      expect((await secretary.get(`${api}/stats/overdue?orgId=${yongfu}`)).body.value).toBe(1);
      const chart = (await secretary.get(`${api}/stats/response-hours`)).body.items;
      expect(chart).toEqual([expect.objectContaining({ company: '天长市安居物业服务有限公司', complaints: 2 })]);
    });

    it('refuses a complaint where no property company is configured, and keeps other scopes out', async () => {
      const secretary = await as('secretary.yongfu');
      const res = await secretary.post('/api/tickets', { workflow: 'red-property.complaint', orgId: yongfu, data: { title: '社区门口积水', category: '其他', description: '社区门口下雨积水严重。' } });
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('RP_ERR_NO_PROPERTY_COMPANY');

      // Shuguang's grid worker sees no Yongfu company and cannot dispatch a Yongfu complaint.
      const { id, version } = await fileComplaint(await as('resident.hepan'), hepan, '单元门禁损坏');
      const outsider = await as('grid.shuguang1');
      expect((await outsider.get(`${api}/companies`)).body.items.map((c: { id: string }) => c.id)).not.toContain(hepanProperty);
      expect((await outsider.post(`${api}/complaints/${id}/dispatch`, { version })).status).toBe(404);
      expect((await outsider.get(`${api}/companies/${hepanProperty}/credit`)).status).toBe(404);
    });
  });
}
