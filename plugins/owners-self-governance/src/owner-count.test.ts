import { testBackends, type TestClient, type TestServer } from '@linli/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, expectStatus, orgId, start, uploadPhoto } from './test-support.js';

/**
 * Owners counted as the judicial interpretation's Art. 9 counts them, stored
 * and counted by the server: the same buyer's units and the developer's
 * unsold units are one person each, one ballot covers all their units in the
 * vote, and a building-scoped vote counts only that building's units. Hand
 * counts in the comments.
 */
for (const backend of testBackends()) {
  describe(`owners counted per person (Art. 9) on ${backend.name}`, () => {
    let server: TestServer;
    let staff: TestClient;
    let photo: string;
    const unitIds: Record<string, string> = {};

    const register = async (building: string, room: string, area: string, extra: Record<string, unknown>) => {
      const res = await staff.post(`${api}/units`, { buildingOrgId: await orgId(server, building), room, area, ...extra });
      unitIds[`${building}/${room}`] = String(expectStatus(res, 201).id);
    };
    const open = async (scope: string, matter: string, title: string) => String(expectStatus(await staff.post(`${api}/votes`, { scopeOrgId: await orgId(server, scope), matter, title }), 201).id);
    const paper = (vote: string, unit: string, choice: string) => staff.post(`${api}/votes/${vote}/paper`, { unitId: unitIds[unit], choice, photos: [photo] });
    const close = async (vote: string) => expectStatus(await staff.post(`${api}/votes/${vote}/close`, { confirm: true }), 200);
    const result = async (vote: string) => (await staff.get(`${api}/votes/${vote}/result`)).body as string;
    const listed = async (vote: string) => (expectStatus(await staff.get(`${api}/votes`), 200).items as { id: string }[]).find((v) => v.id === vote);
    const special = '既有住宅加装电梯';
    const ordinary = '使用建筑物及其附属设施的维修资金';

    beforeAll(async () => {
      server = await start(backend);
      staff = await server.login('secretary.yongfu');
      photo = await uploadPhoto(staff);
      // tiandao-b1: 赵一 owns 101, 102, 103 (same phone); 钱二 201; 孙三 202; 李四 203. 6 units of 100 m², 4 persons.
      for (const room of ['101', '102', '103']) await register('tiandao-b1', room, '100', { ownerName: '赵一', ownerPhone: '13900000001' });
      await register('tiandao-b1', '201', '100', { ownerName: '钱二', ownerPhone: '13900000002' });
      await register('tiandao-b1', '202', '100', { ownerName: '孙三' });
      await register('tiandao-b1', '203', '100', { ownerName: '李四', ownerPhone: '13900000004' });
      // tiandao-b2: the developer's 10 unsold units of 50 m², and 两户 of 100 m²: 12 units, 700 m², 3 persons.
      for (let i = 1; i <= 10; i++) await register('tiandao-b2', `D${i}`, '50', { ownerName: '天长置业有限公司', developerHeld: true });
      await register('tiandao-b2', '501', '100', { ownerName: '周五', ownerPhone: '13900000005' });
      await register('tiandao-b2', '502', '100', { ownerName: '吴六', ownerPhone: '13900000006' });
      // tiandao-b3: 郑甲 owns three units of 10 m² (one owner number, different phones); five others 54 m² each: 8 units, 300 m², 6 persons.
      for (const [i, room] of ['101', '102', '103'].entries()) await register('tiandao-b3', room, '10', { ownerName: '郑甲', ownerPhone: `1390000010${i}`, ownerNo: 'TD-0001' });
      for (const [i, room] of ['201', '202', '203', '204', '205'].entries()) await register('tiandao-b3', room, '54', { ownerName: `业主${i}`, ownerPhone: `1390000020${i}` });
      // 河畔家园: 王乙 owns hepan-b2 301 (90 m²) and hepan-b3 301 (120 m²); 冯丙 hepan-b2 302 (80 m²).
      await register('hepan-b2', '301', '90', { ownerName: '王乙', ownerPhone: '13900000301' });
      await register('hepan-b2', '302', '80', { ownerName: '冯丙', ownerPhone: '13900000302' });
      await register('hepan-b3', '301', '120', { ownerName: '王乙', ownerPhone: '13900000301' });
    }, 120_000);
    afterAll(() => server?.close());

    it('an owner of three units votes once, online, and the ballot covers all three', async () => {
      const owners = expectStatus(await staff.get(`${api}/units/${unitIds['tiandao-b1/101']}/owners`), 200).items as { id: string }[];
      const account = String((await server.database.db.selectFrom('linli_people').select('id').where('username', '=', 'owners.tiandao').executeTakeFirstOrThrow()).id);
      expectStatus(await staff.post(`${api}/units/${unitIds['tiandao-b1/101']}/account`, { ownerId: owners[0]!.id, personId: account }), 201);
      const v = await open('tiandao-b1', ordinary, '1栋使用维修资金');
      const owner = await server.login('owners.tiandao');
      expectStatus(await owner.post(`${api}/votes/${v}/ballot`, { unitId: unitIds['tiandao-b1/101'], choice: '同意', confirm: true }), 201);
      // 102 and 103 are the same buyer (same phone): their vote is cast.
      expect((await paper(v, 'tiandao-b1/103', '反对')).body.code).toBe('OSG_ERR_ALREADY_VOTED');
      expectStatus(await paper(v, 'tiandao-b1/201', '同意'), 201);
      expectStatus(await paper(v, 'tiandao-b1/202', '反对'), 201);
      // The staff list counts as the count page does: units, and persons (Art. 9), while the vote is open.
      expect(await listed(v)).toMatchObject({ units: 6, owners: 4, voted: 5, votedOwners: 3, electorate: '6户专有部分，按人计 4人', turnout: '5户专有部分，按人计 3人' });
      // Took part: 500/600 m², 3/4 persons; agree: 400/500 m², 2/3 persons: passes.
      expect(await close(v)).toMatchObject({ passed: true, quorum: true });
      const html = await result(v);
      expect(html).toContain('业主人数：6户专有部分，按人计 4人；已投票 5户专有部分，按人计 3人');
      expect(await listed(v)).toMatchObject({ electorate: '6户专有部分，按人计 4人', turnout: '5户专有部分，按人计 3人' });
      // The roll says which units are one owner: 赵一's three (the same phone); the others each alone.
      const roll = expectStatus(await staff.get(`${api}/units?orgId=${await orgId(server, 'tiandao-b1')}`), 200).items as { room: string; headcount: string }[];
      expect(roll.map((u) => `${u.room}:${u.headcount}`)).toEqual(['101:同一业主共3套，按1人计', '102:同一业主共3套，按1人计', '103:同一业主共3套，按1人计', '201:', '202:', '203:']);
      expect(html).toContain('500.00 / 600.00 ㎡');
      expect(html).toContain('3 / 4 人');
      expect(html).toContain('2 / 3 人');
      expect(html).toContain('400.00 / 500.00 ㎡');
      // The audit lists every unit the ballot covered.
      for (const room of ['101', '102', '103']) expect(html).toContain(`<td>${room}</td>`);
    });

    it("the developer's ten unsold units are one person, and one ballot covers them", async () => {
      const v = await open('tiandao-b2', special, '2栋加装电梯');
      expect(await result(v)).toContain('业主人数：12户专有部分，按人计 3人');
      expectStatus(await paper(v, 'tiandao-b2/D1', '同意'), 201);
      expect((await paper(v, 'tiandao-b2/D7', '反对')).body.code).toBe('OSG_ERR_ALREADY_VOTED');
      expectStatus(await paper(v, 'tiandao-b2/501', '同意'), 201);
      // Took part: 600/700 m² (≥ 2/3), 2/3 persons (exactly); agree 600/600 m², 2/2: passes.
      expect(await close(v)).toMatchObject({ passed: true, quorum: true });
      const html = await result(v);
      expect(html).toContain('600.00 / 700.00 ㎡');
      expect(html).toContain('2 / 3 人');
      expect(html).toContain('已投票的房屋（11 户');
      // The roll says which units are the developer's.
      const roll = expectStatus(await staff.get(`${api}/units?orgId=${await orgId(server, 'tiandao-b2')}`), 200).items as { room: string; developerHeld: string; headcount: string }[];
      expect(roll.filter((u) => u.developerHeld === '开发商未售/未交付').map((u) => u.room).sort()).toEqual(['D1', 'D10', 'D2', 'D3', 'D4', 'D5', 'D6', 'D7', 'D8', 'D9']);
      expect(new Set(roll.map((u) => `${u.room.startsWith('D') ? 'D' : u.room}:${u.headcount}`))).toEqual(new Set(['D:开发商共10套，按1人计', '501:', '502:']));
      // Closed, the list still shows the count's 11 units as 2 persons, of 12 units and 3 persons.
      expect(await listed(v)).toMatchObject({ electorate: '12户专有部分，按人计 3人', turnout: '11户专有部分，按人计 2人' });
    });

    it('exactly two-thirds of the owners is reached only because the owner of three units counts once', async () => {
      const v = await open('tiandao-b3', special, '3栋加装电梯');
      for (const room of ['201', '202', '203', '204']) expectStatus(await paper(v, `tiandao-b3/${room}`, '同意'), 201);
      // Took part: 216/300 m² (72 %), 4 of 6 persons = exactly 2/3 (by units it would be 4/8, not enough); all agree.
      expect(await close(v)).toMatchObject({ passed: true, quorum: true });
      const html = await result(v);
      expect(html).toContain('业主人数：8户专有部分，按人计 6人');
      expect(html).toContain('4 / 6 人');
      expect(html).toContain('216.00 / 300.00 ㎡');
    });

    it('an owner of units in two buildings counts in a building-scoped vote with that building’s unit only', async () => {
      const v = await open('hepan-b2', special, '河畔家园2栋加装电梯');
      // hepan-b3 301 is not in hepan-b2's vote, though its owner is.
      expect((await paper(v, 'hepan-b3/301', '同意')).body.code).toBe('OSG_ERR_NOT_ELIGIBLE');
      expectStatus(await paper(v, 'hepan-b2/301', '同意'), 201);
      expectStatus(await paper(v, 'hepan-b2/302', '同意'), 201);
      // 170/170 m², 2/2 persons.
      expect(await close(v)).toMatchObject({ passed: true });
      const html = await result(v);
      expect(html).toContain('业主人数：2户专有部分，按人计 2人');
      expect(html).toContain('170.00 / 170.00 ㎡');
      // In the compound's vote the same owner's two units are one person and one ballot.
      const c = await open('hepan', ordinary, '河畔家园使用维修资金');
      expectStatus(await paper(c, 'hepan-b3/301', '同意'), 201);
      expect((await paper(c, 'hepan-b2/301', '反对')).body.code).toBe('OSG_ERR_ALREADY_VOTED');
      // Took part: 210/290 m² (72.41 %), 1/2 persons: no quorum.
      expect(await close(c)).toMatchObject({ quorum: false, passed: false });
      const compound = await result(c);
      expect(compound).toContain('业主人数：3户专有部分，按人计 2人；已投票 2户专有部分，按人计 1人');
      expect(compound).toContain('210.00 / 290.00 ㎡');
    });
  });
}
