/**
 * The owners' committee seated from its election, and attending a four-party
 * meeting, in a real browser at phone size, in Chinese, with no id typed: the
 * community secretary opens the vote of 河畔家园's second election from the
 * published list (业委会选举 → 发起选举表决: four candidates for three seats, 差额);
 * three owners tick candidates on their phones (with three ticked, the fourth box
 * cannot be ticked); the rest of the quorum is recorded on paper (through the API,
 * as setup); the secretary closes the vote, the count shows each candidate, and
 * the three elected show on 业主委员会 with their five-year term; then the secretary records a four-party meeting of 河畔家园
 * (red property) with the committee member ticked as present, and its decision
 * stands. Needs apps/web/dist and /usr/bin/chromium.
 *
 * Hand count: 24 units, 2441.22 m², 22 owners (3栋101 and 102 are one buyer's, 3栋301
 * and 302 the developer's: Art. 9). Online: 1栋101, 301, 502; paper: the next
 * 14 units not yet voted (1栋 rest, 2栋 101–301) → 17 owners (≥ 14.67 = 2/3 of 22),
 * 1720.71 m² (≥ 1627.48). Elected: ≥ 9 owners and > 860.355 m².
 * Paper 1–7 (1栋102–501, 717.88 m²) tick 孙德明 周建华 冯志刚; paper 8–14 (1栋601,
 * 602, 2栋101–301, 711.41 m²) tick 孙德明 周建华 陈玉兰. Online: 1栋101 (89.56)
 * 孙德明 周建华 冯志刚; 1栋301 (89.56) and 1栋502 (112.30) 冯志刚 陈玉兰.
 *   孙德明, 周建华: 15 owners, 1518.85 m² — 1st (equal);
 *   冯志刚: 10 owners, 1009.30 m² — 3rd, elected;
 *   陈玉兰: 9 owners, 913.27 m² — meets the rule, 4th: 未当选（名额已满）.
 */
import { gridRequestsPlugin } from '@linli/plugin-grid-requests';
import { ownersSelfGovernancePlugin } from '@linli/plugin-owners-self-governance';
import { redPropertyPlugin } from '@linli/plugin-red-property';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { built, openMenu, startCity, visible, wait, type City } from './e2e/harness';
import { voteForCandidates } from './e2e/owners';
import { gradientPng } from './e2e/png';

const election = '河畔家园第二届业主委员会换届';
const osg = '/api/plugins/owners-self-governance';

if (!built) console.warn('owners committee e2e skipped: apps/web/dist is missing — run `npm run build -w @linli/web`.');

/** A call of the API from inside the signed-in page (its session and CSRF token), for setup the story does not walk. */
async function call(page: Page, method: string, path: string, body?: unknown, png?: string): Promise<any> {
  return page.evaluate(
    async ({ method, path, body, png }) => {
      const me = (await (await fetch('/api/me')).json()) as { csrfToken: string };
      const headers: Record<string, string> = { 'x-linli-csrf': me.csrfToken };
      let data: BodyInit | undefined;
      if (png) {
        headers['content-type'] = 'image/png';
        data = Uint8Array.from(atob(png), (c) => c.charCodeAt(0));
      } else if (body !== undefined) {
        headers['content-type'] = 'application/json';
        data = JSON.stringify(body);
      }
      const res = await fetch(path, { method, headers, ...(data ? { body: data } : {}) });
      return { status: res.status, body: await res.json() };
    },
    { method, path, body, png },
  );
}

