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
  describe(`owners' self-governance on ${backend.name}`, () => {
    let server: TestServer;
    let staff: TestClient;
    let photo: string;
    const units: Record<string, Record<string, string>> = {};

    beforeAll(async () => {
      server = await start(backend, { demoData: true, options: { checkers: { 'public-security': 'tc-gaj', housing: 'tc-zjj' }, vettingDays: 10 } });
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
          const res = await staff.post(`${api}/units`, { buildingOrgId: id, room, area, ownerName: `业主${building}${i}`, ownerPhone: `139${Object.keys(plan).indexOf(building)}000011${i}` });
          units[building]![room] = String(expectStatus(res, 201).id);
        }
      }
    }, 120_000);
    afterAll(() => server?.close());

    it('the demo roll shows owners counted per person: one buyer’s two units and the developer’s unsold units, on the roll and in the open vote', async () => {
      const roll = expectStatus(await staff.get(`${api}/units?orgId=${await orgId(server, 'hepan-b3')}`), 200).items as { room: string; owners: string; developerHeld: string; headcount: string }[];
      expect(roll.map((u) => `${u.room} ${u.owners} ${u.developerHeld} ${u.headcount}`.trim())).toEqual([
        '1单元101 吕*军  同一业主共2套，按1人计',
        '1单元102 吕*军  同一业主共2套，按1人计',
        '1单元201 张*福',
        '1单元202 孔*华',
        '1单元301 天******司 开发商未售/未交付 开发商共2套，按1人计',
        '1单元302 天******司 开发商未售/未交付 开发商共2套，按1人计',
      ]);
      // The compound's open vote: 24 units are 22 persons; 吕建军's one paper ballot covers his two units.
      const votes = expectStatus(await staff.get(`${api}/votes`), 200).items as { title: string; electorate: string; turnout: string }[];
      expect(votes.find((v) => v.title === '使用维修资金更换2栋、3栋消防水泵')).toMatchObject({ electorate: '24户专有部分，按人计 22人', turnout: '2户专有部分，按人计 1人' });
    });

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
      expect(html).toContain('4 / 6 人');
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
      expect(html).toContain('2 / 4 人');
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
      // The owner was told the vote opened (the demo compound's fund vote too).
      const inbox = expectStatus(await owner.get('/api/notifications?limit=50'), 200).items as { kind: string; title: { 'zh-CN': string } }[];
      expect(inbox.filter((n) => n.kind === 'owners-self-governance.vote-opened').map((n) => n.title['zh-CN'])).toContain('业主表决：河畔家园1栋加装电梯');
      const listed = expectStatus(await owner.get(`${api}/my/votes`), 200).items as { title: string; statusTitle: string; canVote: string }[];
      expect(listed.find((x) => x.title === '河畔家园1栋加装电梯')).toMatchObject({ statusTitle: '已投票', canVote: 'no' });
      // The roll shows owners masked.
      const roll = expectStatus(await staff.get(`${api}/units?orgId=${await orgId(server, 'hepan-b1')}`), 200).items as { room: string; owners: string }[];
      expect(roll.find((u) => u.room === '1单元502')!.owners).toBe('林*燕、蒋*');
      expect(JSON.stringify(roll)).not.toContain('林小燕');
    });

    it('a vote nobody closes is counted when its voting time is over', async () => {
      const v = String(expectStatus(await staff.post(`${api}/votes`, { scopeOrgId: await orgId(server, 'tiandao-b2'), matter: '选聘物业服务企业', title: '续聘物业', days: 1 }), 201).id);
      await ballots(v, 'tiandao-b2', [[1, '同意'], [2, '同意'], [5, '同意'], [6, '反对']]);
      server.clock.advance({ days: 1, minutes: 1 });
      await server.app.linli.jobs.runDueJobs(server.clock.now());
      const again = await server.login('secretary.yongfu');
      const row = (expectStatus(await again.get(`${api}/votes`), 200).items as { id: string; status: string; outcome: string | null }[]).find((x) => x.id === v);
      // 260/300 m² and 4/6 took part; 210/260 m² and 3/4 agree: more than half of both.
      expect(row).toMatchObject({ status: 'closed', outcome: '通过' });
      staff = again;
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

    it('links an owner on the roll to the account of someone of the compound, who then finds the unit on the portal', async () => {
      const unit = units['tiandao-b1']!['1单元101']!;
      const owners = expectStatus(await staff.get(`${api}/units/${unit}/owners`), 200).items as { id: string; name: string }[];
      expect(owners).toEqual([{ id: expect.any(String), name: '业***********0', linked: '' }]);
      const person = async (username: string) => String((await server.database.db.selectFrom('linli_people').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id);
      const stranger = await staff.post(`${api}/units/${unit}/account`, { ownerId: owners[0]!.id, personId: await person('resident.shuguang') });
      expect(stranger.body.code).toBe('OSG_ERR_NOT_RESIDENT');
      expectStatus(await staff.post(`${api}/units/${unit}/account`, { ownerId: owners[0]!.id, personId: await person('owners.tiandao') }), 201);
      const owner = await server.login('owners.tiandao');
      expect((expectStatus(await owner.get(`${api}/my/units`), 200).items as { room: string; buildingName: string }[]).map((u) => `${u.buildingName}${u.room}`)).toEqual(['天岛小区1栋1单元101']);
      const resident = await server.login('resident.hepan');
      expect((await resident.post(`${api}/units/${unit}/account`, { ownerId: owners[0]!.id, personId: await person('resident.hepan') })).status).toBe(404);
    });

    it('forms a committee: candidates vetted item by item by the departments the list names, within the time limit, the vetted list published', async () => {
      // The demo history already vetted one candidate: count only what this election adds.
      const assignedBefore = (expectStatus(await (await server.login('dept.zjj')).get('/api/notifications?limit=100'), 200).items as { kind: string }[]).filter((n) => n.kind === 'owners-self-governance.vetting-assigned').length;
      const election = String(expectStatus(await staff.post(`${api}/elections`, { compoundOrgId: await orgId(server, 'hepan'), title: '河畔家园第二届业主委员会选举', preparatoryGroup: '李秀兰（社区党委）、张伟（支部书记）、业主代表3名', seats: 5 }), 201).id);
      const owners = expectStatus(await staff.get(`${api}/elections/${election}/owners`), 200).items as { id: string; unit: string; name: string }[];
      expect(owners.find((o) => o.unit === '河畔家园1栋1单元301')!.name).toBe('黄*芬');
      const pick = (unit: string) => owners.find((o) => o.unit === unit)!.id;
      const huang = String(expectStatus(await staff.post(`${api}/elections/${election}/candidates`, { ownerId: pick('河畔家园1栋1单元301'), nomination: '本人自荐' }), 201).id);
      const zhou = String(expectStatus(await staff.post(`${api}/elections/${election}/candidates`, { ownerId: pick('河畔家园1栋1单元102'), nomination: '业主联名推荐' }), 201).id);
      expect((await staff.post(`${api}/elections/${election}/candidates`, { ownerId: pick('河畔家园1栋1单元102'), nomination: '筹备组推荐' })).body.code).toBe('OSG_ERR_ALREADY_NOMINATED');

      // Each checker sees only its own items: housing gets the housing items of both candidates.
      const housing = await server.login('dept.zjj');
      const mine = expectStatus(await housing.get(`${api}/checks`), 200).items as { id: string; candidate: string; item: string }[];
      expect(mine.length).toBe(2 * 4);
      expect(new Set(mine.map((c) => c.candidate))).toEqual(new Set(['黄*芬（河畔家园1栋）', '周*华（河畔家园1栋）']));
      const cgj = await server.login('dept.cgj');
      expect(expectStatus(await cgj.get(`${api}/checks`), 200).items).toEqual([]);
      expect((await cgj.post(`${api}/checks/${mine[0]!.id}`, { checkId: mine[0]!.id, result: '通过' })).status).toBe(404);

      // The time limit: overdue items show as such.
      server.clock.advance({ days: 11 });
      const staffLater = await server.login('secretary.yongfu');
      const late = expectStatus(await staffLater.get(`${api}/elections/${election}/candidates`), 200).items as { id: string; overdue: string; pending: number }[];
      expect(late.every((c) => c.overdue === '逾期' && c.pending === 18)).toBe(true);

      // A failed item needs its reason.
      const arrears = mine.find((c) => c.candidate.startsWith('周') && c.item.includes('欠缴'))!;
      const housingLater = await server.login('dept.zjj');
      expect((await housingLater.post(`${api}/checks/${arrears.id}`, { checkId: arrears.id, result: '不通过' })).body.code).toBe('OSG_ERR_REASON_REQUIRED');
      expectStatus(await housingLater.post(`${api}/checks/${arrears.id}`, { checkId: arrears.id, result: '不通过', reason: '2025年起欠缴物业费18个月，经催缴未缴。' }), 201);
      for (const c of mine.filter((x) => x.id !== arrears.id)) expectStatus(await housingLater.post(`${api}/checks/${c.id}`, { checkId: c.id, result: '通过' }), 201);
      expect((await staffLater.post(`${api}/elections/${election}/publish`, { confirm: true })).body.code).toBe('OSG_ERR_VETTING_OPEN');

      // Checkers were told of their items; the day-before reminder goes only to those who still have some.
      await server.app.linli.jobs.runDueJobs(server.clock.now());
      const kinds = async (c: TestClient) => (expectStatus(await c.get('/api/notifications?limit=100'), 200).items as { kind: string }[]).map((n) => n.kind);
      const housingKinds = await kinds(housingLater);
      expect(housingKinds.filter((k) => k === 'owners-self-governance.vetting-assigned')).toHaveLength(assignedBefore + 2);
      expect(housingKinds).not.toContain('owners-self-governance.vetting-due');
      expect(await kinds(staffLater)).toContain('owners-self-governance.vetting-due');

      // Public security (the city admin holds a role over it in the example) and the community answer the rest.
      const admin = await server.login('admin');
      for (const who of [admin, staffLater]) {
        for (const c of expectStatus(await who.get(`${api}/checks`), 200).items as { id: string }[]) expectStatus(await who.post(`${api}/checks/${c.id}`, { checkId: c.id, result: '通过' }), 201);
      }
      const detail = expectStatus(await staffLater.get(`${api}/candidates/${zhou}/checks`), 200).items as { result: string; reason: string | null; checker: string }[];
      expect(detail.filter((d) => d.result === '不通过')).toEqual([expect.objectContaining({ reason: '2025年起欠缴物业费18个月，经催缴未缴。', checker: '天长市住房和城乡建设局' })]);
      expectStatus(await staffLater.post(`${api}/elections/${election}/publish`, { confirm: true }), 201);

      // Published: only the candidate who passed, by name and building.
      const board = await server.anonymous().get(`/api/public/plugins/owners-self-governance/candidates?orgId=${await orgId(server, 'yongfu')}`);
      expect(board.status).toBe(200);
      // (The demo history's own election is on the board too.)
      const listed = (board.body.items as Record<string, string>[]).filter((c) => c.election === '河畔家园第二届业主委员会选举');
      expect(listed.map((c) => c.building)).toEqual(['河畔家园1栋']);
      expect(Object.keys(listed[0]!).sort()).toEqual(['building', 'compound', 'election', 'name', 'publishedAt']);
      expect(JSON.stringify(listed)).not.toContain('周建华');
      void huang;
    });
  });
}
