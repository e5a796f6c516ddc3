import { testBackends, type TestClient, type TestServer } from '@linli/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, expectStatus, orgId, start, uploadPhoto } from './test-support.js';

/**
 * An owner leaves the roll (业主名册 → a unit → 移除业主): a unit is sold, the
 * buyer is registered, the seller removed with a reason. Nothing recorded is
 * undone: a ballot the seller cast stays counted and the vote opened before
 * keeps its frozen grouping; the seller is gone from the roll, from new votes
 * and from their portal; the removal is kept with who, when and why. A unit's
 * last owner is not removed.
 *
 * hepan-b1: 赵甲 owns 301 and 302 (one phone: one person, Art. 9), 孙丙 303; 100 m² each.
 */
for (const backend of testBackends()) {
  describe(`removing an owner from the roll on ${backend.name}`, () => {
    let server: TestServer;
    let staff: TestClient;
    let photo: string;
    const unit: Record<string, string> = {};
    let before: string;

    const ownersOf = async (room: string) => expectStatus(await staff.get(`${api}/units/${unit[room]}/owner-records`), 200).items as { id: string; name: string; status: string; statusTitle: string; linked: string; removedAt: string | null; removedBy: string | null; reason: string | null }[];
    const removal = (client: TestClient, room: string, ownerId: string, body: Record<string, unknown> = { reason: '房屋已出售，已过户', confirm: true }) => client.post(`${api}/units/${unit[room]}/owners/${ownerId}/removal`, body);
    const open = async (title: string) => String(expectStatus(await staff.post(`${api}/votes`, { scopeOrgId: await orgId(server, 'hepan-b1'), matter: '使用建筑物及其附属设施的维修资金', title }), 201).id);
    const listed = async (vote: string) => (expectStatus(await staff.get(`${api}/votes`), 200).items as { id: string; units: number; voted: number; owners: number; votedOwners: number; electorate: string; turnout: string }[]).find((v) => v.id === vote)!;

    beforeAll(async () => {
      server = await start(backend);
      staff = await server.login('secretary.yongfu');
      photo = await uploadPhoto(staff);
      const building = await orgId(server, 'hepan-b1');
      for (const [room, name, phone] of [['301', '赵甲', '13900003001'], ['302', '赵甲', '13900003001'], ['303', '孙丙', '13900003003']] as const) {
        unit[room] = String(expectStatus(await staff.post(`${api}/units`, { buildingOrgId: building, room, area: '100', ownerName: name, ownerPhone: phone }), 201).id);
      }
      // 赵甲 votes on the portal through the account linked to his record on 301.
      const seller = String((await server.database.db.selectFrom('linli_people').select('id').where('username', '=', 'resident.hepan').executeTakeFirstOrThrow()).id);
      expectStatus(await staff.post(`${api}/units/${unit['301']}/account`, { ownerId: (await ownersOf('301'))[0]!.id, personId: seller }), 201);
      // A vote opened before the sale: 3 units, 2 persons; 赵甲 votes for both of his units.
      before = await open('1栋使用维修资金（出售前）');
      expectStatus(await (await server.login('resident.hepan')).post(`${api}/votes/${before}/ballot`, { unitId: unit['301'], choice: '同意', confirm: true }), 201);
    }, 120_000);
    afterAll(() => server?.close());

    it('a sale: the buyer is registered, the seller removed with a reason, kept on the unit’s record', async () => {
      expectStatus(await staff.post(`${api}/units/${unit['301']}/owners`, { ownerName: '钱乙', ownerPhone: '13900003011' }), 201);
      expect((await staff.post(`${api}/units/${unit['301']}/owners`, { ownerName: '钱乙' })).body.code).toBe('OSG_ERR_OWNER_EXISTS');
      const [seller] = await ownersOf('301');
      // Nothing happens without the box ticked.
      expect((await removal(staff, '301', seller!.id, { reason: '房屋已出售', confirm: false })).body.code).toBe('OSG_ERR_REMOVAL_NOT_CONFIRMED');
      expect((await ownersOf('301')).filter((o) => o.status === 'current')).toHaveLength(2);
      expectStatus(await removal(staff, '301', seller!.id), 201);
      expect(await ownersOf('301')).toEqual([
        expect.objectContaining({ name: '钱*', status: 'current', statusTitle: '在册', removedAt: null, reason: null }),
        expect.objectContaining({ id: seller!.id, name: '赵*', status: 'removed', statusTitle: '已移除', linked: '已关联', removedBy: '李秀兰', reason: '房屋已出售，已过户', removedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}/) }),
      ]);
      // The row is kept (history), marked with who removed it.
      const row = await server.database.db.selectFrom('owners_self_governance_owners' as never).selectAll().where('id' as never, '=', Number(seller!.id) as never).executeTakeFirstOrThrow() as { removed_by: number; removal_reason: string };
      expect(row.removal_reason).toBe('房屋已出售，已过户');
      // Removed twice: it is no longer an owner on the roll.
      expect((await removal(staff, '301', seller!.id)).status).toBe(404);
      // The roll shows the buyer only; the picker for linking an account too.
      const roll = expectStatus(await staff.get(`${api}/units?orgId=${await orgId(server, 'hepan-b1')}`), 200).items as { room: string; owners: string }[];
      expect(roll.find((u) => u.room === '301')!.owners).toBe('钱*');
      expect((expectStatus(await staff.get(`${api}/units/${unit['301']}/owners`), 200).items as { name: string }[]).map((o) => o.name)).toEqual(['钱*']);
    });

    it('refuses to remove a unit’s last owner, in Chinese and English', async () => {
      const [only] = await ownersOf('302');
      const zh = await staff.request('POST', `${api}/units/${unit['302']}/owners/${only!.id}/removal`, { reason: '已出售', confirm: true }, { 'accept-language': 'zh-CN' });
      expect(zh.status).toBe(409);
      expect(zh.body).toMatchObject({ code: 'OSG_ERR_LAST_OWNER', message: '河畔家园1栋302只剩这一位业主，移除后将无人可以投票：请先登记新业主（业主名册 → 登记业主），再移除原业主。' });
      const en = await staff.request('POST', `${api}/units/${unit['302']}/owners/${only!.id}/removal`, { reason: '已出售', confirm: true }, { 'accept-language': 'en' });
      expect(en.body.message).toBe('河畔家园1栋302 would have no owner left: register its new owner first (业主名册 → 登记业主), then remove this one.');
      expect((await ownersOf('302'))[0]!.status).toBe('current');
    });

    it('only conveners of the place remove or add owners; others are refused or do not see the unit', async () => {
      const [buyer] = await ownersOf('301');
      // branch.hepan oversees the compound but does not convene; secretary.shuguang serves another community; a resident sees no roll.
      expect((await removal(await server.login('branch.hepan'), '301', buyer!.id)).body.code).toBe('OSG_ERR_NOT_CONVENER');
      expect((await (await server.login('branch.hepan')).post(`${api}/units/${unit['301']}/owners`, { ownerName: '某人' })).body.code).toBe('OSG_ERR_NOT_CONVENER');
      expect((await removal(await server.login('secretary.shuguang'), '301', buyer!.id)).status).toBe(404);
      expect((await removal(await server.login('resident.hepan'), '301', buyer!.id)).status).toBe(404);
      expect((await (await server.login('resident.hepan')).get(`${api}/units/${unit['301']}/owner-records`)).status).toBe(404);
      expect((await removal(server.anonymous(), '301', buyer!.id)).status).toBe(401);
      // A reason is required.
      expect((await removal(staff, '301', buyer!.id, { confirm: true })).status).toBe(400);
      expect((await ownersOf('301')).filter((o) => o.status === 'current')).toHaveLength(1);
    });

    it('the vote opened before keeps its ballot and its frozen grouping; a new vote counts the buyer, not the seller', async () => {
      // Before the sale: 301 and 302 were 赵甲's (one person); his one ballot covers both.
      expect((await staff.post(`${api}/votes/${before}/paper`, { unitId: unit['302'], choice: '反对', photos: [photo] })).body.code).toBe('OSG_ERR_ALREADY_VOTED');
      expect(await listed(before)).toMatchObject({ units: 3, owners: 2, voted: 2, votedOwners: 1, electorate: '3户专有部分，按人计 2人', turnout: '2户专有部分，按人计 1人' });
      // The seller's portal no longer offers 301, nor any vote opened after the sale.
      const seller = await server.login('resident.hepan');
      expect(expectStatus(await seller.get(`${api}/my/units`), 200).items).toEqual([]);
      const after = await open('1栋使用维修资金（出售后）');
      expect((expectStatus(await seller.get(`${api}/my/votes`), 200).items as { id: string }[]).map((v) => v.id)).not.toContain(after);
      expect([403, 404]).toContain((await seller.post(`${api}/votes/${after}/ballot`, { unitId: unit['301'], choice: '同意', confirm: true })).status);
      // After the sale 301 is 钱乙's and 302 still 赵甲's: three persons.
      expect(await listed(after)).toMatchObject({ units: 3, owners: 3, voted: 0, votedOwners: 0, electorate: '3户专有部分，按人计 3人' });
      expectStatus(await staff.post(`${api}/votes/${after}/paper`, { unitId: unit['301'], choice: '同意', photos: [photo] }), 201);
      expectStatus(await staff.post(`${api}/votes/${after}/paper`, { unitId: unit['302'], choice: '同意', photos: [photo] }), 201);
      // The vote before, closed: the seller's ballot is counted as it was cast (200 m², one person).
      expectStatus(await staff.post(`${api}/votes/${before}/close`, { confirm: true }), 200);
      const html = (await staff.get(`${api}/votes/${before}/result`)).body as string;
      expect(html).toContain('业主人数：3户专有部分，按人计 2人；已投票 2户专有部分，按人计 1人');
      expect(html).toContain('200.00 / 300.00 ㎡');
    });

    it('the same name can be registered again on the unit after a removal', async () => {
      expectStatus(await staff.post(`${api}/units/${unit['301']}/owners`, { ownerName: '赵甲', ownerPhone: '13900003001' }), 201);
      expect((await ownersOf('301')).map((o) => `${o.name}${o.statusTitle}`)).toEqual(['钱*在册', '赵*在册', '赵*已移除']);
    });
  });
}
