import type { CityConfig } from '@linli/core';
import { gridRequestsPlugin } from '@linli/plugin-grid-requests';
import { startTestServer, testBackends, type TestClient, type TestServer } from '@linli/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleConfig, orgId } from './test-support.js';

/**
 * Nobody grants a role above their own scope (SECURITY.md, issue 14 item 4):
 * every way of giving or taking away a role — inviting a person with a first
 * role, granting, revoking, the spreadsheet import — passes the one guard
 * (services/grant-guard.ts). 永福's community secretary administers 永福; the
 * city's administrator administers everything.
 */

// A city may define an administrator who manages accounts but reads no personal data.
const config: CityConfig = {
  ...exampleConfig,
  roles: [...(exampleConfig.roles ?? []), { id: 'account_manager', title: { 'zh-CN': '账号管理员', en: 'Account manager' }, heldAt: 'org', admin: true }],
};

const csv = (rows: string[][]) => rows.map((r) => r.join(',')).join('\n') + '\n';

for (const backend of testBackends()) {
  describe(`granting roles on ${backend.name}`, () => {
    let server: TestServer;
    let admin: TestClient;
    let secretary: TestClient;
    let seq = 0;
    const org = (key: string) => orgId(server, key);
    const gridId = async (key: string) => String((await server.database.db.selectFrom('linli_grids').select('id').where('key', '=', key).executeTakeFirstOrThrow()).id);
    const grantsOf = async (personId: string) =>
      (await server.database.db.selectFrom('linli_role_assignments').select(['role', 'org_id']).where('person_id', '=', Number(personId)).execute()).map((r) => r.role);
    /** A person with no role yet, made by the city's administrator. */
    const fresh = async () => (await admin.post('/api/people', { username: `guard${seq++}`, name: '新同事' })).body.id as string;
    /** A person holding `role` at `orgKey`, with a password, logged in. */
    async function holder(role: string, orgKey: string): Promise<TestClient> {
      const username = `holder${seq++}`;
      const invited = await admin.post('/api/admin/people', { username, name: '持有人', role, orgId: await org(orgKey) });
      expect(invited.status).toBe(201);
      expect((await server.anonymous().post('/api/account/password/set', { token: invited.body.link.token, password: 'a long enough password' })).status).toBe(200);
      return server.login(username, 'a long enough password');
    }

    beforeAll(async () => {
      server = await startTestServer({ config, plugins: [gridRequestsPlugin], backend });
      admin = await server.login('admin');
      secretary = await server.login('secretary.yongfu');
    });
    afterAll(() => server?.close());

    it('refuses 永福’s secretary a street-level or city-level role, and a role at another community, in Chinese and English, writing nothing', async () => {
      const refusals: [string, Record<string, string>][] = [
        ['street secretary at 广陵街道', { role: 'street_secretary', orgId: await org('guangling') }],
        ['volunteer at 广陵街道', { role: 'volunteer', orgId: await org('guangling') }],
        ['administrator of 天长市', { role: 'admin', orgId: await org('tianchang') }],
        ['command officer at 天长市', { role: 'command_officer', orgId: await org('tianchang') }],
        ['officer of a city department', { role: 'department_officer', orgId: await org('tc-cgj') }],
        ['community staff at 曙光社区', { role: 'community_staff', orgId: await org('shuguang') }],
        ['administrator of 曙光社区', { role: 'admin', orgId: await org('shuguang') }],
        ['grid worker in 曙光’s grid', { role: 'grid_worker', gridId: await gridId('shuguang-g1') }],
      ];
      const person = await fresh();
      for (const [what, body] of refusals) {
        const granted = await secretary.post(`/api/people/${person}/roles`, body);
        expect(granted.status, what).toBe(403);
        expect(granted.body.code, what).toBe('LINLI_ERR_GRANT_ABOVE_OWN');
        const invited = await secretary.post('/api/admin/people', { username: `refused${seq++}`, name: '被拒', ...body });
        expect(invited.status, what).toBe(403);
        expect(invited.body.code, what).toBe('LINLI_ERR_GRANT_ABOVE_OWN');
      }
      expect(await grantsOf(person)).toEqual([]);
      // No account was left behind by a refused invitation.
      expect(await server.database.db.selectFrom('linli_people').select('id').where('username', 'like', 'refused%').execute()).toEqual([]);

      const body = { role: 'street_secretary', orgId: await org('guangling') };
      const zh = await secretary.request('POST', `/api/people/${person}/roles`, body, { 'accept-language': 'zh-CN' });
      expect(zh.body.message).toBe('您不能在广陵街道授予或收回「街道书记」角色：它超出了您管理的组织范围。请联系管理范围覆盖该处的管理员办理。');
      const en = await secretary.request('POST', `/api/people/${person}/roles`, body, { 'accept-language': 'en' });
      expect(en.body.message).toBe('You may not give or take away the role "Street secretary" at 广陵街道: it reaches beyond the organizations you administer. Ask an administrator whose roles cover it.');
    });

    it('lets 永福’s secretary give roles within 永福, the administrator role of 永福 too', async () => {
      const person = await fresh();
      for (const body of [
        { role: 'community_staff', orgId: await org('yongfu') },
        { role: 'admin', orgId: await org('yongfu') },
        { role: 'building_leader', orgId: await org('hepan-b2') },
        { role: 'residents_committee_member', orgId: await org('yongfu-rc') },
        { role: 'grid_worker', gridId: await gridId('yongfu-g2') },
      ]) {
        const granted = await secretary.post(`/api/people/${person}/roles`, body);
        expect(granted.status, body.role).toBe(201);
      }
      expect((await grantsOf(person)).sort()).toEqual(['admin', 'building_leader', 'community_staff', 'grid_worker', 'residents_committee_member']);
    });

    it('lets the city’s administrator give street-level, city-level and other communities’ roles', async () => {
      const person = await fresh();
      for (const body of [
        { role: 'street_secretary', orgId: await org('guangling') },
        { role: 'command_officer', orgId: await org('tianchang') },
        { role: 'community_staff', orgId: await org('shuguang') },
        { role: 'grid_worker', gridId: await gridId('shuguang-g1') },
      ]) {
        expect((await admin.post(`/api/people/${person}/roles`, body)).status, body.role).toBe(201);
      }
      const invited = await admin.post('/api/admin/people', { username: `street${seq++}`, name: '街道书记', role: 'street_secretary', orgId: await org('guangling') });
      expect(invited.status).toBe(201);
    });

    it('takes a role away only for someone who could have given it', async () => {
      const person = await fresh();
      const street = (await admin.post(`/api/people/${person}/roles`, { role: 'street_secretary', orgId: await org('guangling') })).body.roles[0].id as string;
      const refused = await secretary.delete(`/api/people/${person}/roles/${street}`);
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('LINLI_ERR_GRANT_ABOVE_OWN');
      expect(await grantsOf(person)).toEqual(['street_secretary']);
      // The street secretary of 广陵 is not 永福's either.
      const streetSecretary = (await server.database.db.selectFrom('linli_people').select('id').where('username', '=', 'street.guangling').executeTakeFirstOrThrow()).id;
      const theirs = (await admin.get(`/api/people?limit=200`)).body.items.find((p: { id: string }) => p.id === String(streetSecretary)).roles[0].id;
      expect((await secretary.delete(`/api/people/${streetSecretary}/roles/${theirs}`)).body.code).toBe('LINLI_ERR_GRANT_ABOVE_OWN');

      const staff = (await secretary.post(`/api/people/${person}/roles`, { role: 'community_staff', orgId: await org('yongfu') })).body.roles.find((r: { role: string }) => r.role === 'community_staff').id;
      expect((await secretary.delete(`/api/people/${person}/roles/${staff}`)).status).toBe(204);
      expect((await admin.delete(`/api/people/${person}/roles/${street}`)).status).toBe(204);
      expect(await grantsOf(person)).toEqual([]);
    });

    it('does not let an administrator of a side organization make a committee member who acts for the org above it', async () => {
      // Administering 永福's residents' committee is not administering 永福; a committee member works all of 永福's requests.
      const committeeAdmin = await holder('admin', 'yongfu-rc');
      const person = await fresh();
      const refused = await committeeAdmin.post(`/api/people/${person}/roles`, { role: 'residents_committee_member', orgId: await org('yongfu-rc') });
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('LINLI_ERR_GRANT_ABOVE_OWN');
      // A role that acts only at the committee itself is theirs to give.
      expect((await committeeAdmin.post(`/api/people/${person}/roles`, { role: 'volunteer', orgId: await org('yongfu-rc') })).status).toBe(201);
    });

    it('does not let an administrator who reads no personal data give a role that does', async () => {
      const manager = await holder('account_manager', 'yongfu');
      const person = await fresh();
      const refused = await manager.request('POST', `/api/people/${person}/roles`, { role: 'community_staff', orgId: await org('yongfu') }, { 'accept-language': 'zh-CN' });
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('LINLI_ERR_GRANT_ABOVE_OWN');
      expect(refused.body.message).toContain('该角色可查看居民个人信息，而您在那里的角色不能');
      expect((await manager.post(`/api/people/${person}/roles`, { role: 'admin', orgId: await org('hepan') })).body.code).toBe('LINLI_ERR_GRANT_ABOVE_OWN');
      expect((await manager.post(`/api/people/${person}/roles`, { role: 'building_leader', orgId: await org('hepan-b1') })).status).toBe(201);
      expect(await grantsOf(person)).toEqual(['building_leader']);
    });

    it('holds the spreadsheet import to the same rule, naming each refused row', async () => {
      const roster = csv([
        ['用户名', '角色', '组织编码', '网格编码'],
        ['staff.yongfu', 'street_secretary', 'guangling', ''],
        ['staff.yongfu', 'community_staff', 'shuguang', ''],
        ['staff.yongfu', 'grid_worker', '', 'qianqiu-g1'],
        ['staff.yongfu', 'building_leader', 'hepan-b3', ''],
      ]);
      const refused = await secretary.request('POST', '/api/admin/import', roster, { 'content-type': 'text/csv', 'accept-language': 'zh-CN' });
      expect(refused.status).toBe(422);
      expect(refused.body.code).toBe('LINLI_ERR_IMPORT_INVALID');
      expect(refused.body.details.map((d: { path: string }) => d.path)).toEqual(['roster.csv!C2', 'roster.csv!C3', 'roster.csv!D4']);
      expect(refused.body.details[0].message).toContain('不能授予超出本人权限的角色');
      // A grid drawn over another community's compound is refused too: its roles would act there.
      const grid = csv([
        ['编码', '所属组织编码', '名称', '覆盖组织编码'],
        ['yongfu-g9', 'yongfu', '永福第九网格', 'hepan;binhe'],
      ]);
      const drawn = await secretary.request('POST', '/api/admin/import?dryRun=true', grid, { 'content-type': 'text/csv' });
      expect(drawn.status).toBe(422);
      expect(drawn.body.details).toEqual([expect.objectContaining({ path: 'roster.csv!D2', message: 'binhe lie outside the organizations you administer' })]);
      // The city's administrator imports the same rows.
      const ok = await admin.request('POST', '/api/admin/import?dryRun=true', roster, { 'content-type': 'text/csv' });
      expect(ok.status).toBe(200);
      expect(ok.body.counts.grants).toEqual({ created: 4, revoked: 0 });
    });
  });
}
