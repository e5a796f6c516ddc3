import { migrateCore } from '@linli/db';
import { testBackends } from '@linli/db/testing';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pathsAtAndAbove, peopleHolding } from './people.js';

describe('pathsAtAndAbove', () => {
  it('lists the org at a path and every org above it, city first', () => {
    expect(pathsAtAndAbove('/1/4/17/')).toEqual(['/1/', '/1/4/', '/1/4/17/']);
    expect(pathsAtAndAbove('/1/')).toEqual(['/1/']);
    expect(pathsAtAndAbove('')).toEqual([]);
  });
});

for (const backend of testBackends()) {
  describe(`peopleHolding on ${backend.name}`, () => {
    let close: () => Promise<void>;
    let db: Kysely<any>;
    const org: Record<string, { id: number; path: string }> = {};
    const person: Record<string, string> = {};

    beforeAll(async () => {
      const database = await backend.open();
      close = database.close;
      db = database.db;
      await migrateCore(db);
      // city > street > two communities; a compound under the first; a property company beside it.
      const tree: [string, string | null, string][] = [
        ['city', null, 'city'],
        ['street', 'city', 'street'],
        ['yongfu', 'street', 'community'],
        ['hepan', 'yongfu', 'compound'],
        ['shuguang', 'street', 'community'],
        ['wuye', 'street', 'property_company'],
      ];
      for (const [key, parent, type] of tree) {
        const p = parent ? org[parent]! : null;
        const row = await db.insertInto('linli_orgs').values({ key, parent_id: p?.id ?? null, type, kind: type === 'property_company' ? 'side' : 'level', name: key, path: `${p?.path ?? '/'}${key}/`, depth: p ? p.path.split('/').length - 1 : 0 }).returning('id').executeTakeFirstOrThrow();
        org[key] = { id: row.id, path: `${p?.path ?? '/'}${key}/` };
      }
      const grants: [string, string, string][] = [
        ['secretary', 'community_secretary', 'yongfu'],
        ['staff', 'community_staff', 'yongfu'],
        ['branch', 'branch_secretary', 'hepan'],
        ['admin', 'admin', 'city'],
        ['other', 'community_secretary', 'shuguang'],
        ['manager', 'property_staff', 'wuye'],
        ['both', 'community_staff', 'yongfu'],
        ['both', 'community_secretary', 'yongfu'],
        ['gone', 'community_staff', 'yongfu'],
      ];
      for (const [who, role, at] of grants) {
        person[who] ??= String((await db.insertInto('linli_people').values({ username: who, display_name: who }).returning('id').executeTakeFirstOrThrow()).id);
        await db.insertInto('linli_role_assignments').values({ person_id: Number(person[who]), role, org_id: org[at]!.id }).execute();
      }
      // A staff member who left: the account is disabled, the grant still on record.
      await db.updateTable('linli_people').set({ disabled_at: new Date() }).where('username', '=', 'gone').execute();
    });
    afterAll(() => close?.());

    const ids = (...who: string[]) => who.map((w) => person[w]!).sort((a, b) => Number(a) - Number(b));

    it('finds the holders of roles at a compound and above it, each once, and nobody beside it or disabled', async () => {
      const roles = ['community_secretary', 'community_staff', 'branch_secretary'];
      expect(await peopleHolding(db, { roles, atOrAbove: org.hepan!.path })).toEqual(ids('secretary', 'staff', 'branch', 'both'));
      // Any role: the city's administrator holds one above the compound too; the other community and the company do not count.
      expect(await peopleHolding(db, { atOrAbove: org.hepan!.path })).toEqual(ids('secretary', 'staff', 'branch', 'admin', 'both'));
    });

    it('narrows to one type of org above (the community desk of a compound)', async () => {
      expect(await peopleHolding(db, { atOrAbove: org.hepan!.path, orgType: 'community' })).toEqual(ids('secretary', 'staff', 'both'));
    });

    it('finds everyone at given orgs, ids given as numbers or strings', async () => {
      expect(await peopleHolding(db, { orgIds: [org.wuye!.id] })).toEqual(ids('manager'));
      expect(await peopleHolding(db, { orgIds: [String(org.shuguang!.id), String(org.wuye!.id)], roles: ['community_secretary'] })).toEqual(ids('other'));
    });

    it('answers nobody for nothing to look in, and refuses a question with no place', async () => {
      expect(await peopleHolding(db, { orgIds: [] })).toEqual([]);
      expect(await peopleHolding(db, { orgIds: ['not-an-id'] })).toEqual([]);
      expect(await peopleHolding(db, { roles: [], atOrAbove: org.hepan!.path })).toEqual([]);
      await expect(peopleHolding(db, { roles: ['admin'] })).rejects.toThrow('orgIds or atOrAbove');
    });
  });
}
