import { testBackends, type TestClient, type TestServer } from '@linli/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, expectStatus, orgId, start, uploadPhoto } from './test-support.js';

/**
 * The Art. 278 edges, stored: units registered through the roll, votes set up
 * for one building, ballots recorded on paper (with the photo) or cast online,
 * the count made by the server from the database. Each building's areas are
 * chosen so one vote hits one edge; hand counts in the comments.
 */
for (const backend of testBackends()) {
  describe(`owners' votes on ${backend.name}`, () => {
    let server: TestServer;
    let staff: TestClient;
    let photo: string;
    const units: Record<string, Record<string, string>> = {};

    beforeAll(async () => {
      server = await start(backend, { demoData: true });
      staff = await server.login('secretary.yongfu');
      photo = await uploadPhoto(staff);
      // tiandao-b1: 50, 50, 50, 49, 50, 51 = 300 m², 6 units.
      // tiandao-b2: 80, 80, 20, 20, 50, 50 = 300 m².
      // tiandao-b3: 50.01, 25, 25, 49.99, 50, 100 = 300 m².
      const plan: Record<string, string[]> = {
        'tiandao-b1': ['50', '50', '50', '49', '50', '51'],
        'tiandao-b2': ['80', '80', '20', '20', '50', '50'],
        'tiandao-b3': ['50.01', '25', '25', '49.99', '50', '100'],
      };
      for (const [building, areas] of Object.entries(plan)) {
        const id = await orgId(server, building);
        units[building] = {};
        for (const [i, area] of areas.entries()) {
          const room = `1单元${i + 1}01`;
          const res = await staff.post(`${api}/units`, { buildingOrgId: id, room, area, ownerName: `业主${building}${i}`, ownerPhone: '13900001111' });
          units[building]![room] = String(expectStatus(res, 201).id);
        }
      }
    }, 120_000);
    afterAll(() => server?.close());

    const open = async (building: string, matter: string, title: string) => String(expectStatus(await staff.post(`${api}/votes`, { scopeOrgId: await orgId(server, building), matter, title }), 201).id);
    const paper = (vote: string, building: string, n: number, choice: string) => staff.post(`${api}/votes/${vote}/paper`, { unitId: units[building]![`1单元${n}01`], choice, photos: [photo] });
    const ballots = async (vote: string, building: string, list: [number, string][]) => {
      for (const [n, choice] of list) expectStatus(await paper(vote, building, n, choice), 201);
    };
    const close = async (vote: string) => expectStatus(await staff.post(`${api}/votes/${vote}/close`, { confirm: true }), 200);
    const special = '既有住宅加装电梯';
    const ordinary = '使用建筑物及其附属设施的维修资金';

    it('participation of exactly two-thirds of area and owners is enough (200/300 m², 4/6)', async () => {
      const v = await open('tiandao-b1', special, '1栋加装电梯');
      await ballots(v, 'tiandao-b1', [[1, '同意'], [2, '同意'], [3, '同意'], [5, '同意']]);
      expect(await close(v)).toMatchObject({ passed: true, quorum: true, outcome: '通过' });
      const html = (await staff.get(`${api}/votes/${v}/result`)).body as string;
      expect(html).toContain('200.00 / 300.00 ㎡');
      expect(html).toContain('4 / 6 户');
      // The audit lists the units that voted, never how.
      expect(html).toContain('1单元501');
      expect(html).not.toContain('1单元401</td>');
    });

    it('one square metre under two-thirds is no decision (199/300 m²)', async () => {
      const v = await open('tiandao-b1', special, '1栋加装电梯（第二次）');
      await ballots(v, 'tiandao-b1', [[1, '同意'], [2, '同意'], [3, '同意'], [4, '同意']]);
      expect(await close(v)).toMatchObject({ passed: false, quorum: false });
    });

    it('a tie at one-half fails an ordinary matter (100/200 m², 2/4)', async () => {
      const v = await open('tiandao-b1', ordinary, '使用维修资金维修屋面');
      await ballots(v, 'tiandao-b1', [[1, '同意'], [2, '同意'], [3, '反对'], [5, '弃权']]);
      expect(await close(v)).toMatchObject({ passed: false, quorum: true });
    });

    it('a three-quarters matter passing by area (160/200) but failing by headcount (2/4) fails', async () => {
      const v = await open('tiandao-b2', special, '2栋加装电梯');
      await ballots(v, 'tiandao-b2', [[1, '同意'], [2, '同意'], [3, '反对'], [4, '反对']]);
      expect(await close(v)).toMatchObject({ passed: false, quorum: true });
      const html = (await staff.get(`${api}/votes/${v}/result`)).body as string;
      expect(html).toContain('160.00 / 200.00 ㎡');
      expect(html).toContain('2 / 4 户');
    });

    it('using the fund at just over one-half passes (100.01/200.00 m², 3/5)', async () => {
      const v = await open('tiandao-b3', ordinary, '使用维修资金更换水泵');
      await ballots(v, 'tiandao-b3', [[1, '同意'], [2, '同意'], [3, '同意'], [4, '反对'], [5, '反对']]);
      expect(await close(v)).toMatchObject({ passed: true, quorum: true });
      const html = (await staff.get(`${api}/votes/${v}/result`)).body as string;
      expect(html).toContain('100.01 / 200.00 ㎡');
      // Published on the public board, with the arithmetic and no names.
      const board = await server.anonymous().get(`/api/public/plugins/owners-self-governance/decisions?orgId=${await orgId(server, 'tiandao')}`);
      const item = (board.body.items as { title: string; outcome: string; agreement: string }[]).find((i) => i.title === '使用维修资金更换水泵');
      expect(item).toMatchObject({ outcome: '通过' });
      expect(item!.agreement).toContain('100.01/200.00');
      expect(JSON.stringify(board.body)).not.toContain('业主tiandao');
    });

    it('one vote per unit; a paper ballot needs its photo; a closed vote takes no more', async () => {
      const v = await open('tiandao-b3', ordinary, '选聘物业');
      expectStatus(await paper(v, 'tiandao-b3', 1, '同意'), 201);
      expect((await paper(v, 'tiandao-b3', 1, '反对')).body.code).toBe('OSG_ERR_ALREADY_VOTED');
      const noPhoto = await staff.post(`${api}/votes/${v}/paper`, { unitId: units['tiandao-b3']!['1单元201'], choice: '同意', photos: ['999999'] });
      expect(noPhoto.status).toBe(422);
      expect(noPhoto.body.code).toBe('OSG_ERR_PHOTO_REQUIRED');
      // A unit of another building is not in this building's vote.
      expect((await paper(v, 'tiandao-b1', 2, '同意')).body.code).toBe('OSG_ERR_NOT_ELIGIBLE');
      await close(v);
      expect((await paper(v, 'tiandao-b3', 2, '同意')).body.code).toBe('OSG_ERR_VOTE_CLOSED');
    });

    it('owners vote online once, with confirmation, for their own unit only; names stay masked', async () => {
      const v = await open('hepan-b1', special, '河畔家园1栋加装电梯');
      const owner = await server.login('resident.hepan');
      const mine = expectStatus(await owner.get(`${api}/my/units?vote=${v}`), 200).items as { id: string; room: string }[];
      expect(mine.map((u) => u.room)).toEqual(['1单元502']);
      const unconfirmed = await owner.post(`${api}/votes/${v}/ballot`, { unitId: mine[0]!.id, choice: '同意', confirm: false });
      expect(unconfirmed.body.code).toBe('OSG_ERR_NOT_CONFIRMED');
      expectStatus(await owner.post(`${api}/votes/${v}/ballot`, { unitId: mine[0]!.id, choice: '同意', confirm: true }), 201);
      expect((await owner.post(`${api}/votes/${v}/ballot`, { unitId: mine[0]!.id, choice: '反对', confirm: true })).body.code).toBe('OSG_ERR_ALREADY_VOTED');
      // Someone else's unit in the same building.
      const other = await server.login('owners.hepan');
      expect((await other.post(`${api}/votes/${v}/ballot`, { unitId: mine[0]!.id, choice: '反对', confirm: true })).body.code).toBe('OSG_ERR_NOT_OWNER');
      // A resident of another compound does not see the vote at all.
      const stranger = await server.login('resident.shuguang');
      expect((await stranger.post(`${api}/votes/${v}/ballot`, { unitId: mine[0]!.id, choice: '反对', confirm: true })).status).toBe(404);
      expect(expectStatus(await stranger.get(`${api}/my/votes`), 200).items).toEqual([]);
      const listed = expectStatus(await owner.get(`${api}/my/votes`), 200).items as { title: string; statusTitle: string; canVote: string }[];
      expect(listed.find((x) => x.title === '河畔家园1栋加装电梯')).toMatchObject({ statusTitle: '已投票', canVote: 'no' });
      // The roll shows owners masked.
      const roll = expectStatus(await staff.get(`${api}/units?orgId=${await orgId(server, 'hepan-b1')}`), 200).items as { room: string; owners: string }[];
      expect(roll.find((u) => u.room === '1单元502')!.owners).toBe('林*燕、蒋*');
      expect(JSON.stringify(roll)).not.toContain('林小燕');
    });

    it('only community or street staff set up votes, and only for a compound or building', async () => {
      const owner = await server.login('resident.hepan');
      const res = await owner.post(`${api}/votes`, { scopeOrgId: await orgId(server, 'hepan-b1'), matter: special, title: '加装电梯' });
      expect([403, 404]).toContain(res.status);
      const community = await staff.post(`${api}/votes`, { scopeOrgId: await orgId(server, 'yongfu'), matter: special, title: '加装电梯' });
      expect(community.body.code).toBe('OSG_ERR_BAD_SCOPE');
      const empty = await staff.post(`${api}/votes`, { scopeOrgId: await orgId(server, 'jinxiu-b1'), matter: special, title: '加装电梯' });
      expect(empty.body.code).toBe('OSG_ERR_NO_UNITS');
    });
  });
}
