import { testBackends, type TestClient, type TestServer } from '@linli/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { committeeOf } from './committee.js';
import { api, expectStatus, orgId, start, uploadPhoto } from './test-support.js';

interface Member {
  id: string;
  compoundName: string;
  name: string;
  building: string;
  role: string;
  termStart: string;
  termEnd: string;
  termState: string;
  termTitle: string;
}

/**
 * The sitting committee, through HTTP: an election of 天岛小区 (three owners
 * vetted by the community, the list published), the vote opened for it, ballots,
 * the count; the committee seated with its term; roles; the term's end.
 */
for (const backend of testBackends()) {
  describe(`owners' committee seated from its election on ${backend.name}`, () => {
    let server: TestServer;
    let staff: TestClient;
    let photo: string;
    let election: string;
    let vote: string;
    let compoundPath: string;

    beforeAll(async () => {
      // No checkers mapped: the community (the secretary) checks every item.
      server = await start(backend, { options: { committeeTermYears: 3 } });
      staff = await server.login('secretary.yongfu');
      photo = await uploadPhoto(staff);
      const b1 = await orgId(server, 'tiandao-b1');
      for (const [i, name] of ['赵一', '钱二', '孙三', '李四', '周五', '吴六'].entries()) {
        expectStatus(await staff.post(`${api}/units`, { buildingOrgId: b1, room: `1单元${i + 1}01`, area: '80', ownerName: name, ownerPhone: `1390000111${i}` }), 201);
      }
      compoundPath = (await server.database.db.selectFrom('linli_orgs').select('path').where('key', '=', 'tiandao').executeTakeFirstOrThrow()).path;
      election = String(expectStatus(await staff.post(`${api}/elections`, { compoundOrgId: await orgId(server, 'tiandao'), title: '天岛小区首届业主委员会选举', preparatoryGroup: '社区党委、居委会、业主代表', seats: 3 }), 201).id);
    }, 120_000);
    afterAll(() => server?.close());

    const members = async (client = staff) => (expectStatus(await client.get(`${api}/committee-members`), 200).items as Member[]).filter((m) => m.compoundName === '天岛小区');

    it('opens no vote before the vetted list is published, nor for anyone but community or street staff', async () => {
      expect((await staff.post(`${api}/election-votes`, { electionId: election })).body.code).toBe('OSG_ERR_NOT_PUBLISHED');
      const owners = expectStatus(await staff.get(`${api}/elections/${election}/owners`), 200).items as { id: string }[];
      for (const o of owners.slice(0, 4)) expectStatus(await staff.post(`${api}/elections/${election}/candidates`, { ownerId: o.id, nomination: '本人自荐' }), 201);
      // The fourth candidate fails one item: three pass, for three seats.
      const checks = expectStatus(await staff.get(`${api}/checks`), 200).items as { id: string; candidate: string }[];
      const fourth = checks.filter((c) => c.candidate.startsWith('李'));
      for (const c of checks) expectStatus(await staff.post(`${api}/checks/${c.id}`, { checkId: c.id, result: c === fourth[0] ? '不通过' : '通过', ...(c === fourth[0] ? { reason: '有拖欠物业费记录' } : {}) }), 201);
      expectStatus(await staff.post(`${api}/elections/${election}/publish`, { confirm: true }), 201);
      // Only community or street staff open it; a resident gets nothing.
      expect([403, 404]).toContain((await (await server.login('resident.hepan')).post(`${api}/election-votes`, { electionId: election })).status);
    });

    it('decides the vetted list by Art. 278 and seats it when the vote closes, with the term from the options', async () => {
      vote = String(expectStatus(await staff.post(`${api}/election-votes`, { electionId: election }), 201).id);
      expect((await staff.post(`${api}/election-votes`, { electionId: election })).body.code).toBe('OSG_ERR_ELECTION_VOTED');
      const listed = (expectStatus(await staff.get(`${api}/votes`), 200).items as { id: string; matterTitle: string; title: string }[]).find((v) => v.id === vote)!;
      expect(listed).toMatchObject({ matterTitle: '选举业主委员会', title: '天岛小区首届业主委员会选举' });
      expect(await members()).toEqual([]);
      // The ballot lists the candidates owners tick (those who passed vetting, by name and building).
      const candidates = expectStatus(await staff.get(`${api}/votes/${vote}/candidates`), 200).items as { id: string; name: string; building: string }[];
      expect(candidates.map((c) => `${c.name}（${c.building}）`)).toEqual(['赵一（天岛小区1栋）', '钱二（天岛小区1栋）', '孙三（天岛小区1栋）']);
      const page = (await staff.get(`${api}/votes/${vote}/result`)).body as string;
      expect(page).toContain('逐个候选人计票（应选 3 名，差额选举）');
      expect(page).toContain('赵一</span><br>（天岛小区1栋）');
      expect(page).not.toContain('李四');
      // 5 of 6 units take part (≥ 2/3); 4 tick all three (> 1/2 of area and owners), one ticks nobody.
      const pending = expectStatus(await staff.get(`${api}/votes/${vote}/pending`), 200).items as { id: string }[];
      for (const [i, u] of pending.slice(0, 5).entries()) expectStatus(await staff.post(`${api}/votes/${vote}/candidate-paper`, { unitId: u.id, candidateIds: i === 4 ? [] : candidates.map((c) => c.id), photos: [photo] }), 201);
      expect(expectStatus(await staff.post(`${api}/votes/${vote}/close`, { confirm: true }), 200)).toMatchObject({ passed: true });

      const seated = await members();
      const now = server.clock.now();
      expect(seated.map((m) => [m.name, m.building, m.role]).sort()).toEqual([['孙三', '天岛小区1栋', '委员'], ['赵一', '天岛小区1栋', '委员'], ['钱二', '天岛小区1栋', '委员']].sort());
      expect(new Date(seated[0]!.termStart).getTime()).toBe(now.getTime());
      expect(seated[0]!.termEnd).toBe(new Date(Date.UTC(now.getUTCFullYear() + 3, now.getUTCMonth(), now.getUTCDate(), now.getUTCHours(), now.getUTCMinutes(), now.getUTCSeconds(), now.getUTCMilliseconds())).toISOString());
      expect(seated[0]).toMatchObject({ termState: 'sitting', termTitle: '在任' });
      const read = await committeeOf(server.database.db, compoundPath, now);
      expect(read).toMatchObject({ sitting: true, members: expect.arrayContaining([expect.objectContaining({ name: '赵一', building: '天岛小区1栋', role: '委员' })]) });
      expect(read!.members).toHaveLength(3);
      expect(JSON.stringify(read)).not.toContain('1390000');
    });

    it('records the roles of the first meeting, one chair; the public board shows the committee without phones', async () => {
      const [a, b] = await members();
      expectStatus(await staff.post(`${api}/committee-members/${a!.id}/role`, { memberId: a!.id, role: '主任' }), 201);
      expect((await staff.post(`${api}/committee-members/${b!.id}/role`, { memberId: b!.id, role: '主任' })).body.code).toBe('OSG_ERR_CHAIR_TAKEN');
      expectStatus(await staff.post(`${api}/committee-members/${b!.id}/role`, { memberId: b!.id, role: '副主任' }), 201);
      expect((await members()).map((m) => m.role)).toEqual(['主任', '副主任', '委员']);
      expect([403, 404]).toContain((await (await server.login('resident.hepan')).post(`${api}/committee-members/${a!.id}/role`, { memberId: a!.id, role: '委员' })).status);
      const board = await server.anonymous().get(`/api/public/plugins/owners-self-governance/committee?orgId=${await orgId(server, 'yongfu')}`);
      const items = board.body.items as Record<string, string>[];
      expect(items.map((i) => [i.name, i.role, i.building, i.compound])).toEqual([[a!.name, '主任', '天岛小区1栋', '天岛小区'], [b!.name, '副主任', '天岛小区1栋', '天岛小区'], [expect.any(String), '委员', '天岛小区1栋', '天岛小区']]);
      expect(JSON.stringify(board.body)).not.toContain('1390000');
    });

    it('warns within 90 days of the term’s end; an ended term is 任期届满 and no committee sits', async () => {
      const end = new Date((await members())[0]!.termEnd);
      server.clock.set(new Date(end.getTime() - 89 * 86_400_000).toISOString());
      staff = await server.login('secretary.yongfu');
      expect((await members())[0]).toMatchObject({ termState: 'ending', termTitle: '任期将满（剩89天）' });
      server.clock.set(new Date(end.getTime() - 91 * 86_400_000).toISOString());
      staff = await server.login('secretary.yongfu');
      expect((await members())[0]).toMatchObject({ termState: 'sitting' });
      server.clock.set(end.toISOString());
      staff = await server.login('secretary.yongfu');
      expect((await members())[0]).toMatchObject({ termState: 'ended', termTitle: '任期届满' });
      expect((await committeeOf(server.database.db, compoundPath, server.clock.now()))?.sitting).toBe(false);
      const board = await server.anonymous().get(`/api/public/plugins/owners-self-governance/committee?orgId=${await orgId(server, 'yongfu')}`);
      expect(board.body.items).toEqual([]);
    });
    it('seats the next committee when the closing job counts a vote nobody closed by hand; it replaces the ended one', async () => {
      const next = String(expectStatus(await staff.post(`${api}/elections`, { compoundOrgId: await orgId(server, 'tiandao'), title: '天岛小区第二届业主委员会换届', preparatoryGroup: '社区党委、居委会、业主代表', seats: 3 }), 201).id);
      const owners = expectStatus(await staff.get(`${api}/elections/${next}/owners`), 200).items as { id: string; unit: string }[];
      for (const o of owners.filter((x) => /1单元[56]01/.test(x.unit))) expectStatus(await staff.post(`${api}/elections/${next}/candidates`, { ownerId: o.id, nomination: '本人自荐' }), 201);
      for (const c of expectStatus(await staff.get(`${api}/checks`), 200).items as { id: string }[]) expectStatus(await staff.post(`${api}/checks/${c.id}`, { checkId: c.id, result: '通过' }), 201);
      expectStatus(await staff.post(`${api}/elections/${next}/publish`, { confirm: true }), 201);
      const v = String(expectStatus(await staff.post(`${api}/election-votes`, { electionId: next, days: 10 }), 201).id);
      const ticks = (expectStatus(await staff.get(`${api}/votes/${v}/candidates`), 200).items as { id: string }[]).map((c) => c.id);
      for (const u of (expectStatus(await staff.get(`${api}/votes/${v}/pending`), 200).items as { id: string }[]).slice(0, 4)) expectStatus(await staff.post(`${api}/votes/${v}/candidate-paper`, { unitId: u.id, candidateIds: ticks, photos: [photo] }), 201);
      await server.app.linli.jobs.runDueJobs(new Date(server.clock.now().getTime() + 10 * 86_400_000 + 60_000));
      const seated = await members();
      expect(seated.map((m) => [m.name, m.role, m.termState]).sort()).toEqual([['周五', '委员', 'sitting'], ['吴六', '委员', 'sitting']].sort());
      expect((await committeeOf(server.database.db, compoundPath, server.clock.now()))?.members.map((m) => m.name).sort()).toEqual(['吴六', '周五'].sort());
    });
  });
}