describe.skipIf(!built)("the owners' committee seated from its election, at a four-party meeting, in Chromium", () => {
  let city: City;
  beforeAll(async () => {
    city = await startCity([gridRequestsPlugin, ownersSelfGovernancePlugin, redPropertyPlugin]);
  }, 240_000);
  afterAll(async () => city?.close(), 60_000);

  it('opens the election vote from the published list, owners vote, the count seats the committee, and a member attends a four-party meeting', async () => {
    const secretary = await city.as('secretary.yongfu');
    // The first committee's term is ending: the reason for the election.
    await openMenu(secretary, '业主委员会');
    await visible(secretary.locator('tbody tr').filter({ hasText: '主任' }).getByText(/任期将满（剩60天）/));
    await city.shot(secretary, 'owners-committee-ending');

    // 业委会选举 → the published election → 发起选举表决; the election is chosen already.
    await openMenu(secretary, '业委会选举');
    const row = secretary.locator('tbody tr').filter({ hasText: election });
    await visible(row.getByText('已公布'));
    await row.getByRole('link', { name: '发起选举表决' }).click();
    await secretary.waitForURL(/\/p\/owners-self-governance\/election-vote\?id=[0-9]+$/, wait);
    await expect.poll(async () => (await secretary.getByRole('combobox', { name: /选举/ }).locator('option:checked').textContent()) ?? '', wait).toContain(election);
    await city.shot(secretary, 'owners-committee-open-vote');
    await secretary.getByRole('button', { name: '保存' }).click();
    await secretary.waitForURL(/\/p\/owners-self-governance\/votes$/, wait);
    const voteRow = secretary.locator('tbody tr').filter({ hasText: election });
    await visible(voteRow.getByText('选举业主委员会'));

    // Three owners tick candidates on their phones; the first tries four.
    await voteForCandidates(city, 'building.hepan1', election, ['孙德明', '周建华', '冯志刚'], { tooMany: '陈玉兰', shot: 'owners-committee-ballot' });
    await voteForCandidates(city, 'owners.hepan', election, ['冯志刚', '陈玉兰']);
    await voteForCandidates(city, 'resident.hepan', election, ['冯志刚', '陈玉兰']);

    // The rest of the quorum on paper (setup through the API, each with its photo and its ticks).
    const votes = (await call(secretary, 'GET', `${osg}/votes`)).body.items as { id: string; title: string }[];
    const vote = votes.find((v) => v.title === election)!.id;
    const candidates = (await call(secretary, 'GET', `${osg}/votes/${vote}/candidates`)).body.items as { id: string; name: string }[];
    const id = (name: string) => candidates.find((c) => c.name === name)!.id;
    const pending = (await call(secretary, 'GET', `${osg}/votes/${vote}/pending`)).body.items as { id: string }[];
    expect(pending).toHaveLength(21);
    const png = gradientPng(64, 48).toString('base64');
    for (const [i, unit] of pending.slice(0, 14).entries()) {
      const photo = await call(secretary, 'POST', '/api/attachments', undefined, png);
      expect(photo.status).toBe(201);
      const ticks = ['孙德明', '周建华', i < 7 ? '冯志刚' : '陈玉兰'].map(id);
      expect((await call(secretary, 'POST', `${osg}/votes/${vote}/candidate-paper`, { unitId: unit.id, candidateIds: ticks, photos: [String(photo.body.id)] })).status).toBe(201);
    }

    // The secretary closes and counts.
    await secretary.goto(`${city.base}/p/owners-self-governance/votes`);
    // 17 units voted, 17 persons; of 24 units, 22 persons (building 3's owner of two units, and the developer's two).
    await visible(voteRow.getByText('17户专有部分，按人计 17人'));
    await visible(voteRow.getByText('24户专有部分，按人计 22人'));
    await voteRow.getByRole('link', { name: '结束计票' }).click();
    await secretary.getByRole('checkbox', { name: /确认结束投票/ }).check();
    await secretary.getByRole('button', { name: '保存' }).click();
    await secretary.waitForURL(/\/p\/owners-self-governance\/result\?id=[0-9]+&status=closed$/, wait);
    const result = secretary.frameLocator('iframe').first();
    await visible(result.getByText('表决结果：当选3名（应选3名）'));
    // The count per candidate: agreeing owners and area against those who took part, elected or not.
    await visible(result.getByText('逐个候选人计票（应选 3 名，差额选举）'));
    const chen = result.locator('tr').filter({ hasText: '陈玉兰（河畔家园1栋）' });
    await visible(chen.getByText('未当选（名额已满）'));
    await visible(chen.getByText(/9 \/ 17 人/));
    await visible(chen.getByText(/913\.27 \/ 1720\.71 ㎡/));
    const feng = result.locator('tr').filter({ hasText: '冯志刚（河畔家园1栋）' });
    await visible(feng.getByText('当选', { exact: true }));
    await visible(feng.getByText(/1009\.30 \/ 1720\.71 ㎡/));
    await city.shot(secretary, 'owners-committee-result', secretary.locator('iframe'));

    // The committee shows with its term: five years from today.
    await openMenu(secretary, '业主委员会');
    const member = secretary.locator('tbody tr').filter({ hasText: '孙德明' });
    await visible(member.getByText('在任'));
    const until = new Date(Date.now() + 8 * 3_600_000);
    until.setUTCFullYear(until.getUTCFullYear() + 5);
    const untilText = await member.locator('td[data-label="任期届满"]').textContent();
    expect(untilText).toContain(String(until.getUTCFullYear()));
    // The first committee is replaced: only the three elected are on the page.
    expect((await secretary.locator('tbody tr td[data-label="姓名"]').allTextContents()).map((n) => n.trim()).sort()).toEqual(['冯志刚', '周建华', '孙德明'].sort());
    // The community records the role the first meeting elected.
    await member.getByRole('link', { name: '设定职务' }).click();
    await secretary.getByRole('radio', { name: '主任', exact: true }).check();
    await secretary.getByRole('button', { name: '保存' }).click();
    await secretary.waitForURL(/\/p\/owners-self-governance\/committee$/, wait);
    await visible(secretary.locator('tbody tr').filter({ hasText: '孙德明' }).getByText('主任'));
    await city.shot(secretary, 'owners-committee-seated');

    // A four-party meeting of 河畔家园: the committee member is ticked as present, and the decision stands.
    await openMenu(secretary, '登记联席会议');
    const compound = secretary.getByRole('combobox', { name: '小区' });
    await expect.poll(() => compound.locator('option').count(), wait).toBeGreaterThan(1);
    await compound.selectOption({ label: '河畔家园' });
    await secretary.getByLabel('会议日期').fill(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10));
    await secretary.getByLabel('议题类别').selectOption('公共收益');
    await secretary.getByRole('textbox', { name: /^议题/ }).fill('公共收益用于加装电动车充电桩');
    // 出席 of the other three parties (each party is a sub-form; the owners' committee has no 出席 box, its members are ticked).
    for (const party of ['partyBranch', 'residentsCommittee', 'propertyCompany']) await secretary.locator(`input[type="checkbox"][id$="_attendance_${party}_present"]`).check();
    expect(await secretary.locator('input[id$="_attendance_ownersCommittee_present"][type="checkbox"]').count()).toBe(0);
    const committee = secretary.getByRole('group', { name: '出席的业委会委员' });
    await visible(committee.getByText('孙德明（主任，河畔家园1栋）'));
    // Only this compound's sitting committee is offered.
    expect(await committee.getByRole('checkbox').count()).toBe(3);
    await committee.getByRole('checkbox', { name: /孙德明/ }).check();
    await secretary.getByLabel(/会议决定/).fill('同意从公共收益中列支充电桩费用，结果公示。');
    await city.shot(secretary, 'owners-committee-meeting', committee);
    await secretary.getByRole('button', { name: '保存' }).click();
    await secretary.waitForURL(/\/p\/red-property\/meetings$/, wait);
    const held = secretary.locator('tbody tr').filter({ hasText: '公共收益用于加装电动车充电桩' });
    await visible(held.getByText('同意从公共收益中列支充电桩费用，结果公示。'));
    // Nobody absent: the owners' committee counted as present through its member.
    expect((await held.locator('td[data-label="缺席方"]').textContent())?.trim()).toBe('—');
    await city.shot(secretary, 'owners-committee-meetings', held);
    expect(city.problems).toEqual([]);
  }, 400_000);
});
