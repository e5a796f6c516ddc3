import { startTestServer, testBackends, type TestServer } from '@linli/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { weekendDeliberationHallPlugin } from './plugin.js';
import { api, exampleCity, exampleOptions, fullSheet, orgId, raise, start, step, topic } from './test-support.js';

const plugins = [weekendDeliberationHallPlugin];

/** Starting a server checks the config first; the halls are checked against the org tree before the routes mount. */
async function refusal(options: Record<string, unknown>, backend = testBackends()[0]!) {
  try {
    const server = await startTestServer({ config: exampleCity(options), plugins, backend });
    await server.close();
  } catch (e) {
    return e as { code: string; details?: { path: string; message: string }[] };
  }
  throw new Error('the config was accepted');
}

describe('weekend deliberation hall options', () => {
  it('refuses a missing hall list, unknown groups and rules, with their paths', async () => {
    const e = await refusal({ requiredGroups: ['mayor'], passRule: { majority: 'most' } });
    expect(e.code).toBe('LINLI_ERR_CONFIG_INVALID');
    expect(e.details?.map((d) => d.path).sort()).toEqual([
      '/plugins/weekend-deliberation-hall/halls',
      '/plugins/weekend-deliberation-hall/passRule/majority',
      '/plugins/weekend-deliberation-hall/requiredGroups/0',
    ]);
  });

  it('refuses (linli check) a hall at an org that is not a compound, or unknown', async () => {
    const e = await refusal({ halls: [{ compound: 'yongfu' }, { compound: 'no-such' }, { compound: 'hepan' }] });
    expect(e.code).toBe('LINLI_ERR_CONFIG_INVALID');
    expect(e.details).toEqual([
      expect.objectContaining({ path: '/plugins/weekend-deliberation-hall/halls/0/compound', message: '"yongfu" is of type community', expected: 'an org of type compound' }),
      expect.objectContaining({ path: '/plugins/weekend-deliberation-hall/halls/1/compound', message: 'unknown org "no-such"', expected: 'the key of an org in /orgs' }),
    ]);
  });

  it('refuses to start with two halls at one compound', async () => {
    const e = await refusal({ halls: [{ compound: 'hepan' }, { compound: 'hepan' }] });
    expect(e.code).toBe('WDH_ERR_HALL_CONFIG');
    expect(e.details).toEqual([{ path: '/plugins/weekend-deliberation-hall/halls/1/compound', message: '"hepan" already has a hall', expected: 'one hall per compound' }]);
  });
});

/** A city that lets halls meet on weekdays, needs only two groups, and passes resolutions by two thirds of everyone present. */
for (const backend of testBackends()) {
  describe(`weekend deliberation hall with other options on ${backend.name}`, () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await start(backend, { options: { ...exampleOptions, allowWeekdaySessions: true, requiredGroups: ['residentsCommittee', 'ownerRepresentatives'], passRule: { base: 'present', majority: 'two-thirds', minTurnoutPercent: 80 } } });
    });
    afterAll(() => server?.close());

    it('follows the city’s rules for days, groups and the pass rule', async () => {
      server.clock.set('2026-11-24T01:00:00Z');
      const hepan = await orgId(server, 'hepan');
      const t = await raise(await server.login('resident.hepan'), hepan, topic('单元门口加装无障碍坡道'));
      let staff = await server.login('staff.yongfu');
      await step(staff, t.id, 'accept', { data: { opinion: '方便老人出行，属公共事务。' } });
      const wednesday = await staff.post(`${api}/sessions`, { compoundOrgId: hepan, date: '2026-11-25' });
      expect(wednesday.status, JSON.stringify(wednesday.body)).toBe(201);
      expect(wednesday.body.weekday).toBe('周三');
      expect((await staff.post(`${api}/sessions/${wednesday.body.id}/agenda`, { topicId: t.id })).status).toBe(201);

      server.clock.set('2026-11-25T07:00:00Z');
      staff = await server.login('staff.yongfu');
      // No party members and no property company: not required here. 7 present.
      await staff.post(`${api}/sessions/${wednesday.body.id}/participants`, { residentsCommittee: fullSheet.residentsCommittee, ownerRepresentatives: fullSheet.ownerRepresentatives });
      const ballot = { topicId: t.id, deliberation: '各方同意。', resolution: '在2栋、3栋单元门口加装无障碍坡道。', votesAgainst: 2, abstentions: 0 };
      // 4 of 7 present is a majority, not two thirds.
      expect((await staff.post(`${api}/sessions/${wednesday.body.id}/votes`, { ...ballot, votesFor: 4 })).body.state).toBe('not-adopted');
      const detail = await staff.get(`${api}/sessions/${wednesday.body.id}/agenda`);
      expect(detail.body.items[0]).toMatchObject({ passed: false, explanation: '赞成4票，未达到到会人数7的三分之二以上' });
    });
  });
}
