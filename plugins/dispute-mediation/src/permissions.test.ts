import { testActor } from '@linli/testing';
import { describe, expect, it } from 'vitest';
import { isDesk, mayMediate, maySee } from './permissions.js';

/** Who may do what on a case at 河畔家园 (/1/2/3/4/), as a table. */
const hepan = '/1/2/3/4/';
const yongfu = '/1/2/3/';
const team = [42];

describe('dispute-mediation permissions', () => {
  const cases = [
    { who: 'community secretary of its community', grants: [{ role: 'community_secretary', orgPath: yongfu }], desk: true, mediate: true, see: true },
    { who: 'community staff of another community', grants: [{ role: 'community_staff', orgPath: '/1/2/9/' }], desk: false, mediate: false, see: false },
    { who: 'grid worker covering it (not the desk)', grants: [{ role: 'grid_worker', orgPath: hepan }], desk: false, mediate: false, see: true },
    { who: 'a department officer on no team', grants: [{ role: 'department_officer', orgPath: '/1/50/' }], desk: false, mediate: false, see: false },
    { who: "a lawyer on the case's team", grants: [{ role: 'department_officer', orgPath: '/1/51/' }], person: '42', desk: false, mediate: true, see: true },
  ] as const;
  for (const c of cases) {
    it(`${c.who}: desk ${c.desk}, mediates ${c.mediate}, sees ${c.see}`, () => {
      const actor = testActor(c.grants.map((g) => ({ ...g })), 'person' in c ? c.person : '9');
      expect([isDesk(actor, hepan), mayMediate(actor, hepan, team), maySee(actor, hepan, team)]).toEqual([c.desk, c.mediate, c.see]);
    });
  }
});
