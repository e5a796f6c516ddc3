import { testBackends, type TestClient, type TestServer } from '@linli/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { committeeOf } from './committee.js';
import { api, expectStatus, orgId, start, uploadPhoto } from './test-support.js';

/**
 * Committee elections with a ballot per candidate (差额选举), through HTTP, hand
 * counted. 天岛小区1栋 has ten units, one owner each (distinct phones):
 *
 *   u1 150 ㎡ · u2–u8 50 ㎡ each · u9 60 ㎡ · u10 40 ㎡ — 600 ㎡, 10 owners.
 *
 * Participation needs ≥ 2/3: 400 ㎡ and 7 owners. Nine vote (u1–u9): 560 ㎡,
 * 9 owners. A candidate is elected with > 1/2 of the participants: area > 280 ㎡
 * and owners ≥ 5 (5 × 2 > 9).
 */
const rooms = ['101', '201', '301', '401', '501', '601', '701', '801', '901', '1001'];
const areas = ['150', '50', '50', '50', '50', '50', '50', '50', '60', '40'];
const names = ['甲一', '乙二', '丙三', '丁四', '戊五', '己六', '庚七', '辛八', '壬九', '癸十'];

for (const backend of testBackends()) {
  describe(`committee elections per candidate on ${backend.name}`, () => {
    let server: TestServer;
    let staff: TestClient;
    let photo: string;
    let compound: string;
    let compoundPath: string;

    beforeAll(async () => {
      server = await start(backend);
      staff = await server.login('secretary.yongfu');
      photo = await uploadPhoto(staff);
      const b1 = await orgId(server, 'tiandao-b1');
      for (const [i, room] of rooms.entries()) expectStatus(await staff.post(`${api}/units`, { buildingOrgId: b1, room, area: areas[i], ownerName: names[i], ownerPhone: `1370000${String(i).padStart(4, '0')}` }), 201);
      compound = await orgId(server, 'tiandao');
      compoundPath = (await server.database.db.selectFrom('linli_orgs').select('path').where('key', '=', 'tiandao').executeTakeFirstOrThrow()).path;
    }, 120_000);
    afterAll(() => server?.close());

    /** An election of the compound with these owners (by room) nominated, every item passed by the community, the list published, its vote opened. */
    async function electionVote(title: string, seats: number, candidateRooms: string[]): Promise<{ vote: string; candidate: Record<string, string>; unit: Record<string, string> }> {
      const election = String(expectStatus(await staff.post(`${api}/elections`, { compoundOrgId: compound, title, preparatoryGroup: '社区党委、居委会、业主代表', seats }), 201).id);
      const owners = expectStatus(await staff.get(`${api}/elections/${election}/owners`), 200).items as { id: string; unit: string }[];
      for (const room of candidateRooms) expectStatus(await staff.post(`${api}/elections/${election}/candidates`, { ownerId: owners.find((o) => o.unit === `天岛小区1栋${room}`)!.id, nomination: '本人自荐' }), 201);
      for (const c of expectStatus(await staff.get(`${api}/checks`), 200).items as { id: string }[]) expectStatus(await staff.post(`${api}/checks/${c.id}`, { checkId: c.id, result: '通过' }), 201);
      // Publishing and closing ask for their own confirmation, each refusal saying what it confirms.
      const unpublished = await staff.post(`${api}/elections/${election}/publish`, { confirm: false });
      expect([unpublished.status, unpublished.body.code]).toEqual([422, 'OSG_ERR_PUBLISH_NOT_CONFIRMED']);
      expect(unpublished.body.message).toContain('confirming publication');
      expectStatus(await staff.post(`${api}/elections/${election}/publish`, { confirm: true }), 201);
      const vote = String(expectStatus(await staff.post(`${api}/election-votes`, { electionId: election }), 201).id);
      const listed = expectStatus(await staff.get(`${api}/votes/${vote}/candidates`), 200).items as { id: string; name: string; building: string }[];
      expect(listed.map((c) => c.building)).toEqual(candidateRooms.map(() => '天岛小区1栋'));
      const candidate = Object.fromEntries(listed.map((c) => [c.name, c.id]));
      const pending = expectStatus(await staff.get(`${api}/votes/${vote}/pending`), 200).items as { id: string; room: string }[];
      const unit = Object.fromEntries(pending.map((u) => [u.room, u.id]));
      return { vote, candidate, unit };
    }

    const paper = (vote: string, unitId: string, ticks: string[]) => staff.post(`${api}/votes/${vote}/candidate-paper`, { unitId, candidateIds: ticks, photos: [photo] });
    const members = async () => (await committeeOf(server.database.db, compoundPath, server.clock.now()))?.members.map((m) => m.name).sort() ?? [];

    it('elects 3 of 5 candidates by agreeing area then owners; one meets the area but not the headcount; ticking more than the seats is refused', async () => {
      // Candidates: 甲一 (u1) A, 乙二 (u2) B, 丙三 (u3) C, 丁四 (u4) D, 戊五 (u5) E.
      const { vote, candidate: k, unit } = await electionVote('天岛小区业主委员会选举（差额）', 3, ['101', '201', '301', '401', '501']);
      const [A, B, C, D, E] = ['甲一', '乙二', '丙三', '丁四', '戊五'].map((n) => k[n]!) as [string, string, string, string, string];
      // More ticks than seats: refused with its code, in Chinese and English; nothing is recorded.
      const zh = await staff.request('POST', `${api}/votes/${vote}/candidate-paper`, { unitId: unit['101'], candidateIds: [A, B, C, D], photos: [photo] }, { 'accept-language': 'zh-CN' });
      expect(zh.status).toBe(422);
      expect(zh.body).toMatchObject({ code: 'OSG_ERR_TOO_MANY_TICKED', message: '勾选了4名候选人：最多勾选3名，不超过应选人数（一个不勾即全部弃权）。' });
      const en = await staff.request('POST', `${api}/votes/${vote}/candidate-paper`, { unitId: unit['101'], candidateIds: [A, B, C, D], photos: [photo] }, { 'accept-language': 'en' });
      expect(en.body).toMatchObject({ code: 'OSG_ERR_TOO_MANY_TICKED', message: '4 candidates ticked: tick at most 3, as many as there are seats (or none, to abstain from all).' });
      // Only candidates of this vote; and a one-answer ballot does not fit an election.
      expect((await paper(vote, unit['101']!, ['999999'])).body.code).toBe('OSG_ERR_NOT_CANDIDATE');
      expect((await staff.post(`${api}/votes/${vote}/paper`, { unitId: unit['101'], choice: '同意', photos: [photo] })).body.code).toBe('OSG_ERR_BALLOT_KIND');
      expect(expectStatus(await staff.get(`${api}/votes/${vote}/pending`), 200).items).toHaveLength(10);

      const ballots: [string, string[]][] = [
        ['101', [A, B, E]],
        ['201', [C, D, E]],
        ['301', [C, D, E]],
        ['401', [C, D, E]],
        ['501', [B, C, D]],
        ['601', [A, B, D]],
        ['701', [A, B, D]],
        ['801', [A, B, C]],
        ['901', [A, B, C]],
      ];
      for (const [room, ticks] of ballots) expectStatus(await paper(vote, unit[room]!, ticks), 201);
      // One ballot per owner.
      expect((await paper(vote, unit['101']!, [A])).body.code).toBe('OSG_ERR_ALREADY_VOTED');
      const unclosed = await staff.post(`${api}/votes/${vote}/close`, { confirm: false });
      expect([unclosed.status, unclosed.body.code]).toEqual([422, 'OSG_ERR_CLOSE_NOT_CONFIRMED']);
      expect(unclosed.body.message).toContain('confirming the close');
      const closed = expectStatus(await staff.post(`${api}/votes/${vote}/close`, { confirm: true }), 200);
      expect(closed).toMatchObject({ passed: true, quorum: true, outcome: '当选3名（应选3名）' });

      // Hand count: B u1,u5–u9 = 410 ㎡ / 6 · A u1,u6–u9 = 360 / 5 · C u2–u5,u8,u9 = 310 / 6 ·
      // D u2–u7 = 300 / 6 (met, 4th: no seat) · E u1–u4 = 300 ㎡ > 280 but 4 owners ≤ 4.5 (not met).
      const row = await server.database.db.selectFrom('owners_self_governance_votes').select('result').where('id', '=', Number(vote)).executeTakeFirstOrThrow();
      const result = (typeof row.result === 'string' ? JSON.parse(row.result) : row.result) as { participatingAreaCenti: number; participatingOwners: number; election: { candidates: { candidateId: number; yesAreaCenti: number; yesOwners: number; met: boolean; rank: number | null; elected: boolean; tied: boolean; pass: { area: { met: boolean }; owners: { met: boolean } } }[] } };
      expect([result.participatingAreaCenti, result.participatingOwners]).toEqual([56000, 9]);
      const of = (id: string) => result.election.candidates.find((c) => String(c.candidateId) === id)!;
      expect([A, B, C, D, E].map((id) => [of(id).yesAreaCenti, of(id).yesOwners, of(id).rank, of(id).elected])).toEqual([
        [36000, 5, 2, true],
        [41000, 6, 1, true],
        [31000, 6, 3, true],
        [30000, 6, 4, false],
        [30000, 4, null, false],
      ]);
      expect(of(E).pass).toMatchObject({ area: { met: true }, owners: { met: false } });
      expect(await members()).toEqual(['丙三', '乙二', '甲一'].sort());

      // The count page: per candidate, agreeing owners and area with the arithmetic, elected or not.
      const page = (await staff.get(`${api}/votes/${vote}/result`)).body as string;
      expect(page).toContain('逐个候选人计票（应选 3 名，差额选举）');
      expect(page).toContain('<span class="nowrap">1. 乙二</span><br>（天岛小区1栋）</td><td>6 / 9 人<br>66.66%（要求&gt;1/2）<span class="met">达到</span></td><td>410.00 / 560.00 ㎡<br>73.21%（要求&gt;1/2）<span class="met">达到</span></td><td><span class="met">当选</span>');
      expect(page).toContain('<span class="nowrap">4. 丁四</span><br>（天岛小区1栋）</td><td>6 / 9 人');
      expect(page).toContain('未当选（名额已满）');
      expect(page).toContain('<td><span class="nowrap">戊五</span><br>（天岛小区1栋）</td><td>4 / 9 人<br>44.44%（要求&gt;1/2）<span class="unmet">未达到</span></td><td>300.00 / 560.00 ㎡<br>53.57%（要求&gt;1/2）<span class="met">达到</span></td><td><span class="unmet">未当选</span>');
      expect(page).not.toContain('整体表决');
      // The public board: the elected members only, by name and building.
      const board = await server.anonymous().get(`/api/public/plugins/owners-self-governance/committee?orgId=${await orgId(server, 'yongfu')}`);
      expect((board.body.items as { name: string; building: string }[]).map((i) => [i.name, i.building]).sort()).toEqual([['丙三', '天岛小区1栋'], ['乙二', '天岛小区1栋'], ['甲一', '天岛小区1栋']].sort());
      expect(JSON.stringify(board.body)).not.toContain('1370000');
    });

    it('reports a tie at the last seat and seats nobody in it; the others take their seats and the shortfall is said', async () => {
      // W 甲一 (u1), X 乙二 (u2), Y 丙三 (u3), Z 丁四 (u4), for 3 seats.
      const { vote, candidate: k, unit } = await electionVote('天岛小区业主委员会补选', 3, ['101', '201', '301', '401']);
      const [W, X, Y, Z] = ['甲一', '乙二', '丙三', '丁四'].map((n) => k[n]!) as [string, string, string, string];
      const ballots: [string, string[]][] = [
        ['101', [W, X]],
        ['201', [W, X, Y]],
        ['301', [X, Y, Z]],
        ['401', [W, Y, Z]],
        ['501', [W, Y, Z]],
        ['601', [Y, Z]],
        ['701', [Y, Z]],
        ['801', [W, X, Z]],
        ['901', [W, X]],
      ];
      for (const [room, ticks] of ballots) expectStatus(await paper(vote, unit[room]!, ticks), 201);
      // W u1,u2,u4,u5,u8,u9 = 410 / 6 · X u1,u2,u3,u8,u9 = 360 / 5 · Y u2–u7 = 300 / 6 · Z u3–u8 = 300 / 6: Y and Z tie for the third seat.
      const closed = expectStatus(await staff.post(`${api}/votes/${vote}/close`, { confirm: true }), 200);
      expect(closed).toMatchObject({ passed: true, outcome: '当选2名（应选3名）；2名候选人末位得票相同，均未当选，空缺名额另行选举' });
      expect(await members()).toEqual(['乙二', '甲一'].sort());
      const page = (await staff.get(`${api}/votes/${vote}/result`)).body as string;
      expect(page.match(/末位并列，未当选/g)).toHaveLength(2);
      expect(page).toContain('<span class="nowrap">3. 丙三</span><br>（天岛小区1栋）</td><td>6 / 9 人<br>66.66%');
      expect(page).toContain('300.00 / 560.00 ㎡');
    });

    it('seats nobody when too few take part, and the sitting committee stays', async () => {
      const { vote, candidate: k, unit } = await electionVote('天岛小区业主委员会改选', 3, ['501', '601', '701']);
      expect(expectStatus(await staff.get(`${api}/votes`), 200).items.find((v: { id: string }) => v.id === vote)).toMatchObject({ ballot: 'candidates' });
      // Six of ten owners (< 7), 400 ㎡ (≥ 400): the headcount misses participation; everyone ticked two.
      for (const room of ['101', '201', '301', '401', '501', '601']) expectStatus(await paper(vote, unit[room]!, [k['戊五']!, k['己六']!]), 201);
      const closed = expectStatus(await staff.post(`${api}/votes/${vote}/close`, { confirm: true }), 200);
      expect(closed).toMatchObject({ passed: false, quorum: false, outcome: '未形成决定（参与表决的面积或人数未达到要求）' });
      expect(await members()).toEqual(['乙二', '甲一'].sort());
      const page = (await staff.get(`${api}/votes/${vote}/result`)).body as string;
      expect(page).toContain('6 / 10 人');
      expect(page).toContain('本次未达到，无人当选');
    });

    it('counts a ballot that ticks nobody as taking part without agreeing', async () => {
      const { vote, candidate: k, unit } = await electionVote('天岛小区业主委员会选举（弃权）', 3, ['701', '801', '901']);
      for (const room of ['101', '201', '301', '401', '501', '601']) expectStatus(await paper(vote, unit[room]!, [k['庚七']!]), 201);
      expectStatus(await paper(vote, unit['701']!, []), 201);
      // u7 ticks nobody. 7 of 10 owners, 450 ㎡ of 600: participation met; 庚七 6/7 and 400/450 ㎡, 辛八 and 壬九 none.
      const closed = expectStatus(await staff.post(`${api}/votes/${vote}/close`, { confirm: true }), 200);
      expect(closed).toMatchObject({ quorum: true, passed: true, outcome: '当选1名（应选3名）；2个名额空缺，另行选举' });
      expect(await members()).toEqual(['庚七']);
      const page = (await staff.get(`${api}/votes/${vote}/result`)).body as string;
      expect(page).toContain('其中全部弃权 1 人（50.00 ㎡）');
      expect(page).toContain('<span class="nowrap">1. 庚七</span><br>（天岛小区1栋）</td><td>6 / 7 人');
    });
  });
}
