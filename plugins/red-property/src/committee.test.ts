import { ownersSelfGovernancePlugin } from '@linli/plugin-owners-self-governance';
import { startTestServer, testBackends, type TestClient, type TestServer } from '@linli/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redPropertyPlugin } from './plugin.js';
import { api, exampleCity, orgId, start } from './test-support.js';

const osg = '/api/plugins/owners-self-governance';
const others = { partyBranch: { present: true }, residentsCommittee: { present: true }, propertyCompany: { present: true } };
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGPQqDgBAAI0AWkYRiUPAAAAAElFTkSuQmCC', 'base64');

function ok(res: { status: number; body: any }, status = 201): any {
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}

/**
 * Owners' committee by owners' self-governance (enabled beside red property):
 * 天岛小区 elects three owners (the community vets them, owners vote on paper),
 * and the four-party meeting takes the sitting members' attendance.
 */
for (const backend of testBackends()) {
  describe(`red property with the owners' committee on ${backend.name}`, () => {
    let server: TestServer;
    let staff: TestClient;
    let tiandao: string;
    let hepan: string;
    const meeting = (attendance: object, decision?: string, compoundOrgId = tiandao) =>
      staff.post(`${api}/meetings`, { compoundOrgId, heldOn: '2026-11-24', topic: '公共收益', subject: '公共收益分配方案', attendance, ...(decision ? { decision } : {}) });

    beforeAll(async () => {
      const city = exampleCity();
      server = await startTestServer({ config: { ...city, plugins: { 'owners-self-governance': {}, ...city.plugins } }, plugins: [ownersSelfGovernancePlugin, redPropertyPlugin], backend });
      staff = await server.login('secretary.yongfu');
      [tiandao, hepan] = await Promise.all([orgId(server, 'tiandao'), orgId(server, 'hepan')]);
    }, 120_000);
    afterAll(() => server?.close());

    it('with no committee seated, the owners’ committee is absent and the refusal says why; the meeting is recorded without a decision', async () => {
      expect(ok(await staff.get(`${api}/committee-members`), 200).items).toEqual([]);
      const refused = await meeting({ ...others, ownersCommittee: { present: true, attendees: '陈建华' } }, '公共收益用于更换门禁');
      expect(refused.status).toBe(422);
      expect(refused.body.code).toBe('RP_ERR_FOUR_PARTIES_MISSING');
      expect(refused.body.message).toContain('业委会（本小区没有在任的业主委员会）');
      expect(refused.body.message).toContain('no owners’ committee sits for this compound');
      ok(await meeting({ ...others, ownersCommittee: { present: true } }));
      const held = ok(await staff.get(`${api}/meetings?compoundOrgId=${tiandao}`), 200).items;
      expect(held.map((m: { absent: string; decision: string | null }) => [m.absent, m.decision])).toEqual([['业委会', null]]);
    });

    it('seats the committee from its election; a four-party meeting takes a sitting member’s attendance and may decide', async () => {
      const b1 = await orgId(server, 'tiandao-b1');
      for (const [i, name] of ['赵一', '钱二', '孙三', '李四'].entries()) ok(await staff.post(`${osg}/units`, { buildingOrgId: b1, room: `1单元${i + 1}01`, area: '90', ownerName: name, ownerPhone: `1390000111${i}` }));
      const election = ok(await staff.post(`${osg}/elections`, { compoundOrgId: tiandao, title: '天岛小区首届业主委员会选举', preparatoryGroup: '社区党委、居委会、业主代表', seats: 3 })).id;
      const owners = ok(await staff.get(`${osg}/elections/${election}/owners`), 200).items as { id: string }[];
      for (const o of owners.slice(0, 3)) ok(await staff.post(`${osg}/elections/${election}/candidates`, { ownerId: o.id, nomination: '本人自荐' }));
      for (const c of ok(await staff.get(`${osg}/checks`), 200).items as { id: string }[]) ok(await staff.post(`${osg}/checks/${c.id}`, { checkId: c.id, result: '通过' }));
      ok(await staff.post(`${osg}/elections/${election}/publish`, { confirm: true }));
      const vote = ok(await staff.post(`${osg}/election-votes`, { electionId: election })).id;
      const photo = String(ok(await staff.request('POST', '/api/attachments', png, { 'content-type': 'image/png' })).id);
      const ticks = (ok(await staff.get(`${osg}/votes/${vote}/candidates`), 200).items as { id: string }[]).map((c) => c.id);
      for (const u of (ok(await staff.get(`${osg}/votes/${vote}/pending`), 200).items as { id: string }[]).slice(0, 3)) ok(await staff.post(`${osg}/votes/${vote}/candidate-paper`, { unitId: u.id, candidateIds: ticks, photos: [photo] }));
      expect(ok(await staff.post(`${osg}/votes/${vote}/close`, { confirm: true }), 200)).toMatchObject({ passed: true });

      const members = ok(await staff.get(`${api}/committee-members`), 200).items as { id: string; compoundOrgId: string; name: string; role: string }[];
      expect(members.map((m) => [m.compoundOrgId, m.name, m.role])).toEqual([[tiandao, '赵一', '委员'], [tiandao, '钱二', '委员'], [tiandao, '孙三', '委员']]);
      // Nobody ticked: absent, so no decision.
      expect((await meeting({ ...others, ownersCommittee: { present: true } }, '公共收益用于更换门禁')).body.message).toContain('业委会 (Owners\' committee)');
      // Only members of this compound's sitting committee.
      expect((await meeting({ ...others, ownersCommittee: { present: false, members: ['999999'] } })).body.code).toBe('RP_ERR_NOT_COMMITTEE_MEMBER');
      expect((await meeting({ ...others, ownersCommittee: { present: false, members: [members[0]!.id] } }, undefined, hepan)).body.code).toBe('RP_ERR_NOT_COMMITTEE_MEMBER');
      const decided = ok(await meeting({ ...others, ownersCommittee: { present: false, members: [members[1]!.id] } }, '公共收益用于更换门禁，结果公示'));
      const row = (ok(await staff.get(`${api}/meetings?compoundOrgId=${tiandao}`), 200).items as { id: string; present: string; absent: string }[]).find((m) => m.id === decided.id)!;
      expect(row).toMatchObject({ absent: '', present: '小区党支部、居委会、业委会、物业服务企业' });
      const stored = await server.database.db.selectFrom('red_property_meetings' as never).select('attendance' as never).where('id' as never, '=', Number(decided.id) as never).executeTakeFirstOrThrow();
      const att = typeof (stored as { attendance: unknown }).attendance === 'string' ? JSON.parse((stored as { attendance: string }).attendance) : (stored as { attendance: any }).attendance;
      expect(att.ownersCommittee).toEqual({ present: true, members: [members[1]!.id], attendees: '钱二（委员）' });
    });

    it('shows each compound’s committee beside the property company it evaluates', async () => {
      const rows = ok(await staff.get(`${api}/companies`), 200).items as { id: string; ownersCommittee?: string }[];
      const tiandaoProperty = await orgId(server, 'tiandao-property');
      expect(rows.find((r) => r.id === tiandaoProperty)!.ownersCommittee).toBe('天岛小区：赵一（委员）、钱二（委员）、孙三（委员），任期至2031-11-24');
      const hepanRow = rows.find((r) => r.ownersCommittee?.startsWith('河畔家园'));
      expect(hepanRow!.ownersCommittee).toBe('河畔家园：本小区没有在任的业主委员会');
      const form = ok(await staff.get(`${api}/evaluation-form`), 200);
      expect(form.uiSchema.comment['ui:help']).toContain('业委会');
    });

    it('once the term has ended (任期届满), no member is listed and a decision is refused saying so', async () => {
      server.clock.set('2031-11-25T01:00:00Z');
      staff = await server.login('secretary.yongfu');
      expect(ok(await staff.get(`${api}/committee-members`), 200).items).toEqual([]);
      const refused = await meeting({ ...others, ownersCommittee: { present: true } }, '公共收益用于更换门禁');
      expect(refused.body.code).toBe('RP_ERR_FOUR_PARTIES_MISSING');
      expect(refused.body.message).toContain('业委会（业主委员会任期已届满）');
      expect(refused.body.message).toContain('the owners’ committee’s term has ended');
      ok(await meeting({ ...others, ownersCommittee: { present: true } }));
    });
  });

  describe(`red property without owners' self-governance on ${backend.name}`, () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await start(backend);
    }, 120_000);
    afterAll(() => server?.close());

    it('answers as before: no committee column, no members, the 出席 box decides', async () => {
      const s = await server.login('secretary.yongfu');
      const rows = ok(await s.get(`${api}/companies`), 200).items as Record<string, unknown>[];
      expect(rows.some((r) => 'ownersCommittee' in r)).toBe(false);
      expect(ok(await s.get(`${api}/committee-members`), 200).items).toEqual([]);
      const form = ok(await s.get('/api/forms/red-property.meeting'), 200);
      expect(form.schema.properties.attendance.properties.ownersCommittee.properties.members).toBeUndefined();
      const all = { ...others, ownersCommittee: { present: true } };
      ok(await s.post(`${api}/meetings`, { compoundOrgId: await orgId(server, 'tiandao'), heldOn: '2026-11-24', topic: '公共收益', subject: '公共收益分配方案', attendance: all, decision: '同意' }));
      expect((await s.post(`${api}/meetings`, { compoundOrgId: await orgId(server, 'tiandao'), heldOn: '2026-11-24', topic: '公共收益', subject: 'x2', attendance: { ...all, ownersCommittee: { present: true, members: ['1'] } } })).status).toBe(400);
    });
  });

  describe(`the example city's demo with both plugins on ${backend.name}`, () => {
    let server: TestServer;
    beforeAll(async () => {
      const city = exampleCity();
      server = await startTestServer({ config: { ...city, plugins: { 'owners-self-governance': { checkers: { 'public-security': 'tc-gaj', housing: 'tc-zjj' } }, ...city.plugins } }, plugins: [ownersSelfGovernancePlugin, redPropertyPlugin], backend, demoData: true });
    }, 180_000);
    afterAll(() => server?.close());

    it('seats 河畔家园’s first committee, its term ending in 60 days, and its member attends the demo meeting; other compounds meet without deciding', async () => {
      const s = await server.login('secretary.yongfu');
      const seated = ok(await s.get(`${osg}/committee-members`), 200).items as { compoundName: string; role: string; termTitle: string }[];
      expect(seated.map((m) => [m.compoundName, m.role, m.termTitle])).toEqual([
        ['河畔家园', '主任', '任期将满（剩60天）'],
        ['河畔家园', '副主任', '任期将满（剩60天）'],
        ['河畔家园', '委员', '任期将满（剩60天）'],
      ]);
      const meetings = ok(await s.get(`${api}/meetings`), 200).items as { compoundName: string; absent: string; decision: string | null }[];
      const hepanMeeting = meetings.find((m) => m.compoundName === '河畔家园')!;
      expect(hepanMeeting).toMatchObject({ absent: '' });
      expect(hepanMeeting.decision).toContain('更换路灯');
      expect(meetings.find((m) => m.compoundName === '天岛小区')).toMatchObject({ absent: '业委会', decision: null });
      // The second election's vetted list is published, ready for its vote.
      const elections = ok(await s.get(`${osg}/elections`), 200).items as { title: string; status: string }[];
      expect(elections.map((e) => [e.title, e.status])).toEqual([['河畔家园第二届业主委员会换届', 'published'], ['河畔家园第一届业主委员会选举', 'published']]);
    });
  });
}
