import type { Database } from '@linli/db';
import { startTestServer, testBackends, type TestBackend, type TestClient, type TestServer } from '@linli/testing';
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleConfig, orgId } from './test-support.js';

/**
 * The hot path's database round trips, counted. On a shared machine each
 * statement costs a socket write both ways and a wake-up of the server and
 * of PostgreSQL: the benchmark (bench/) found them the largest cost of a
 * step after HTTP itself. The counts are what the code sends (the
 * statements kysely runs; a transaction adds BEGIN and COMMIT), so a change
 * that adds a round trip to a create, a step or a queue page fails here,
 * on any machine, instead of as a slower benchmark weeks later.
 */
class StatementCounter implements KyselyPlugin {
  count = 0;
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return args.node;
  }
  // Counted when a statement's result comes back: statements compiled once (@linli/db compiled.ts) are never transformed, but every result is.
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    this.count++;
    return args.result;
  }
}

function counted(backend: TestBackend, counter: StatementCounter): TestBackend {
  return {
    name: backend.name,
    async open(): Promise<Database<any>> {
      const database = await backend.open();
      return { ...database, db: database.db.withPlugin(counter) };
    },
  };
}

for (const backend of testBackends()) {
  describe(`round trips of the hot path on ${backend.name}`, () => {
    const counter = new StatementCounter();
    let server: TestServer;
    let secretary: TestClient;
    let compound: string;
    let community: string;

    /** The statements one request sends (the session is cached, as in production after the first request). */
    const statementsOf = async <T>(request: () => Promise<T>): Promise<{ result: T; statements: number }> => {
      const before = counter.count;
      const result = await request();
      return { result, statements: counter.count - before };
    };

    beforeAll(async () => {
      server = await startTestServer({ config: exampleConfig, plugins: [(await import('@linli/plugin-grid-requests')).gridRequestsPlugin], backend: counted(backend, counter) });
      secretary = await server.login('secretary.yongfu');
      compound = await orgId(server, 'hepan');
      community = await orgId(server, 'yongfu');
      // Warm the session cache: every later request finds the session without asking the database.
      await secretary.get('/api/me');
    });
    afterAll(() => server?.close());

    it('a create, each step and a queue page send one statement per thing they need', async () => {
      const create = await statementsOf(() => secretary.post('/api/tickets', { workflow: 'grid-request', orgId: compound, data: { title: '路灯不亮', category: '公共设施', description: '东门两盏路灯一周没亮。' } }));
      expect(create.result.status).toBe(201);
      const id = create.result.body.id as string;
      const sort = await statementsOf(() => secretary.post(`/api/tickets/${id}/transitions`, { action: 'sort', version: 1, data: { category: '公共设施', urgency: '缓' } }));
      expect(sort.result.status).toBe(200);
      const solve = await statementsOf(() => secretary.post(`/api/tickets/${id}/transitions`, { action: 'solve-in-grid', version: 2, data: { result: '已协调物业更换灯泡' } }));
      expect(solve.result.status).toBe(200);
      const rework = await statementsOf(() => secretary.post(`/api/tickets/${id}/transitions`, { action: 'rework', version: 3, comment: '晚上去看了，灯还是不亮' }));
      expect(rework.result.status).toBe(200);
      const queue = await statementsOf(() => secretary.get(`/api/tickets?orgId=${community}&state=sorted&limit=20`));
      expect(queue.result.status).toBe(200);
      expect(queue.result.body.items.map((t: { id: string }) => t.id)).toContain(id);

      console.log(`statements: create ${create.statements}, sort ${sort.statements}, solve ${solve.statements}, rework ${rework.statements}, queue ${queue.statements}`);
      // create: the org; the ticket with its first event; the deadline jobs.
      expect(create.statements).toBeLessThanOrEqual(3);
      // a step: the ticket locked with its escalations; the versioned write with its event and its deadline jobs.
      for (const step of [sort, solve, rework]) expect(step.statements).toBeLessThanOrEqual(2);
      // a queue page of the secretary's own community: the page, nothing else.
      expect(queue.statements).toBe(1);
    });
  });
}
