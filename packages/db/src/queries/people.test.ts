import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultOrgTypes, defaultRoles, type CityConfig } from '@linli/core';
import type { Database } from '../connect.js';
import { migrateCore } from '../migrate.js';
import { syncCityStructure } from '../seed.js';
import { testBackends } from '../testing.js';
import type { CoreTables } from '../schema.js';
import { getOrgByKey } from './orgs.js';
import { loadActor } from './people.js';
import { insertTicket, listTickets } from './tickets.js';

/**
 * Which tickets a role held at a side organization sees: a residents'
 * committee member works the requests of the community the committee belongs
 * to ("host" scope); a department officer sees what is assigned to the
 * department, not the whole city it hangs under.
 */
const config: CityConfig = {
  name: 'mini',
  title: { 'zh-CN': '小城' },
  orgs: {
    key: 'city',
    type: 'city',
    name: '小城市',
    side: [{ key: 'cgj', type: 'department', name: '城管局' }],
    children: [
      {
        key: 's1',
        type: 'street',
        name: '一街道',
        children: [
          {
            key: 'c1',
            type: 'community',
            name: '一社区',
            side: [{ key: 'c1-rc', type: 'residents_committee', name: '一社区居委会' }],
            children: [{ key: 'x1', type: 'compound', name: '一小区' }],
          },
          { key: 'c2', type: 'community', name: '二社区', children: [{ key: 'x2', type: 'compound', name: '二小区' }] },
        ],
      },
    ],
  },
  people: [
    { username: 'rc', name: '居委会委员', roles: [{ role: 'residents_committee_member', org: 'c1-rc' }] },
    { username: 'dept', name: '城管队员', roles: [{ role: 'department_officer', org: 'cgj' }] },
  ],
};

const roles = new Map(defaultRoles.map((r) => [r.id, r]));

for (const backend of testBackends()) {
  describe(`role scopes of side organizations on ${backend.name}`, () => {
    let database: Database<CoreTables>;
    const id = async (username: string) => (await database.db.selectFrom('linli_people').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
    beforeAll(async () => {
      database = await backend.open();
      await migrateCore(database.db);
      await syncCityStructure(database.db, config, defaultOrgTypes, { passwordHash: 'x' });
      const now = new Date('2026-11-24T08:00:00Z');
      for (const key of ['x1', 'x2']) {
        const org = (await getOrgByKey(database.db, key))!;
        await insertTicket(database.db, { workflow: 'w', state: 'new', orgId: Number(org.id), orgPath: org.path, reporterId: null, title: `in ${key}`, data: {}, deadline: null, now, action: 'create' });
      }
    });
    afterAll(async () => database?.close());

    it("gives a residents' committee member the community the committee belongs to", async () => {
      const actor = await loadActor(database.db, await id('rc'), roles);
      const c1 = (await getOrgByKey(database.db, 'c1'))!;
      expect(actor.grants[0]).toMatchObject({ role: 'residents_committee_member', scopePaths: [c1.path], seesScope: true });
      const seen = await listTickets(database.db, actor, { limit: 10 });
      expect(seen.items.map((t) => t.title)).toEqual(['in x1']);
    });

    it('keeps a department officer to the department, not the city it hangs under', async () => {
      const actor = await loadActor(database.db, await id('dept'), roles);
      const cgj = (await getOrgByKey(database.db, 'cgj'))!;
      expect(actor.grants[0]?.scopePaths).toEqual([cgj.path]);
      expect((await listTickets(database.db, actor, { limit: 10 })).items).toEqual([]);
    });
  });
}
