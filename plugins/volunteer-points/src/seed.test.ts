import { testBackends, type TestServer } from '@linli/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, start } from './test-support.js';

/** The demo history `npm start` shows: members, wishes on the board and claimed, two months of service in the ledger. */
for (const backend of testBackends()) {
  describe(`volunteer-points demo data on ${backend.name}`, () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await start(backend, { demoData: true });
    });
    afterAll(() => server?.close());

    it('seeds registrations, wishes and a ledger that the reports read', async () => {
      const secretary = await server.login('secretary.yongfu');
      const members = (await secretary.get(`${api}/members`)).body.items;
      expect(members.length).toBeGreaterThanOrEqual(2);
      const wishes = (await secretary.get(`${api}/wishes`)).body.items as { state: string }[];
      expect(wishes.filter((w) => w.state === 'posted').length).toBeGreaterThan(0);
      expect(wishes.filter((w) => w.state === 'claimed').length).toBeGreaterThan(0);
      const ledger = (await secretary.get(`${api}/ledger`)).body.items as { kind: string; points: number }[];
      expect(ledger.length).toBe(members.length * 2);
      expect(ledger.every((e) => e.kind === 'service' && e.points > 0)).toBe(true);
      expect((await secretary.get(`${api}/rankings`)).body.items.length).toBe(members.length);
      expect((await secretary.get(`${api}/activities`)).body.items).toHaveLength(2);
    });
  });
}
