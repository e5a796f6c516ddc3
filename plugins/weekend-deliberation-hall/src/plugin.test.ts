import { testBackends, type TestServer } from '@linli/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, fullSheet, orgId, raise, start, step, topic } from './test-support.js';

/**
 * A topic's whole loop in 河畔家园 through HTTP, with the right role at each
 * step: raised by a resident, screened by the community, put on a Saturday
 * session, deliberated and voted, supervised, done and publicized; another
 * topic declined with a reason the resident reads; the indicators moving.
 */
for (const backend of testBackends()) {
  describe(`weekend deliberation hall end to end on ${backend.name}`, () => {
    let server: TestServer;
    let hepan: string;
    beforeAll(async () => {
      server = await start(backend);
      hepan = await orgId(server, 'hepan');
    });
    afterAll(() => server?.close());

    const as = (username: string) => server.login(username);

    it('takes a topic from a resident to a posted public notice (民事、民议、民决)', async () => {
      // Tuesday 2026-11-24, 09:00 in Tianchang.
      server.clock.set('2026-11-24T01:00:00Z');
      const resident = await as('resident.hepan');
      const bridge = await raise(resident, hepan, { ...topic('景观桥<b>木质桥面</b>腐朽', '公共设施'), suggestion: '更换为大理石桥面', location: '河畔家园中心景观河' });
      const dance = await raise(resident, hepan, topic('请取消小区门口的公交站', '其他'));

      // The community screens: accept one, decline the other with a reason the resident reads.
      let staff = await as('staff.yongfu');
      expect((await (await as('grid.yongfu1')).post(`/api/tickets/${bridge.id}/transitions`, { action: 'accept', version: bridge.version, data: { opinion: '属于公共设施安全' } })).status).toBe(403);
      expect((await step(staff, bridge.id, 'accept', { data: { opinion: '桥面腐朽存在安全隐患，属小区公共事务，纳入议事项目。' } })).state).toBe('accepted');
      expect((await step(staff, dance.id, 'decline', { data: { basis: '不属于小区公共事务', reason: '公交站点设置由市交通运输局负责，已帮您转12345热线反映。' } })).state).toBe('declined');
      const seen = await resident.get(`/api/tickets/${dance.id}`);
      expect(seen.status).toBe(200);
      expect(seen.body.events.at(-1)).toMatchObject({ action: 'decline', data: { reason: expect.stringContaining('市交通运输局') } });

      // The committee schedules Saturday's session at the hall's usual place and puts the topic on it.
      const session = await staff.post(`${api}/sessions`, { compoundOrgId: hepan, date: '2026-11-28', theme: '景观桥改造' });
      expect(session.status, JSON.stringify(session.body)).toBe(201);
      expect(session.body).toMatchObject({ date: '2026-11-28', weekday: '周六', time: '09:30', place: '河畔家园党群服务站', status: 'scheduled', title: '河畔家园周末议事厅2026年11月28日' });
      const put = await staff.post(`${api}/sessions/${session.body.id}/agenda`, { topicId: bridge.id });
      expect(put.status, JSON.stringify(put.body)).toBe(201);
      expect(put.body.state).toBe('scheduled');

      // Saturday 10:00: the sign-in sheet, the vote, the record.
      server.clock.set('2026-11-28T02:00:00Z');
      staff = await as('staff.yongfu');
      const signed = await staff.post(`${api}/sessions/${session.body.id}/participants`, fullSheet);
      expect(signed.status, JSON.stringify(signed.body)).toBe(200);
      expect(signed.body).toMatchObject({ status: 'held', present: 12, attendance: '党员3、社居委1、业主代表6、物业公司2', missingGroups: '' });
      const voted = await staff.post(`${api}/sessions/${session.body.id}/votes`, {
        topicId: bridge.id,
        deliberation: '物业提出维修木板，业主代表认为木板易再腐朽；党员建议更换大理石，费用从公共收益列支。',
        resolution: '将景观桥木质桥面更换为大理石桥面，费用从公共收益列支，物业公司组织施工。',
        votesFor: 9,
        votesAgainst: 2,
        abstentions: 1,
        implementer: '物业公司',
        deadline: '2026-12-31T10:00:00.000Z',
      });
      expect(voted.status, JSON.stringify(voted.body)).toBe(200);
      expect(voted.body).toMatchObject({ state: 'implementing', deadline: '2026-12-31T10:00:00.000Z' });
      expect((await staff.post(`${api}/sessions/${session.body.id}/record`, { record: '会议由小区党支部书记主持，各方充分发表意见后表决。' })).status).toBe(200);
      const detail = await staff.get(`${api}/sessions/${session.body.id}`);
      expect(detail.body.agenda).toEqual([expect.objectContaining({ ticketId: bridge.id, status: 'passed', votesFor: 9, votesAgainst: 2, abstentions: 1, passed: true, explanation: '赞成9票，达到投票数12的过半数' })]);
      expect(detail.body.participants.ownerRepresentatives).toEqual({ present: 6, names: fullSheet.ownerRepresentatives.names });

      // The community supervises the works and the neighbours' concerns; the deadline holds.
      server.clock.set('2026-12-10T02:00:00Z');
      const grid = await as('grid.yongfu1');
      const update = await step(grid, bridge.id, 'supervise', { data: { kind: '邻里关切', note: '上门了解施工区周围住户情况，施工避开午休时间。' } });
      expect(update).toMatchObject({ state: 'implementing', deadline: '2026-12-31T10:00:00.000Z' });
      expect((await (await as('resident.hepan')).post(`/api/tickets/${bridge.id}/transitions`, { action: 'complete', version: update.version, data: { result: '完工', satisfaction: '满意' } })).status).toBe(403);
      staff = await as('staff.yongfu');
      expect((await step(staff, bridge.id, 'complete', { data: { result: '大理石桥面已铺设完成，经验收合格。', satisfaction: '满意' } })).state).toBe('completed');
      expect((await step(staff, bridge.id, 'publicize', { data: { postedAt: '小区公示栏、业主群', days: 7 } })).state).toBe('publicized');

      // The public notice: results and counts, no names; residents of the compound may read it.
      const neighbour = await as('resident.hepan');
      const notice = await neighbour.get(`${api}/sessions/${session.body.id}/notice`);
      expect(notice.status).toBe(200);
      expect(notice.headers['content-type']).toContain('text/html');
      expect(notice.body).toContain('河畔家园周末议事厅2026年11月28日议事结果');
      expect(notice.body).toContain('将景观桥木质桥面更换为大理石桥面');
      expect(notice.body).toContain('赞成 9 · 反对 2 · 弃权 1');
      expect(notice.body).toContain('景观桥&lt;b&gt;木质桥面&lt;/b&gt;腐朽');
      expect(notice.body).toContain('大理石桥面已铺设完成');
      for (const name of ['林小燕', '黄淑芬', '王丽', '马俊', '李强', '党员建议']) expect(notice.body).not.toContain(name);
      // …but not the hall's working pages.
      expect((await neighbour.get(`${api}/sessions/${session.body.id}`)).status).toBe(404);

      // Indicators per compound, rolled up to the community and the street.
      const rows = (await (await as('street.guangling')).get(`${api}/indicators`)).body.items as { name: string; level: string }[];
      const expected = { sessionsHeld: 1, topicsRaised: 2, topicsAccepted: 1, topicsDeclined: 1, consultations: 1, problemsSolved: 1, topicsOpen: 0 };
      expect(rows.find((r) => r.name === '河畔家园')).toMatchObject({ level: 'compound', halls: 1, ...expected });
      expect(rows.find((r) => r.name === '永福社区')).toMatchObject({ level: 'community', halls: 3, ...expected });
      expect(rows.find((r) => r.name === '广陵街道')).toMatchObject({ level: 'street', halls: 4, ...expected });
      expect(rows.find((r) => r.name === '天长市')).toBeUndefined();
      const secretary = await as('secretary.yongfu');
      expect((await secretary.get(`${api}/stats/solved`)).body.value).toBe(1);
      expect((await secretary.get(`${api}/stats/sessions`)).body.value).toBe(1);
    });

    it('a vote that fails the pass rule ends the topic as not adopted; closing a session carries the rest over', async () => {
      server.clock.set('2026-12-01T01:00:00Z');
      const resident = await as('resident.hepan');
      const parking = await raise(resident, hepan, topic('地面车位改为按月租用', '停车管理'));
      const fence = await raise(resident, hepan, topic('北侧围墙加装护栏', '安全隐患'));
      let staff = await as('staff.yongfu');
      for (const t of [parking, fence]) await step(staff, t.id, 'accept', { data: { opinion: '属小区公共事务。' } });
      const session = (await staff.post(`${api}/sessions`, { compoundOrgId: hepan, date: '2026-12-06', time: '14:30', place: '河畔家园物业用房' })).body;
      expect(session).toMatchObject({ weekday: '周日', title: '河畔家园周末议事厅2026年12月6日' });
      for (const t of [parking, fence]) expect((await staff.post(`${api}/sessions/${session.id}/agenda`, { topicId: t.id })).status).toBe(201);

      server.clock.set('2026-12-06T07:00:00Z');
      staff = await as('staff.yongfu');
      await staff.post(`${api}/sessions/${session.id}/participants`, fullSheet);
      const vote = await staff.post(`${api}/sessions/${session.id}/votes`, { topicId: parking.id, deliberation: '意见分歧较大。', resolution: '暂不改变车位使用方式。', votesFor: 5, votesAgainst: 6, abstentions: 1 });
      expect(vote.status, JSON.stringify(vote.body)).toBe(200);
      expect(vote.body.state).toBe('not-adopted');
      const closed = await staff.post(`${api}/sessions/${session.id}/close`);
      expect(closed.body).toMatchObject({ status: 'closed', decided: 1 });
      const back = await staff.get(`/api/tickets/${fence.id}`);
      expect(back.body.ticket.state).toBe('accepted');
      expect(back.body.events.at(-1)).toMatchObject({ action: 'unschedule', comment: '本期未议，顺延至下期' });
      const agenda = (await staff.get(`${api}/sessions/${session.id}/agenda`)).body.items.map((i: { statusTitle: string }) => i.statusTitle);
      expect(agenda).toEqual(['未通过', '移出议程']);
      expect((await staff.get(`${api}/topics?state=accepted`)).body.items.map((t: { ticketId: string }) => t.ticketId)).toEqual([fence.id]);
    });

    it('declares web pages whose sources answer', async () => {
      const config = (await server.anonymous().get('/api/config')).body;
      const mine = config.plugins.find((p: { name: string }) => p.name === 'weekend-deliberation-hall');
      const staff = await server.login('secretary.yongfu');
      const session = (await staff.get(`${api}/sessions`)).body.items[0].id as string;
      for (const page of mine.web.pages) {
        const path = page.kind === 'form' ? `/api/forms/${page.form}` : api + page.source.replace('{id}', session);
        expect((await staff.get(path)).status, page.id).toBe(200);
      }
      for (const widget of mine.web.widgets) expect((await staff.get(api + widget.source.replace('{orgId}', hepan))).status, widget.id).toBe(200);
    });
  });
}
