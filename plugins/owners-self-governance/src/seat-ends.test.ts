import { testBackends, type TestClient, type TestServer } from '@linli/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { committeeOf } from './committee.js';
import { endSeatsOfOwnersRemovedBefore } from './migrations/0008-seat-ends.js';
import { typed } from './store/tables.js';
import { api, expectStatus, orgId, start, uploadPhoto } from './test-support.js';

interface Member {
  id: string;
  compoundName: string;
  name: string;
  role: string;
  seat: string;
  seatTitle: string;
  ended: string;
  staffing: string;
  staffingState: string;
}

/**
 * 《业主大会和业主委员会指导规则》第三十七条: a member who is no longer an owner
 * (因物业转让、灭失等原因不再是业主的) loses the seat by itself. Taking an owner off
 * the roll ends their seat, in the same transaction, when the person holds no
 * other current record in the compound; a candidate of an election not yet
 * decided stops standing, ballots already cast kept. The removal form says so
 * beforehand, the answer after; the committee's pages drop the member, staff
 * keep the ended seat with its reason and see how many still sit.
 *
 * 天岛小区1栋: 赵一明 owns 101 and 701 (one phone: one person), 钱二强 201 and 801,
 * 孙三丽 301, 李四海 401, 周五洲 501, 吴六平 601, each with a co-owner so no unit
 * is left without one. The committee (3 seats): 赵一明, 钱二强, 孙三丽 (主任).
 */
