import type { CityConfig } from '@linli/core';
import { doorKnockingPlugin } from '@linli/plugin-door-knocking';
import { gridRequestsPlugin } from '@linli/plugin-grid-requests';
import { cityWithPlugins, startTestServer, testBackends, type TestClient, type TestServer } from '@linli/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleConfigFile, orgId, requestData } from './test-support.js';

/**
 * The org-tree and grids administration (routes/admin-orgs.ts,
 * routes/admin-grids.ts) as a street administrator (陈建国, given the
 * administrator role at 广陵街道 here) and a community one (李秀兰 at 永福社区)
 * use it, and the guard that a disabled person's tickets stay with their org.
 * Door-knocking is enabled for its copied building paths (orgPathColumns),
 * which move with the org. One server for the file; the steps build on each other.
 */
const city = cityWithPlugins(exampleConfigFile, ['grid-requests', 'door-knocking']);
const config: CityConfig = {
  ...city,
  people: (city.people ?? []).map((p) => (p.username === 'street.guangling' ? { ...p, roles: [...p.roles, { role: 'admin', org: 'guangling' }] } : p)),
};
const zh = { 'accept-language': 'zh-CN' };

for (const backend of testBackends()) {
  describe(`org tree and grids administration on ${backend.name}`, () => {
    let server: TestServer;
    let street: TestClient;
    let community: TestClient;
    const id: Record<string, string> = {};
    const audits = async (action: string, subjectId: string) =>
      server.database.db.selectFrom('linli_audit_log').select(['actor_id', 'before', 'after']).where('action', '=', action).where('subject_id', '=', subjectId).execute();

    beforeAll(async () => {
      server = await startTestServer({ config, plugins: [gridRequestsPlugin, doorKnockingPlugin], backend });
      street = await server.login('street.guangling');
      community = await server.login('secretary.yongfu');
      for (const key of ['yongfu', 'shuguang', 'hepan', 'guangling', 'qianqiu-sq', 'tc-cgj', 'tc-zjj']) id[key] = await orgId(server, key);
    }, 120_000);
    afterAll(() => server?.close());

    it('lists only the administered subtree', async () => {
      const mine = (await community.get('/api/admin/orgs')).body.items as { path: string; name: string }[];
      const yongfu = (await street.get(`/api/orgs/${id.yongfu}`)).body.path as string;
      expect(mine.length).toBeGreaterThan(5);
      expect(mine.every((o) => o.path.startsWith(yongfu))).toBe(true);
      expect(mine.map((o) => o.name)).not.toContain('曙光社区');
      const streets = (await street.get('/api/admin/orgs')).body.items as { name: string }[];
      expect(streets.map((o) => o.name)).toEqual(expect.arrayContaining(['广陵街道', '永福社区', '曙光社区', '河畔家园']));
      expect(streets.map((o) => o.name)).not.toContain('千秋社区');
      expect((await (await server.login('staff.yongfu')).get('/api/admin/orgs')).status).toBe(403);
    });

    it('adds a compound and a building by name alone, with keys made for the import, and refuses a level where its type does not go', async () => {
      const compound = await street.post('/api/orgs', { parentId: id.yongfu, type: 'compound', name: ' 新河苑 ' });
      expect(compound.status, JSON.stringify(compound.body)).toBe(201);
      expect(compound.body).toMatchObject({ name: '新河苑', key: 'yongfu-1', type: 'compound', deactivated: false });
      id.xinhe = compound.body.id;
      const building = await street.post('/api/orgs', { parentId: id.xinhe, type: 'building', name: '新河苑1栋' });
      expect(building.body.key).toBe('yongfu-1-1');
      id.xinheB1 = building.body.id;
      const misplaced = await street.post('/api/orgs', { parentId: id.yongfu, type: 'building', name: '错位的楼' });
      expect(misplaced.status).toBe(422);
      // A community administrator adds nothing outside the community.
      expect((await community.post('/api/orgs', { parentId: id.shuguang, type: 'compound', name: '越界小区' })).status).toBe(403);
      expect((await audits('org.create', id.xinhe)).length).toBe(1);
    });

    it('renames an org, keeping its key, and audits it', async () => {
      const renamed = await street.request('PATCH', `/api/admin/orgs/${id.xinhe}`, { name: '新河家园', nameEn: 'Xinhe Jiayuan' });
      expect(renamed.status).toBe(200);
      expect(renamed.body).toMatchObject({ name: '新河家园', nameEn: 'Xinhe Jiayuan', key: 'yongfu-1' });
      expect((await street.request('PATCH', `/api/admin/orgs/${id.xinhe}`, { name: '   ' })).status).toBe(400);
      const [entry] = await audits('org.rename', id.xinhe);
      expect(entry?.before).toMatchObject({ name: '新河苑' });
      expect(entry?.after).toMatchObject({ name: '新河家园' });
      // Out of the community admin's subtree, an org is not there for them.
      expect((await community.request('PATCH', `/api/admin/orgs/${id.shuguang}`, { name: '改名' })).status).toBe(404);
    });

    it('moves a compound to another community with its building and the scope of its tickets', async () => {
      const filed = await street.post('/api/tickets', { workflow: 'grid-request', orgId: id.xinheB1, data: requestData('新河家园楼道灯坏了') });
      expect(filed.status, JSON.stringify(filed.body)).toBe(201);
      const ticket = filed.body.id as string;
      const yongfuStaff = await server.login('staff.yongfu');
      const shuguangStaff = await server.login('staff.shuguang');
      expect((await yongfuStaff.get(`/api/tickets/${ticket}`)).status).toBe(200);
      expect((await shuguangStaff.get(`/api/tickets/${ticket}`)).status).toBe(404);

      // A door-knocking visit recorded at the building copies its path: it must follow the move.
      const leaderId = (await server.database.db.selectFrom('linli_people').select('id').where('username', '=', 'building.hepan1').executeTakeFirstOrThrow()).id;
      const oldPath = (await street.get(`/api/orgs/${id.xinheB1}`)).body.path as string;
      await server.database.db
        .insertInto('door_knocking_visits' as never)
        .values({ building_org_id: Number(id.xinheB1), building_path: oldPath, household: '1单元101', round: '2026-11-2', visited_at: server.clock.now(), visitor_id: leaderId, at_home: true } as never)
        .execute();

      // The community administrator administers the compound but not 曙光社区.
      expect((await community.post(`/api/admin/orgs/${id.xinhe}/move`, { parentId: id.shuguang })).status).toBe(403);
      const underOwn = await street.request('POST', `/api/admin/orgs/${id.xinhe}/move`, { parentId: id.xinheB1 }, zh);
      expect(underOwn.status).toBe(422);
      expect(underOwn.body.code).toBe('LINLI_ERR_ORG_MOVE');
      expect(underOwn.body.message).toContain('不能移到它自己或它的下级组织下');
      const underCompound = await street.post(`/api/admin/orgs/${id.xinhe}/move`, { parentId: id.hepan });
      expect(underCompound.body.code).toBe('LINLI_ERR_ORG_MOVE');
      expect(underCompound.body.message).toContain('goes under a Community');

      // 永福's second grid covers the compound's building: a grid of 永福 cannot cover what now lies in 曙光.
      const yongfuG2 = (await street.get('/api/admin/grids')).body.items.find((g: { name: string }) => g.name === '永福社区第二网格').id as string;
      expect((await street.post(`/api/admin/grids/${yongfuG2}/covers`, { orgId: id.xinheB1 })).status).toBe(200);

      const moved = await street.post(`/api/admin/orgs/${id.xinhe}/move`, { parentId: id.shuguang });
      expect(moved.status, JSON.stringify(moved.body)).toBe(200);
      expect(moved.body.ticketsMoved).toBe(1);
      expect(moved.body.gridsLeft).toEqual(['永福社区第二网格']);
      const g2 = (await street.get('/api/admin/grids')).body.items.find((g: { id: string }) => g.id === yongfuG2) as { covers: { name: string }[] };
      expect(g2.covers.map((c) => c.name)).toEqual(['锦绣花园']);
      const shuguangPath = (await street.get(`/api/orgs/${id.shuguang}`)).body.path as string;
      expect(moved.body.org.path).toBe(`${shuguangPath}${id.xinhe}/`);
      expect((await street.get(`/api/orgs/${id.xinheB1}`)).body.path).toBe(`${shuguangPath}${id.xinhe}/${id.xinheB1}/`);
      expect((await yongfuStaff.get(`/api/tickets/${ticket}`)).status).toBe(404);
      expect((await shuguangStaff.get(`/api/tickets/${ticket}`)).status).toBe(200);
      const visits = await server.database.db.selectFrom('door_knocking_visits' as never).select('building_path' as never).execute();
      expect(visits.map((v) => (v as { building_path: string }).building_path)).toContain(`${shuguangPath}${id.xinhe}/${id.xinheB1}/`);
      expect(visits.map((v) => (v as { building_path: string }).building_path)).not.toContain(oldPath);
      expect((await community.get('/api/admin/orgs')).body.items.map((o: { id: string }) => o.id)).not.toContain(id.xinhe);
      const [entry] = await audits('org.move', id.xinhe);
      expect(entry?.after).toMatchObject({ parentId: id.shuguang, ticketsMoved: 1 });
    });

    it('creates a grid covering the compound, with a grid worker as member who then sees its tickets', async () => {
      const grid = await street.post('/api/admin/grids', { name: '曙光社区第二网格', orgId: id.shuguang });
      expect(grid.status, JSON.stringify(grid.body)).toBe(201);
      expect(grid.body).toMatchObject({ name: '曙光社区第二网格', key: 'shuguang-g2', covers: [], members: [] });
      id.grid = grid.body.id;
      const covered = await street.post(`/api/admin/grids/${id.grid}/covers`, { orgId: id.xinhe });
      expect(covered.status, JSON.stringify(covered.body)).toBe(200);
      expect(covered.body.covers.map((c: { name: string }) => c.name)).toEqual(['新河家园']);
      expect((await street.post(`/api/admin/grids/${id.grid}/covers`, { orgId: id.xinhe })).status).toBe(409);
      const outside = await street.request('POST', `/api/admin/grids/${id.grid}/covers`, { orgId: id.hepan }, zh);
      expect(outside.status).toBe(422);
      expect(outside.body.code).toBe('LINLI_ERR_GRID_COVER');
      expect(outside.body.message).toContain('它不在曙光社区之下');

      const worker = (await street.get('/api/admin/people?q=赵敏')).body.items[0] as { id: string };
      const granted = await street.post(`/api/people/${worker.id}/roles`, { role: 'grid_worker', gridId: id.grid });
      expect(granted.status, JSON.stringify(granted.body)).toBe(201);
      const listed = (await street.get('/api/admin/grids')).body.items.find((g: { id: string }) => g.id === id.grid);
      expect(listed.members).toEqual([expect.objectContaining({ name: '赵敏', role: 'grid_worker', personId: worker.id })]);
      const tickets = (await (await server.login('grid.shuguang1')).get('/api/tickets?limit=50')).body.items as { title: string }[];
      expect(tickets.map((t) => t.title)).toContain('新河家园楼道灯坏了');

      // A community administrator sees their own community's grids only, and cannot change another's.
      const theirs = (await community.get('/api/admin/grids')).body.items as { orgName: string }[];
      expect(theirs.length).toBeGreaterThan(0);
      expect(theirs.every((g) => g.orgName === '永福社区')).toBe(true);
      expect((await community.request('PATCH', `/api/admin/grids/${id.grid}`, { name: '越权改名' })).status).toBe(404);
      expect((await community.post('/api/admin/grids', { name: '越界网格', orgId: id.shuguang })).status).toBe(403);
      expect((await audits('grid.cover.add', id.grid)).length).toBe(1);
    });

    it('deactivates only what nothing active depends on, says what does, and re-activates top-down', async () => {
      const busy = await street.request('POST', `/api/admin/orgs/${id.xinhe}/deactivate`, {}, zh);
      expect(busy.status).toBe(409);
      expect(busy.body.code).toBe('LINLI_ERR_ORG_IN_USE');
      expect(busy.body.message).toContain('新河苑1栋');
      expect(busy.body.message).toContain('曙光社区第二网格');
      // A building leader holds a role at the building: it stays until that role goes.
      const invited = await street.post('/api/admin/people', { username: 'leader.xinhe', name: '新河楼栋长', role: 'building_leader', orgId: id.xinheB1 });
      expect(invited.status).toBe(201);
      const held = await street.post(`/api/admin/orgs/${id.xinheB1}/deactivate`);
      expect(held.status).toBe(409);
      expect(held.body.message).toContain('1 person(s) hold roles there');
      const leader = invited.body.person as { id: string; roles: { id: string }[] };
      expect((await street.delete(`/api/people/${leader.id}/roles/${leader.roles[0]!.id}`)).status).toBe(204);
      const building = await street.post(`/api/admin/orgs/${id.xinheB1}/deactivate`);
      expect(building.status, JSON.stringify(building.body)).toBe(200);
      expect(building.body.deactivated).toBe(true);
      // No new role at a deactivated org.
      const refusedRole = await street.request('POST', `/api/people/${leader.id}/roles`, { role: 'building_leader', orgId: id.xinheB1 }, zh);
      expect(refusedRole.status).toBe(422);
      expect(refusedRole.body.message).toContain('新河苑1栋已停用，不能在此授予角色');
      expect((await street.post(`/api/admin/orgs/${id.xinhe}/deactivate`)).body.message).toContain('grid(s) 曙光社区第二网格');
      const uncovered = await street.delete(`/api/admin/grids/${id.grid}/covers/${id.xinhe}`);
      expect(uncovered.body.covers).toEqual([]);
      const compound = await street.post(`/api/admin/orgs/${id.xinhe}/deactivate`);
      expect(compound.status, JSON.stringify(compound.body)).toBe(200);

      expect((await street.post('/api/orgs', { parentId: id.xinhe, type: 'building', name: '新河苑2栋' })).body.code).toBe('LINLI_ERR_ORG_PARENT_DEACTIVATED');
      expect((await street.post(`/api/admin/orgs/${id.xinheB1}/reactivate`)).body.code).toBe('LINLI_ERR_ORG_PARENT_DEACTIVATED');
      expect((await street.post(`/api/admin/orgs/${id.xinhe}/reactivate`)).body.deactivated).toBe(false);
      expect((await street.post(`/api/admin/orgs/${id.xinheB1}/reactivate`)).body.deactivated).toBe(false);
      expect((await audits('org.deactivate', id.xinhe)).length).toBe(1);
      expect((await audits('org.reactivate', id.xinhe)).length).toBe(1);
      // The city's root is never deactivated; a community administrator cannot reach it at all.
      const root = await orgId(server, 'tianchang');
      expect((await (await server.login('admin')).post(`/api/admin/orgs/${root}/deactivate`)).body.code).toBe('LINLI_ERR_ORG_IN_USE');
      expect((await community.post(`/api/admin/orgs/${root}/deactivate`)).status).toBe(404);
    });

    it("keeps a disabled person's tickets visible to their org and lets a colleague reassign them", async () => {
      const resident = await server.login('resident.hepan');
      const filed = await resident.post('/api/tickets', { workflow: 'grid-request', orgId: id.hepan, data: requestData('停用前交办的诉求') });
      let t = filed.body as { id: string; version: number };
      const step = async (who: TestClient, action: string, data: Record<string, unknown> = {}, comment?: string) => {
        const res = await who.post(`/api/tickets/${t.id}/transitions`, { action, version: t.version, data, ...(comment ? { comment } : {}) });
        expect(res.status, `${action}: ${JSON.stringify(res.body)}`).toBe(200);
        t = res.body;
        return res.body as { assigneePersonId: string | null; assigneeOrgId: string | null; state: string };
      };
      await step(await server.login('grid.yongfu1'), 'sort', { category: '公共设施', urgency: '缓' });
      await step(community, 'dispatch', { assigneeOrgId: id['tc-cgj'] });
      // Urban management returns it: it goes back to the dispatcher by name (assign-previous).
      const returned = await step(await server.login('dept.cgj'), 'return', {}, '不属于城管职责');
      const secretaryId = (await server.database.db.selectFrom('linli_people').select('id').where('username', '=', 'secretary.yongfu').executeTakeFirstOrThrow()).id;
      expect(returned.assigneePersonId).toBe(String(secretaryId));

      const admin = await server.login('admin');
      expect((await admin.post(`/api/admin/people/${secretaryId}/disable`)).status).toBe(200);
      const colleague = await server.login('staff.yongfu');
      expect((await colleague.get(`/api/tickets/${t.id}`)).status).toBe(200);
      const queue = (await colleague.get('/api/tickets?limit=100')).body.items as { id: string }[];
      expect(queue.map((x) => x.id)).toContain(t.id);
      const redispatched = await step(colleague, 'dispatch', { assigneeOrgId: id['tc-zjj'] });
      expect(redispatched).toMatchObject({ state: 'dispatched', assigneeOrgId: id['tc-zjj'], assigneePersonId: null });
      expect((await admin.post(`/api/admin/people/${secretaryId}/enable`)).status).toBe(200);
    });
  });
}
