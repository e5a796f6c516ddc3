import { testBackends, type TestServer, startTestServer } from '@linli/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redPropertyPlugin } from './plugin.js';
import { api, exampleCity, orgId } from './test-support.js';

/**
 * A city changes red property's time limits, a step's title and the intake
 * form in its config, without forking the plugin: a new complaint's
 * deadlines follow the city's numbers, and the form refuses what the city
 * tightened.
 */
const overrides = {
  forms: {
    'red-property.complaint': {
      fields: { location: { title: '具体位置', required: true, maxLength: 50 }, contactPhone: { hidden: true } },
      add: { roomNo: { schema: { type: 'string', title: '房号', maxLength: 20 }, titleEn: 'Room' } },
    },
  },
  workflows: {
    'red-property.complaint': {
      states: { submitted: { timeLimit: { hours: 12 } }, dispatched: { timeLimit: { days: 3, workingDays: true } } },
      transitions: { dispatch: { title: { 'zh-CN': '派单物业', en: 'Send to the company' } } },
    },
  },
};

for (const backend of testBackends()) {
  describe(`red-property overridden by the city on ${backend.name}`, () => {
    let server: TestServer;
    let hepan: string;
    beforeAll(async () => {
      server = await startTestServer({ config: { ...exampleCity(), overrides }, plugins: [redPropertyPlugin], backend });
      hepan = await orgId(server, 'hepan');
    });
    afterAll(() => server?.close());

    it('a new complaint gets the city’s 12 hours to dispatch and 3 working days to respond, not the plugin’s 24 h and 2', async () => {
      // Tuesday 2026-11-24 09:00 in Tianchang.
      server.clock.set('2026-11-24T01:00:00Z');
      const resident = await server.login('resident.hepan');
      const data = { title: '电梯停运', category: '设施维修', description: '2号电梯停运两天了。', location: '2栋2单元', roomNo: '1202', photos: [] };
      const filed = await resident.post('/api/tickets', { workflow: 'red-property.complaint', orgId: hepan, data });
      expect(filed.status, JSON.stringify(filed.body)).toBe(201);
      expect(filed.body.deadline).toBe('2026-11-24T13:00:00.000Z');
      expect(filed.body.data.roomNo).toBe('1202');

      const desk = await server.login('staff.yongfu');
      const sent = await desk.post(`${api}/complaints/${filed.body.id}/dispatch`, { version: filed.body.version });
      expect(sent.status, JSON.stringify(sent.body)).toBe(200);
      // Tuesday + 3 working days = Friday, same time of day.
      const dispatched = await desk.get(`/api/tickets/${filed.body.id}`);
      expect(dispatched.body.ticket).toMatchObject({ state: 'dispatched', deadline: '2026-11-27T01:00:00.000Z' });

      // The workflow as the web app sees it carries the city's step title and limits.
      const wf = await desk.get('/api/workflows/red-property.complaint');
      expect(wf.status).toBe(200);
      expect(wf.body.transitions.find((t: { name: string }) => t.name === 'dispatch').title['zh-CN']).toBe('派单物业');
      expect(wf.body.states.find((s: { id: string }) => s.id === 'submitted').timeLimit).toEqual({ hours: 12 });
    });

    it('the intake form refuses what the city tightened or hid', async () => {
      const resident = await server.login('resident.hepan');
      const base = { title: '门禁坏了', category: '设施维修', description: '东门门禁刷卡无反应。' };
      const noPlace = await resident.post('/api/tickets', { workflow: 'red-property.complaint', orgId: hepan, data: base });
      expect(noPlace.status).toBe(422);
      expect(noPlace.body.details).toEqual([expect.objectContaining({ path: '/location' })]);
      const phone = await resident.post('/api/tickets', { workflow: 'red-property.complaint', orgId: hepan, data: { ...base, location: '东门', contactPhone: '13800000000' } });
      expect(phone.status).toBe(422);
      expect(phone.body.details).toEqual([expect.objectContaining({ path: '/contactPhone', message: 'is not a known field' })]);
      const form = await resident.get('/api/forms/red-property.complaint');
      expect(form.body.schema.properties.location).toMatchObject({ title: '具体位置', maxLength: 50 });
      expect(form.body.schema.properties.contactPhone).toBeUndefined();
    });
  });
}