for (const backend of testBackends()) {
  describe(`a seat ends when its member is no longer an owner, on ${backend.name}`, () => {
    let server: TestServer;
    let staff: TestClient;
    let photo: string;
    const unit: Record<string, string> = {};
    const rooms = ['101', '201', '301', '401', '501', '601', '701', '801'];
    const owners: Record<string, [string, string]> = { '101': ['赵一明', '13900004101'], '701': ['赵一明', '13900004101'], '201': ['钱二强', '13900004201'], '801': ['钱二强', '13900004201'], '301': ['孙三丽', '13900004301'], '401': ['李四海', '13900004401'], '501': ['周五洲', '13900004501'], '601': ['吴六平', '13900004601'] };

    const records = async (room: string) => expectStatus(await staff.get(`${api}/units/${unit[room]}/owner-records`), 200).items as { id: string; name: string; status: string }[];
    const ownerOn = async (room: string) => (await records(room)).find((r) => r.name === `${owners[room]![0][0]}*${owners[room]![0].at(-1)}` && r.status === 'current')!;
    const detail = async (room: string) => expectStatus(await staff.get(`${api}/units/${unit[room]}/owners/${(await ownerOn(room)).id}`), 200) as { committee: string; name: string };
    const remove = async (room: string, client: TestClient = staff) => client.post(`${api}/units/${unit[room]}/owners/${(await ownerOn(room)).id}/removal`, { reason: '房屋已出售，已过户', confirm: true });
    const members = async () => (expectStatus(await staff.get(`${api}/committee-members`), 200).items as Member[]).filter((m) => m.compoundName === '天岛小区');
    const board = async () => (await server.anonymous().get(`/api/public/plugins/owners-self-governance/committee?orgId=${await orgId(server, 'yongfu')}`)).body.items as { name: string; role: string }[];
    const compoundPath = async () => (await server.database.db.selectFrom('linli_orgs').select('path').where('key', '=', 'tiandao').executeTakeFirstOrThrow()).path;
    const elect = async (title: string, names: string[], opts: { close: boolean }) => {
      const election = String(expectStatus(await staff.post(`${api}/elections`, { compoundOrgId: await orgId(server, 'tiandao'), title, preparatoryGroup: '社区党委、居委会、业主代表', seats: 3 }), 201).id);
      const roll = expectStatus(await staff.get(`${api}/elections/${election}/owners`), 200).items as { id: string; unit: string; name: string }[];
      for (const n of names) {
        const o = roll.find((r) => r.name === `${n[0]}*${n.at(-1)}`)!;
        expectStatus(await staff.post(`${api}/elections/${election}/candidates`, { ownerId: o.id, nomination: '本人自荐' }), 201);
      }
      for (const c of expectStatus(await staff.get(`${api}/checks`), 200).items as { id: string }[]) expectStatus(await staff.post(`${api}/checks/${c.id}`, { checkId: c.id, result: '通过' }), 201);
      expectStatus(await staff.post(`${api}/elections/${election}/publish`, { confirm: true }), 201);
      const vote = String(expectStatus(await staff.post(`${api}/election-votes`, { electionId: election }), 201).id);
      const ticks = (expectStatus(await staff.get(`${api}/votes/${vote}/candidates`), 200).items as { id: string; name: string }[]);
      if (opts.close) {
        for (const u of (expectStatus(await staff.get(`${api}/votes/${vote}/pending`), 200).items as { id: string }[]).slice(0, 6)) expectStatus(await staff.post(`${api}/votes/${vote}/candidate-paper`, { unitId: u.id, candidateIds: ticks.map((t) => t.id), photos: [photo] }), 201);
        expectStatus(await staff.post(`${api}/votes/${vote}/close`, { confirm: true }), 200);
      }
      return { election, vote, ticks };
    };

    beforeAll(async () => {
      server = await start(backend);
      staff = await server.login('secretary.yongfu');
      photo = await uploadPhoto(staff);
      const b1 = await orgId(server, 'tiandao-b1');
      for (const room of rooms) {
        const [name, phone] = owners[room]!;
        unit[room] = String(expectStatus(await staff.post(`${api}/units`, { buildingOrgId: b1, room: `1单元${room}`, area: '80', ownerName: name, ownerPhone: phone }), 201).id);
        // A co-owner (the spouse), so that removing the owner never leaves the unit without one.
        expectStatus(await staff.post(`${api}/units/${unit[room]}/owners`, { ownerName: `配偶${room}`, ownerPhone: `1370000${room.padStart(4, '0')}` }), 201);
      }
      await elect('天岛小区首届业主委员会选举', ['赵一明', '钱二强', '孙三丽'], { close: true });
      const chair = (await members()).find((m) => m.name === '孙三丽')!;
      expectStatus(await staff.post(`${api}/committee-members/${chair.id}/role`, { memberId: chair.id, role: '主任' }), 201);
    }, 180_000);
    afterAll(() => server?.close());

    it('tells the secretary beforehand that the owner sits on the committee and that the seat will end', async () => {
      expect((await detail('301')).committee).toBe('天岛小区业主委员会主任：移除后此人不再是本小区业主，委员资格自行终止（指导规则第三十七条）');
      // An owner of two units keeps the seat when one is sold.
      expect((await detail('101')).committee).toBe('天岛小区业主委员会委员：此人在本小区另有房屋（天岛小区1栋1单元701），仍是业主，委员资格不变');
      // Nothing for an owner who sits nowhere.
      expect((await detail('401')).committee).toBe('');
      expect((await members()).map((m) => m.staffing)).toEqual(['在任3名（应选3名）', '在任3名（应选3名）', '在任3名（应选3名）']);
    });

    it('ends the chair’s seat in the removal’s transaction: the answer says so, the row stays with who, when and why', async () => {
      const ownerId = (await ownerOn('301')).id;
      const done = expectStatus(await remove('301'), 201);
      expect(done).toEqual({ id: ownerId, ended: ['天岛小区业主委员会主任：已不再是本小区业主，委员资格自行终止'], notice: '天岛小区业主委员会主任：已不再是本小区业主，委员资格自行终止' });
      const row = (await server.database.db.selectFrom('owners_self_governance_committee_members' as never).selectAll().where('owner_id' as never, '=', Number(ownerId) as never).executeTakeFirstOrThrow()) as { role: string; ended_at: Date; ended_by: number; end_reason: string; ended_by_removal_of: number };
      const secretary = (await server.database.db.selectFrom('linli_people').select('id').where('username', '=', 'secretary.yongfu').executeTakeFirstOrThrow()).id;
      expect(row).toMatchObject({ role: '主任', ended_by: secretary, end_reason: '不再是本小区业主（物业转让等），委员资格自行终止', ended_by_removal_of: Number(ownerId) });
      expect(new Date(row.ended_at).getTime()).toBe(server.clock.now().getTime());

      // Staff: the sitting two first, then the ended seat, masked, with the reason; too few sit now.
      const list = await members();
      expect(list.map((m) => [m.name, m.seatTitle])).toEqual([['赵一明', '在任'], ['钱二强', '在任'], ['孙*丽', '资格终止']]);
      const ended = list.find((m) => m.seat === 'ended')!;
      expect(ended).toMatchObject({ role: '主任', ended: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}.* 不再是本小区业主（物业转让等），委员资格自行终止$/) });
      expect(list.every((m) => m.staffing === '在任2名，少于最低人数3名（应选3名）：应及时补足委员' && m.staffingState === 'short')).toBe(true);
      // The public board and other plugins (committeeOf) no longer list her.
      expect((await board()).map((m) => m.name).sort()).toEqual(['赵一明', '钱二强'].sort());
      const read = await committeeOf(server.database.db, await compoundPath(), server.clock.now());
      expect(read!.members.map((m) => m.name).sort()).toEqual(['赵一明', '钱二强'].sort());
      expect(JSON.stringify(await board())).not.toContain('孙');

      // Migration 0008 records the same, as of the removal, for an owner removed before it.
      const db = typed(server.database.db);
      await db.updateTable('owners_self_governance_committee_members').set({ ended_at: null, ended_by: null, end_reason: null, ended_by_removal_of: null }).where('owner_id', '=', Number(ownerId)).execute();
      expect((await members()).filter((m) => m.seat === 'ended')).toEqual([]);
      await endSeatsOfOwnersRemovedBefore(server.database.db);
      const again = await db.selectFrom('owners_self_governance_committee_members').selectAll().where('owner_id', '=', Number(ownerId)).executeTakeFirstOrThrow();
      const removed = await db.selectFrom('owners_self_governance_owners').select(['removed_at', 'removed_by']).where('id', '=', Number(ownerId)).executeTakeFirstOrThrow();
      expect(again).toMatchObject({ ended_by: removed.removed_by, end_reason: '不再是本小区业主（物业转让等），委员资格自行终止', ended_by_removal_of: Number(ownerId) });
      expect(new Date(again.ended_at!).getTime()).toBe(new Date(removed.removed_at!).getTime());
      // Those still owners are left alone.
      expect((await members()).filter((m) => m.seat === 'sitting').map((m) => m.name)).toEqual(['赵一明', '钱二强']);
    });

    it('keeps the ended seat’s role as history, refuses to change it, and lets the community record the next chair', async () => {
      const list = await members();
      const ended = list.find((m) => m.seat === 'ended')!;
      const zh = await staff.request('POST', `${api}/committee-members/${ended.id}/role`, { memberId: ended.id, role: '委员' }, { 'accept-language': 'zh-CN' });
      expect(zh.status).toBe(409);
      expect(zh.body).toMatchObject({ code: 'OSG_ERR_SEAT_ENDED', message: '该委员已不再是本小区业主，委员资格已终止，只能为在任委员设定职务。' });
      const en = await staff.request('POST', `${api}/committee-members/${ended.id}/role`, { memberId: ended.id, role: '委员' }, { 'accept-language': 'en' });
      expect(en.body.message).toBe('This member’s seat has ended (no longer an owner of the compound): roles are set for sitting members only.');
      // One chair among the sitting members: the chair's post is free again.
      const next = list.find((m) => m.name === '钱二强')!;
      expectStatus(await staff.post(`${api}/committee-members/${next.id}/role`, { memberId: next.id, role: '主任' }), 201);
      expect((await members()).filter((m) => m.role === '主任').map((m) => [m.name, m.seat])).toEqual([['钱二强', 'sitting'], ['孙*丽', 'ended']]);
    });

    it('an owner of another unit keeps the seat; the seat ends once their last unit in the compound is removed', async () => {
      expect(expectStatus(await remove('101'), 201).ended).toEqual(['天岛小区业主委员会委员：此人在本小区另有房屋（天岛小区1栋1单元701），仍是业主，委员资格不变']);
      expect((await members()).find((m) => m.name === '赵一明')).toMatchObject({ seat: 'sitting' });
      expect((await detail('701')).committee).toBe('天岛小区业主委员会委员：移除后此人不再是本小区业主，委员资格自行终止（指导规则第三十七条）');
      expect(expectStatus(await remove('701'), 201).ended).toEqual(['天岛小区业主委员会委员：已不再是本小区业主，委员资格自行终止']);
      const list = await members();
      expect(list.filter((m) => m.seat === 'sitting').map((m) => m.name)).toEqual(['钱二强']);
      expect(list.find((m) => m.name === '赵*明')).toMatchObject({ seat: 'ended', seatTitle: '资格终止' });
      expect(list[0]!.staffing).toBe('在任1名，少于最低人数3名（应选3名）：应及时补足委员；不足总数一半，应召开业主大会临时会议重新选举');
      // The board reuses an answer for a minute.
      server.clock.advance({ minutes: 2 });
      staff = await server.login('secretary.yongfu');
      expect((await board()).map((m) => m.name)).toEqual(['钱二强']);
    });

    it('only conveners remove; the seat stays when the removal is refused', async () => {
      expect((await remove('201', await server.login('branch.hepan'))).body.code).toBe('OSG_ERR_NOT_CONVENER');
      expect((await remove('201', await server.login('resident.hepan'))).status).toBe(404);
      expect((await members()).find((m) => m.name === '钱二强')).toMatchObject({ seat: 'sitting' });
    });

    it('two removals of the same person’s two units at once still end the seat: the second waits for the first and reads the roll after it', async () => {
      const [a, b] = await Promise.all([remove('201'), remove('801')]);
      expect([a.status, b.status]).toEqual([201, 201]);
      // One of them saw the other unit still owned; the other, whichever came second, ended the seat.
      const said = [...a.body.ended, ...b.body.ended] as string[];
      expect(said).toHaveLength(2);
      expect(said.filter((t) => t === '天岛小区业主委员会主任：已不再是本小区业主，委员资格自行终止')).toHaveLength(1);
      expect(said.filter((t) => /^天岛小区业主委员会主任：此人在本小区另有房屋（天岛小区1栋1单元[28]01），仍是业主，委员资格不变$/.test(t))).toHaveLength(1);
      const list = await members();
      expect(list.filter((m) => m.seat === 'sitting')).toEqual([]);
      expect(list[0]!.staffing).toBe('在任0名，少于最低人数3名（应选3名）：应及时补足委员；不足总数一半，应召开业主大会临时会议重新选举');
    });

    it('a candidate of an election still open stops standing; ballots already cast keep their ticks and the others’ count is unchanged', async () => {
      // Nominating: 李四海's items are checked by the community; once he is no longer an owner they wait for nobody.
      const nominating = String(expectStatus(await staff.post(`${api}/elections`, { compoundOrgId: await orgId(server, 'tiandao'), title: '天岛小区业委会补选', preparatoryGroup: '社区党委、居委会', seats: 3 }), 201).id);
      const roll = expectStatus(await staff.get(`${api}/elections/${nominating}/owners`), 200).items as { id: string; name: string }[];
      expectStatus(await staff.post(`${api}/elections/${nominating}/candidates`, { ownerId: roll.find((r) => r.name === '李*海')!.id, nomination: '本人自荐' }), 201);
      const items = expectStatus(await staff.get(`${api}/checks`), 200).items as { id: string; candidate: string }[];
      expect(items.filter((c) => c.candidate.startsWith('李*海')).length).toBeGreaterThan(0);
      expect((await detail('401')).committee).toBe('“天岛小区业委会补选”候选人：移除后候选资格终止');
      expect(expectStatus(await remove('401'), 201).ended).toEqual(['“天岛小区业委会补选”候选人：候选资格已终止']);
      expect((expectStatus(await staff.get(`${api}/checks`), 200).items as { candidate: string }[]).filter((c) => c.candidate.startsWith('李*海'))).toEqual([]);
      const zh = await staff.request('POST', `${api}/checks/${items[0]!.id}`, { checkId: items[0]!.id, result: '通过' }, { 'accept-language': 'zh-CN' });
      expect(zh.body).toMatchObject({ code: 'OSG_ERR_CANDIDACY_ENDED', message: '“天岛小区业委会补选”有候选人已不再是本小区业主，候选资格已终止，请刷新后不选此人。' });
      expect((expectStatus(await staff.get(`${api}/elections/${nominating}/candidates`), 200).items as { verdict: string }[]).map((c) => c.verdict)).toEqual(['候选资格终止（不再是业主）']);
      // Its pending items no longer hold the list back: published with nobody on it.
      expectStatus(await staff.post(`${api}/elections/${nominating}/publish`, { confirm: true }), 201);
      expect((await staff.post(`${api}/election-votes`, { electionId: nominating })).body.code).toBe('OSG_ERR_NO_CANDIDATES');

      // Voting: 周五洲 and 吴六平 stand; one ballot ticks both before 周五洲 is removed.
      const { vote, ticks } = await elect('天岛小区第二届业主委员会选举', ['周五洲', '吴六平'], { close: false });
      const pending = expectStatus(await staff.get(`${api}/votes/${vote}/pending`), 200).items as { id: string }[];
      expectStatus(await staff.post(`${api}/votes/${vote}/candidate-paper`, { unitId: pending[0]!.id, candidateIds: ticks.map((t) => t.id), photos: [photo] }), 201);
      expect((await detail('501')).committee).toBe('“天岛小区第二届业主委员会选举”候选人：移除后候选资格终止；选举表决进行中，已投的票保留，勾选此人的不再计入');
      expectStatus(await remove('501'), 201);
      const zhou = ticks.find((t) => t.name === '周五洲')!;
      const wu = ticks.find((t) => t.name === '吴六平')!;
      // The ballot's ticks are kept as cast.
      const stored = await server.database.db.selectFrom('owners_self_governance_candidate_ballots' as never).select('candidate_id' as never).where('vote_id' as never, '=', Number(vote) as never).execute();
      expect((stored as { candidate_id: number }[]).map((r) => String(r.candidate_id)).sort()).toEqual([zhou.id, wu.id].sort());
      // New ballots no longer offer him, and cannot tick him.
      expect((expectStatus(await staff.get(`${api}/votes/${vote}/candidates`), 200).items as { name: string }[]).map((c) => c.name)).toEqual(['吴六平']);
      const refused = await staff.request('POST', `${api}/votes/${vote}/candidate-paper`, { unitId: pending[1]!.id, candidateIds: [zhou.id], photos: [photo] }, { 'accept-language': 'en' });
      expect(refused.body).toMatchObject({ code: 'OSG_ERR_CANDIDACY_ENDED', message: 'A candidate of “天岛小区第二届业主委员会选举” is no longer an owner of the compound: their candidacy has ended. Reload the list and leave them out.' });
      for (const u of pending.slice(1, 6)) expectStatus(await staff.post(`${api}/votes/${vote}/candidate-paper`, { unitId: u.id, candidateIds: [wu.id], photos: [photo] }), 201);
      // The count: 6 ballots take part; 吴六平 has all six, 周五洲 is not counted and named as such.
      const closed = expectStatus(await staff.post(`${api}/votes/${vote}/close`, { confirm: true }), 200);
      expect(closed).toMatchObject({ passed: true });
      const html = (await staff.get(`${api}/votes/${vote}/result`)).body as string;
      expect(html).toContain('吴六平</span><br>（天岛小区1栋）');
      expect(html).toContain('6 / 6 人');
      expect(html).toContain('以下候选人已不再是本小区业主，候选资格终止（业主大会和业主委员会指导规则第三十七条），勾选其的票不再计入，其余勾选照常计票：周五洲（天岛小区1栋）。');
      // The new committee seats the one elected; a vote decided leaves nothing to withdraw.
      expect((await members()).map((m) => [m.name, m.seat])).toEqual([['吴六平', 'sitting']]);
      const published = (await server.anonymous().get(`/api/public/plugins/owners-self-governance/candidates?orgId=${await orgId(server, 'yongfu')}`)).body.items as { name: string }[];
      expect(published.map((c) => c.name)).not.toContain('周五洲');
      expect(published.map((c) => c.name)).not.toContain('李四海');
    });
  });
}
