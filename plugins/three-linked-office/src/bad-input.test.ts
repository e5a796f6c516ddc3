import { testBackends, type TestServer } from '@linli/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { allPresent, api, as, orgId, problem, raise, start } from './test-support.js';

/**
 * Every refusal is a 4xx with a code, and leaves nothing behind. These run in
 * 天岛小区 and 锦绣花园 (and 滨河小区, which has no office), on a Wednesday.
 */
for (const backend of testBackends()) {
  describe(`three-linked office refuses bad input on ${backend.name}`, () => {
    let server: TestServer;
    let tiandao: string;
    let jinxiu: string;
    let binhe: string;
    let hepan: string;
    beforeAll(async () => {
      server = await start(backend);
      [tiandao, jinxiu, binhe, hepan] = await Promise.all([orgId(server, 'tiandao'), orgId(server, 'jinxiu'), orgId(server, 'binhe'), orgId(server, 'hepan')]);
    });
    afterAll(() => server?.close());
    // Wednesday 2026-11-25, 15:00 in Tianchang: tiandao's meeting day.
    beforeEach(() => server.clock.set('2026-11-25T07:00:00Z'));

    /** Today's tiandao meeting with a problem on its agenda and the given attendance. */
    async function meetingWith(attendance: Record<string, unknown>, title = '楼顶漏雨') {
      const staff = await as(server, 'staff.yongfu');
      const ticket = await raise(staff, tiandao, problem(title, '急', '难', '居委会'));
      const existing = (await staff.get(`${api}/meetings`)).body.items.find((m: { compoundName: string; date: string }) => m.compoundName === '天岛小区' && m.date === '2026-11-25');
      const meeting = existing ?? (await staff.post(`${api}/meetings`, { compoundOrgId: tiandao, date: '2026-11-25' })).body;
      const recorded = await staff.post(`${api}/meetings/${meeting.id}/attendance`, attendance);
      expect(recorded.status, JSON.stringify(recorded.body)).toBe(200);
      return { staff, ticket, meeting: meeting as { id: string } };
    }

    const decision = { decision: '物业修缮屋面防水。', responsibleParty: 'propertyCompany', deadline: '2026-12-20T10:00:00.000Z' };

    it('refuses a decision without all three parties, through either route, saving nothing', async () => {
      const { staff, ticket, meeting } = await meetingWith({ residentsCommittee: allPresent.residentsCommittee, propertyCompany: { present: false }, ownersCommittee: { present: false } });
      const res = await staff.post(`${api}/meetings/${meeting.id}/agenda/${ticket}/decision`, decision);
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ code: 'TLO_ERR_NO_QUORUM' });
      expect(res.body.message).toContain("物业 (property company), 业委会 (owners' committee)");
      // The core's own transition route meets the same rule (the plugin's hook).
      const tiandaoProperty = await orgId(server, 'tiandao-property');
      const direct = await staff.post(`/api/tickets/${ticket}/transitions`, { action: 'decide', version: 1, data: { ...decision, meetingId: meeting.id, responsibleOrgId: tiandaoProperty } });
      expect(direct.status).toBe(422);
      expect(direct.body.code).toBe('TLO_ERR_NO_QUORUM');
      const after = await staff.get(`/api/tickets/${ticket}`);
      expect(after.body.ticket).toMatchObject({ state: 'raised', version: 1 });
      expect(after.body.events).toHaveLength(1);
    });

    it('refuses a deadline in the past, and a responsible org that is not the party’s', async () => {
      const { staff, ticket, meeting } = await meetingWith(allPresent, '单元门禁损坏');
      const past = await staff.post(`${api}/meetings/${meeting.id}/agenda/${ticket}/decision`, { ...decision, deadline: '2026-11-20T10:00:00.000Z' });
      expect(past.status).toBe(422);
      expect(past.body).toMatchObject({ code: 'TLO_ERR_DEADLINE_PAST', details: [{ path: '/deadline', message: 'must be in the future' }] });
      // Through the core route, naming the wrong org for the party.
      const wrong = await staff.post(`/api/tickets/${ticket}/transitions`, { action: 'decide', version: 1, data: { ...decision, meetingId: meeting.id, responsibleOrgId: await orgId(server, 'hepan-property') } });
      expect(wrong.status).toBe(422);
      expect(wrong.body.code).toBe('TLO_ERR_WRONG_PARTY_ORG');
      // A meeting that is not this problem's.
      const other = await staff.post(`/api/tickets/${ticket}/transitions`, { action: 'decide', version: 1, data: { ...decision, meetingId: '999999', responsibleOrgId: await orgId(server, 'tiandao-property') } });
      expect(other.body.code).toBe('TLO_ERR_NOT_ON_AGENDA');
      expect((await staff.get(`/api/tickets/${ticket}`)).body.ticket).toMatchObject({ state: 'raised', version: 1, deadline: null });
    });

    it('keeps a problem on one agenda at a time', async () => {
      const staff = await as(server, 'staff.yongfu');
      // Next week's meeting first, then an extra one before it: the problem waits on next week's.
      const later = await staff.post(`${api}/meetings`, { compoundOrgId: jinxiu, date: '2026-12-03' });
      expect(later.status, JSON.stringify(later.body)).toBe(201);
      const ticket = await raise(staff, jinxiu, problem('儿童滑梯护栏断裂', '急', '易', '居委会'));
      const extra = await staff.post(`${api}/meetings`, { compoundOrgId: jinxiu, date: '2026-11-27', place: '锦绣花园物业服务中心' });
      expect(extra.body.agendaItems).toBe(0);
      const twice = await staff.post(`${api}/meetings/${extra.body.id}/agenda`, { problemId: ticket });
      expect(twice.status).toBe(409);
      expect(twice.body).toMatchObject({ code: 'TLO_ERR_ALREADY_ON_AGENDA' });
      expect(twice.body.message).toContain('2026-12-03');
      expect((await staff.get(`${api}/meetings/${extra.body.id}/agenda`)).body.items).toEqual([]);
      // Taken off next week's agenda, it may go on the extra meeting's.
      expect((await staff.delete(`${api}/meetings/${later.body.id}/agenda/${ticket}`)).status).toBe(200);
      const moved = await staff.post(`${api}/meetings/${extra.body.id}/agenda`, { problemId: ticket });
      expect(moved.status).toBe(201);
      expect(moved.body.items.map((i: { ticketId: string }) => i.ticketId)).toEqual([ticket]);
      expect((await staff.post(`${api}/meetings/${extra.body.id}/agenda`, { problemId: ticket })).body.code).toBe('TLO_ERR_ALREADY_ON_AGENDA');
    });

    it('refuses a meeting or a problem for a compound without an office', async () => {
      const admin = await as(server, 'admin');
      const meeting = await admin.post(`${api}/meetings`, { compoundOrgId: binhe });
      expect(meeting.status).toBe(422);
      expect(meeting.body).toMatchObject({ code: 'TLO_ERR_NO_OFFICE', details: [{ path: '/compoundOrgId' }] });
      expect(meeting.body.message).toContain('滨河小区');
      expect((await admin.post(`${api}/meetings`, { compoundOrgId: '99999' })).status).toBe(404);
      const before = (await admin.get('/api/tickets?limit=200')).body.items.length;
      const filed = await admin.post('/api/tickets', { workflow: 'three-linked-office.problem', orgId: binhe, data: problem('无物业管理', '急', '难', '居委会') });
      expect(filed.status).toBe(422);
      expect(filed.body.code).toBe('TLO_ERR_NO_OFFICE');
      expect((await admin.get('/api/tickets?limit=200')).body.items.length).toBe(before);
    });

    it('refuses meetings in the past, twice on one day, and attendance before the day', async () => {
      const staff = await as(server, 'staff.yongfu');
      const past = await staff.post(`${api}/meetings`, { compoundOrgId: jinxiu, date: '2026-11-18' });
      expect(past.status).toBe(422);
      expect(past.body.code).toBe('TLO_ERR_MEETING_IN_PAST');
      const once = await staff.post(`${api}/meetings`, { compoundOrgId: jinxiu, date: '2026-12-10' });
      expect(once.status).toBe(201);
      const twice = await staff.post(`${api}/meetings`, { compoundOrgId: jinxiu, date: '2026-12-10' });
      expect(twice.status).toBe(409);
      expect(twice.body.code).toBe('TLO_ERR_MEETING_EXISTS');
      const early = await staff.post(`${api}/meetings/${once.body.id}/attendance`, allPresent);
      expect(early.status).toBe(422);
      expect(early.body.code).toBe('TLO_ERR_MEETING_NOT_YET');
      // A party marked present names who came; the body is checked against the form's schema.
      const unnamed = await staff.post(`${api}/meetings/${once.body.id}/attendance`, { ...allPresent, ownersCommittee: { present: true } });
      expect(unnamed.status).toBe(422);
      expect(unnamed.body).toMatchObject({ code: 'LINLI_ERR_FORM_INVALID', details: [{ path: '/ownersCommittee/attendees' }] });
      const closing = await staff.post(`${api}/meetings/${once.body.id}/close`);
      expect(closing.body.code).toBe('TLO_ERR_MEETING_NOT_HELD');
      const cancelled = await staff.post(`${api}/meetings/${once.body.id}/cancel`);
      expect(cancelled.body.status).toBe('cancelled');
      expect((await staff.post(`${api}/meetings/${once.body.id}/cancel`)).body.code).toBe('TLO_ERR_MEETING_CLOSED');
    });

    it('refuses fee rates for a month to come, or with figures that disagree', async () => {
      const property = await as(server, 'property.tiandao');
      const future = await property.post(`${api}/fee-rates`, { compoundOrgId: tiandao, month: '2027-01', rate: 80 });
      expect(future.status).toBe(422);
      expect(future.body.code).toBe('TLO_ERR_MONTH_IN_FUTURE');
      const off = await property.post(`${api}/fee-rates`, { compoundOrgId: tiandao, month: '2026-10', rate: 95, paidHouseholds: 120, totalHouseholds: 268 });
      expect(off.status).toBe(422);
      expect(off.body).toMatchObject({ code: 'TLO_ERR_FEE_INCONSISTENT', details: [{ path: '/rate', message: 'should be 44.8' }] });
      expect((await property.post(`${api}/fee-rates`, { compoundOrgId: tiandao, month: '2026-10', rate: 101 })).status).toBe(400);
      // Another compound's property company may not enter tiandao's rate.
      expect((await (await as(server, 'property.hepan')).post(`${api}/fee-rates`, { compoundOrgId: tiandao, month: '2026-10', rate: 50 })).status).toBe(404);
      expect((await property.get(`${api}/fee-rates`)).body.items).toEqual([]);
    });

    it('refuses a problem raised by a party from another compound', async () => {
      const outsider = await as(server, 'property.tiandao');
      const res = await outsider.post('/api/tickets', { workflow: 'three-linked-office.problem', orgId: hepan, data: problem('隔壁小区的问题', '缓', '易', '物业') });
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('TLO_ERR_NOT_OFFICE_MEMBER');
    });
  });
}
