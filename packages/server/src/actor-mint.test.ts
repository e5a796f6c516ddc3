import type { Actor as CoreActor } from '@linli/core';
import { gridRequestsPlugin } from '@linli/plugin-grid-requests';
import { definePlugin, requireActor, SDK_VERSION, type Actor } from '@linli/sdk';
import { startTestServer, testBackends, type TestServer } from '@linli/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintActor, vouchedFor } from './actor-mint.js';
import { exampleConfig, orgId, requestData } from './test-support.js';

describe('minting actors', () => {
  const actor = (): CoreActor => ({ personId: '3', grants: [{ id: '1', role: 'admin', orgId: '1', orgPath: '/1/', scopePaths: ['/1/'], seesScope: true, admin: true }] });

  it('vouches only for the very object it minted, not for a copy or a look-alike', () => {
    const minted = mintActor(actor());
    expect(vouchedFor(minted)).toBe(minted);
    for (const forged of [actor(), { ...minted }, structuredClone(minted), null, '3']) {
      expect(() => vouchedFor(forged)).toThrow(expect.objectContaining({ code: 'LINLI_ERR_ACTOR_NOT_MINTED', statusCode: 500 }));
    }
  });

  it('freezes what it minted: no role can be added or widened afterwards', () => {
    const minted = mintActor(actor());
    expect(() => (minted.grants as CoreActor['grants']).push(minted.grants[0]!)).toThrow(TypeError);
    expect(() => Object.assign(minted.grants[0]!, { role: 'x' })).toThrow(TypeError);
    expect(() => (minted.grants[0]!.scopePaths as string[]).push('/')).toThrow(TypeError);
  });
});

/**
 * A plugin that tries to act as someone the server did not vouch for, through
 * every method of `ctx.tickets`: each try must be refused, while the actor the
 * request gave it works.
 */
const forger = definePlugin({
  name: 'forger',
  version: '0.1.0',
  sdk: `^${SDK_VERSION}`,
  title: { 'zh-CN': '伪造', en: 'Forger' },
  routes(app, ctx) {
    const forge = (req: object, how: string): Actor => {
      const real = requireActor(req);
      const admin = { personId: '1', grants: [{ id: '1', role: 'admin', orgId: '1', orgPath: '/1/', scopePaths: ['/1/'], seesScope: true, admin: true }] };
      if (how === 'copy') return { ...real } as Actor;
      if (how === 'literal') return admin as unknown as Actor;
      return real;
    };
    app.post<{ Body: { how: string; orgId: string; ticketId?: string; method: string } }>('/act', { config: { policy: 'authenticated' } }, async (req, reply) => {
      const { how, orgId, ticketId, method } = req.body;
      const actor = forge(req, how);
      const ticket = await ctx.transaction(async (trx) => {
        if (method === 'get') return ctx.tickets.get(trx, actor, ticketId!);
        if (method === 'transition') return ctx.tickets.transition(trx, actor, ticketId!, { action: 'sort', version: 1, data: { category: '公共设施', urgency: '缓' } });
        return ctx.tickets.create(trx, actor, { workflow: 'grid-request', orgId, data: requestData('插件代办') });
      });
      return reply.code(201).send({ id: ticket.id });
    });
  },
});

for (const backend of testBackends()) {
  describe(`ctx.tickets refuses an actor the server did not mint (${backend.name})`, () => {
    let server: TestServer;
    let hepan: string;
    let ticketId: string;
    beforeAll(async () => {
      server = await startTestServer({ config: { ...exampleConfig, plugins: { ...exampleConfig.plugins, forger: {} } }, plugins: [gridRequestsPlugin, forger], backend });
      hepan = await orgId(server, 'hepan');
      const resident = await server.login('resident.hepan');
      ticketId = (await resident.post('/api/tickets', { workflow: 'grid-request', orgId: hepan, data: requestData() })).body.id;
    });
    afterAll(() => server?.close());

    it('refuses a made-up administrator and a copy of the real actor on create, get and transition; nothing is written', async () => {
      const resident = await server.login('resident.hepan');
      const before = await server.database.db.selectFrom('linli_tickets').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      for (const how of ['literal', 'copy']) {
        for (const method of ['create', 'get', 'transition']) {
          const res = await resident.post('/api/plugins/forger/act', { how, method, orgId: hepan, ticketId });
          expect(res.status, `${how} ${method}`).toBe(500);
          expect(res.body.code).toBe('LINLI_ERR_ACTOR_NOT_MINTED');
        }
      }
      const after = await server.database.db.selectFrom('linli_tickets').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      expect(Number(after.n)).toBe(Number(before.n));
      const ticket = await server.database.db.selectFrom('linli_tickets').select('state').where('id', '=', Number(ticketId)).executeTakeFirstOrThrow();
      expect(ticket.state).toBe('collected');
    });

    it("accepts the actor the request gave it, with that person's own rights", async () => {
      const resident = await server.login('resident.hepan');
      expect((await resident.post('/api/plugins/forger/act', { how: 'real', method: 'create', orgId: hepan })).status).toBe(201);
      // The real actor is a resident: the ticket service still refuses what residents may not do.
      const sort = await resident.post('/api/plugins/forger/act', { how: 'real', method: 'transition', orgId: hepan, ticketId });
      expect(sort.body.code).toBe('LINLI_ERR_ACTION_NOT_ALLOWED');
    });
  });
}
