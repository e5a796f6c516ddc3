import { testBackends, type TestServer } from '@linli/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, orgId, photo, start, station, verdicts } from './test-support.js';

/**
 * The standard's loop on a real server: the period's job opens every
 * station's inspection; the street inspects 河畔家园's station with a photo
 * per item; the failed item is a rectification ticket the community fixes and
 * the inspector closes, and the station is compliant again; the team is
 * staffed 1 + 3 + N with a duty rota; the roll-up and its export.
 */
for (const backend of testBackends()) {
  describe(`service stations on ${backend.name}`, () => {
    let server: TestServer;
    const as = (username: string) => server.login(username);
    const hepanStation = '河畔家园党群服务站';
    beforeAll(async () => {
      server = await start(backend);
    });
    afterAll(() => server?.close());

    it('opens every station’s inspection when the period starts, once, and chains the next period', async () => {
      const inspector = await as('street.guangling');
      expect((await inspector.get(`${api}/inspections`)).body.items).toEqual([]);
      // init scheduled this period's job; the runner finds it due.
      expect((await server.app.linli.jobs.runDueJobs(server.clock.now())).done).toBeGreaterThanOrEqual(1);
      const due = (await inspector.get(`${api}/inspections?status=due`)).body.items as { stationName: string; period: string }[];
      // 广陵街道 oversees 永福 and 曙光: its four compound stations and 永福's centre, not 千秋苑.
      expect(due.map((i) => i.stationName).sort()).toEqual(['天岛小区党群服务站', '曙光新村党群服务站', '永福社区党群服务中心', '河畔家园党群服务站', '锦绣花园党群服务站'].sort());
      expect(new Set(due.map((i) => i.period))).toEqual(new Set(['2026-11']));
      const next = await server.database.db.selectFrom('linli_jobs').select(['status', 'run_at']).where('key', '=', 'plugin:service-stations:open:2026-12').executeTakeFirstOrThrow();
      expect(next).toMatchObject({ status: 'pending', run_at: new Date('2026-11-30T16:00:00Z') });
      // Running again opens nothing twice.
      await server.app.linli.jobs.runDueJobs(server.clock.now());
      expect((await inspector.get(`${api}/inspections?status=due`)).body.items).toHaveLength(5);
    });

    it('records an inspection with a photo per item; a fail needs its reason and opens a rectification ticket', async () => {
      const inspector = await as('street.guangling');
      const s = await station(inspector, hepanStation);
      expect(s.standing).toBe('uninspected');
      const [inspection] = (await inspector.get(`${api}/inspections?stationId=${s.id}`)).body.items as { id: string }[];

      // Community staff may not inspect; a fail without a reason is refused, naming the item; a missing photo too.
      const staff = await as('staff.yongfu');
      const byStaff = await staff.post(`${api}/inspections/${inspection!.id}`, await verdicts(staff));
      expect([byStaff.status, byStaff.body.code]).toEqual([403, 'SS_ERR_NOT_INSPECTOR']);
      const noReason = await verdicts(inspector, { ledger: '' });
      const refused = await inspector.post(`${api}/inspections/${inspection!.id}`, noReason);
      expect([refused.status, refused.body.code, refused.body.details[0].path]).toEqual([422, 'SS_ERR_REASON_REQUIRED', '/items/ledger/reason']);
      const noPhoto = await verdicts(inspector);
      (noPhoto.items.sign as { photos: string[] }).photos = [];
      expect((await inspector.post(`${api}/inspections/${inspection!.id}`, noPhoto)).status).toBe(400);

      const recorded = await inspector.post(`${api}/inspections/${inspection!.id}`, { ...(await verdicts(inspector, { ledger: '民情台账两个月没有记录。' })), note: '标识、制度齐全，台账缺记。' });
      expect(recorded.status, JSON.stringify(recorded.body)).toBe(200);
      expect(recorded.body).toMatchObject({ status: 'done', failed: 1, openItems: 1, inspectorName: '陈建国' });
      const again = await inspector.post(`${api}/inspections/${inspection!.id}`, await verdicts(inspector));
      expect([again.status, again.body.code]).toEqual([409, 'SS_ERR_ALREADY_INSPECTED']);

      const items = (await inspector.get(`${api}/inspections/${inspection!.id}/items`)).body.items as { itemKey: string; resultTitle: string; photoCount: number; ticketId: string | null; ticketStateTitle: string | null }[];
      expect(items.map((i) => [i.itemKey, i.resultTitle, i.photoCount])).toEqual([['sign', '合格', 1], ['staff', '合格', 1], ['rules', '合格', 1], ['equipment', '合格', 1], ['ledger', '不合格', 1]]);
      const ledger = items.find((i) => i.itemKey === 'ledger')!;
      expect(ledger.ticketStateTitle).toBe('待整改');
      expect((await station(inspector, hepanStation)).standing).toBe('rectifying');

      // The ticket is at the station's compound, in the community's hands.
      const ticket = (await staff.get(`/api/tickets/${ledger.ticketId}`)).body.ticket;
      expect(ticket).toMatchObject({ workflow: 'service-stations.rectification', state: 'open', title: '河畔家园党群服务站：有工作台账不合格', orgId: await orgId(server, 'hepan') });
      expect(ticket.data.photos).toHaveLength(1);

      // The community reports the fix, the inspector checks and closes it: the station is compliant again.
      const after = await photo(staff);
      const fixed = await staff.post(`/api/tickets/${ledger.ticketId}/transitions`, { action: 'rectify', version: ticket.version, data: { result: '已补记民情台账，副站长每周更新。', photos: [after] } });
      expect(fixed.status, JSON.stringify(fixed.body)).toBe(200);
      // The inspector sees the community's photo of the fix, and the community the inspection's.
      expect((await inspector.get(`/api/attachments/${after}`)).status).toBe(200);
      expect((await staff.get(`/api/attachments/${ticket.data.photos[0]}`)).status).toBe(200);
      expect((await station(staff, hepanStation)).standing).toBe('rectifying');
      const byStaffClose = await staff.post(`/api/tickets/${ledger.ticketId}/transitions`, { action: 'verify', version: fixed.body.version, data: {} });
      expect(byStaffClose.status).toBe(403);
      const closed = await inspector.post(`/api/tickets/${ledger.ticketId}/transitions`, { action: 'verify', version: fixed.body.version, data: { note: '台账已补齐。' } });
      expect(closed.body.state, JSON.stringify(closed.body)).toBe('closed');
      const now = await station(inspector, hepanStation);
      expect([now.standing, now.openItems]).toEqual(['compliant', 0]);
      expect(((await inspector.get(`${api}/inspections/${inspection!.id}/items`)).body.items as { itemKey: string; ticketStateTitle: string }[]).find((i) => i.itemKey === 'ledger')!.ticketStateTitle).toBe('已销号');
    });

    it('refuses a rectification ticket filed by hand', async () => {
      const inspector = await as('street.guangling');
      const res = await inspector.post('/api/tickets', {
        workflow: 'service-stations.rectification',
        orgId: await orgId(server, 'tiandao'),
        data: { title: '随便一单', station: '天岛小区党群服务站', item: '有场所标识', reason: '没有', inspectionId: '999', itemKey: 'sign' },
      });
      expect([res.status, res.body.code]).toEqual([422, 'SS_ERR_NOT_FROM_INSPECTION']);
    });

    it('staffs a station 1 + 3 + N with people of its community, picked by name, and keeps a duty rota', async () => {
      const staff = await as('staff.yongfu');
      const s = await station(staff, hepanStation);
      const people = (await staff.get(`${api}/stations/${s.id}/candidates`)).body.items as { id: string; name: string; roles: string }[];
      const id = (name: string) => people.find((p) => p.name === name)!.id;
      // 永福's people, with their roles; 曙光's are not offered, nor residents.
      expect(people.map((p) => p.name)).toContain('马俊');
      expect(people.map((p) => p.name)).not.toContain('赵敏');
      expect(people.map((p) => p.name)).not.toContain('林小燕');
      expect(people.find((p) => p.name === '刘洋')!.roles).toBe('专职网格员');

      const add = (personId: string, position: string, duty?: string) => staff.post(`${api}/stations/${s.id}/staff`, { personId, position, ...(duty ? { duty } : {}) });
      expect((await add(id('王丽'), '站长', '社区干部')).status).toBe(201);
      expect((await add(id('李秀兰'), '站长')).body.code).toBe('SS_ERR_POSITION_FULL');
      for (const [name, duty] of [['刘洋', '专职网格员'], ['马俊', '物业公司负责人'], ['黄淑芬', '业委会主任']] as const) expect((await add(id(name), '副站长', duty)).status).toBe(201);
      const fourth = await add(id('张伟'), '副站长');
      expect([fourth.status, fourth.body.code]).toEqual([409, 'SS_ERR_POSITION_FULL']);
      expect((await add(id('孙德明'), '楼栋长/志愿者', '楼栋长')).status).toBe(201);
      expect((await add(id('孙德明'), '楼栋长/志愿者')).body.code).toBe('SS_ERR_ALREADY_ON_STAFF');
      const shuguang = await (await as('staff.shuguang')).get(`${api}/stations/${s.id}/candidates`);
      expect(shuguang.status).toBe(404);
      const outsider = await staff.post(`${api}/stations/${s.id}/staff`, { personId: '99999', position: '楼栋长/志愿者' });
      expect(outsider.body.code).toBe('SS_ERR_NOT_IN_COMMUNITY');

      // The rota: only team members; today (Tuesday 24 November in Tianchang) 刘洋 is on duty.
      expect((await staff.post(`${api}/stations/${s.id}/duty`, { personId: id('李秀兰'), weekdays: ['周一'] })).body.code).toBe('SS_ERR_NOT_ON_STAFF');
      expect((await staff.post(`${api}/stations/${s.id}/duty`, { personId: id('刘洋'), weekdays: ['周二', '周四'] })).status).toBe(200);
      expect((await staff.post(`${api}/stations/${s.id}/duty`, { personId: id('王丽'), weekdays: ['周一', '周三'] })).status).toBe(200);
      const team = (await staff.get(`${api}/stations/${s.id}/staff`)).body.items as { name: string; positionTitle: string; weekdays: string }[];
      expect(team.map((t) => [t.name, t.positionTitle, t.weekdays])).toEqual([
        ['王丽', '站长', '周一、周三'],
        ['刘洋', '副站长', '周二、周四'],
        ['马俊', '副站长', ''],
        ['黄淑芬', '副站长', ''],
        ['孙德明', '楼栋长/志愿者', ''],
      ]);
      expect(await station(staff, hepanStation)).toMatchObject({ team: '1+3+1', onDuty: '刘洋' });
      // A member leaves: off the team and the rota; a second removal says they are not on it.
      expect((await staff.post(`${api}/stations/${s.id}/staff/${id('刘洋')}/removal`, {})).status).toBe(200);
      expect((await staff.post(`${api}/stations/${s.id}/staff/${id('刘洋')}/removal`, {})).body.code).toBe('SS_ERR_NOT_ON_STAFF');
      expect(await station(staff, hepanStation)).toMatchObject({ team: '1+2+1', onDuty: '' });
      expect((await staff.post(`${api}/stations/${s.id}/staff`, { personId: id('刘洋'), position: '副站长' })).status).toBe(201);
      expect((await staff.post(`${api}/stations/${s.id}/duty`, { personId: id('刘洋'), weekdays: ['周二', '周四'] })).status).toBe(200);
      // A resident may neither see the team nor change it.
      const resident = await as('resident.hepan');
      expect((await resident.get(`${api}/stations/${s.id}/staff`)).status).toBe(404);
      expect((await resident.post(`${api}/stations/${s.id}/staff/${id('王丽')}/removal`, {})).status).toBe(404);
      expect((await resident.get(`${api}/stations`)).body.items).toEqual([]);
    });

    it('gives the last deputy’s place to one of two people added at once', async () => {
      const staff = await as('staff.yongfu');
      const secretary = await as('secretary.yongfu');
      const s = await station(staff, '天岛小区党群服务站');
      const people = (await staff.get(`${api}/stations/${s.id}/candidates`)).body.items as { id: string; name: string }[];
      const id = (name: string) => people.find((p) => p.name === name)!.id;
      for (const name of ['刘洋', '马俊']) expect((await staff.post(`${api}/stations/${s.id}/staff`, { personId: id(name), position: '副站长' })).status).toBe(201);
      const [a, b] = await Promise.all([
        staff.post(`${api}/stations/${s.id}/staff`, { personId: id('刘强'), position: '副站长', duty: '物业公司负责人' }),
        secretary.post(`${api}/stations/${s.id}/staff`, { personId: id('陈建华'), position: '副站长', duty: '业委会主任' }),
      ]);
      expect([a.status, b.status].sort()).toEqual([201, 409]);
      expect([a, b].find((r) => r.status === 409)!.body.code).toBe('SS_ERR_POSITION_FULL');
      const team = (await staff.get(`${api}/stations/${s.id}/staff`)).body.items as { position: string }[];
      expect(team.filter((t) => t.position === 'deputy')).toHaveLength(3);
    });

    it('lets the community add a station, and rolls compliance up the tree, with export', async () => {
      const staff = await as('staff.yongfu');
      const jinxiu = await orgId(server, 'jinxiu');
      const added = await staff.post(`${api}/stations`, { orgId: jinxiu, name: '锦绣花园红色驿站', place: '2栋旁' });
      expect(added.status, JSON.stringify(added.body)).toBe(201);
      expect((await staff.post(`${api}/stations`, { orgId: jinxiu, name: '锦绣花园红色驿站' })).body.code).toBe('SS_ERR_STATION_EXISTS');
      expect((await staff.post(`${api}/stations`, { orgId: await orgId(server, 'hepan-b1'), name: '楼栋站' })).body.code).toBe('SS_ERR_NOT_STATION_ORG');
      expect((await (await as('staff.shuguang')).post(`${api}/stations`, { orgId: jinxiu, name: '别人的站' })).body.code).toBe('SS_ERR_NOT_KEEPER');

      const city = await as('admin');
      const top = (await city.get(`${api}/compliance`)).body.items as { orgName: string; stations: number; compliant: number; uninspected: number; rate: number | null }[];
      expect(top.map((r) => [r.orgName, r.stations, r.compliant, r.uninspected])).toEqual([
        ['天长市（合计）', 7, 1, 6],
        ['广陵街道', 6, 1, 5],
        ['千秋街道', 1, 0, 1],
      ]);
      expect(top[0]!.rate).toBe(14.3);
      const guangling = await orgId(server, 'guangling');
      const street = (await city.get(`${api}/compliance?orgId=${guangling}`)).body.items as { orgName: string; stations: number }[];
      expect(street.map((r) => [r.orgName, r.stations])).toEqual([['广陵街道（合计）', 6], ['永福社区', 5], ['曙光社区', 1]]);
      // A street sees only its own subtree, whatever it asks for.
      const inspector = await as('street.guangling');
      expect(((await inspector.get(`${api}/compliance?orgId=${await orgId(server, 'tianchang')}`)).body.items as { orgName: string }[])[0]!.orgName).toBe('广陵街道（合计）');

      const csv = await city.get(`${api}/compliance.csv`);
      expect(csv.status).toBe(200);
      expect(csv.headers['content-type']).toContain('text/csv');
      const text = String(csv.body);
      expect(text).toContain('层级,组织,站点数,达标,整改中,未检查,未销号整改项,1+3+N配齐,达标率(%)');
      expect(text).toContain('河畔家园党群服务站,河畔家园,达标,2026年11月,0,1+3+1,刘洋');
      expect(text).toMatch(/街道,　广陵街道,6,1,0,5,0,1,16.7\r\n社区,　　永福社区,5,1,0,4,0,1,20\r\n小区,　　　河畔家园,1,1,0,0,0,1,100/);
      expect((await city.get(`${api}/stats/compliance`)).body.value).toBe(14.3);
    });
  });
}
