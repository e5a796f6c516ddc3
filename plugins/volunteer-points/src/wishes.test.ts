import { testBackends, type TestServer } from '@linli/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, expectStatus, orgId, postWish, start, uploadPhoto } from './test-support.js';

/**
 * Registration and the micro-wish loop through HTTP, as each role sees it:
 * 双报到 → a resident posts a wish → a registered member claims it (a second
 * claim is 409) → the claimant records the fulfilment with a photo → the
 * community sends it back once, then verifies it and the points land in the
 * ledger. The tests share one server and run in order.
 */
for (const backend of testBackends()) {
  describe(`volunteer-points wishes on ${backend.name}`, () => {
    let server: TestServer;
    let hepan: string;
    let tiandao: string;
    let shuguangXincun: string;
    let yongfu: string;
    let power: string;
    let wishId: string;
    beforeAll(async () => {
      server = await start(backend);
      server.clock.set('2026-11-24T01:00:00Z');
      [hepan, tiandao, shuguangXincun, yongfu, power] = (await Promise.all(['hepan', 'tiandao', 'shuguang-xincun', 'yongfu', 'yongfu-cb-power'].map((k) => orgId(server, k)))) as [string, string, string, string, string];
    });
    afterAll(() => server?.close());
    const as = (u: string) => server.login(u);

    it('registers members with their home compound (双报到), once per compound', async () => {
      const m = await as('member.hepan');
      const body = expectStatus(await m.post(`${api}/members`, { compoundOrgId: hepan, kind: '在职党员', workUnit: '天长市住建局', partyBranch: '市住建局机关第二党支部', skills: ['维修服务'] }), 201);
      expect(body).toMatchObject({ personName: '钱立新', kind: 'in_service', kindTitle: '在职党员', compoundName: '河畔家园', skillsText: '维修服务' });
      const twice = await m.post(`${api}/members`, { compoundOrgId: hepan, kind: '在册党员' });
      expect(twice.status).toBe(409);
      expect(twice.body.code).toBe('VP_ERR_ALREADY_REGISTERED');
      const notCompound = await m.post(`${api}/members`, { compoundOrgId: yongfu, kind: '在职党员' });
      expect(notCompound.status).toBe(422);
      expect(notCompound.body).toMatchObject({ code: 'VP_ERR_NOT_COMPOUND', details: [{ path: '/compoundOrgId' }] });
      expect((await m.post(`${api}/members`, { compoundOrgId: '999999', kind: '在职党员' })).status).toBe(404);
      expect((await m.post(`${api}/members`, { compoundOrgId: hepan, kind: '党员' })).status).toBe(400);
      expectStatus(await (await as('member.tiandao')).post(`${api}/members`, { compoundOrgId: tiandao, kind: '在册党员' }), 201);
      expectStatus(await (await as('member.shuguang')).post(`${api}/members`, { compoundOrgId: shuguangXincun, kind: '在职党员', workUnit: '天长市财政局' }), 201);
      // Only where one lives or serves: a 曙光 resident cannot enrol at a 永福 compound (issue 12).
      const foreign = await (await as('member.shuguang')).post(`${api}/members`, { compoundOrgId: tiandao, kind: '在职党员' });
      expect(foreign.status).toBe(403);
      expect(foreign.body).toMatchObject({ code: 'VP_ERR_NOT_YOUR_COMPOUND', details: [{ path: '/compoundOrgId' }] });
      // Staff see registrations in their scope; another community's staff do not.
      expect((await (await as('secretary.yongfu')).get(`${api}/members`)).body.items.map((x: { personName: string }) => x.personName).sort()).toEqual(['冯雅琴', '钱立新']);
      expect((await (await as('secretary.shuguang')).get(`${api}/members`)).body.items.map((x: { personName: string }) => x.personName)).toEqual(['蒋文斌']);
      // The member sees only their own.
      expect((await m.get(`${api}/members`)).body.items).toHaveLength(1);
    });

    it('posts a wish at a compound only; members of the community see it on the board, others do not', async () => {
      const resident = await as('resident.hepan');
      const atCommunity = await resident.post('/api/tickets', { workflow: 'volunteer-points.wish', orgId: yongfu, data: { title: '想要一套辅导书', category: '学习用品', description: '孩子上初二，想要一套数学辅导书。' } });
      expect([403, 422]).toContain(atCommunity.status);
      const wish = await postWish(resident, hepan, '想要一套初二数学辅导书');
      wishId = wish.id;
      const board = (await (await as('member.tiandao')).get(`${api}/wishes?view=board`)).body.items;
      expect(board).toEqual([expect.objectContaining({ id: wishId, title: '想要一套初二数学辅导书', compoundName: '河畔家园', stateTitle: '待认领', posterName: '' })]);
      expect((await (await as('member.shuguang')).get(`${api}/wishes?view=board`)).body.items).toEqual([]);
      expect((await (await as('unit.power')).get(`${api}/wishes?view=board`)).body.items).toHaveLength(1);
      expect((await (await as('secretary.yongfu')).get(`${api}/stats/open-wishes?orgId=${yongfu}`)).body).toEqual({ value: 1 });
    });

    it('locks a wish to one claimant: a second claim is 409, out-of-community claims 404, unregistered 403', async () => {
      const unregistered = await (await as('volunteer.yongfu')).post(`${api}/wishes/${wishId}/claim`, { as: '个人' });
      expect(unregistered.status).toBe(403);
      expect(unregistered.body.code).toBe('VP_ERR_NOT_REGISTERED');
      const elsewhere = await (await as('member.shuguang')).post(`${api}/wishes/${wishId}/claim`, { as: '个人' });
      expect(elsewhere.status).toBe(404);
      const notContact = await (await as('member.hepan')).post(`${api}/wishes/${wishId}/claim`, { as: '共建单位', unitOrgId: power });
      expect(notContact.body.code).toBe('VP_ERR_NOT_UNIT_CONTACT');

      // The core decides the claim step from the enrolment, but only the claim route records a claimant: the core's transition API is refused.
      const direct = await (await as('member.tiandao')).post(`/api/tickets/${wishId}/transitions`, { action: 'claim', version: 1, data: { as: '个人' } });
      expect(direct.status).toBe(409);
      expect(direct.body.code).toBe('VP_ERR_CLAIM_ON_BOARD');
      // Someone not enrolled in the community does not even learn the wish exists.
      expect((await (await as('member.shuguang')).post(`/api/tickets/${wishId}/transitions`, { action: 'claim', version: 1, data: { as: '个人' } })).status).toBe(404);
      const claimed = expectStatus(await (await as('member.tiandao')).post(`${api}/wishes/${wishId}/claim`, { as: '个人', note: '我家有一套，明天送去。' }), 200);
      expect(claimed.state).toBe('claimed');
      // The resident who posted it hears it was claimed (a plugin notice), and nothing names the claimant.
      const told = (await (await as('resident.hepan')).get('/api/notifications?limit=50')).body.items.filter((n: { kind: string; ticketId: string }) => n.kind === 'volunteer-points.wish-claimed' && n.ticketId === wishId);
      expect(told.map((n: { title: object }) => n.title)).toEqual([{ 'zh-CN': '心愿已被认领：想要一套初二数学辅导书', en: 'Your wish was claimed: 想要一套初二数学辅导书' }]);
      const second = await (await as('member.hepan')).post(`${api}/wishes/${wishId}/claim`, { as: '个人' });
      expect(second.status).toBe(409);
      expect(second.body.code).toBe('VP_ERR_WISH_TAKEN');
      expect(second.body.message).toContain('冯雅琴');
      const unit = await (await as('unit.power')).post(`${api}/wishes/${wishId}/claim`, { as: '共建单位', unitOrgId: power });
      expect(unit.body.code).toBe('VP_ERR_WISH_TAKEN');
      // The claimant now sees the ticket (assigned to them) and it is off the board.
      const t = expectStatus(await (await as('member.tiandao')).get(`/api/tickets/${wishId}`), 200);
      expect(t.ticket).toMatchObject({ state: 'claimed', assigneePersonId: expect.any(String) });
      expect(t.allowedActions.map((a: { name: string }) => a.name).sort()).toEqual(['fulfil', 'release']);
      expect((await (await as('member.hepan')).get(`${api}/wishes?view=board`)).body.items).toEqual([]);
    });

    it('lets only the claimant record the fulfilment, with photos; the community sends it back, then verifies and awards points', async () => {
      const other = await (await as('member.hepan')).post(`${api}/wishes/${wishId}/fulfil`, { note: '已送到住户家中。', photos: [await uploadPhoto(await as('member.hepan'))] });
      expect(other.status).toBe(403);
      expect(other.body.code).toBe('VP_ERR_NOT_CLAIMANT');
      const claimant = await as('member.tiandao');
      expect((await claimant.post(`${api}/wishes/${wishId}/fulfil`, { note: '已送到住户家中。', photos: [] })).status).toBe(400);
      const photo = await uploadPhoto(claimant);
      const done = expectStatus(await claimant.post(`${api}/wishes/${wishId}/fulfil`, { note: '已把辅导书送到住户家中。', photos: [photo] }), 200);
      expect(done.state).toBe('fulfilled');
      expect((await claimant.post(`${api}/wishes/${wishId}/fulfil`, { note: '再登记一次。', photos: [photo] })).body.code).toBe('VP_ERR_NOT_CLAIMED');

      const secretary = await as('secretary.yongfu');
      // The verifier sees the proof photo through the core's attachments route.
      expect((await secretary.get(`/api/attachments/${photo}`)).status).toBe(200);
      const noReason = await secretary.post(`/api/tickets/${wishId}/transitions`, { action: 'reject', version: done.version });
      expect(noReason.status).toBe(422);
      const back = expectStatus(await secretary.post(`/api/tickets/${wishId}/transitions`, { action: 'reject', version: done.version, comment: '照片看不清，请补拍住户收到书的照片。' }), 200);
      expect(back.state).toBe('claimed');
      expect((await secretary.get(`${api}/ledger`)).body.items).toEqual([]);

      const again = expectStatus(await claimant.post(`${api}/wishes/${wishId}/fulfil`, { note: '补拍了住户收到书的照片。', photos: [await uploadPhoto(claimant)] }), 200);
      const verified = expectStatus(await secretary.post(`/api/tickets/${wishId}/transitions`, { action: 'verify', version: again.version, data: { verdict: '满意' } }), 200);
      expect(verified.state).toBe('verified');
      expect((await claimant.get('/api/notifications?limit=50')).body.items.filter((n: { kind: string }) => n.kind === 'volunteer-points.wish-verified')).toHaveLength(1);
      const ledger = (await secretary.get(`${api}/ledger`)).body.items;
      expect(ledger).toEqual([expect.objectContaining({ accountName: '冯雅琴', accountKindTitle: '在册党员', orgName: '天岛小区', kind: 'wish', points: 5, ticketId: wishId })]);
      expect((await claimant.get(`${api}/stats/my-balance`)).body).toEqual({ value: 5 });
      const closed = await (await as('member.hepan')).post(`${api}/wishes/${wishId}/claim`, { as: '个人' });
      expect(closed.status).toBe(409);
      expect(closed.body.code).toBe('VP_ERR_WISH_CLOSED');
    });

    it('refuses verifying your own fulfilment, and credits a co-building unit that claims', async () => {
      // A community staff member who is also a registered member claims and fulfils a wish…
      const staff = await as('staff.yongfu');
      expectStatus(await staff.post(`${api}/members`, { compoundOrgId: hepan, kind: '在册党员' }), 201);
      const w = await postWish(await as('resident.hepan'), hepan, '楼下老人想有人陪着去医院复查', '助老服务');
      expectStatus(await staff.post(`${api}/wishes/${w.id}/claim`, { as: '个人' }), 200);
      const f = expectStatus(await staff.post(`${api}/wishes/${w.id}/fulfil`, { note: '周二上午陪同老人去市医院复查。', photos: [await uploadPhoto(staff)] }), 200);
      // …and may not verify it: nothing changes.
      const own = await staff.post(`/api/tickets/${w.id}/transitions`, { action: 'verify', version: f.version, data: { verdict: '满意' } });
      expect(own.status).toBe(403);
      expect(own.body.code).toBe('VP_ERR_OWN_FULFILMENT');
      expect(expectStatus(await staff.get(`/api/tickets/${w.id}`), 200).ticket).toMatchObject({ state: 'fulfilled', version: f.version });
      expectStatus(await (await as('secretary.yongfu')).post(`/api/tickets/${w.id}/transitions`, { action: 'verify', version: f.version, data: { verdict: '满意' } }), 200);

      const u = await postWish(await as('resident.hepan'), hepan, '小区活动室想要一台饮水机', '生活物资');
      const contact = await as('unit.power');
      expectStatus(await contact.post(`${api}/wishes/${u.id}/claim`, { as: '共建单位', unitOrgId: power }), 200);
      const uf = expectStatus(await contact.post(`${api}/wishes/${u.id}/fulfil`, { note: '已为活动室安装饮水机一台。', photos: [await uploadPhoto(contact)] }), 200);
      expectStatus(await (await as('secretary.yongfu')).post(`/api/tickets/${u.id}/transitions`, { action: 'verify', version: uf.version, data: { verdict: '满意' } }), 200);
      const rankings = (await (await as('secretary.yongfu')).get(`${api}/rankings`)).body.items;
      expect(rankings.map((r: { name: string; points: number }) => [r.name, r.points])).toEqual(
        expect.arrayContaining([['冯雅琴', 5], ['王丽', 5], ['国网天长市供电公司', 5]]),
      );
      expect((await (await as('secretary.shuguang')).get(`${api}/rankings`)).body.items).toEqual([]);
      // Another community's staff cannot see the wishes, nor their tickets.
      expect((await (await as('secretary.shuguang')).get(`${api}/wishes`)).body.items).toEqual([]);
      expect((await (await as('secretary.shuguang')).get(`/api/tickets/${u.id}`)).status).toBe(404);
    });
  });
}
