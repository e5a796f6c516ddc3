import { sql } from '@linli/sdk';
import { testBackends, type TestServer } from '@linli/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, expectStatus, orgId, start } from './test-support.js';

/**
 * Volunteer service and the ledger through HTTP: a team, an activity, sign-ups,
 * attendance with hours (refusals for bad hours, unsigned members, twice),
 * points per hour; corrections (compensating entries only); the database
 * refusing UPDATE and DELETE on the ledger; rankings, scorecards and the CSV.
 */
for (const backend of testBackends()) {
  describe(`volunteer-points service and ledger on ${backend.name}`, () => {
    let server: TestServer;
    let hepan: string;
    let yongfu: string;
    let activity: string;
    let memberHepan: string;
    let memberTiandao: string;
    beforeAll(async () => {
      server = await start(backend, { options: { pointsPerHour: 3, maxHoursPerActivity: 6, stars: { inService: [5, 10, 20] } } });
      server.clock.set('2026-11-20T01:00:00Z');
      [hepan, yongfu] = await Promise.all([orgId(server, 'hepan'), orgId(server, 'yongfu')]);
      memberHepan = expectStatus(await (await server.login('member.hepan')).post(`${api}/members`, { compoundOrgId: hepan, kind: '在职党员', workUnit: '天长市住建局' }), 201).id;
      memberTiandao = expectStatus(await (await server.login('member.tiandao')).post(`${api}/members`, { compoundOrgId: await orgId(server, 'tiandao'), kind: '在册党员' }), 201).id;
      expectStatus(await (await server.login('member.shuguang')).post(`${api}/members`, { compoundOrgId: await orgId(server, 'shuguang-xincun'), kind: '在职党员' }), 201);
    });
    afterAll(() => server?.close());
    const as = (u: string) => server.login(u);

    it('forms a team and announces an activity; only organizers serving the org may', async () => {
      const secretary = await as('secretary.yongfu');
      const team = expectStatus(await secretary.post(`${api}/teams`, { orgId: yongfu, name: '红色邻里志愿服务队', leader: '何志远' }), 201).id;
      expect((await secretary.post(`${api}/teams`, { orgId: yongfu, name: '红色邻里志愿服务队' })).body.code).toBe('VP_ERR_TEAM_EXISTS');
      const res = await secretary.post(`${api}/activities`, { orgId: hepan, teamId: team, title: '河畔家园环境整治', date: '2026-11-22', place: '小区南门', plannedHours: 3 });
      activity = expectStatus(res, 201).id;
      const grid = await (await as('grid.yongfu1')).post(`${api}/activities`, { orgId: hepan, title: '巡逻', date: '2026-11-22', plannedHours: 2 });
      expect(grid.status).toBe(403);
      expect(grid.body.code).toBe('VP_ERR_NOT_STAFF');
      expect((await (await as('secretary.shuguang')).post(`${api}/activities`, { orgId: hepan, title: '巡逻', date: '2026-11-22', plannedHours: 2 })).status).toBe(404);
      expect((await secretary.post(`${api}/activities`, { orgId: hepan, title: '巡逻', date: '2026-11-22', plannedHours: 12 })).body.code).toBe('VP_ERR_BAD_HOURS');
      // Members of the community see it; another community's member does not.
      expect((await (await as('member.tiandao')).get(`${api}/activities`)).body.items).toEqual([expect.objectContaining({ id: activity, teamName: '红色邻里志愿服务队', signups: 0 })]);
      expect((await (await as('member.shuguang')).get(`${api}/activities`)).body.items).toEqual([]);
    });

    it('signs members up once, before the day; records attendance on the day, refusing bad hours and strangers', async () => {
      expectStatus(await (await as('member.hepan')).post(`${api}/activities/${activity}/signups`, {}), 201);
      expectStatus(await (await as('member.tiandao')).post(`${api}/activities/${activity}/signups`, {}), 201);
      expect((await (await as('member.hepan')).post(`${api}/activities/${activity}/signups`, {})).body.code).toBe('VP_ERR_ALREADY_SIGNED_UP');
      expect((await (await as('volunteer.yongfu')).post(`${api}/activities/${activity}/signups`, {})).body.code).toBe('VP_ERR_NOT_REGISTERED');
      const secretary = await as('secretary.yongfu');
      const early = await secretary.post(`${api}/activities/${activity}/attendance`, { entries: [{ memberId: memberHepan, hours: 3 }] });
      expect(early.status).toBe(422);
      expect(early.body.code).toBe('VP_ERR_ACTIVITY_NOT_YET');

      server.clock.set('2026-11-22T09:00:00Z');
      const staff = await as('secretary.yongfu');
      for (const hours of [-2, 0, 30, 1.25]) {
        const bad = await staff.post(`${api}/activities/${activity}/attendance`, { entries: [{ memberId: memberTiandao, hours: 2 }, { memberId: memberHepan, hours }] });
        expect(bad.status, String(hours)).toBe(422);
        expect(bad.body).toMatchObject({ code: 'VP_ERR_BAD_HOURS', details: [{ path: '/entries/1/hours' }] });
      }
      const stranger = await staff.post(`${api}/activities/${activity}/attendance`, { entries: [{ memberId: memberTiandao, hours: 2 }, { memberId: '999', hours: 2 }] });
      expect(stranger.body.code).toBe('VP_ERR_NOT_SIGNED_UP');
      // Nothing of the refused requests was saved (one transaction per request).
      expect((await staff.get(`${api}/ledger`)).body.items).toEqual([]);
      expect((await (await as('grid.yongfu1')).post(`${api}/activities/${activity}/attendance`, { entries: [{ memberId: memberHepan, hours: 3 }] })).body.code).toBe('VP_ERR_NOT_STAFF');

      expect(expectStatus(await staff.post(`${api}/activities/${activity}/attendance`, { entries: [{ memberId: memberHepan, hours: 3 }, { memberId: memberTiandao, hours: 2.5 }] }), 201)).toEqual({ recorded: 2 });
      const twice = await staff.post(`${api}/activities/${activity}/attendance`, { entries: [{ memberId: memberHepan, hours: 3 }] });
      expect(twice.status).toBe(409);
      expect(twice.body.code).toBe('VP_ERR_ATTENDANCE_RECORDED');
      const sheet = (await staff.get(`${api}/activities/${activity}/signups`)).body.items;
      expect(sheet.map((s: { name: string; hours: number; points: number }) => [s.name, s.hours, s.points]).sort()).toEqual([['冯雅琴', 2.5, 8], ['钱立新', 3, 9]]);
      expect((await (await as('secretary.shuguang')).get(`${api}/activities/${activity}/signups`)).status).toBe(404);
      const late = await (await as('member.shuguang')).post(`${api}/activities/${activity}/signups`, {});
      expect(late.status).toBe(404);
    });

    it('corrects points only with a compensating entry that references an entry in scope and keeps balances at zero or above', async () => {
      const staff = await as('secretary.yongfu');
      const entries = (await staff.get(`${api}/ledger`)).body.items as { id: string; accountName: string; points: number }[];
      const qian = entries.find((e) => e.accountName === '钱立新')!;
      expect(qian.points).toBe(9);

      const missing = await staff.post(`${api}/ledger/corrections`, { entryId: '999999', points: -1, reason: '时长登记错误' });
      expect(missing.status).toBe(404);
      expect(missing.body.code).toBe('VP_ERR_ENTRY_NOT_FOUND');
      const outOfScope = await (await as('secretary.shuguang')).post(`${api}/ledger/corrections`, { entryId: qian.id, points: -1, reason: '时长登记错误' });
      expect(outOfScope.status).toBe(404);
      expect(outOfScope.body.code).toBe('VP_ERR_ENTRY_NOT_FOUND');
      const negative = await staff.post(`${api}/ledger/corrections`, { entryId: qian.id, points: -10, reason: '时长登记错误' });
      expect(negative.status).toBe(422);
      expect(negative.body.code).toBe('VP_ERR_BALANCE_NEGATIVE');
      expect((await staff.post(`${api}/ledger/corrections`, { entryId: qian.id, points: 0, reason: '时长登记错误' })).status).toBe(400);
      // A grid worker sees the entry but does not keep the ledger.
      expect((await (await as('grid.yongfu1')).post(`${api}/ledger/corrections`, { entryId: qian.id, points: -3, reason: '时长登记错误' })).body.code).toBe('VP_ERR_NOT_STAFF');

      const fix = expectStatus(await staff.post(`${api}/ledger/corrections`, { entryId: qian.id, points: -3, reason: '实际服务 2 小时，多记 1 小时' }), 201).id;
      expect((await staff.post(`${api}/ledger/corrections`, { entryId: fix, points: 1, reason: '更正的更正' })).body.code).toBe('VP_ERR_CORRECTION_TARGET');
      const after = (await staff.get(`${api}/ledger`)).body.items as { id: string; kind: string; points: number; correctsId: string | null }[];
      expect(after.find((e) => e.id === fix)).toMatchObject({ kind: 'correction', points: -3, correctsId: qian.id });
      expect(after.find((e) => e.id === qian.id)).toMatchObject({ points: 9 });
      expect((await (await as('member.hepan')).get(`${api}/stats/my-balance`)).body).toEqual({ value: 6 });
      expect((await (await as('member.hepan')).get(`${api}/me/points`)).body.items.map((e: { points: number }) => e.points).sort()).toEqual([-3, 9]);
    });

    it('refuses UPDATE, DELETE and TRUNCATE on the ledger in the database itself', async () => {
      const db = server.database.db;
      const before = await sql<{ n: number }>`select count(*)::int as n, sum(points)::int as s from volunteer_points_ledger`.execute(db);
      await expect(sql`update volunteer_points_ledger set points = 100`.execute(db)).rejects.toThrow(/append-only/);
      await expect(sql`delete from volunteer_points_ledger`.execute(db)).rejects.toThrow(/append-only/);
      await expect(sql`truncate volunteer_points_ledger cascade`.execute(db)).rejects.toThrow(/append-only/);
      const now = await sql<{ n: number }>`select count(*)::int as n, sum(points)::int as s from volunteer_points_ledger`.execute(db);
      expect(now.rows).toEqual(before.rows);
      expect(now.rows[0]).toEqual({ n: 3, s: 14 });
    });

    it('ranks, scores (四类成绩单 with stars) and exports the ledger as CSV without personal fields', async () => {
      const staff = await as('secretary.yongfu');
      const ranks = (await staff.get(`${api}/rankings?orgId=${yongfu}&from=2026-11-01&to=2026-11-30`)).body.items;
      expect(ranks.map((r: { rank: number; name: string; points: number; hours: number }) => [r.rank, r.name, r.points, r.hours])).toEqual([
        [1, '冯雅琴', 8, 2.5],
        [2, '钱立新', 6, 3],
      ]);
      expect((await staff.get(`${api}/rankings?from=2026-12-01&to=2026-12-31`)).body.items).toEqual([]);
      expect((await staff.get(`${api}/rankings?orgId=${hepan}`)).body.items.map((r: { name: string }) => r.name)).toEqual(['钱立新']);
      const bad = await staff.get(`${api}/rankings?from=2026-12-01&to=2026-11-01`);
      expect(bad.status).toBe(422);
      expect(bad.body.code).toBe('VP_ERR_BAD_PERIOD');

      const cards = (await staff.get(`${api}/scorecards?year=2026`)).body.items as { kind: string; name: string; points: number; stars: number; members: number | null }[];
      expect(cards.find((c) => c.name === '钱立新')).toMatchObject({ kind: 'inService', points: 6, stars: 1 });
      expect(cards.find((c) => c.name === '冯雅琴')).toMatchObject({ kind: 'resident', points: 8, stars: 0 });
      expect(cards.find((c) => c.name === '河畔家园党支部')).toMatchObject({ kind: 'branch', points: 6, members: 1 });
      expect(cards.find((c) => c.name === '国网天长市供电公司')).toMatchObject({ kind: 'unit', points: 0, stars: 0 });
      expect(new Set(cards.map((c) => c.kind))).toEqual(new Set(['branch', 'resident', 'inService', 'unit']));
      expect((await (await as('secretary.shuguang')).get(`${api}/scorecards?year=2026`)).body.items.some((c: { name: string }) => c.name === '钱立新')).toBe(false);
      expect((await staff.get(`${api}/scorecards?year=2025`)).body.items.every((c: { points: number }) => c.points === 0)).toBe(true);

      const csv = await staff.get(`${api}/ledger.csv?from=2026-11-01&to=2026-11-30`);
      expect(csv.status).toBe(200);
      expect(String(csv.headers['content-type'])).toContain('text/csv');
      const lines = String(csv.body).replace(/^\uFEFF/, '').trim().split('\r\n');
      expect(lines[0]).toBe('编号,日期,小区,类别,对象,事项,分值,时长(小时),关联工单,关联活动,更正记录');
      expect(lines).toHaveLength(4);
      expect(lines.some((l) => l.includes(`报到党员 #${memberHepan}`) && l.includes(',-3,'))).toBe(true);
      // Names, phone numbers, work units and free-text reasons stay out (SECURITY.md: exports hold no personal data).
      expect(String(csv.body)).not.toMatch(/钱立新|冯雅琴|1380550|住建局|多记/);
      expect(String((await (await as('secretary.shuguang')).get(`${api}/ledger.csv`)).body).replace(/^\uFEFF/, '').trim().split('\r\n')).toHaveLength(1);
    });
  });
}
